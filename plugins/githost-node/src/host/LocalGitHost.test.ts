import fs from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitHost } from './LocalGitHost';
import { cloneAndLog, writeSampleWorkspace } from '../testUtils/gitFixtures';

jest.setTimeout(60_000);

describe('LocalGitHost', () => {
  const dir = createMockDirectory();
  const author = { name: 'Sam Rivera', email: 'sam.rivera@example.com' };
  const committer = { name: 'Paved', email: 'paved@example.com' };

  beforeEach(async () => {
    dir.clear();
    await writeSampleWorkspace(dir.resolve('workspace'));
  });

  const publish = (host: LocalGitHost, taskId: string) =>
    host.publish({
      name: 'payments-api',
      sourceDirectory: dir.resolve('workspace'),
      author,
      committer,
      message: 'Initial commit from Paved',
      taskId,
    });

  it('publishes a clonable repository with one commit authored by the user', async () => {
    const host = new LocalGitHost(dir.resolve('git'));
    const published = await publish(host, 'task-1');
    expect(published.remoteUrl).toBe(
      `file://${dir.resolve('git/payments-api.git')}`,
    );

    const { log, files } = await cloneAndLog(
      published.remoteUrl,
      dir.resolve('clone'),
    );
    expect(log).toEqual([
      'Sam Rivera <sam.rivera@example.com>|Paved|Initial commit from Paved',
    ]);
    // The workspace's own .gitignore applies: dependencies are not published.
    expect(files).toEqual([
      '.gitignore',
      'catalog-info.yaml',
      'docs/index.md',
      'run.sh',
    ]);
    const mode = (await fs.stat(dir.resolve('clone/run.sh'))).mode;
    expect(mode & 0o111).not.toBe(0);
    expect(await host.list()).toEqual(['payments-api']);
  });

  it('returns the same commit when the same task publishes again', async () => {
    const host = new LocalGitHost(dir.resolve('git'));
    const first = await publish(host, 'task-1');
    await fs.writeFile(dir.resolve('workspace/extra.txt'), 'changed');
    const retry = await publish(host, 'task-1');
    expect(retry).toEqual(first);
    const { log } = await cloneAndLog(first.remoteUrl, dir.resolve('clone'));
    expect(log).toHaveLength(1);
  });

  it('refuses a name another task already published', async () => {
    const host = new LocalGitHost(dir.resolve('git'));
    await publish(host, 'task-1');
    await expect(publish(host, 'task-2')).rejects.toThrow(
      "name: repository 'payments-api' already exists on the local git host",
    );
  });

  it('leaves nothing behind when publishing fails', async () => {
    const host = new LocalGitHost(dir.resolve('git'));
    await expect(
      host.publish({
        name: 'payments-api',
        sourceDirectory: dir.resolve('does-not-exist'),
        author,
        committer,
        message: 'x',
        taskId: 'task-1',
      }),
    ).rejects.toThrow();
    expect(await fs.readdir(dir.resolve('git'))).toEqual([]);
    expect(await host.exists('payments-api')).toBe(false);
  });

  it.each(['../../etc/passwd', 'Payments', '', 'a/b', '-rf'])(
    'rejects the repository name %j',
    async name => {
      const host = new LocalGitHost(dir.resolve('git'));
      expect(() => host.repositoryPath(name)).toThrow(
        /not a valid repository name/,
      );
      await expect(
        host.publish({
          name,
          sourceDirectory: dir.resolve('workspace'),
          author,
          committer,
          message: 'x',
          taskId: 't',
        }),
      ).rejects.toThrow(/not a valid repository name/);
      await expect(
        fs.readdir(path.dirname(dir.resolve('git/x'))),
      ).rejects.toThrow();
    },
  );

  it('creates a branch once and leaves an existing one where it is', async () => {
    const host = new LocalGitHost(dir.resolve('git'));
    const { commitSha } = await publish(host, 'task-1');
    expect(
      await host.ensureBranch('payments-api', 'paved/template', commitSha),
    ).toBe(commitSha);
    const second = await host.commitFiles({
      name: 'payments-api',
      sourceDirectory: dir.resolve('workspace'),
      author,
      committer,
      message: 'touch',
      taskId: 'task-2',
      branch: 'paved/template',
    });
    expect(second.created).toBe(false);
    await fs.writeFile(dir.resolve('workspace/extra.txt'), 'more');
    const moved = await host.commitFiles({
      name: 'payments-api',
      sourceDirectory: dir.resolve('workspace'),
      author,
      committer,
      message: 'extra',
      taskId: 'task-3',
      branch: 'paved/template',
    });
    expect(
      await host.ensureBranch('payments-api', 'paved/template', commitSha),
    ).toBe(moved.commitSha);
    expect(await host.resolveCommit('payments-api', 'paved/template')).toBe(
      moved.commitSha,
    );
    await expect(
      host.ensureBranch('payments-api', '../main', commitSha),
    ).rejects.toThrow(/not a valid branch name/);
  });
});
