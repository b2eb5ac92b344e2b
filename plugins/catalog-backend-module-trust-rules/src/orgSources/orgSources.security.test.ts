/*
 * Attack: a developer registers a location of their own holding a User who belongs to the
 * platform team, hoping to sign in as it (GitHub sign-in matches users by name) and approve
 * anything. Users and groups come only from the organisation's trusted sources, so the catalog
 * must refuse them, say why, and still accept the organisation's own files.
 */
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleTrustRules } from '../module';
import { orgRuleViolations } from './orgRules';
import {
  eventually,
  repoCatalogConfig,
  repoRoot,
  signedInAs,
  startRepositoryHost,
  startTrustTestBackend,
} from '../__testUtils__/trustTestBackend';

jest.setTimeout(90_000);

const impostor = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: mallory
spec:
  profile:
    email: mallory@example.com
  memberOf: [platform]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: shadow-platform
spec:
  type: team
  parent: platform
  children: []
  members: [mallory]
`;

describe('users and groups only from the organisation', () => {
  let baseUrl = '';
  let impostorUrl = '';
  let stop: () => Promise<unknown>;

  beforeAll(async () => {
    const repositories = await startRepositoryHost(
      new Map([['/mallory/dotfiles/catalog-info.yaml', impostor]]),
    );
    impostorUrl = repositories.url('/mallory/dotfiles/catalog-info.yaml');
    const started = await startTrustTestBackend({
      config: { backend: { reading: { allow: [{ host: repositories.host }] } } },
    });
    baseUrl = started.baseUrl;
    stop = async () => {
      await started.backend.stop();
      await repositories.close();
    };
  });
  afterAll(() => stop?.());

  const getEntity = (ref: string) =>
    fetch(`${baseUrl}/api/catalog/entities/by-name/${ref}`, {
      headers: { Authorization: signedInAs('sam') },
    });
  const register = (target: string, dryRun = false) =>
    fetch(`${baseUrl}/api/catalog/locations${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: {
        Authorization: signedInAs('sam'),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'url', target }),
    });

  it('accepts the organisation’s own people and teams from its org locations', async () => {
    const priya = await eventually(async () => {
      const response = await getEntity('user/default/priya.natarajan');
      return response.ok ? response.json() : undefined;
    });
    expect(
      priya.metadata.annotations['backstage.io/managed-by-origin-location'],
    ).toBe(`file:${path.join(repoRoot, 'catalog/org/users.yaml')}`);
    expect((await getEntity('group/default/platform')).status).toBe(200);
  });

  it('refuses a User and a Group in a developer’s location, with an error naming them (dry run)', async () => {
    const response = await register(impostorUrl, true);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toMatch(
      /user:default\/mallory .* is not of an allowed kind for that location/,
    );
  });

  it('never ingests them when the location is registered, and reports why on the location', async () => {
    expect((await register(impostorUrl)).status).toBe(201);
    // The Unprocessed Entities page lists it, with the catalog's reason (its Location never
    // processed, so it is "pending" with errors rather than "failed").
    const target = impostorUrl;
    const failure = await eventually(async () => {
      for (const reason of ['failed', 'pending']) {
        const response = await fetch(
          `${baseUrl}/api/catalog/entities/unprocessed/${reason}`,
          { headers: { Authorization: signedInAs('sam') } },
        );
        const { entities } = await response.json();
        const found = entities.find(
          (e: any) =>
            e.unprocessed_entity.spec?.target === target &&
            e.errors?.length > 0,
        );
        if (found) return found;
      }
      return undefined;
    });
    expect(failure.errors.map((e: any) => e.message).join('\n')).toMatch(
      /user:default\/mallory .* is not of an allowed kind for that location/,
    );
    // A few more processing rounds: the entities must stay out, not just be late.
    await new Promise(resolve => setTimeout(resolve, 3000));
    expect((await getEntity('user/default/mallory')).status).toBe(404);
    expect((await getEntity('group/default/shadow-platform')).status).toBe(
      404,
    );
  });
});

describe('the catalog rules in configuration', () => {
  it('never allow users or groups from every location in app-config.yaml', () => {
    expect(
      orgRuleViolations(new ConfigReader({ catalog: repoCatalogConfig() })),
    ).toEqual([]);
  });

  it('stop the backend from starting when a global rule allows User or Group', async () => {
    const config = new ConfigReader({
      catalog: { rules: [{ allow: ['Component', 'User'] }] },
    });
    expect(orgRuleViolations(config)).toEqual([
      expect.objectContaining({
        field: 'catalog.rules[0].allow',
        rule: 'trusted-org-sources',
      }),
    ]);
    await expect(
      startTestBackend({
        features: [
          catalogModuleTrustRules,
          catalogPlugin,
          mockServices.rootConfig.factory({
            data: { catalog: { rules: [{ allow: [{ kind: 'Group' }] }] } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /catalog.rules\[0\].allow: Group must not be allowed from every location.*\(rule: trusted-org-sources\)/,
    );
  });
});
