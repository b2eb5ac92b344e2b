import { mockServices } from '@backstage/backend-test-utils';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import yaml from 'yaml';
import {
  createTemplateBranchAction,
  templateBranchExamples,
} from './templateBranch';

/*
 * GitHub's git data API and GitLab's REST API answered with responses shaped as their
 * documentation shows them (trimmed to the fields read, plus a few around them). This action has
 * not been run against github.com or gitlab.com: this machine has no route to them.
 */

const integrations = ScmIntegrations.fromConfig(
  mockServices.rootConfig({
    data: {
      integrations: {
        github: [{ host: 'github.com', token: 'ghp_test' }],
        gitlab: [{ host: 'gitlab.com', token: 'glpat-test' }],
      },
    },
  }),
);
const action = createTemplateBranchAction({ integrations });

const [githubExample, gitlabExample] = templateBranchExamples.map(
  e => yaml.parse(e.example).steps[0].input,
);
const GITHUB_SHA = githubExample.commitHash;
const GITLAB_SHA = gitlabExample.commitHash;
const OTHER_SHA = 'a'.repeat(40);

const githubRef = (sha: string) => ({
  ref: 'refs/heads/paved/template',
  node_id: 'REF_kwDOAbCdEf',
  url: 'https://api.github.com/repos/paved-org/payments-api/git/refs/heads/paved/template',
  object: {
    sha,
    type: 'commit',
    url: `https://api.github.com/repos/paved-org/payments-api/git/commits/${sha}`,
  },
});

const gitlabBranch = (sha: string) => ({
  name: 'paved/template',
  merged: false,
  protected: false,
  default: false,
  developers_can_push: false,
  developers_can_merge: false,
  can_push: true,
  web_url: 'https://gitlab.com/paved-org/payments/ledger/-/tree/paved/template',
  commit: {
    id: sha,
    short_id: sha.slice(0, 8),
    created_at: '2026-12-07T10:00:00.000+00:00',
    parent_ids: [],
    title: 'Create ledger from the TypeScript golden path',
    author_name: 'Sam Rivera',
  },
});

const GITLAB_PROJECT =
  'https://gitlab.com/api/v4/projects/paved-org%2Fpayments%2Fledger';

describe('paved:template:branch (recorded HTTP responses)', () => {
  const server = setupServer();
  const requests: Array<{
    method: string;
    url: string;
    body?: unknown;
    auth: string | null;
  }> = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    requests.length = 0;
    server.resetHandlers();
    server.events.removeAllListeners();
    server.events.on('request:start', async ({ request }) => {
      const text = await request.clone().text();
      requests.push({
        method: request.method,
        url: decodeURIComponent(request.url),
        ...(text && { body: JSON.parse(text) }),
        auth:
          request.headers.get('authorization') ??
          request.headers.get('private-token'),
      });
    });
  });

  const run = async (
    input: { repoUrl: string; commitHash?: string },
    isDryRun = false,
  ) => {
    // The mock context takes no isDryRun of its own.
    const ctx = { ...createMockActionContext({ input }), isDryRun };
    await action.handler(ctx as any);
    return ctx;
  };

  it('GitHub: runs its documented example, creating the ref with the integration token', async () => {
    server.use(
      http.post(
        'https://api.github.com/repos/paved-org/payments-api/git/refs',
        () => HttpResponse.json(githubRef(GITHUB_SHA), { status: 201 }),
      ),
    );
    const ctx = await run(githubExample);
    expect(requests).toEqual([
      {
        method: 'POST',
        url: 'https://api.github.com/repos/paved-org/payments-api/git/refs',
        body: { ref: 'refs/heads/paved/template', sha: GITHUB_SHA },
        auth: 'token ghp_test',
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('branch', 'paved/template');
    expect(ctx.output).toHaveBeenCalledWith('commitHash', GITHUB_SHA);
  });

  it('GitHub: a branch already at the commit is fine (a retried task); at another commit it is refused, not moved', async () => {
    let at = GITHUB_SHA;
    server.use(
      http.post(
        'https://api.github.com/repos/paved-org/payments-api/git/refs',
        () =>
          HttpResponse.json(
            {
              message: 'Reference already exists',
              documentation_url:
                'https://docs.github.com/rest/git/refs#create-a-reference',
              status: '422',
            },
            { status: 422 },
          ),
      ),
      // Octokit sends the ref as one path segment (heads%2Fpaved%2Ftemplate).
      http.get(
        'https://api.github.com/repos/paved-org/payments-api/git/ref/:ref',
        ({ params }) =>
          params.ref === 'heads/paved/template'
            ? HttpResponse.json(githubRef(at))
            : HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      ),
    );
    await run(githubExample);
    expect(requests.map(r => `${r.method} ${r.url}`)).toEqual([
      'POST https://api.github.com/repos/paved-org/payments-api/git/refs',
      'GET https://api.github.com/repos/paved-org/payments-api/git/ref/heads/paved/template',
    ]);
    at = OTHER_SHA;
    await expect(run(githubExample)).rejects.toThrow(
      `github.com/paved-org/payments-api already has paved/template at ${OTHER_SHA}, not at ${GITHUB_SHA}; it is left as it is`,
    );
    expect(requests.filter(r => r.method !== 'GET')).toHaveLength(2);
  });

  it('GitLab: runs its documented example through the branches API with the integration token', async () => {
    server.use(
      http.post(`${GITLAB_PROJECT}/repository/branches`, () =>
        HttpResponse.json(gitlabBranch(GITLAB_SHA), { status: 201 }),
      ),
    );
    const ctx = await run(gitlabExample);
    expect(requests).toEqual([
      {
        method: 'POST',
        url: `https://gitlab.com/api/v4/projects/paved-org/payments/ledger/repository/branches?branch=paved/template&ref=${GITLAB_SHA}`,
        auth: 'glpat-test',
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', GITLAB_SHA);
  });

  it('GitLab: an existing branch at the commit is fine, at another commit refused; other errors are reported', async () => {
    let at = GITLAB_SHA;
    let create = () =>
      HttpResponse.json({ message: 'Branch already exists' }, { status: 400 });
    server.use(
      http.post(`${GITLAB_PROJECT}/repository/branches`, () => create()),
      http.get(`${GITLAB_PROJECT}/repository/branches/:branch`, ({ params }) =>
        params.branch === 'paved/template'
          ? HttpResponse.json(gitlabBranch(at))
          : HttpResponse.json(
              { message: '404 Branch Not Found' },
              { status: 404 },
            ),
      ),
    );
    await run(gitlabExample);
    at = OTHER_SHA;
    await expect(run(gitlabExample)).rejects.toThrow(
      /already has paved\/template at a{40}, not at/,
    );
    create = () =>
      HttpResponse.json({ message: '403 Forbidden' }, { status: 403 });
    await expect(run(gitlabExample)).rejects.toThrow(/403/);
  });

  it.each([
    [
      { ...githubExample, commitHash: 'main' },
      "commitHash: 'main' is not a full commit id (rule: commit-sha)",
    ],
    [
      { ...githubExample, commitHash: '' },
      "commitHash: '' is not a full commit id (rule: commit-sha)",
    ],
    [
      {
        ...githubExample,
        repoUrl: 'bitbucket.org?workspace=w&project=p&repo=r',
      },
      /repoUrl|No matching integration/,
    ],
    [
      { ...githubExample, repoUrl: 'evil.example.com?owner=o&repo=r' },
      /evil\.example\.com/,
    ],
  ])('refuses %j without calling anything', async (input, message) => {
    await expect(run(input)).rejects.toThrow(message);
    expect(requests).toEqual([]);
  });

  it('dry run: answers the branch and calls nothing, also without a commit (publish was skipped)', async () => {
    const ctx = await run(githubExample, true);
    expect(ctx.output).toHaveBeenCalledWith('branch', 'paved/template');
    await run({ repoUrl: gitlabExample.repoUrl }, true);
    await run({ repoUrl: gitlabExample.repoUrl, commitHash: '' }, true);
    expect(requests).toEqual([]);
    await expect(
      run({ repoUrl: gitlabExample.repoUrl, commitHash: 'HEAD~1' }, true),
    ).rejects.toThrow(/commitHash: 'HEAD~1' is not a full commit id/);
  });
});
