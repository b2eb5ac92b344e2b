import { z } from 'zod/v3';

/**
 * Where an upgrade proposal stands:
 * - `proposing`: Paved is rendering, merging and opening the change request;
 * - `open`: the change request is open and merged cleanly;
 * - `needs-attention`: open, but the merge left conflicts committed with their markers; or, with
 *   `missingInputs`, waiting (no change request) for inputs the repository never recorded;
 * - `merged` / `closed`: the change request was merged / closed without merging (final);
 * - `failed`: the proposal could not be made (`error` says why); another may be started.
 */
export const UPGRADE_STATUSES = [
  'proposing',
  'open',
  'needs-attention',
  'merged',
  'closed',
  'failed',
] as const;

export type UpgradeStatus = (typeof UPGRADE_STATUSES)[number];

/** Statuses of a proposal that is still under way: at most one per component and version. */
export const ACTIVE_UPGRADE_STATUSES: readonly UpgradeStatus[] = [
  'proposing',
  'open',
  'needs-attention',
];

/** An upgrade proposal, as `POST /upgrades` and `GET /upgrades/:id` answer. */
export const upgradeSchema = z.object({
  id: z.string().uuid(),
  /** The component being upgraded. */
  entityRef: z.string(),
  templateRef: z.string(),
  fromVersion: z.string(),
  toVersion: z.string(),
  status: z.enum(UPGRADE_STATUSES),
  /** The change request's page (local merge request, GitHub pull request, GitLab merge request). */
  changeUrl: z.string().url().optional(),
  /** Files committed with conflict markers. */
  conflicts: z.array(z.string()),
  /** Inputs the new version needs, not recorded and without default: the proposal waits for them. */
  missingInputs: z.array(z.string()).optional(),
  /** Why a `failed` proposal failed. */
  error: z.string().optional(),
  /** A user entity ref, or `plugin:golden-paths` for the scheduled run. */
  createdBy: z.string(),
  createdAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
});

export type Upgrade = z.infer<typeof upgradeSchema>;

/** Where a component stands against its template's latest version. */
export const COMPONENT_UPGRADE_STATES = [
  'current',
  'outdated',
  'proposed',
  'needs-attention',
  'unknown',
] as const;

export type ComponentUpgradeState = (typeof COMPONENT_UPGRADE_STATES)[number];

/** The portal page of template drift (the golden-paths frontend plugin's route). */
export const TEMPLATE_DRIFT_PATH = '/template-drift';

/** Topic of the notifications owners receive about upgrade proposals. */
export const UPGRADE_NOTIFICATION_TOPIC = 'golden-path-upgrades';
