import { LoggerService } from '@backstage/backend-plugin-api';
import { v4 as uuid } from 'uuid';
import type { ClaimOptions } from '../database';
import { HeldLease, LeaseStore, processLeased } from './leasedWork';

const BATCH_SIZE = 5;
const MAX_BATCHES_PER_RUN = 20;

/** Where due work is leased: the request store or the operation store. */
export interface DueWorkStore<T> extends LeaseStore {
  claimDue(options: ClaimOptions): Promise<T[]>;
}

/** A claimed row: its id and the lease of the claim. */
interface ClaimedRow {
  id: string;
  lease?: { owner: string; expiresAt: Date };
}

/**
 * What a processor of requests or operations does around its steps: leases due rows in batches,
 * works on each batch in parallel, either everything due (the scheduled run) or the given rows (a
 * kick after a create or an approval), and runs each row's work under its lease (see
 * processLeased).
 */
export class DueWork<T extends ClaimedRow> {
  constructor(
    private readonly options: {
      store: DueWorkStore<T>;
      /** How long a claim's lease lasts, in milliseconds. */
      leaseMs: () => number;
      now: () => Date;
      /** The log of one row's work. */
      loggerFor: (row: T) => LoggerService;
      /** The row in log messages: `request <id>`, `operation <id>`. */
      describe: (row: T) => string;
      work: (row: T, lease: HeldLease, logger: LoggerService) => Promise<void>;
    },
  ) {}

  /** Processes everything that is due; returns how many rows were worked on. */
  async processDue(): Promise<number> {
    let processed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await this.claim(BATCH_SIZE);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map(row => this.process(row)));
      processed += claimed.length;
    }
    return processed;
  }

  /** Processes the given rows now if they are due and free. */
  async processNow(ids: string[]): Promise<void> {
    const claimed = await this.claim(ids.length, ids);
    await Promise.all(claimed.map(row => this.process(row)));
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

  private async process(row: T): Promise<void> {
    const logger = this.options.loggerFor(row);
    await processLeased(
      {
        id: row.id,
        lease: row.lease!,
        leaseMs: this.options.leaseMs(),
        store: this.options.store,
        now: this.options.now,
        logger,
        what: this.options.describe(row),
      },
      lease => this.options.work(row, lease, logger),
    );
  }
}
