import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { NEEDS_ATTENTION_LABEL } from './ChangeRequestService';
import { GitHubChangeRequests } from './GitHubChangeRequests';
import { GitLabChangeRequests } from './GitLabChangeRequests';

/*
 * GitHub and GitLab answered from responses shaped as their REST APIs document them (trimmed to
 * the fields Paved reads plus a few around them). These clients have not been run against
 * github.com or gitlab.com from this machine, which has no route to them.
 */

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com', token: 'ghp_test' }],
      gitlab: [{ host: 'gitlab.com', token: 'glpat-test' }],
    },
  }),
);

const input = {
  sourceBranch: 'paved/upgrade-1.1.0',
  targetBranch: 'main',
  title: 'Upgrade to template:default/typescript-service 1.1.0',
  description: 'Renders **1.1.0** with the recorded inputs.',
};

const githubPull = (number: number) => ({
  url: `https://api.github.com/repos/acme/orders/pulls/${number}`,
  id: 1800000000 + number,
  html_url: `https://github.com/acme/orders/pull/${number}`,
  number,
  state: 'open',
  title: input.title,
  head: { ref: input.sourceBranch, label: `acme:${input.sourceBranch}` },
  base: { ref: 'main', label: 'acme:main' },
  draft: false,
});

describe('change requests on GitHub and GitLab (recorded HTTP responses)', () => {
  const server = setupServer();
  const requests: Array<{
    method: string;
    url: string;
    body?: any;
    auth?: string | null;
  }> = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    requests.length = 0;
    server.resetHandlers();
    server.events.removeAllListeners();
    server.events.on('request:start', async ({ request }) => {
      const body =
        request.method === 'GET' ? undefined : await request.clone().json();
      requests.push({
        method: request.method,
        url: request.url,
        body,
        auth:
          request.headers.get('authorization') ??
          request.headers.get('private-token'),
      });
    });
  });

  describe('GitHub', () => {
    const target = {
      kind: 'github' as const,
      host: 'github.com',
      owner: 'acme',
      repo: 'orders',
    };

    it('opens a pull request, labelled when it holds conflicts', async () => {
      server.use(
        http.get('https://api.github.com/repos/acme/orders/pulls', () =>
          HttpResponse.json([]),
        ),
        http.post('https://api.github.com/repos/acme/orders/pulls', () =>
          HttpResponse.json(githubPull(42), { status: 201 }),
        ),
        http.post(
          'https://api.github.com/repos/acme/orders/issues/42/labels',
          () => HttpResponse.json([{ id: 1, name: NEEDS_ATTENTION_LABEL }]),
        ),
      );
      const opened = await new GitHubChangeRequests(integrations).open({
        ...input,
        target,
        conflicted: true,
      });
      expect(opened).toEqual({
        key: 'github:github.com/acme/orders#42',
        url: 'https://github.com/acme/orders/pull/42',
        created: true,
      });
      expect(
        requests.map(
          r => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`,
        ),
      ).toEqual([
        'GET /repos/acme/orders/pulls?state=open&head=acme%3Apaved%2Fupgrade-1.1.0&base=main',
        'POST /repos/acme/orders/pulls',
        'POST /repos/acme/orders/issues/42/labels',
      ]);
      expect(requests[1].body).toEqual({
        head: 'paved/upgrade-1.1.0',
        base: 'main',
        title: input.title,
        body: input.description,
      });
      expect(requests[2].body).toEqual({ labels: [NEEDS_ATTENTION_LABEL] });
      expect(requests[1].auth).toBe('token ghp_test');
    });

    it('answers the pull request already open from the branch instead of a second', async () => {
      server.use(
        http.get('https://api.github.com/repos/acme/orders/pulls', () =>
          HttpResponse.json([githubPull(7)]),
        ),
      );
      const opened = await new GitHubChangeRequests(integrations).open({
        ...input,
        target,
        conflicted: false,
      });
      expect(opened).toEqual({
        key: 'github:github.com/acme/orders#7',
        url: 'https://github.com/acme/orders/pull/7',
        created: false,
      });
      expect(requests.filter(r => r.method === 'POST')).toEqual([]);
    });

    it('surfaces GitHub refusing the pull request', async () => {
      server.use(
        http.get('https://api.github.com/repos/acme/orders/pulls', () =>
          HttpResponse.json([]),
        ),
        http.post('https://api.github.com/repos/acme/orders/pulls', () =>
          HttpResponse.json(
            {
              message: 'Validation Failed',
              errors: [
                {
                  resource: 'PullRequest',
                  code: 'custom',
                  message: 'No commits between main and paved/upgrade-1.1.0',
                },
              ],
              documentation_url:
                'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
            },
            { status: 422 },
          ),
        ),
      );
      await expect(
        new GitHubChangeRequests(integrations).open({
          ...input,
          target,
          conflicted: false,
        }),
      ).rejects.toThrow(/No commits between main/);
    });
  });

  describe('GitLab', () => {
    const target = {
      kind: 'gitlab' as const,
      host: 'gitlab.com',
      project: 'acme/orders',
    };
    const api =
      'https://gitlab.com/api/v4/projects/acme%2Forders/merge_requests';

    it('opens a merge request, labelled when it holds conflicts', async () => {
      server.use(
        http.get(api, () => HttpResponse.json([])),
        http.post(api, () =>
          HttpResponse.json(
            {
              id: 301,
              iid: 12,
              project_id: 88,
              title: input.title,
              state: 'opened',
              source_branch: input.sourceBranch,
              target_branch: 'main',
              labels: [NEEDS_ATTENTION_LABEL],
              web_url: 'https://gitlab.com/acme/orders/-/merge_requests/12',
            },
            { status: 201 },
          ),
        ),
      );
      const opened = await new GitLabChangeRequests(integrations).open({
        ...input,
        target,
        conflicted: true,
      });
      expect(opened).toEqual({
        key: 'gitlab:gitlab.com/acme/orders!12',
        url: 'https://gitlab.com/acme/orders/-/merge_requests/12',
        created: true,
      });
      expect(new URL(requests[0].url).search).toBe(
        '?state=opened&source_branch=paved%2Fupgrade-1.1.0&target_branch=main',
      );
      expect(requests[1].body).toEqual({
        source_branch: 'paved/upgrade-1.1.0',
        target_branch: 'main',
        title: input.title,
        description: input.description,
        remove_source_branch: true,
        labels: NEEDS_ATTENTION_LABEL,
      });
      expect(requests[1].auth).toBe('glpat-test');
    });

    it('answers the merge request already open from the branch', async () => {
      server.use(
        http.get(api, () =>
          HttpResponse.json([
            {
              iid: 3,
              web_url: 'https://gitlab.com/acme/orders/-/merge_requests/3',
            },
          ]),
        ),
      );
      expect(
        await new GitLabChangeRequests(integrations).open({
          ...input,
          target,
          conflicted: false,
        }),
      ).toEqual({
        key: 'gitlab:gitlab.com/acme/orders!3',
        url: 'https://gitlab.com/acme/orders/-/merge_requests/3',
        created: false,
      });
    });

    it('surfaces GitLab refusing the merge request', async () => {
      server.use(
        http.get(api, () => HttpResponse.json([])),
        http.post(api, () =>
          HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
        ),
      );
      await expect(
        new GitLabChangeRequests(integrations).open({
          ...input,
          target,
          conflicted: false,
        }),
      ).rejects.toThrow(/403/);
    });
  });
});
