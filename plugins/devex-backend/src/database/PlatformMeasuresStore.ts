import type { DatabaseRequestStatus } from '@paved/plugin-provisioning-common';

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
  /** A random key generated once per installation (first caller wins across replicas). */
  installationKey(name: string): Promise<string>;
}
