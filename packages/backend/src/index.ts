/*
 * The Paved backend only assembles features: Backstage's plugins, configured in app-config*.yaml,
 * and Paved's own plugins from plugins/. Logic lives in the plugins.
 */
import { createBackend } from '@backstage/backend-defaults';
import { gitHostUrlReaderFactory } from '@paved/plugin-githost-node';
import { rootHttpRouter } from './rootHttpRouter';

const backend = createBackend();

// Outside development, error bodies carry no stack trace and no absolute file-system path.
backend.add(rootHttpRouter);

// Refuses to start on missing or wrong PostgreSQL settings, naming the setting.
backend.add(import('./startup/databaseSettingsCheck'));

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// Sign-in: the two development users (guest, guest-platform) in development, company SSO (OIDC)
// or GitHub in production, each resolved to exactly one catalog user (see README, Permissions).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@paved/plugin-auth-backend-module-paved-sign-in'));

// Permissions: Paved's policy (owners and the platform team) instead of allow-all.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@paved/plugin-permission-backend-module-paved-policy'));

// Catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Entities that failed processing (a malformed file, an invalid entity), listed in the portal.
backend.add(import('@backstage/plugin-catalog-backend-module-unprocessed'));
// Trust rules: users and groups only from the organisation's sources (see README, Permissions).
backend.add(import('@paved/plugin-catalog-backend-module-trust-rules'));

// Golden paths
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
backend.add(import('@paved/plugin-scaffolder-backend-module-golden-paths'));
backend.add(import('@paved/plugin-golden-paths-backend'));
// The local git host's URL reader, so the catalog and TechDocs can read what golden paths publish.
backend.add(gitHostUrlReaderFactory);
// The local git host over HTTP: git clone/push, repository pages, merge requests.
backend.add(import('@paved/plugin-githost-backend'));

// Docs, search, Kubernetes
backend.add(import('@backstage/plugin-techdocs-backend'));
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Notifications, live updates, events between plugins
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// Self-service infrastructure
backend.add(import('@paved/plugin-provisioning-backend'));
backend.add(import('@paved/plugin-provisioning-backend-module-sandbox'));
backend.add(import('@paved/plugin-provisioning-backend-module-crossplane'));
backend.add(import('@paved/plugin-provisioning-backend-module-terraform'));
backend.add(import('@paved/plugin-catalog-backend-module-provisioning'));
backend.add(import('@paved/plugin-scaffolder-backend-module-provisioning'));

// DevEx and DORA
backend.add(import('@paved/plugin-devex-backend'));

// Scorecards and policy
backend.add(import('@paved/plugin-scorecards-backend'));

// Front doors for agents: Paved's operations in each plugin's Actions Registry, served as MCP
// tools at /api/mcp-actions/v1 (backend.actions in app-config.yaml: sources, no destructive ones).
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.add(import('@paved/plugin-golden-paths-backend-module-actions'));
backend.add(import('@paved/plugin-provisioning-backend-module-actions'));
backend.add(import('@paved/plugin-devex-backend-module-actions'));

// A replica whose start-up failed (for example because another replica held the migration lock of
// a fresh database) exits, so its supervisor restarts it; otherwise it stays up and never ready.
backend.start().catch(error => {
  process.stderr.write(`Backend start-up failed, exiting: ${error}\n`);
  process.exit(1);
});
