import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitHost, gitText } from '@paved/plugin-githost-node';
import {
  LINEAGE_FILE,
  TEMPLATE_BRANCH,
} from '@paved/plugin-golden-paths-common';
import yaml from 'yaml';
import {
  commitEdit,
  committer,
  createServiceAt100,
  readFile,
} from '../__testUtils__/gitRepositories';
import { createTestRenderer, templateEntity } from '../__testUtils__/templates';
import { TemplateUpgrader } from './TemplateUpgrader';

jest.setTimeout(120_000);

describe('TemplateUpgrader (real git)', () => {
  const dir = createMockDirectory();
  let gitHost: LocalGitHost;
  const renderer = createTestRenderer();
  const upgrader = new TemplateUpgrader({ renderer, committer });
  const template = templateEntity('typescript-service');
  const prepare = (name: string) =>
    upgrader.prepare({
      gitDir: gitHost.repositoryPath(name),
      template,
      defaultBranch: 'main',
    });

  beforeEach(() => {
    dir.clear();
    gitHost = new LocalGitHost(dir.resolve('git'));
  });

  it('merges 1.1.0 into a 1.0.0 repository: local edits survive, the new content arrives', async () => {
    const created = await createServiceAt100(gitHost, 'orders');
    expect(
      await readFile(gitHost, 'orders', 'main', 'catalog-info.yaml'),
    ).toContain('paved.dev/template-version: "1.0.0"');
    const edited = await commitEdit(gitHost, 'orders', {
      'README.md': readme =>
        `${readme.trimEnd()}\n\nOrders are kept for 30 days.`,
      'src/orders.ts': () => 'export const retentionDays = 30;',
    });

    const upgrade = await prepare('orders');
    expect(upgrade).toMatchObject({
      templateRef: 'template:default/typescript-service',
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      branch: 'paved/upgrade-1.1.0',
      conflicts: [],
    });
    const git = (...args: string[]) =>
      gitText([`--git-dir=${gitHost.repositoryPath('orders')}`, ...args]);
    // A real merge: the default branch and the new pristine output are its parents.
    expect(
      (await git('rev-list', '--parents', '-n', '1', upgrade.branch)).split(
        ' ',
      ),
    ).toEqual([upgrade.commitSha, edited, upgrade.templateCommit]);
    expect(await git('rev-parse', `refs/heads/${TEMPLATE_BRANCH}`)).toBe(
      upgrade.templateCommit,
    );
    expect(await git('rev-parse', `${upgrade.templateCommit}^`)).toBe(
      created.commitSha,
    );
    // main is untouched until the change request merges.
    expect(await git('rev-parse', 'refs/heads/main')).toBe(edited);

    const file = (filePath: string) =>
      readFile(gitHost, 'orders', upgrade.branch, filePath);
    expect(await file('README.md')).toContain('Orders are kept for 30 days.');
    expect(await file('src/orders.ts')).toContain('retentionDays = 30');
    expect(await file('.github/dependabot.yml')).toContain(
      'package-ecosystem: npm',
    );
    expect(await file('docs/runbook.md')).toContain('## Dependency updates');
    expect(await file('catalog-info.yaml')).toContain(
      'paved.dev/template-version: "1.1.0"',
    );
    expect(yaml.parse(await file(LINEAGE_FILE)).version).toBe('1.1.0');
    expect(await git('log', '-1', '--format=%B', upgrade.branch)).toContain(
      'Upgrade to template:default/typescript-service 1.1.0',
    );
  });

  it('commits a conflicting edit as a conflict, markers and all, and lists it', async () => {
    await createServiceAt100(gitHost, 'ledger');
    // The developer wrote their own section exactly where 1.1.0 adds one.
    await commitEdit(gitHost, 'ledger', {
      'docs/runbook.md': runbook =>
        runbook.replace(
          'so it shows on the DORA tab of the component.\n',
          'so it shows on the DORA tab of the component.\n\n## Our own dependency policy\n\nWe pin everything.\n',
        ),
      'README.md': readme => `${readme.trimEnd()}\n\nA clean edit.`,
    });

    const upgrade = await prepare('ledger');
    expect(upgrade.conflicts).toEqual(['docs/runbook.md']);
    const runbook = await readFile(
      gitHost,
      'ledger',
      upgrade.branch,
      'docs/runbook.md',
    );
    expect(runbook).toMatch(/^<<<<<<< /m);
    expect(runbook).toMatch(/^>>>>>>> /m);
    expect(runbook).toContain('We pin everything.');
    expect(runbook).toContain('## Dependency updates');
    // What merged cleanly did merge.
    expect(
      await readFile(gitHost, 'ledger', upgrade.branch, 'README.md'),
    ).toContain('A clean edit.');
    expect(
      await readFile(
        gitHost,
        'ledger',
        upgrade.branch,
        '.github/dependabot.yml',
      ),
    ).toContain('version: 2');
    expect(
      await gitText([
        `--git-dir=${gitHost.repositoryPath('ledger')}`,
        'log',
        '-1',
        '--format=%B',
        upgrade.branch,
      ]),
    ).toContain('- docs/runbook.md');
  });

  it('renders a version onto paved/template once, however often it is prepared', async () => {
    await createServiceAt100(gitHost, 'billing');
    const first = await prepare('billing');
    const second = await prepare('billing');
    expect(second.templateCommit).toBe(first.templateCommit);
    expect(second.branch).toBe(first.branch);
  });

  it('refuses a repository already at the latest version', async () => {
    await createServiceAt100(gitHost, 'search');
    const upgrade = await prepare('search');
    // The change request merged: main is the upgrade branch's merge.
    await gitText([
      `--git-dir=${gitHost.repositoryPath('search')}`,
      'update-ref',
      'refs/heads/main',
      upgrade.commitSha,
    ]);
    await expect(prepare('search')).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('already at 1.1.0'),
    });
  });

  it('explains what is missing in a repository not made by a golden path', async () => {
    await commitEditInNewRepository(gitHost);
    // The commit first: awaiting it after prepare() started would leave its rejection unhandled.
    const main = await gitText([
      `--git-dir=${gitHost.repositoryPath('plain')}`,
      'rev-parse',
      'main',
    ]);
    await expect(prepare('plain')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `${LINEAGE_FILE} does not exist on ${main}`,
    });
  });
});

async function commitEditInNewRepository(gitHost: LocalGitHost) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'plain-'));
  await fs.writeFile(path.join(work, 'README.md'), '# plain\n');
  await gitHost.publish({
    name: 'plain',
    sourceDirectory: work,
    author: committer,
    committer,
    message: 'Initial',
    taskId: 'plain',
  });
  await fs.rm(work, { recursive: true, force: true });
}
