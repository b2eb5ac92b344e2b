import type {
  FactDescriptor,
  FactValue,
} from '@paved/plugin-scorecards-common';
import type { CollectedFact } from '@paved/plugin-scorecards-node';

export function known(
  entityRef: string,
  factId: string,
  value: FactValue,
  reason?: string,
): CollectedFact {
  return reason === undefined
    ? { entityRef, factId, status: 'known', value }
    : { entityRef, factId, status: 'known', value, reason };
}

/** Every fact of a source as `unknown` for an entity, with the one reason they all share. */
export function allUnknown(
  entityRef: string,
  descriptors: FactDescriptor[],
  reason: string,
): CollectedFact[] {
  return descriptors.map(d => ({
    entityRef,
    factId: d.factId,
    status: 'unknown' as const,
    value: null,
    reason,
  }));
}

/** Runs `work` over `items` with at most `limit` at a time (for per-entity HTTP calls). */
export async function mapWithLimit<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}
