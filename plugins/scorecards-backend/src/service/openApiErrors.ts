import { ErrorRequestHandler } from 'express';
import { InputError } from '@backstage/errors';
import { formatViolation, Violation } from '@paved/backend-platform';

/**
 * Request validation against `openapi.yaml` (Backstage's createValidatedOpenApiRouter, i.e.
 * express-openapi-validator with ajv and `allErrors`) reports every problem in one message such
 * as `request/body/reason must NOT have fewer than 10 characters, request/query/below must be
 * equal to one of the allowed values: bronze, silver, gold`. This turns it into Paved's format,
 * `<field>: <problem> (rule: <rule>)` for each. Unknown fields are declared in the spec as
 * `additionalProperties: { not: {} }`, so ajv reports them under their own name.
 */
export function violationsFromOpenApiMessage(
  message: string,
): Violation[] | undefined {
  if (!message.startsWith('request/')) return undefined;
  return message.split(/, (?=request\/)/).map(segment => {
    const match = segment.match(
      /^request\/(body|query|params|headers|cookies)(\/\S*)? (.*)$/s,
    );
    if (!match) return { field: 'body', problem: segment, rule: 'schema' };
    const [, location, rawPath = '', problem] = match;
    const path = rawPath
      .split('/')
      .filter(Boolean)
      .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
      .replace(/^\./, '');
    const required = problem.match(/^must have required property '(.+)'$/);
    if (required) {
      return {
        field: path ? `${path}.${required[1]}` : required[1],
        problem: 'is required',
        rule: 'required',
      };
    }
    const field = path || (location === 'body' ? 'body' : location);
    if (problem === 'must NOT be valid') {
      return {
        field,
        problem: 'is not a known field',
        rule: 'no-unknown-fields',
      };
    }
    return { field, problem, rule: ruleOf(problem) };
  });
}

function ruleOf(problem: string): string {
  if (
    /^must be (string|number|integer|boolean|object|array|null)/.test(problem)
  )
    return 'type';
  if (/^must match format/.test(problem)) return 'format';
  if (/^must match pattern/.test(problem)) return 'pattern';
  if (/^must be equal to one of the allowed values/.test(problem))
    return 'enum';
  if (/^must NOT have (fewer|more) than/.test(problem)) {
    return problem.includes('fewer') ? 'minimum' : 'maximum';
  }
  if (/^must be [<>]=?/.test(problem))
    return problem.includes('<') ? 'maximum' : 'minimum';
  return 'schema';
}

/** Rewrites the OpenAPI validator's 400s into Paved's error format; passes everything else on. */
export const openApiErrorFormat: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (error instanceof InputError || error?.name === 'InputError') {
    const violations = violationsFromOpenApiMessage(String(error.message));
    if (violations) {
      next(new InputError(violations.map(formatViolation).join('; ')));
      return;
    }
  }
  next(error);
};
