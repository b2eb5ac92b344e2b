import type { DatabaseRequestStatus } from '@paved/plugin-provisioning-common';
import { TimeWindow } from './DoraStore';

/** How DevEx learned that a service was created. */
export type CreationOrigin =
  /** The golden path's service-created event: the exact creation time. */
  | 'golden-path'
  /** A component with lineage annotations first seen in the catalog. */
  | 'catalog';

export interface ServiceCreation {
  entityRef: string;
  templateRef: string | null;
  /** The template's version at creation, when known. */
  templateVersion: string | null;
  /** Epoch milliseconds. */
  createdAt: number;
  origin: CreationOrigin;
}

/** One state change of a provisioning request, as provisioning published it. */
export interface ProvisioningRequestChange {
  requestId: string;
  status: DatabaseRequestStatus;
  /** A person other than the requester had to act (approval, manual step) up to this change. */
  humanStep: boolean;
  /** When the change happened (epoch ms), the publisher's own time. */
  occurredAt: number;
  /** The action that made the change and who acted, when the publisher said. */
  action?: { name: string; actorKind: ProvisioningActorKind };
}

/**
 * Who acted on a provisioning request: the platform by itself (automated), the requester
 * (self-service), or another person (manual: an approval, a manual step).
 */
export type ProvisioningActorKind = 'platform' | 'requester' | 'person';

/** Provisioning in one time window (a week). */
export interface ProvisioningPeriod {
  /** Requests that reached ready for the first time in the window. */
  succeeded: number;
  /** Requests whose provisioning failed in the window (before ever being ready). */
  failed: number;
  /** Of the succeeded: with no person having to act on the way. */
  automated: number;
  /** Of the succeeded: a person other than the requester had to act. */
  manual: number;
  /** State changes in the window by who acted. */
  actions: Record<ProvisioningActorKind, number>;
}

/** Counts of provisioning requests for the self-service ratio. */
export interface ProvisioningCounts {
  /** Every request seen. */
  total: number;
  /** Requests that reached `ready` with no person having to act on the way. */
  automated: number;
  /** Requests that reached `ready` at all. */
  fulfilled: number;
}

/**
 * What the platform itself tells DevEx: services created from golden paths, provisioning
 * requests, and keys generated once per installation.
 */
export interface PlatformMeasuresStore {
  /** Records a creation; a golden-path event replaces a catalog sighting, never the reverse. */
  recordServiceCreation(creation: ServiceCreation): Promise<void>;
  listServiceCreations(): Promise<ServiceCreation[]>;
  recordProvisioningRequest(change: ProvisioningRequestChange): Promise<void>;
  provisioningCounts(): Promise<ProvisioningCounts>;
  /** Provisioning outcomes and actions in [from, to). */
  provisioningPeriod(window: TimeWindow): Promise<ProvisioningPeriod>;
  /** A random key generated once per installation (first caller wins across replicas). */
  installationKey(name: string): Promise<string>;
}
