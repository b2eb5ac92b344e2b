import { InputError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';
import { Violation, violationsError } from './inputErrors';

/** One problem as express-openapi-validator words it: `request/body/title must NOT have ...`. */
const ISSUE =
  /^(?:request)?\/(body|query|params|path|headers|cookies)(\/\S*)? (.*)$/s;

/** The short name of the rule an ajv message reports. */
function ruleOf(problem: string): string {
  if (
    /^must be (string|number|integer|boolean|object|array|null)/.test(problem)
  )
    return 'type';
  if (/^must match format/.test(problem)) return 'format';
  if (/^must match pattern/.test(problem)) return 'pattern';
  if (/^must be equal to one of the allowed values/.test(problem))
    return 'enum';
  if (/^must NOT have more than/.test(problem)) return 'maximum';
  if (/^must NOT have fewer than/.test(problem)) return 'minimum';
  if (/^must be <=? /.test(problem)) return 'maximum';
  if (/^must be >=? /.test(problem)) return 'minimum';
  return 'schema';
}

/** `/events/0/size` → `events[0].size`. */
function fieldOf(location: string, path: string): string {
  const field = path
    .split('/')
    .filter(Boolean)
    .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  return field || (location === 'body' ? 'body' : location);
}

/**
 * Turns the message of a request that failed validation against a plugin's OpenAPI spec
 * (`createValidatedOpenApiRouter` from `@backstage/backend-openapi-utils`, i.e.
 * express-openapi-validator with ajv, several problems joined by `, `) into Paved's violations,
 * `<field>: <problem> (rule: <rule>)` once formatted. Undefined when the message is not the
 * validator's. An unknown body field is named when the spec declares unknown fields as
 * `additionalProperties: { not: {} }` (ajv's `additionalProperties: false` message drops the name).
 */
export function violationsFromOpenApi(
  message: string,
): Violation[] | undefined {
  const unknown = message.match(/^Unknown query parameter '([^']+)'$/);
  if (unknown) {
    return [
      {
        field: unknown[1],
        problem: 'is not a known query parameter',
        rule: 'no-unknown-fields',
      },
    ];
  }
  const empty = message.match(
    /^Empty value found for query parameter '([^']+)'$/,
  );
  if (empty) {
    return [
      { field: empty[1], problem: 'must not be empty', rule: 'required' },
    ];
  }
  if (!ISSUE.test(message)) {
    return undefined;
  }
  return message
    .split(/, (?=(?:request)?\/(?:body|query|params|path|headers|cookies)\b)/)
    .map(segment => {
      const match = segment.match(ISSUE);
      if (!match) return { field: 'body', problem: segment, rule: 'schema' };
      const [, location, path = '', problem] = match;
      const field = fieldOf(location, path);
      const required = problem.match(/^must have required property '(.+)'$/);
      if (required) {
        return {
          field: field === 'body' ? required[1] : `${field}.${required[1]}`,
          problem: 'is required',
          rule: 'required',
        };
      }
      if (problem === 'must NOT be valid') {
        return {
          field,
          problem: 'is not a known field',
          rule: 'no-unknown-fields',
        };
      }
      if (problem === 'must NOT have additional properties') {
        return {
          field,
          problem: 'has a field that is not known',
          rule: 'no-unknown-fields',
        };
      }
      return { field, problem, rule: ruleOf(problem) };
    });
}

/**
 * Error middleware for a router made by `createValidatedOpenApiRouter`: rewrites the validator's
 * 400s into Paved's error format and passes everything else on. Add it after the routes.
 */
export const openApiViolationsHandler: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (error instanceof InputError || error?.name === 'InputError') {
    const violations = violationsFromOpenApi(String(error.message));
    if (violations && violations.length > 0) {
      next(violationsError(violations));
      return;
    }
  }
  next(error);
};
