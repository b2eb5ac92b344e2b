import {
  coreServices,
  createBackendPlugin,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { localGitHostServiceRef } from '../service/localGitHostServiceRef';
import { writeSampleWorkspace } from '../testUtils/gitFixtures';
import { gitHostUrlReaderFactory } from './gitHostUrlReaderFactory';

jest.setTimeout(60_000);

describe('gitHostUrlReaderFactory', () => {
  const dir = createMockDirectory();

  it('lets every plugin read the git host named by paved.gitHost.directory', async () => {
    dir.clear();
    await writeSampleWorkspace(dir.resolve('workspace'));
    let reader: UrlReaderService | undefined;
    const backend = await startTestBackend({
      features: [
        gitHostUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            paved: { gitHost: { directory: dir.resolve('repositories') } },
          },
        }),
        createBackendPlugin({
          pluginId: 'reader',
          register(env) {
            env.registerInit({
              deps: {
                urlReader: coreServices.urlReader,
                gitHost: localGitHostServiceRef,
              },
              async init({ urlReader, gitHost }) {
                reader = urlReader;
                expect(gitHost.root).toBe(dir.resolve('repositories'));
                await gitHost.publish({
                  name: 'orders-api',
                  sourceDirectory: dir.resolve('workspace'),
                  author: { name: 'Sam Rivera', email: 'sam@example.com' },
                  committer: { name: 'Paved', email: 'paved@example.com' },
                  message: 'Initial commit',
                  taskId: 'task-1',
                });
              },
            });
          },
        }),
      ],
    });
    try {
      const response = await reader!.readUrl(
        'http://localhost:7007/api/githost/orders-api/blob/main/docs/index.md',
      );
      expect((await response.buffer()).toString()).toBe('# Sample\n');
    } finally {
      await backend.stop();
    }
  });
});
