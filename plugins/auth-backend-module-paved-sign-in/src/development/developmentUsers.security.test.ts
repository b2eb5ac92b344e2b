/*
 * Development sign-in: `guest` is Sam Rivera (developer, payments) and `guest-platform` an
 * example platform engineer, through the real auth backend and catalog on the example
 * organisation's users. Attacks: another site's page making the browser fetch a token (the
 * refresh answered without X-Requested-With), and the providers answering outside development.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { authModulePavedSignIn } from '../module';

jest.setTimeout(60_000);

const orgDir = path.resolve(__dirname, '../../../../catalog/org');

async function startAuth(options: { allowOutsideDevelopment: boolean }) {
  const provider = (userEntityRef: string) => ({
    userEntityRef,
    ...(options.allowOutsideDevelopment && {
      dangerouslyAllowOutsideDevelopment: true,
    }),
  });
  const backend = await startTestBackend({
    features: [
      authPlugin,
      authModulePavedSignIn,
      catalogPlugin,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            providers: {
              guest: provider('user:default/sam.rivera'),
              'guest-platform': provider('user:default/priya.natarajan'),
            },
          },
          catalog: {
            processingInterval: { seconds: 1 },
            locations: ['users.yaml', 'groups.yaml'].map(file => ({
              type: 'file',
              target: path.join(orgDir, file),
              rules: [{ allow: ['User', 'Group'] }],
            })),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  return { backend, baseUrl: `http://localhost:${port}` };
}

const refresh = (baseUrl: string, provider: string, headers = {}) =>
  fetch(`${baseUrl}/api/auth/${provider}/refresh?env=development`, {
    headers,
  });
const fromTheApp = { 'X-Requested-With': 'XMLHttpRequest' };

describe('development sign-in', () => {
  let baseUrl = '';
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const started = await startAuth({ allowOutsideDevelopment: true });
    baseUrl = started.baseUrl;
    stop = () => started.backend.stop();
    // The catalog loads the organisation a moment after start-up.
    const deadline = Date.now() + 30_000;
    while ((await refresh(baseUrl, 'guest-platform', fromTheApp)).status !== 200) {
      if (Date.now() > deadline) throw new Error('users never loaded');
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  });
  afterAll(() => stop?.());

  it.each([
    ['guest', 'user:default/sam.rivera', 'group:default/payments', 'Sam Rivera'],
    [
      'guest-platform',
      'user:default/priya.natarajan',
      'group:default/platform',
      'Priya Natarajan',
    ],
  ])(
    '%s signs in as %s, member of %s',
    async (provider, userEntityRef, group, displayName) => {
      const response = await refresh(baseUrl, provider, fromTheApp);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.profile.displayName).toBe(displayName);
      expect(decodeJwt(body.backstageIdentity.token).sub).toBe(userEntityRef);
      expect(body.backstageIdentity.identity.ownershipEntityRefs).toEqual(
        expect.arrayContaining([userEntityRef, group]),
      );
    },
  );

  it.each(['guest', 'guest-platform'])(
    '%s refuses a refresh without X-Requested-With (a cross-site request)',
    async provider => {
      const response = await refresh(baseUrl, provider);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.error.message).toMatch(/X-Requested-With/);
      expect(JSON.stringify(body)).not.toMatch(/"token"/);
    },
  );
});

describe('development sign-in outside development', () => {
  it('is refused, naming the rule', async () => {
    // Jest runs with NODE_ENV=test: as in production, the development providers refuse.
    const { backend, baseUrl } = await startAuth({
      allowOutsideDevelopment: false,
    });
    try {
      for (const provider of ['guest', 'guest-platform']) {
        const response = await refresh(baseUrl, provider, fromTheApp);
        expect(response.status).toBe(403);
        expect((await response.json()).error.message).toMatch(
          /not available outside development.*rule: development-sign-in-only/,
        );
      }
    } finally {
      await backend.stop();
    }
  });
});
