/*
 * Attack: push to another team's repository on the local git host. Cloning needs only a sign-in,
 * so any developer has the URL and the history; Paved's policy lets only the owners of the
 * components defined in the repository and the platform team push
 * (`githost.repository.push`, condition IS_REPOSITORY_OWNER). Driven with the real git client
 * against the githost plugin behind the real permission backend.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DefaultEventsService,
  eventsServiceRef,
} from '@backstage/plugin-events-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import gitHostPlugin from '@paved/plugin-githost-backend';
import {
  GitCommandError,
  LocalGitHost,
  gitText,
} from '@paved/plugin-githost-node';
import pavedPolicy from './index';
import {
  httpAuthWithActorFactory,
  people,
  signedInAs,
  userInfoFactory,
} from './__testUtils__/signedIn';

jest.setTimeout(120_000);

const BACKEND_BASE_URL = 'http://localhost:7007';

/** orders-api is the payments team's: its catalog-info.yaml was read from its repository. */
const ordersApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-api',
    annotations: {
      'backstage.io/managed-by-location': `url:${BACKEND_BASE_URL}/api/githost/orders-api/blob/main/catalog-info.yaml`,
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

const identity = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

describe('pushing to a repository of the local git host', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-push-'));
  const gitHost = new LocalGitHost(path.join(workDir, 'git'));
  let baseUrl = '';
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const source = path.join(workDir, 'source');
    fs.mkdirSync(source);
    fs.writeFileSync(path.join(source, 'README.md'), '# orders-api\n');
    for (const name of ['orders-api', 'scratch']) {
      await gitHost.publish({
        name,
        sourceDirectory: source,
        author: { name: 'Paved', email: 'paved@example.com' },
        committer: { name: 'Paved', email: 'paved@example.com' },
        message: 'Initial commit',
        taskId: `task-${name}`,
      });
    }
    const backend = await startTestBackend({
      features: [
        gitHostPlugin,
        permissionPlugin,
        pavedPolicy,
        userInfoFactory,
        httpAuthWithActorFactory,
        catalogServiceMock.factory({ entities: [ordersApi] }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () =>
            DefaultEventsService.create({ logger: mockServices.logger.mock() }),
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: BACKEND_BASE_URL },
            permission: { enabled: true },
            paved: {
              platformTeam: 'group:default/platform',
              gitHost: { directory: gitHost.root },
            },
            scaffolder: {
              defaultAuthor: { name: 'Paved', email: 'paved@example.com' },
            },
          },
        }),
      ],
    });
    stop = async () => {
      await backend.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    };
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }/api/githost`;
  });
  afterAll(() => stop?.());

  const headOf = (name: string) =>
    gitText([`--git-dir=${gitHost.repositoryPath(name)}`, 'rev-parse', 'main']);

  /** Clones over HTTP, commits a file and pushes it back, all as one person. */
  async function cloneCommitPush(
    person: keyof typeof people,
    repository: string,
  ): Promise<{ commit: string; push: Promise<string> }> {
    const clone = fs.mkdtempSync(path.join(workDir, `${person}-`));
    const git = (...args: string[]) =>
      gitText(
        [
          '-c',
          `http.extraHeader=Authorization: ${signedInAs(person)}`,
          ...args,
        ],
        { cwd: clone, env: identity },
      );
    await git('clone', '--quiet', `${baseUrl}/${repository}.git`, '.');
    fs.writeFileSync(path.join(clone, `${person}.txt`), `${person} was here\n`);
    await git('add', '--all');
    await git('commit', '--quiet', '-m', `${person} changes ${repository}`);
    const commit = await git('rev-parse', 'HEAD');
    return { commit, push: git('push', '--quiet', 'origin', 'HEAD:main') };
  }

  async function refusal(push: Promise<string>): Promise<string> {
    const error = await push.then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(GitCommandError);
    return (error as GitCommandError).stderr;
  }

  it('accepts a push by an owner of the repository’s component', async () => {
    const { commit, push } = await cloneCommitPush('sam', 'orders-api');
    await push;
    await expect(headOf('orders-api')).resolves.toBe(commit);
  });

  it('refuses a push by a developer of another team, naming the rule', async () => {
    const before = await headOf('orders-api');
    const { push } = await cloneCommitPush('lee', 'orders-api');
    const stderr = await refusal(push);
    expect(stderr).toContain(
      "remote: repository: user:default/lee.chen may not push to repository 'orders-api': only owners of its components and the platform team may (permission githost.repository.push) (rule: owner-membership)",
    );
    expect(stderr).toContain('403');
    await expect(headOf('orders-api')).resolves.toBe(before);
  });

  it('refuses the pack itself when git skips the ref advertisement', async () => {
    // A client that never asked for info/refs still meets the check on git-receive-pack.
    const response = await fetch(`${baseUrl}/orders-api.git/git-receive-pack`, {
      method: 'POST',
      headers: {
        authorization: signedInAs('lee'),
        'content-type': 'application/x-git-receive-pack-request',
      },
      body: '0000',
    });
    expect(response.status).toBe(403);
  });

  it('lets the platform team push to any repository, and nobody else to one without owners', async () => {
    const { commit, push } = await cloneCommitPush('priya', 'orders-api');
    await push;
    await expect(headOf('orders-api')).resolves.toBe(commit);

    const before = await headOf('scratch');
    await refusal((await cloneCommitPush('sam', 'scratch')).push);
    await expect(headOf('scratch')).resolves.toBe(before);
    const byPlatform = await cloneCommitPush('priya', 'scratch');
    await byPlatform.push;
    await expect(headOf('scratch')).resolves.toBe(byPlatform.commit);
  });
});
