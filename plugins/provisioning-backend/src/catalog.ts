/**
 * The catalog module of the provisioning backend, as its own entry point so the backend can
 * `backend.add(import('@paved/plugin-provisioning-backend/catalog'))`.
 */
export { catalogModuleProvisionedDatabases as default } from './catalog/module';
