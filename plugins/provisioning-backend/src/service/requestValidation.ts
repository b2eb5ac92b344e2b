import { violationsError, type Violation } from '@paved/backend-platform';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';

/** One finding of express-openapi-validator (ajv underneath). */
interface ValidatorFinding {
  path?: string;
  message?: string;
  errorCode?: string;
}

const RULES: Record<string, string> = {
  enum: 'enum',
  required: 'required',
  additionalProperties: 'no-unknown-fields',
  pattern: 'pattern',
  maxLength: 'maximum',
  maximum: 'maximum',
  maxItems: 'maximum',
  minLength: 'minimum',
  minimum: 'minimum',
  minItems: 'minimum',
  type: 'type',
  format: 'format',
};

/** `/body/events/0/size` → `events[0].size`; `/headers/idempotency-key` → `Idempotency-Key`. */
function fieldOf(path: string): string {
  const [location, ...rest] = path.replace(/^\.?\//, '').split('/');
  if (location === 'headers') {
    return rest
      .join('/')
      .split('-')
      .map(word => word.charAt(0).toUpperCase() + word.slice(1))
      .join('-');
  }
  return rest
    .map((part, i) => {
      if (/^\d+$/.test(part)) return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}

/** Every finding of a failed validation, in Paved's one error format. */
export function violationsFromOpenApi(
  findings: ValidatorFinding[],
): Violation[] {
  return findings.map(finding => {
    const keyword = finding.errorCode?.split('.')[0] ?? '';
    const field = fieldOf(finding.path ?? '');
    if (keyword === 'additionalProperties') {
      return { field, problem: 'is not a known field', rule: RULES[keyword] };
    }
    if (
      !finding.errorCode &&
      /^Unknown query parameter/.test(finding.message ?? '')
    ) {
      return {
        field,
        problem: 'is not a known query parameter',
        rule: 'no-unknown-parameters',
      };
    }
    return {
      field,
      problem: finding.message ?? 'is invalid',
      rule: RULES[keyword] ?? (keyword || 'schema'),
    };
  });
}

/**
 * Validates every request against the plugin's OpenAPI spec (express-openapi-validator, the
 * validator of `@backstage/backend-openapi-utils`) with all errors collected, and answers 400
 * naming each of them as `<field>: <problem> (rule: <rule>)`. The validator of the Backstage router
 * is switched off in favour of this one: it keeps only ajv's joined text, which drops the name of
 * an unknown field and follows another format.
 */
export function openApiRequestValidation(
  spec: object,
): Array<RequestHandler | ErrorRequestHandler> {
  const toViolations: ErrorRequestHandler = (error, _req, _res, next) => {
    const status = (error as { status?: number }).status;
    const findings = (error as { errors?: ValidatorFinding[] }).errors;
    if (
      (status === 400 || status === 415) &&
      Array.isArray(findings) &&
      findings.length
    ) {
      next(violationsError(violationsFromOpenApi(findings)));
      return;
    }
    next(error);
  };
  return [
    ...openApiValidator({
      // The validator rewrites $refs in place; it gets its own copy of the constant spec.
      apiSpec: JSON.parse(JSON.stringify(spec)),
      validateRequests: {
        allErrors: true,
        coerceTypes: false,
        allowUnknownQueryParameters: false,
      },
      validateResponses: false,
      ignoreUndocumented: true,
      useRequestUrl: true,
    }),
    toViolations,
  ];
}
