import { GithubMappingContext, mapGithubDelivery } from './githubDeliveries';

function context(): GithubMappingContext & { recorded: unknown[] } {
  const recorded: unknown[] = [];
  return {
    recorded,
    serviceFor: async repo => `component:default/${repo.split('/')[1]}`,
    pushedCommits: async () => [
      { sha: 'bbbbbbb2', committedAt: Date.parse('2026-10-01T07:00:00Z') },
    ],
    storedChange: async () => undefined,
    recordPushedCommits: async (repo, commits) => {
      recorded.push({ repo, commits });
    },
    deploymentWorkflows: /deploy/i,
    productionEnvironments: ['production', 'prod'],
  };
}

const repository = {
  full_name: 'paved-org/payments-api',
  default_branch: 'main',
};

describe('mapGithubDelivery', () => {
  it('maps a completed deploy workflow to a production deployment with its commits', async () => {
    const result = await mapGithubDelivery(
      'workflow_run',
      {
        action: 'completed',
        repository,
        workflow_run: {
          id: 99,
          name: 'Deploy to production',
          conclusion: 'failure',
          head_sha: 'aaaaaaa1',
          head_commit: { timestamp: '2026-10-01T08:00:00Z' },
          run_started_at: '2026-10-01T09:00:00Z',
          updated_at: '2026-10-01T09:30:00Z',
        },
      },
      context(),
    );
    expect(result).toEqual({
      kind: 'events',
      events: [
        {
          id: 'workflow_run-99',
          source: 'github',
          observedAt: Date.parse('2026-10-01T09:30:00Z'),
          type: 'deployment',
          subject: 'component:default/payments-api',
          data: {
            environment: 'production',
            status: 'failed',
            finishedAt: '2026-10-01T09:30:00Z',
            startedAt: '2026-10-01T09:00:00Z',
            commits: [
              { sha: 'aaaaaaa1', committedAt: '2026-10-01T08:00:00Z' },
              { sha: 'bbbbbbb2', committedAt: '2026-10-01T07:00:00.000Z' },
            ],
            kind: 'normal',
          },
        },
      ],
    });
  });

  it('ignores workflows that do not deploy and unfinished deployment states', async () => {
    expect(
      await mapGithubDelivery(
        'workflow_run',
        {
          action: 'completed',
          repository,
          workflow_run: { name: 'Unit tests', conclusion: 'success' },
        },
        context(),
      ),
    ).toMatchObject({ kind: 'ignored' });
    expect(
      await mapGithubDelivery(
        'deployment_status',
        {
          repository,
          deployment: { id: 1 },
          deployment_status: { state: 'in_progress' },
        },
        context(),
      ),
    ).toMatchObject({ kind: 'ignored' });
    expect(
      await mapGithubDelivery('star', { repository }, context()),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('maps an issue labelled incident, linked to a deployment, resolved when closed', async () => {
    const result = await mapGithubDelivery(
      'issues',
      {
        action: 'closed',
        repository,
        issue: {
          number: 7,
          state: 'closed',
          created_at: '2026-10-02T10:00:00Z',
          closed_at: '2026-10-02T12:00:00Z',
          body: 'Checkout fails.\nDeployment: deployment-42',
          labels: [{ name: 'incident' }, { name: 'severity:sev1' }],
        },
      },
      context(),
    );
    expect(result).toEqual({
      kind: 'events',
      events: [
        {
          id: 'issue-paved-org/payments-api-7',
          source: 'github',
          observedAt: Date.parse('2026-10-02T12:00:00Z'),
          type: 'incident',
          subject: 'component:default/payments-api',
          data: {
            startedAt: '2026-10-02T10:00:00Z',
            resolvedAt: '2026-10-02T12:00:00Z',
            deploymentId: 'deployment-42',
            severity: 'sev1',
          },
        },
      ],
    });
    expect(
      await mapGithubDelivery(
        'issues',
        { repository, issue: { number: 8, labels: [{ name: 'bug' }] } },
        context(),
      ),
    ).toMatchObject({ kind: 'ignored' });
  });

  it('remembers commits pushed to the default branch only', async () => {
    const ctx = context();
    await mapGithubDelivery(
      'push',
      {
        ref: 'refs/heads/feature',
        repository,
        commits: [{ id: 'c1c1c1c1', timestamp: '2026-10-01T00:00:00Z' }],
      },
      ctx,
    );
    await mapGithubDelivery(
      'push',
      {
        ref: 'refs/heads/main',
        repository,
        commits: [{ id: 'c2c2c2c2', timestamp: '2026-10-01T00:00:00Z' }],
      },
      ctx,
    );
    expect(ctx.recorded).toEqual([
      {
        repo: 'paved-org/payments-api',
        commits: [
          { sha: 'c2c2c2c2', committedAt: Date.parse('2026-10-01T00:00:00Z') },
        ],
      },
    ]);
  });
});
