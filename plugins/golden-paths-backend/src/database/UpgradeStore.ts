import type { UpgradeStatus } from '@paved/plugin-golden-paths-common';

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
  error?: string;
  createdBy: string;
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
    'status' | 'changeKey' | 'changeUrl' | 'conflicts' | 'error'
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
  findByChangeKey(changeKey: string): Promise<UpgradeRecord | undefined>;
  /** The latest proposal of each component (of those given, or of all). */
  latestPerEntity(entityRefs?: string[]): Promise<Map<string, UpgradeRecord>>;
  list(options: {
    entityRef?: string;
    limit: number;
  }): Promise<UpgradeRecord[]>;
}
