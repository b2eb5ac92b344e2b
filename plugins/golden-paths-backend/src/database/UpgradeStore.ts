import type { UpgradeStatus } from '@paved/plugin-golden-paths-common';

/**
 * What the owners are told about a proposal: it was opened (merged cleanly), it conflicts, or it
 * waits for inputs the repository never recorded.
 */
export type UpgradeNotice = 'opened' | 'conflicts' | 'missing-inputs';

/** An upgrade proposal as stored. */
export type UpgradeRecord = {
  id: string;
  entityRef: string;
  templateRef: string;
  fromVersion: string;
  toVersion: string;
  status: UpgradeStatus;
  changeKey?: string;
  changeUrl?: string;
  conflicts: string[];
  /**
   * Inputs the new version needs that the repository does not record and that have no default:
   * the proposal waits for them (needs attention, no change request yet).
   */
  missingInputs: string[];
  error?: string;
  createdBy: string;
  /** The last notice the owners received about this proposal. */
  notified?: UpgradeNotice;
  createdAt: Date;
  updatedAt: Date;
};

export type NewUpgradeRecord = Pick<
  UpgradeRecord,
  'entityRef' | 'templateRef' | 'fromVersion' | 'toVersion' | 'createdBy'
>;

/** What a proposal's progress changes. */
export type UpgradeChange = Partial<
  Pick<
    UpgradeRecord,
    | 'status'
    | 'changeKey'
    | 'changeUrl'
    | 'conflicts'
    | 'missingInputs'
    | 'error'
  >
>;

/** Upgrade proposals: at most one active (proposing, open, needs attention) per component and version. */
export interface UpgradeStore {
  /**
   * Starts a proposal in `proposing`, or answers the active one for the same component and
   * version (`created: false`), also when another replica claims it at the same moment.
   */
  claim(
    input: NewUpgradeRecord,
  ): Promise<{ upgrade: UpgradeRecord; created: boolean }>;
  update(id: string, change: UpgradeChange): Promise<UpgradeRecord>;
  get(id: string): Promise<UpgradeRecord | undefined>;
  /**
   * Takes up again a proposal that waits for inputs (needs attention, missing inputs, no change
   * request), back in `proposing` (compare-and-set): false when it does not wait or another run
   * took it up first.
   */
  resume(id: string): Promise<boolean>;
  /**
   * Records that `notice` is being sent, if the proposal's last notice is still `expected`
   * (compare-and-set): false when another run recorded it first. Sending that fails sets it back
   * with `expected` and `notice` swapped.
   */
  markNotified(
    id: string,
    notice: UpgradeNotice | undefined,
    expected: UpgradeNotice | undefined,
  ): Promise<boolean>;
  findByChangeKey(changeKey: string): Promise<UpgradeRecord | undefined>;
  /** The latest proposal of each component (of those given, or of all). */
  latestPerEntity(entityRefs?: string[]): Promise<Map<string, UpgradeRecord>>;
  list(options: {
    entityRef?: string;
    limit: number;
  }): Promise<UpgradeRecord[]>;
}
