/*
 * Seeds 90 days of demo DevEx events (source `paved-demo`) into a running Paved backend through
 * its HTTP API: `yarn --cwd plugins/devex-backend seed-demo`. Safe to run again: events keep
 * their identities, so a second run only adds what has happened since.
 *
 * Environment: PAVED_BACKEND_URL (default http://localhost:7007), PAVED_CI_TOKEN (the static
 * external-access token of app-config.yaml; default the development token).
 */
import fs from 'fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { MAX_EVENTS_PER_BATCH } from '@paved/plugin-devex-common';
import { EXAMPLE_SERVICES, demoEvents } from './demoEvents';

/** Component names from the example catalog (catalog/components/<name>/...), if present. */
function servicesFromCatalog(): string[] {
  const dir = resolvePackagePath(
    '@paved/plugin-devex-backend',
    '../../catalog/components',
  );
  if (!fs.existsSync(dir)) return [];
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter(entry => entry.isDirectory() && /^[a-z0-9-]+$/.test(entry.name))
    .map(entry => `component:default/${entry.name}`);
  return names.length ? ['component:default/paved', ...names] : [];
}

async function main() {
  const baseUrl = (
    process.env.PAVED_BACKEND_URL ?? 'http://localhost:7007'
  ).replace(/\/$/, '');
  const token = process.env.PAVED_CI_TOKEN ?? 'paved-dev-ci-token-change-me';
  const fromCatalog = servicesFromCatalog();
  const services = fromCatalog.length ? fromCatalog : EXAMPLE_SERVICES;
  const events = demoEvents({ services, now: Date.now() });
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_BATCH) {
    const res = await fetch(`${baseUrl}/api/devex/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({
        events: events.slice(i, i + MAX_EVENTS_PER_BATCH),
      }),
    });
    if (!res.ok) {
      throw new Error(
        `POST /api/devex/events answered ${res.status}: ${await res.text()}`,
      );
    }
  }
  process.stdout.write(
    `Seeded ${events.length} demo events (source paved-demo) for ${services.length} services into ${baseUrl}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error}\n`);
  process.exit(1);
});
