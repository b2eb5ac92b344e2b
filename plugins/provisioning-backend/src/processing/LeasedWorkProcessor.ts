import { LoggerService } from '@backstage/backend-plugin-api';
import { v4 as uuid } from 'uuid';
import type { ClaimOptions } from '../database';
import type { ProcessingSettings } from '../config';
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
 * What the processors of requests and of operations share around their steps: they lease due
 * rows in batches and work on each batch in parallel, either everything due (the scheduled run) or
 * the given rows (a kick after a create or an approval), each row's work under its lease (see
 * processLeased). A processor says how a row is logged and worked on.
 */
export abstract class LeasedWorkProcessor<T extends ClaimedRow> {
  readonly instanceId: string;

  protected constructor(
    private readonly work: {
      store: DueWorkStore<T>;
      logger: LoggerService;
      settings: ProcessingSettings;
      now?: () => Date;
      /** This processor in logs; `<instancePrefix>-<uuid>` without. */
      instanceId?: string;
      instancePrefix: string;
    },
  ) {
    this.instanceId = work.instanceId ?? `${work.instancePrefix}-${uuid()}`;
  }

  protected now(): Date {
    return this.work.now?.() ?? new Date();
  }

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

  /** Processes the given rows now if they are due and free (after a create or an approval). */
  async processNow(ids: string[]): Promise<void> {
    const claimed = await this.claim(ids.length, ids);
    await Promise.all(claimed.map(row => this.process(row)));
  }

  /** What the log of a row's work names besides the processor, e.g. `{ requestId }`. */
  protected abstract logContextOf(row: T): Record<string, string>;

  /** The row in log messages: `request <id>`, `operation <id>`. */
  protected abstract describe(row: T): string;

  /** One step of a row's work, under its lease. */
  protected abstract step(
    row: T,
    lease: HeldLease,
    logger: LoggerService,
  ): Promise<void>;

  private get leaseMs(): number {
    return this.work.settings.leaseSeconds * 1000;
  }

  private claim(limit: number, ids?: string[]): Promise<T[]> {
    // A token per claim, so that even this instance's own earlier claim (whose lease ran out while
    // a provider call hung) can no longer write.
    return this.work.store.claimDue({
      owner: uuid(),
      leaseMs: this.leaseMs,
      limit,
      ids,
    });
  }

  private async process(row: T): Promise<void> {
    const logger = this.work.logger.child({
      ...this.logContextOf(row),
      processor: this.instanceId,
    });
    await processLeased(
      {
        id: row.id,
        lease: row.lease!,
        leaseMs: this.leaseMs,
        store: this.work.store,
        now: () => this.now(),
        logger,
        what: this.describe(row),
      },
      lease => this.step(row, lease, logger),
    );
  }
}
