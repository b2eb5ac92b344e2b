import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  mergeRequestEventSchema,
  mergeRequestSchema,
} from '@paved/plugin-githost-common';
import { gitText } from '@paved/plugin-githost-node';
import request from 'supertest';
import {
  goldenPathsPlugin,
  lee,
  priya,
  sam,
  startGitHostBackend,
} from '../__testUtils__/gitHostBackend';
import { createRepository, pushCommit } from '../__testUtils__/repositories';

jest.setTimeout(120_000);

describe('merge requests over HTTP, on real repositories', () => {
  const dir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startGitHostBackend>>;
  const base = '/api/githost/repositories/orders-api/merge-requests';

  beforeEach(async () => {
    dir.clear();
    backend = await startGitHostBackend({ gitDirectory: dir.resolve('git') });
    await createRepository(backend.gitHost, 'orders-api', {
      'README.md': '# orders-api\n\nTakes orders.\n',
      'src/index.ts': 'export const port = 8080;\n',
      'catalog-info.yaml': 'kind: Component\n',
    });
  });

  afterEach(() => backend?.stop());

  const git = (...args: string[]) =>
    gitText([
      `--git-dir=${backend.gitHost.repositoryPath('orders-api')}`,
      ...args,
    ]);
  const open = (auth: string, body: object) =>
    request(backend.server).post(base).set('authorization', auth).send(body);
  const act = (
    auth: string,
    id: number,
    action: 'merge' | 'close',
    body?: object,
  ) =>
    request(backend.server)
      .post(`${base}/${id}/${action}`)
      .set('authorization', auth)
      .send(body ?? {});

  it('opens a merge request from a plugin, idempotently, and announces it once', async () => {
    const head = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'paved/upgrade-1.1.0',
      files: { 'src/health.ts': 'export const healthy = true;\n' },
    });
    const body = {
      sourceBranch: 'paved/upgrade-1.1.0',
      title: 'Upgrade to 1.1.0',
      description: 'Adds a **health** endpoint.',
    };
    const first = await open(goldenPathsPlugin, body);
    expect(first.status).toBe(201);
    expect(mergeRequestSchema.parse(first.body)).toEqual({
      repository: 'orders-api',
      id: 1,
      title: 'Upgrade to 1.1.0',
      description: 'Adds a **health** endpoint.',
      sourceBranch: 'paved/upgrade-1.1.0',
      targetBranch: 'main',
      state: 'open',
      conflicted: false,
      author: 'plugin:golden-paths',
      sourceCommit: head,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      url: 'http://localhost:3000/git/orders-api/merge-requests/1',
    });

    const again = await open(goldenPathsPlugin, { ...body, title: 'Other' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Into another target while open: refused, naming the open one.
    const elsewhere = await open(goldenPathsPlugin, {
      ...body,
      targetBranch: 'paved/upgrade-1.1.0-base',
    });
    expect(elsewhere.status).toBe(400); // that target does not exist
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'release',
      files: { 'RELEASE.md': 'next\n' },
    });
    const otherTarget = await open(goldenPathsPlugin, {
      ...body,
      targetBranch: 'release',
    });
    expect(otherTarget.status).toBe(409);
    expect(otherTarget.body.error.message).toBe(
      "sourceBranch: 'paved/upgrade-1.1.0' already has open merge request !1 into 'main'; close it first (rule: one-open-merge-request-per-branch)",
    );

    const list = await request(backend.server)
      .get(`${base}?state=open`)
      .set('authorization', sam);
    expect(list.body.items.map((m: { id: number }) => m.id)).toEqual([1]);

    expect(backend.published).toHaveLength(1);
    const event = mergeRequestEventSchema.parse(
      backend.published[0].eventPayload,
    );
    expect(event).toMatchObject({
      action: 'opened',
      actor: 'plugin:golden-paths',
      entityRefs: ['component:default/orders-api'],
      mergeRequest: { id: 1, state: 'open' },
    });
  });

  it('names every problem of a proposal at once', async () => {
    const res = await open(sam, {
      sourceBranch: 'no-such-branch',
      targetBranch: 'no-such-branch',
      title: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message.split('; ')).toEqual([
      "sourceBranch: branch 'no-such-branch' does not exist in 'orders-api' (rule: exists)",
      "targetBranch: branch 'no-such-branch' does not exist in 'orders-api' (rule: exists)",
      'targetBranch: must differ from sourceBranch (rule: distinct-branches)',
    ]);
    const malformed = await open(sam, {
      sourceBranch: '--upload-pack=evil',
      title: '',
      colour: 'red',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message.split('; ').sort()).toEqual([
      'colour: is not a known field (rule: no-unknown-fields)',
      expect.stringMatching(
        /^sourceBranch: must match pattern .* \(rule: pattern\)$/,
      ),
      'title: must NOT have fewer than 1 characters (rule: minimum)',
    ]);
    const unknownRepository = await request(backend.server)
      .post('/api/githost/repositories/nope/merge-requests')
      .set('authorization', sam)
      .send({ sourceBranch: 'x', title: 'x' });
    expect(unknownRepository.status).toBe(404);
  });

  it('shows the diff of target...source, and merges for an owner with a real merge commit', async () => {
    // Main moves on after the branch was cut; the diff shows only the branch's change.
    const head = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'feature',
      files: { 'src/health.ts': 'export const healthy = true;\n' },
    });
    const mainBefore = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'main',
      files: { 'CHANGELOG.md': '# Changes\n' },
    });
    await open(sam, { sourceBranch: 'feature', title: 'Health endpoint' });

    const detail = await request(backend.server)
      .get(`${base}/1`)
      .set('authorization', sam);
    expect(detail.status).toBe(200);
    expect(detail.body.diff.files).toEqual([
      { path: 'src/health.ts', additions: 1, deletions: 0, binary: false },
    ]);
    expect(detail.body.diff.text).toContain('+export const healthy = true;');
    expect(detail.body.diff.text).not.toContain('CHANGELOG');
    expect(detail.body.diff.truncated).toBe(false);
    expect(detail.body.mergeability).toEqual({ mergeable: true });

    // Lee (ledger) is no owner: told why, and refused.
    const asLee = await request(backend.server)
      .get(`${base}/1`)
      .set('authorization', lee);
    expect(asLee.body.mergeability).toEqual({
      mergeable: false,
      reason:
        "repository: user:default/lee.chen may not merge into repository 'orders-api': only group:default/payments, their members and members of the platform team (group:default/platform) may (rule: owner-membership)",
    });
    const refused = await act(lee, 1, 'merge');
    expect(refused.status).toBe(403);
    expect(await git('rev-parse', 'main')).toBe(mainBefore);
    // A plugin proposes but never merges.
    expect((await act(goldenPathsPlugin, 1, 'merge')).status).toBe(403);

    // The reviewed head must still be the head.
    const stale = await act(sam, 1, 'merge', { sourceCommit: mainBefore });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/\(rule: unchanged-source\)$/);

    const merged = await act(sam, 1, 'merge', { sourceCommit: head });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      state: 'merged',
      mergedBy: 'user:default/sam.rivera',
    });
    const mergeCommit = merged.body.mergeCommit;
    expect(await git('rev-parse', 'main')).toBe(mergeCommit);
    expect(await git('rev-list', '--parents', '-n', '1', mergeCommit)).toBe(
      `${mergeCommit} ${mainBefore} ${head}`,
    );
    expect(
      await git('log', '-1', '--format=%an <%ae>|%cn|%s', mergeCommit),
    ).toBe(
      "sam rivera <sam.rivera@example.com>|Paved|Merge branch 'feature' into main",
    );
    expect(await git('show', `${mergeCommit}:src/health.ts`)).toBe(
      'export const healthy = true;',
    );
    expect(await git('show', `${mergeCommit}:CHANGELOG.md`)).toBe('# Changes');

    // Merging again answers the merged merge request; closing it is refused.
    const again = await act(sam, 1, 'merge');
    expect(again.status).toBe(200);
    expect(again.body.mergeCommit).toBe(mergeCommit);
    expect((await act(sam, 1, 'close')).status).toBe(409);
    // The merged diff is still the branch's change.
    const after = await request(backend.server)
      .get(`${base}/1`)
      .set('authorization', sam);
    expect(after.body.diff.files.map((f: { path: string }) => f.path)).toEqual([
      'src/health.ts',
    ]);
    expect(after.body.mergeability.mergeable).toBe(false);

    expect(
      backend.published
        .map(e => mergeRequestEventSchema.parse(e.eventPayload))
        .map(e => [e.action, e.actor, e.mergeRequest.mergeCommit]),
    ).toEqual([
      ['opened', 'user:default/sam.rivera', undefined],
      ['merged', 'user:default/sam.rivera', mergeCommit],
    ]);
  });

  it('lets the platform team merge any repository', async () => {
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'feature',
      files: { 'a.txt': 'a\n' },
    });
    await open(lee, { sourceBranch: 'feature', title: 'A' });
    expect((await act(priya, 1, 'merge')).status).toBe(200);
  });

  it('refuses a merge that conflicts with the target as it is now, and leaves the target alone', async () => {
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'feature',
      files: { 'src/index.ts': 'export const port = 9090;\n' },
    });
    await open(sam, { sourceBranch: 'feature', title: 'Port 9090' });
    const main = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'main',
      files: { 'src/index.ts': 'export const port = 7070;\n' },
    });
    const res = await act(sam, 1, 'merge');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      "targetBranch: 'feature' conflicts with 'main' as it is now (src/index.ts): merge 'main' into 'feature' and resolve them (rule: merges-cleanly)",
    );
    expect(await git('rev-parse', 'main')).toBe(main);
    const detail = await request(backend.server)
      .get(`${base}/1`)
      .set('authorization', sam);
    expect(detail.body.mergeability.mergeable).toBe(false);
    expect(detail.body.mergeRequest.state).toBe('open');
  });

  it('holds a conflicted merge request until the conflict markers are gone', async () => {
    const conflicted = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'paved/upgrade-1.1.0',
      files: {
        'src/index.ts':
          '<<<<<<< ours\nexport const port = 7070;\n=======\nexport const port = 8081;\n>>>>>>> paved/template\n',
      },
    });
    const opened = await open(goldenPathsPlugin, {
      sourceBranch: 'paved/upgrade-1.1.0',
      title: 'Upgrade to 1.1.0 (needs attention)',
      conflicted: true,
    });
    expect(opened.body).toMatchObject({
      conflicted: true,
      sourceCommit: conflicted,
    });

    const held = await act(sam, 1, 'merge');
    expect(held.status).toBe(409);
    expect(held.body.error.message).toMatch(/\(rule: conflicts-resolved\)$/);

    // A new commit that keeps a marker is not a resolution.
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'paved/upgrade-1.1.0',
      files: {
        'src/index.ts': 'export const port = 8081;\n>>>>>>> paved/template\n',
      },
    });
    const still = await act(sam, 1, 'merge');
    expect(still.status).toBe(409);
    expect(still.body.error.message).toBe(
      'conflicted: conflict markers are left in src/index.ts (rule: conflicts-resolved)',
    );

    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'paved/upgrade-1.1.0',
      files: { 'src/index.ts': 'export const port = 8081;\n' },
    });
    const merged = await act(sam, 1, 'merge');
    expect(merged.status).toBe(200);
    expect(await git('show', 'main:src/index.ts')).toBe(
      'export const port = 8081;',
    );
  });

  it('lets the author or an owner close, records who, and announces it', async () => {
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'a',
      files: { 'a.txt': 'a\n' },
    });
    await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'b',
      files: { 'b.txt': 'b\n' },
    });
    await open(lee, { sourceBranch: 'a', title: 'A' });
    await open(goldenPathsPlugin, { sourceBranch: 'b', title: 'B' });

    // Lee wrote !1 and may close it; !2 is not his and the repository is not his team's.
    expect((await act(lee, 2, 'close')).status).toBe(403);
    const closed = await act(lee, 1, 'close');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      closedBy: 'user:default/lee.chen',
    });
    expect((await act(lee, 1, 'close')).status).toBe(200);
    expect((await act(sam, 1, 'merge')).status).toBe(409);

    const byOwner = await act(sam, 2, 'close');
    expect(byOwner.body.closedBy).toBe('user:default/sam.rivera');
    expect(
      backend.published
        .map(e => mergeRequestEventSchema.parse(e.eventPayload))
        .map(e => `${e.action} !${e.mergeRequest.id} by ${e.actor}`),
    ).toEqual([
      'opened !1 by user:default/lee.chen',
      'opened !2 by plugin:golden-paths',
      'closed !1 by user:default/lee.chen',
      'closed !2 by user:default/sam.rivera',
    ]);
    expect((await act(sam, 3, 'close')).status).toBe(404);
  });

  it('records a merge request whose source the target already contains as merged, without a commit', async () => {
    const head = await pushCommit(backend.gitHost, 'orders-api', {
      branch: 'feature',
      files: { 'a.txt': 'a\n' },
    });
    await open(sam, { sourceBranch: 'feature', title: 'A' });
    // Someone pushed the branch to main directly.
    await git('update-ref', 'refs/heads/main', head);
    const merged = await act(sam, 1, 'merge');
    expect(merged.status).toBe(200);
    expect(merged.body.mergeCommit).toBe(head);
    expect(await git('rev-parse', 'main')).toBe(head);
  });
});
