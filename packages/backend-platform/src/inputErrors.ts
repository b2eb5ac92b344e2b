import { InputError } from '@backstage/errors';

/** One broken rule of a request: which field, what is wrong, and the rule's name. */
export interface Violation {
  /** Path of the field, such as `events[3].data.status` or `storageGB`; empty for the body itself. */
  field: string;
  /** What is wrong, in words a developer can act on. */
  problem: string;
  /** Short name of the rule, such as `required`, `pattern`, `maximum`, `quota`. */
  rule: string;
}

/** `<field>: <problem> (rule: <rule>)`, Paved's one error format. */
export function formatViolation(violation: Violation): string {
  const field = violation.field || 'body';
  return `${field}: ${violation.problem} (rule: ${violation.rule})`;
}

/**
 * An `InputError` (HTTP 400 with Backstage's error body) naming every violation, separated by
 * `; `. Callers collect all violations first instead of stopping at the first.
 */
export function violationsError(violations: Violation[]): InputError {
  if (violations.length === 0) {
    throw new Error('violationsError needs at least one violation');
  }
  return new InputError(violations.map(formatViolation).join('; '));
}

/** `['events', 3, 'data']` → `events[3].data`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join('');
}

/** The parts of a zod issue (v3 or v4) this module reads. */
interface ZodIssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code: string;
  keys?: string[];
  unionErrors?: Array<{ issues: ZodIssueLike[] }>;
  /** A custom issue names its rule as `params.rule`. */
  params?: { rule?: unknown };
}

const ZOD_RULES: Record<string, string> = {
  invalid_type: 'type',
  invalid_string: 'pattern',
  invalid_format: 'pattern',
  invalid_enum_value: 'enum',
  invalid_value: 'enum',
  unrecognized_keys: 'no-unknown-fields',
  too_small: 'minimum',
  too_big: 'maximum',
  invalid_date: 'date',
  not_multiple_of: 'multiple-of',
  invalid_union: 'one-of',
  custom: 'custom',
};

/** Every issue of a failed zod parse, as violations (field paths prefixed with `prefix`). */
export function violationsFromZod(
  issues: ReadonlyArray<ZodIssueLike>,
  prefix: ReadonlyArray<string | number> = [],
): Violation[] {
  return issues.flatMap(issue => {
    const path = [...prefix, ...(issue.path as Array<string | number>)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map(key => ({
        field: formatFieldPath([...path, key]),
        problem: 'is not a known field',
        rule: 'no-unknown-fields',
      }));
    }
    let rule = ZOD_RULES[issue.code] ?? issue.code;
    if (issue.code === 'invalid_type' && /required/i.test(issue.message)) {
      rule = 'required';
    }
    if (issue.code === 'custom' && typeof issue.params?.rule === 'string') {
      rule = issue.params.rule;
    }
    return [
      {
        field: formatFieldPath(path),
        problem: issue.message,
        rule,
      },
    ];
  });
}
