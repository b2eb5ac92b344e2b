/*
 * Test services for running Paved's policy behind real plugins: people of the example
 * organisation with their memberships, and HTTP auth that keeps a plugin's on-behalf-of actor.
 */
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';

export const people = {
  sam: {
    userEntityRef: 'user:default/sam.rivera',
    ownershipEntityRefs: ['user:default/sam.rivera', 'group:default/payments'],
  },
  tomas: {
    userEntityRef: 'user:default/tomas.berg',
    ownershipEntityRefs: ['user:default/tomas.berg', 'group:default/payments'],
  },
  lee: {
    userEntityRef: 'user:default/lee.chen',
    ownershipEntityRefs: ['user:default/lee.chen', 'group:default/ledger'],
  },
  priya: {
    userEntityRef: 'user:default/priya.natarajan',
    ownershipEntityRefs: [
      'user:default/priya.natarajan',
      'group:default/platform',
    ],
  },
};

export function signedInAs(person: keyof typeof people): string {
  return mockCredentials.user.header(people[person].userEntityRef);
}

/** Memberships as the catalog would resolve them at sign-in. */
export const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: BackstageCredentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      const person = Object.values(people).find(
        p => p.userEntityRef === userEntityRef,
      );
      if (!person) {
        throw new NotAllowedError(`unknown test user ${userEntityRef}`);
      }
      return person;
    },
  }),
});

/**
 * Backstage's mock HTTP auth drops the `actor` of a plugin's on-behalf-of token, so the
 * permission backend takes a plugin's authorize calls for a user's own direct requests and
 * refuses resource permissions without a resource ref. The real auth service keeps the actor
 * (the calling plugin); this keeps one too.
 */
export const httpAuthWithActorFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const mock = mockServices.httpAuth({ pluginId: plugin.getId() });
    const prefix = 'Bearer mock-service-token:';
    return {
      async credentials(req: any, options?: any) {
        const credentials = await mock.credentials(req, options);
        const header: unknown = req.headers.authorization;
        if (typeof header === 'string' && header.startsWith(prefix)) {
          const { obo } = JSON.parse(header.slice(prefix.length));
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:on-behalf-of-user' },
            }) as any;
          }
        }
        return credentials;
      },
      issueUserCookie: (res: any, options?: any) =>
        mock.issueUserCookie(res, options),
    };
  },
});
