import { z } from 'zod/v3';
import { FACT_ID_PATTERN, type Fact, type FactValue } from './facts';

/** How a check compares its fact with its threshold. */
export const CHECK_OPERATORS = [
  '==',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'notIn',
  'contains',
] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

/** Which entities a check or scorecard measures; an absent field matches everything. */
export interface EntitySelector {
  /** Entity kinds in lower case, e.g. `component`. */
  kinds?: string[];
  /** `spec.type` values, e.g. `service`, `website`. */
  types?: string[];
  /** `spec.lifecycle` values, e.g. `production`. */
  lifecycles?: string[];
}

/** A fixer a check names: what "Fix it" starts, with values for the fixer. */
export interface FixerReference {
  /** A fixer's id, e.g. `template` or `golden-path-upgrade`. */
  id: string;
  /**
   * The fixer's input; strings may hold `{{ entityRef }}`, `{{ entity.metadata.name }}` and other
   * `{{ entity.<path> }}` placeholders, filled in for the entity being fixed.
   */
  input?: Record<string, unknown>;
}

/** A rule every entity it applies to should meet, declared in config or a YAML file. */
export interface CheckDefinition {
  /** Stable id, e.g. `has-runbook`; results and exemptions refer to it. */
  id: string;
  title: string;
  description: string;
  /** The fact it reads, e.g. `repo.hasRunbook`. */
  fact: string;
  operator: CheckOperator;
  /** What the fact is compared with: `true`, `80`, `[elite, high]`. */
  threshold: FactValue;
  /** How an owner makes it pass, in Markdown. */
  howToFix: string;
  /** An automatic fix the portal offers as "Fix it". */
  fixer?: FixerReference;
  appliesTo?: EntitySelector;
}

/** How a check turned out for one entity. `unknown` is not `fail`: the fact could not be read. */
export type CheckStatus = 'pass' | 'fail' | 'exempt' | 'unknown';

export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  /** The fact's value the check saw, when known. */
  value?: FactValue;
  /** Why: `coverage 72 is below 80`, `no runbook at docs/runbook.md`, the exemption's reason. */
  reason: string;
  /** When the fact was observed (RFC 3339), if there is one. */
  observedAt?: string;
  /** The exemption that applies, when `exempt`. */
  exemptionId?: string;
}

const CHECK_ID = /^[a-z][a-z0-9-]{1,62}$/;

const selectorSchema = z
  .object({
    kinds: z.array(z.string().min(1).max(63)).max(20).optional(),
    types: z.array(z.string().min(1).max(63)).max(20).optional(),
    lifecycles: z.array(z.string().min(1).max(63)).max(20).optional(),
  })
  .strict();

const thresholdSchema = z.union([
  z.boolean(),
  z.number().finite(),
  z.string().max(500),
  z.array(z.string().max(200)).max(100),
]);

/** A check as written in config or in a definitions file. */
export const checkDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(
        CHECK_ID,
        'must be lower case letters, digits and dashes, such as has-runbook',
      ),
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(2000),
    fact: z
      .string()
      .regex(
        FACT_ID_PATTERN,
        'must be a dotted fact id such as repo.hasRunbook',
      ),
    operator: z.enum(CHECK_OPERATORS),
    threshold: thresholdSchema,
    howToFix: z.string().min(1).max(4000),
    fixer: z
      .object({
        id: z.string().regex(CHECK_ID, 'must be a fixer id such as template'),
        input: z.record(z.unknown()).optional(),
      })
      .strict()
      .optional(),
    appliesTo: selectorSchema.optional(),
  })
  .strict()
  .superRefine((check, ctx) => {
    const numeric = ['>', '>=', '<', '<='].includes(check.operator);
    if (numeric && typeof check.threshold !== 'number') {
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `must be a number for operator ${check.operator}`,
      });
    }
    const listy = check.operator === 'in' || check.operator === 'notIn';
    if (listy && !Array.isArray(check.threshold)) {
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `must be a list for operator ${check.operator}`,
      });
    }
  });

export { selectorSchema as entitySelectorSchema };

function describe(value: FactValue): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** The comparison alone: true when `value <operator> threshold` holds. */
export function compareFact(
  operator: CheckOperator,
  value: FactValue,
  threshold: FactValue,
): boolean {
  switch (operator) {
    case '==':
      return sameValue(value, threshold);
    case '!=':
      return !sameValue(value, threshold);
    case '>':
    case '>=':
    case '<':
    case '<=': {
      if (typeof value !== 'number' || typeof threshold !== 'number') {
        return false;
      }
      if (operator === '>') return value > threshold;
      if (operator === '>=') return value >= threshold;
      if (operator === '<') return value < threshold;
      return value <= threshold;
    }
    case 'in':
      return Array.isArray(threshold) && threshold.includes(String(value));
    case 'notIn':
      return Array.isArray(threshold) && !threshold.includes(String(value));
    case 'contains':
      return Array.isArray(value)
        ? value.includes(String(threshold))
        : typeof value === 'string' && value.includes(String(threshold));
    default:
      return false;
  }
}

function sameValue(a: FactValue, b: FactValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => item === b[i]);
  }
  return a === b;
}

/** A check's outcome from its fact (or the absence of one); exemptions are applied by the caller. */
export function evaluateCheck(
  check: Pick<CheckDefinition, 'id' | 'fact' | 'operator' | 'threshold'>,
  fact: Pick<Fact, 'status' | 'value' | 'reason' | 'observedAt'> | undefined,
): CheckResult {
  if (!fact) {
    return {
      checkId: check.id,
      status: 'unknown',
      reason: `no value for ${check.fact} has been collected yet`,
    };
  }
  if (fact.status === 'unknown') {
    return {
      checkId: check.id,
      status: 'unknown',
      reason: fact.reason ?? `${check.fact} could not be read`,
      observedAt: fact.observedAt,
    };
  }
  const passed = compareFact(check.operator, fact.value, check.threshold);
  const comparison = `${check.fact} is ${describe(fact.value)}, expected ${
    check.operator
  } ${describe(check.threshold)}`;
  return {
    checkId: check.id,
    status: passed ? 'pass' : 'fail',
    value: fact.value,
    reason: fact.reason ? `${comparison} (${fact.reason})` : comparison,
    observedAt: fact.observedAt,
  };
}
