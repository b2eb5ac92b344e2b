import { GithubMappingContext, mapGithubDelivery } from './githubDeliveries';

const context: GithubMappingContext = {
  serviceFor: async repo => `component:default/${repo.split('/')[1]}`,
  pushedCommits: async () => [],
  storedChange: async () => undefined,
  recordPushedCommits: async () => {},
  deploymentWorkflows: /deploy/i,
  productionEnvironments: ['production'],
};
const repository = { full_name: 'paved-org/payments-api' };

const dataOf = async (name: string, payload: unknown) => {
  const result = await mapGithubDelivery(name, payload, context);
  if (result.kind !== 'events') throw new Error(result.reason);
  return result.events[0].data as Record<string, unknown>;
};

describe('people in GitHub deliveries', () => {
  const pullRequest = (user: unknown) => ({
    action: 'closed',
    repository,
    pull_request: {
      number: 7,
      created_at: '2026-10-01T08:00:00Z',
      updated_at: '2026-10-01T10:00:00Z',
      merged_at: '2026-10-01T10:00:00Z',
      user,
    },
  });

  it('takes a pull request author from pull_request.user.login', async () => {
    expect(
      await dataOf('pull_request', pullRequest({ id: 1, login: 'Sam-R' })),
    ).toMatchObject({ author: 'Sam-R' });
  });

  it('leaves the author out when GitHub sends no usable login', async () => {
    expect(
      await dataOf(
        'pull_request',
        pullRequest({ id: 1, login: 'not a login' }),
      ),
    ).not.toHaveProperty('author');
    expect(await dataOf('pull_request', pullRequest(null))).not.toHaveProperty(
      'author',
    );
  });

  it("takes a workflow run's triggering actor, else its actor, else the sender", async () => {
    const run = (extra: object, sender?: object) => ({
      action: 'completed',
      repository,
      ...(sender ? { sender } : {}),
      workflow_run: {
        id: 5,
        name: 'Deploy',
        conclusion: 'success',
        head_sha: 'aaaaaaa1',
        updated_at: '2026-10-01T09:30:00Z',
        ...extra,
      },
    });
    expect(
      await dataOf(
        'workflow_run',
        run(
          {
            triggering_actor: { login: 'rerunner' },
            actor: { login: 'pusher' },
          },
          { login: 'sender' },
        ),
      ),
    ).toMatchObject({ triggeredBy: 'rerunner' });
    expect(
      await dataOf('workflow_run', run({ actor: { login: 'pusher' } })),
    ).toMatchObject({ triggeredBy: 'pusher' });
    expect(
      await dataOf('workflow_run', run({}, { login: 'sender' })),
    ).toMatchObject({ triggeredBy: 'sender' });
  });

  it("takes a deployment's creator, else the status's sender", async () => {
    const status = (deployment: object) => ({
      repository,
      sender: { login: 'deploy-bot' },
      deployment_status: {
        state: 'success',
        updated_at: '2026-10-01T09:30:00Z',
      },
      deployment: {
        id: 3,
        sha: 'aaaaaaa1',
        environment: 'production',
        ...deployment,
      },
    });
    expect(
      await dataOf(
        'deployment_status',
        status({ creator: { login: 'sam-r' } }),
      ),
    ).toMatchObject({ triggeredBy: 'sam-r' });
    expect(await dataOf('deployment_status', status({}))).toMatchObject({
      triggeredBy: 'deploy-bot',
    });
  });
});
