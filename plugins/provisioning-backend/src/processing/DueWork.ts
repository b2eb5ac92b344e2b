import { v4 as uuid } from 'uuid';
import type { ClaimOptions } from '../database';

const BATCH_SIZE = 5;
const MAX_BATCHES_PER_RUN = 20;

/** Where due work is leased: the request store or the operation store. */
export interface DueWorkStore<T> {
  claimDue(options: ClaimOptions): Promise<T[]>;
}

/**
 * The claiming side of a processor: leases due rows in batches and works on each batch in
 * parallel, either everything due (the scheduled run) or the given rows (a kick after a create or
 * an approval).
 */
export class DueWork<T> {
  constructor(
    private readonly options: {
      store: DueWorkStore<T>;
      /** How long a claim's lease lasts, in milliseconds. */
      leaseMs: () => number;
      process: (item: T) => Promise<void>;
    },
  ) {}

  /** Processes everything that is due; returns how many rows were worked on. */
  async processDue(): Promise<number> {
    let processed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await this.claim(BATCH_SIZE);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map(item => this.options.process(item)));
      processed += claimed.length;
    }
    return processed;
  }

  /** Processes the given rows now if they are due and free. */
  async processNow(ids: string[]): Promise<void> {
    const claimed = await this.claim(ids.length, ids);
    await Promise.all(claimed.map(item => this.options.process(item)));
  }

  private claim(limit: number, ids?: string[]): Promise<T[]> {
    // A token per claim, so that even this instance's own earlier claim (whose lease ran out while
    // a provider call hung) can no longer write.
    return this.options.store.claimDue({
      owner: uuid(),
      leaseMs: this.options.leaseMs(),
      limit,
      ids,
    });
  }
}
