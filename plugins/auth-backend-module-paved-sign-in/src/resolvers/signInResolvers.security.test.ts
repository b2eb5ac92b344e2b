/*
 * Attack: someone whose identity-provider claims match two catalog users (a second user with the
 * same e-mail, or a GitHub login that is one user's annotation and another's name) is signed in
 * as whichever the lookup returns first; someone matching nobody gets an error they cannot act
 * on. Paved's resolvers sign in exactly one user or refuse, naming the matches.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import type { AuthResolverContext } from '@backstage/plugin-auth-node';
import {
  emailMatchingUniqueUserEntity,
  userNameMatchingUniqueUserEntity,
} from './signInResolvers';
import { catalogUserLookup, type CatalogUserLookup } from './uniqueCatalogUser';

jest.setTimeout(60_000);

const user = (
  name: string,
  email: string,
  extra: { namespace?: string; login?: string } = {},
) => `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${name}
  namespace: ${extra.namespace ?? 'default'}
${extra.login ? `  annotations:\n    github.com/user-login: ${extra.login}\n` : ''}spec:
  profile:
    email: ${email}
  memberOf: []
`;

const users = [
  user('sam.rivera', 'sam.rivera@example.com'),
  // Two people with one address: a copy-paste slip in the organisation's data.
  user('alex.one', 'alex@example.com'),
  user('alex.two', 'alex@example.com'),
  // GitHub: 'octo' is one user's login annotation and another user's name.
  user('octo', 'octo@example.com'),
  user('olivia.chen', 'olivia@example.com', { login: 'octo' }),
  user('dana', 'dana@example.com', { login: 'dana-gh' }),
  // The same name in two namespaces.
  user('lee', 'lee@example.com'),
  user('lee', 'lee.contractor@example.com', { namespace: 'contractors' }),
].join('---\n');

/** Records whom the resolver signed in; the token itself is the auth backend's business. */
const signInContext = {
  signInWithCatalogUser: async ({ entityRef }: { entityRef: string }) => ({
    token: `signed-in:${entityRef}`,
  }),
} as unknown as AuthResolverContext;

describe('sign-in resolvers sign in exactly one catalog user', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-sign-in-'));
  const usersFile = path.join(workDir, 'users.yaml');
  fs.writeFileSync(usersFile, users);
  let lookup: CatalogUserLookup;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const probe = createBackendPlugin({
      pluginId: 'probe',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogServiceRef, auth: coreServices.auth },
          async init({ catalog, auth }) {
            lookup = catalogUserLookup(catalog, auth);
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        probe,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              locations: [
                {
                  type: 'file',
                  target: usersFile,
                  rules: [{ allow: ['User'] }],
                },
              ],
            },
          },
        }),
      ],
    });
    stop = async () => {
      await backend.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    };
    const deadline = Date.now() + 30_000;
    while ((await lookup.findUsers([{}])).length < 8) {
      if (Date.now() > deadline) throw new Error('users not ingested');
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  });
  afterAll(() => stop?.());

  const oidc = (email?: string) =>
    emailMatchingUniqueUserEntity(lookup)()(
      { profile: { email }, result: {} },
      signInContext,
    );
  const github = (username: string) =>
    userNameMatchingUniqueUserEntity(lookup)()(
      { profile: {}, result: { fullProfile: { username } } as any },
      signInContext,
    );

  it('signs in the one user whose e-mail matches (in any letter case)', async () => {
    await expect(oidc('Sam.Rivera@example.com')).resolves.toEqual({
      token: 'signed-in:user:default/sam.rivera',
    });
  });

  it('refuses an e-mail that two users share, naming both', async () => {
    await expect(oidc('alex@example.com')).rejects.toThrow(
      'Sign-in refused: the e-mail address alex@example.com matches 2 users in the catalog (user:default/alex.one, user:default/alex.two); ask the platform team to keep one (rule: one-catalog-user-per-identity)',
    );
  });

  it('refuses an e-mail nobody has, and does not strip a +tag to find someone', async () => {
    await expect(oidc('mallory@example.com')).rejects.toThrow(
      /the e-mail address mallory@example.com matches no user of the organisation/,
    );
    await expect(oidc('sam.rivera+admin@example.com')).rejects.toThrow(
      /matches no user/,
    );
    await expect(oidc(undefined)).rejects.toThrow(
      /no verified e-mail address/,
    );
  });

  it('signs in a GitHub login by its annotation or by name when only one user has it', async () => {
    await expect(github('dana-gh')).resolves.toEqual({
      token: 'signed-in:user:default/dana',
    });
    await expect(github('sam.rivera')).resolves.toEqual({
      token: 'signed-in:user:default/sam.rivera',
    });
  });

  it('refuses a GitHub login that matches two users (annotation and name, or two namespaces)', async () => {
    await expect(github('octo')).rejects.toThrow(
      /the GitHub login octo matches 2 users in the catalog \(user:default\/(octo|olivia.chen), user:default\/(octo|olivia.chen)\)/,
    );
    await expect(github('lee')).rejects.toThrow(
      /the GitHub login lee matches 2 users .*user:contractors\/lee/,
    );
    await expect(github('nobody')).rejects.toThrow(/matches no user/);
  });
});
