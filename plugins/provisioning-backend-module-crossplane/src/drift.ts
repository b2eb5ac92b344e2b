import { isDeepStrictEqual } from 'node:util';
import {
  GitRepository,
  unifiedFileDiff,
  type ProviderDrift,
} from '@paved/plugin-provisioning-node';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { CompositeResourceCluster } from './ClusterClient';
import type { PostgreSQLInstanceManifest } from './manifest';

/**
 * Spec fields Paved changes in the request without committing again: extending an ephemeral
 * database moves its `expiresAt` in Paved only, so an older value in the file is not drift.
 */
const UNRECOMMITTED_SPEC_FIELDS = ['expiresAt'];

/**
 * GitOps: the committed manifest against the approved rendering. Compared as YAML documents, so a
 * reformatted file or an edited comment is not drift; any changed, added or removed field is, and
 * so is a removed file (the sync tool would prune the database).
 */
export async function committedManifestDrift(options: {
  repository: GitRepository;
  file: string;
  approved: PostgreSQLInstanceManifest;
  /** The approved rendering as Paved commits it (with its header comment). */
  approvedText: string;
}): Promise<ProviderDrift> {
  const { repository, file, approved, approvedText } = options;
  const committed = await repository.readFile(file);
  if (committed === undefined) {
    if (!(await repository.lastCommitTouching(file))) {
      // Approved but not committed yet (the provider's first run is still to come).
      return {
        state: 'unknown',
        detail: `${file} is not in ${repository.location} yet`,
      };
    }
    return {
      state: 'drifted',
      detail: `${file} was removed from ${repository.location} outside Paved`,
      diff: unifiedFileDiff(file, approvedText, null),
    };
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(committed);
  } catch (error) {
    return {
      state: 'drifted',
      detail: `${file} in ${repository.location} is no longer valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
      diff: unifiedFileDiff(file, approvedText, committed),
    };
  }
  parsed = withoutUnrecommitted(parsed);
  if (isDeepStrictEqual(parsed, toPlain(approved))) {
    return {
      state: 'in-sync',
      detail: `${file} matches the approved request`,
    };
  }
  return {
    state: 'drifted',
    detail: `${file} differs from the approved request in ${changedFields(
      toPlain(approved),
      parsed,
    ).join(', ')}`,
    diff: unifiedFileDiff(file, approvedText, committed),
  };
}

/**
 * Apply: the live object's spec against the approved one, field by field. Only the fields Paved
 * renders count: Crossplane and the API server add defaults and status of their own.
 */
export async function liveObjectDrift(options: {
  cluster: CompositeResourceCluster;
  approved: PostgreSQLInstanceManifest;
}): Promise<ProviderDrift> {
  const { cluster, approved } = options;
  const target = `${approved.kind} ${approved.metadata.namespace}/${approved.metadata.name}`;
  const live = await cluster.read(approved);
  if (!live) {
    return {
      state: 'drifted',
      detail: `${target} was deleted from the cluster outside Paved`,
    };
  }
  const changed = Object.keys(approved.spec).filter(
    key =>
      !UNRECOMMITTED_SPEC_FIELDS.includes(key) &&
      !isDeepStrictEqual(live.spec?.[key], approved.spec[key]),
  );
  if (changed.length === 0) {
    return {
      state: 'in-sync',
      detail: `${target} matches the approved request`,
    };
  }
  return {
    state: 'drifted',
    detail: `${target} differs from the approved request: ${changed
      .map(
        key =>
          `spec.${key} is ${JSON.stringify(
            live.spec?.[key],
          )}, approved ${JSON.stringify(approved.spec[key])}`,
      )
      .join('; ')}`,
  };
}

function withoutUnrecommitted(document: unknown): unknown {
  const spec = (document as { spec?: Record<string, unknown> } | null)?.spec;
  if (!spec || typeof spec !== 'object') return document;
  const kept = Object.fromEntries(
    Object.entries(spec).filter(
      ([k]) => !UNRECOMMITTED_SPEC_FIELDS.includes(k),
    ),
  );
  return { ...(document as object), spec: kept };
}

function toPlain(manifest: PostgreSQLInstanceManifest): unknown {
  // Through YAML and back, so both sides have the same types (no undefined fields).
  return withoutUnrecommitted(parseYaml(stringifyYaml(manifest)));
}

/** Dotted paths of the leaves that differ (at most ten, then "…"). */
function changedFields(approved: unknown, committed: unknown): string[] {
  const paths: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (isDeepStrictEqual(a, b)) return;
    const objects =
      a &&
      b &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      !Array.isArray(a) &&
      !Array.isArray(b);
    if (!objects) {
      paths.push(at || '(document)');
      return;
    }
    const keys = new Set([
      ...Object.keys(a as object),
      ...Object.keys(b as object),
    ]);
    for (const key of [...keys].sort()) {
      walk(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        at ? `${at}.${key}` : key,
      );
    }
  };
  walk(approved, committed, '');
  return paths.length > 10 ? [...paths.slice(0, 10), '…'] : paths;
}
