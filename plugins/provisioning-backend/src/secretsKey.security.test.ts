import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { provisioningPlugin } from './plugin';

jest.setTimeout(60_000);

function start(config: Record<string, unknown>) {
  return startTestBackend({
    features: [
      provisioningPlugin,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' }, ...config },
      }),
      catalogServiceMock.factory({ entities: [] }),
    ],
  });
}

const VALID_KEY = Buffer.alloc(32, 7).toString('base64');

describe('the encryption key of provisioning secrets in production', () => {
  it('refuses to start without a key instead of generating one beside the data', async () => {
    await expect(
      start({ auth: { environment: 'production' } }),
    ).rejects.toThrow(
      /provisioning\.secrets\.encryptionKey: required in production/,
    );
  });

  it.each(['changeme', 'c2hvcnQ=', `${VALID_KEY}${VALID_KEY}`])(
    'refuses to start with the malformed key %j',
    async key => {
      await expect(
        start({
          auth: { environment: 'production' },
          provisioning: { secrets: { encryptionKey: key } },
        }),
      ).rejects.toThrow(/must be 32 random bytes in base64/);
    },
  );

  it('starts with 32 random bytes in base64', async () => {
    const backend = await start({
      auth: { environment: 'production' },
      provisioning: { secrets: { encryptionKey: VALID_KEY } },
    });
    await backend.stop();
  });

  it('keeps the generated key in development', async () => {
    const backend = await start({ auth: { environment: 'development' } });
    await backend.stop();
  });
});
