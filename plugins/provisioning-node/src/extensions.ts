import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { DatabaseProviderRegistration } from './providers';

/** Lets backend modules add providers to the provisioning plugin. */
export interface ProvisioningProvidersExtensionPoint {
  /** Adds a provider; ids are unique, a second registration of an id fails the start-up. */
  addProvider(registration: DatabaseProviderRegistration): void;
}

/**
 * The extension point of the `provisioning` plugin for providers: the provisioning backend has
 * none built in, every provider (Paved's `sandbox`, `crossplane`, `terraform` and your own) comes
 * from a module such as `@paved/plugin-provisioning-backend-module-sandbox`.
 */
export const provisioningProvidersExtensionPoint =
  createExtensionPoint<ProvisioningProvidersExtensionPoint>({
    id: 'provisioning.providers',
  });
