import { ErrorRequestHandler } from 'express';
import {
  Violation,
  formatFieldPath,
  violationsError,
} from '@paved/backend-platform';

/**
 * `@backstage/backend-openapi-utils` turns what the OpenAPI validator found into an `InputError`
 * carrying only ajv's text: `request/<location>/<path> <message>` per violation, joined by `, `.
 * These read that text back into Paved's format, `<field>: <problem> (rule: <rule>)`, with the
 * field as a client names it (`events[3].data.status`, `limit`).
 */
const RULES: Array<[RegExp, string]> = [
  [/^must have required property/, 'required'],
  [/^must NOT have additional properties/, 'no-unknown-fields'],
  [/^must be equal to one of the allowed values/, 'enum'],
  [/^must be equal to constant/, 'enum'],
  [/^must match format/, 'format'],
  [/^must match pattern/, 'pattern'],
  [/^must be (string|integer|number|boolean|object|array|null)/, 'type'],
  [/^must NOT have fewer than|^must be >=?/, 'minimum'],
  [/^must NOT have more than|^must be <=?/, 'maximum'],
  [/^must match exactly one schema in oneOf/, 'one-of'],
  [/^value of tag ".*" must be in oneOf/, 'enum'],
];

/** `if`/`then` repeat the violations found inside the branch: nothing of their own to say. */
const BRANCH_SUMMARY = /^must match "(then|else)" schema$/;

/** ajv says this once per unknown field, without naming it. */
const UNKNOWN_FIELDS = 'must NOT have additional properties';

function fieldOf(location: string, pointer: string[]): string {
  const path: Array<string | number> = pointer.map(part =>
    /^\d+$/.test(part) ? Number(part) : part,
  );
  if (location === 'body') return formatFieldPath(path);
  return [location === 'query' ? '' : `${location}.`, formatFieldPath(path)]
    .join('')
    .toLocaleLowerCase('en-US');
}

/** The violations in the validator's message, or `undefined` if the message is not the validator's. */
export function openApiViolations(message: string): Violation[] | undefined {
  const unknownQuery = /^Unknown query parameter '(.+)'$/.exec(message);
  if (unknownQuery) {
    return [
      {
        field: unknownQuery[1],
        problem: 'is not a parameter of this route',
        rule: 'no-unknown-fields',
      },
    ];
  }
  const emptyQuery = /^Empty value found for query parameter '(.+)'$/.exec(
    message,
  );
  if (emptyQuery) {
    return [
      { field: emptyQuery[1], problem: 'must not be empty', rule: 'minimum' },
    ];
  }
  const encoding = /^Parameter '(.+)' must be url encoded/.exec(message);
  if (encoding) {
    return [
      {
        field: encoding[1],
        problem: 'must be percent-encoded (it contains reserved characters)',
        rule: 'url-encoding',
      },
    ];
  }
  if (!message.startsWith('request/')) return undefined;
  const violations: Violation[] = [];
  for (const item of message.split(/, (?=request\/)/)) {
    const match = /^request\/(\w+)((?:\/[^ ]*)?) (.*)$/s.exec(item);
    if (!match) return undefined;
    const [, location, pointerText, problem] = match;
    if (BRANCH_SUMMARY.test(problem)) continue;
    const pointer = pointerText.split('/').filter(Boolean);
    const required = /^must have required property '(.+)'$/.exec(problem);
    if (required) pointer.push(required[1]);
    const tag = /^value of tag "(.+)" must be in oneOf$/.exec(problem);
    if (tag) pointer.push(tag[1]);
    let said = problem.replace(
      UNKNOWN_FIELDS,
      'has fields that are not in the contract',
    );
    if (required) said = 'is required';
    if (tag) said = 'is not one of the types the contract defines';
    violations.push({
      field: fieldOf(location, pointer),
      problem: said,
      rule: RULES.find(([pattern]) => pattern.test(problem))?.[1] ?? 'schema',
    });
  }
  const distinct = [
    ...new Map(violations.map(v => [JSON.stringify(v), v])).values(),
  ];
  return distinct.length > 0 ? distinct : undefined;
}

/** Rewrites the OpenAPI validator's errors into Paved's one error format; passes others on. */
export function contractErrorHandler(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    // Matched by name: the validator's InputError may come from another copy of @backstage/errors.
    const violations =
      error?.name === 'InputError' && typeof error.message === 'string'
        ? openApiViolations(error.message)
        : undefined;
    next(violations ? violationsError(violations) : error);
  };
}
