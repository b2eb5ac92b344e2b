import { z } from 'zod/v3';

/** What a fact can hold: checks compare it with a threshold. */
export type FactValue = boolean | number | string | string[] | null;

/**
 * One thing Paved knows (or could not find out) about one entity, e.g. "has a runbook",
 * "test coverage", "DORA deployment frequency level".
 *
 * `unknown` is not `false`: a fact whose source could not be read says why in `reason`, and the
 * checks on it report `unknown` instead of `fail`.
 */
export interface Fact {
  /** Entity ref in lower case, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** Dotted id, namespaced by its source, e.g. `repo.hasRunbook`, `ci.coverage`. */
  factId: string;
  status: 'known' | 'unknown';
  /** The value when known; `null` when unknown. */
  value: FactValue;
  /** Why the value is unknown, or what it was derived from (for the "why" in the portal). */
  reason?: string;
  /** Structured detail, e.g. the policy violations behind a policy fact. */
  detail?: unknown;
  /** Collector that produced it: `catalog`, `repository`, `devex`, `provisioning`, `golden-paths`, `ci`. */
  source: string;
  /** When it was observed, RFC 3339. */
  observedAt: string;
}

/** What a collector promises about a fact it produces, listed by `GET /facts/descriptors`. */
export interface FactDescriptor {
  factId: string;
  title: string;
  description: string;
  type: 'boolean' | 'number' | 'string' | 'string[]';
  source: string;
}

/** Lower-case dotted identifier: `ci.coverage`, `policy.paved-require-memory-limit`. */
export const FACT_ID_PATTERN =
  /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9][a-zA-Z0-9-]*)+$/;

/** Entity ref with kind, namespace and name, as stored (lower case). */
export const ENTITY_REF_PATTERN =
  /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/i;

export const entityRefSchema = z
  .string()
  .max(255)
  .regex(
    ENTITY_REF_PATTERN,
    'must be a full entity ref such as component:default/payments-api',
  );

const factValueSchema = z.union([
  z.boolean(),
  z.number().finite(),
  z.string().max(500),
  z.array(z.string().max(200)).max(100),
]);

/** One value CI reports for an entity, e.g. `{ "id": "ci.coverage", "value": 83.4 }`. */
export const pushedFactSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^ci\.[a-zA-Z][a-zA-Z0-9-]*$/,
        'must start with "ci." and name one value, such as ci.coverage',
      ),
    value: factValueSchema,
  })
  .strict();

/**
 * How deeply a pushed manifest's objects and arrays may nest (the manifest itself is the first
 * level). Real Kubernetes objects stay well below 20; policies walk an object recursively, so a
 * deeper one is refused before it reaches them.
 */
export const MAX_MANIFEST_DEPTH = 64;

/** Whether objects and arrays nest deeper than `limit` in `value`, walked without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const inner of Object.values(current)) {
      pending.push([inner, depth + 1]);
    }
  }
  return false;
}

/** One Kubernetes object as rendered by `helm template` (only `apiVersion` and `kind` are required). */
export const kubernetesManifestSchema = z
  .object({
    apiVersion: z.string().min(1).max(100),
    kind: z.string().min(1).max(100),
    metadata: z
      .object({ name: z.string().max(253).optional() })
      .passthrough()
      .optional(),
  })
  .passthrough()
  .superRefine((manifest, ctx) => {
    if (nestsDeeperThan(manifest, MAX_MANIFEST_DEPTH)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must not nest deeper than ${MAX_MANIFEST_DEPTH} levels`,
        params: { rule: 'max-depth' },
      });
    }
  });

/**
 * `POST /api/scorecards/facts`: what a CI run reports for one entity. Facts replace the earlier
 * report's; `manifests` replace the earlier manifests and are checked against `policies/`.
 */
export const pushFactsRequestSchema = z
  .object({
    entityRef: entityRefSchema,
    facts: z.array(pushedFactSchema).max(50).default([]),
    manifests: z.array(kubernetesManifestSchema).max(500).optional(),
    /** Where the run can be seen, e.g. the CI run's URL. */
    runUrl: z.string().url().max(2000).optional(),
  })
  .strict()
  .refine(body => body.facts.length > 0 || body.manifests !== undefined, {
    message: 'must report at least one fact or a list of manifests',
    path: ['facts'],
  });

export type PushFactsRequest = z.infer<typeof pushFactsRequestSchema>;

/** `POST /api/scorecards/facts` response. */
export interface PushFactsResponse {
  entityRef: string;
  /** Facts stored, including one per policy when manifests were sent. */
  accepted: number;
  /** Policy violations found in the manifests, if any were sent. */
  violations?: number;
}
