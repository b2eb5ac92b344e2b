/*
 * Attack: a developer registers, from a repository of their own, a component that another team
 * owns (the platform team, say), so it shows up as theirs, collects their scorecards and lets
 * the developer act in their name; or registers it as their own team's and later edits
 * `spec.owner` in the repository. Entities of a registered location must be owned by a team of
 * the person who registered it; the platform team may register anything. The legitimate path,
 * a golden path's `catalog:register` with the initiator's credentials, keeps working.
 */
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  eventually,
  signedInAs,
  startRepositoryHost,
  startTrustTestBackend,
} from '../__testUtils__/trustTestBackend';

jest.setTimeout(120_000);

const component = (name: string, owner: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: experimental
  owner: ${owner}
`;

// A golden path reduced to its registration step, as Paved's templates end.
const registerOnlyTemplate = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: register-only
spec:
  owner: group:default/platform
  type: service
  parameters:
    - properties:
        url: { type: string }
  steps:
    - id: register
      name: Register
      action: catalog:register
      input:
        catalogInfoUrl: \${{ parameters.url }}
`;

describe('registered locations hold only entities of the registrant’s teams', () => {
  const files = new Map<string, string>([
    ['/sam/payments-tool/catalog-info.yaml', component('payments-tool', 'payments')],
    ['/sam/sneaky/catalog-info.yaml', component('platform-console', 'group:default/platform')],
    ['/sam/edited-later/catalog-info.yaml', component('refunds-job', 'payments')],
    ['/priya/storefront-cache/catalog-info.yaml', component('storefront-cache', 'storefront')],
    ['/sam/golden-path/catalog-info.yaml', component('created-by-template', 'payments')],
    ['/sam/golden-path-other-team/catalog-info.yaml', component('template-for-platform', 'platform')],
    ['/platform/templates/register-only.yaml', registerOnlyTemplate],
  ]);
  let repositories: Awaited<ReturnType<typeof startRepositoryHost>>;
  let baseUrl = '';
  let stop: () => Promise<unknown>;

  beforeAll(async () => {
    repositories = await startRepositoryHost(files);
    const started = await startTrustTestBackend({
      extraFeatures: [catalogModuleScaffolderEntityModel, scaffolderPlugin],
      config: {
        backend: { reading: { allow: [{ host: repositories.host }] } },
      },
    });
    baseUrl = started.baseUrl;
    stop = async () => {
      await started.backend.stop();
      await repositories.close();
    };
  });
  afterAll(() => stop?.());

  const register = (person: 'sam' | 'priya', file: string) =>
    fetch(`${baseUrl}/api/catalog/locations`, {
      method: 'POST',
      headers: {
        Authorization: signedInAs(person),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ type: 'url', target: repositories.url(file) }),
    });
  const entity = async (name: string) => {
    const response = await fetch(
      `${baseUrl}/api/catalog/entities/by-name/component/default/${name}`,
      { headers: { Authorization: signedInAs('sam') } },
    );
    return response.ok ? response.json() : undefined;
  };
  const processingError = (name: string) =>
    eventually(async () => {
      for (const reason of ['failed', 'pending']) {
        const response = await fetch(
          `${baseUrl}/api/catalog/entities/unprocessed/${reason}`,
          { headers: { Authorization: signedInAs('sam') } },
        );
        const { entities } = await response.json();
        const found = entities.find(
          (e: any) =>
            e.unprocessed_entity.metadata?.name === name && e.errors?.length,
        );
        if (found) return found.errors.map((e: any) => e.message).join('\n');
      }
      return undefined;
    });

  it('accepts a developer’s component owned by their own team', async () => {
    expect((await register('sam', '/sam/payments-tool/catalog-info.yaml')).status).toBe(201);
    const accepted = await eventually(() => entity('payments-tool'));
    expect(accepted.spec.owner).toBe('payments');
  });

  it('refuses a developer’s component owned by another team, naming the rule', async () => {
    expect((await register('sam', '/sam/sneaky/catalog-info.yaml')).status).toBe(201);
    expect(await processingError('platform-console')).toMatch(
      /spec.owner: group:default\/platform is not a team of user:default\/sam.rivera, who registered .*\(rule: owned-by-registrant\)/,
    );
    expect(await entity('platform-console')).toBeUndefined();
  });

  it('refuses an owner edited in the repository after registration; the accepted version stays', async () => {
    expect((await register('sam', '/sam/edited-later/catalog-info.yaml')).status).toBe(201);
    await eventually(() => entity('refunds-job'));
    files.set(
      '/sam/edited-later/catalog-info.yaml',
      component('refunds-job', 'group:default/platform'),
    );
    // The entity page shows the error (status.items) beside the last accepted version.
    const refused = await eventually(async () => {
      const current = await entity('refunds-job');
      const messages = (current?.status?.items ?? [])
        .map((item: any) => item.error?.message ?? '')
        .join('\n');
      return /owned-by-registrant/.test(messages) ? current : undefined;
    });
    expect(refused.spec.owner).toBe('payments');
  });

  it('lets the platform team register a component of any team', async () => {
    expect((await register('priya', '/priya/storefront-cache/catalog-info.yaml')).status).toBe(201);
    expect((await eventually(() => entity('storefront-cache'))).spec.owner).toBe('storefront');
  });

  describe('through a golden path (catalog:register with the initiator’s credentials)', () => {
    const runTask = async (file: string) => {
      const created = await eventually(async () => {
        const response = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
          method: 'POST',
          headers: {
            Authorization: signedInAs('sam'),
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({
            templateRef: 'template:default/register-only',
            values: { url: repositories.url(file) },
          }),
        });
        return response.status === 201 ? response.json() : undefined;
      });
      return eventually(async () => {
        const response = await fetch(
          `${baseUrl}/api/scaffolder/v2/tasks/${created.id}`,
          { headers: { Authorization: signedInAs('sam') } },
        );
        const task = await response.json();
        return ['completed', 'failed'].includes(task.status) ? task : undefined;
      });
    };

    beforeAll(async () => {
      // The platform team publishes the template.
      const response = await register(
        'priya',
        '/platform/templates/register-only.yaml',
      );
      if (response.status !== 201) {
        throw new Error(`template not registered: ${await response.text()}`);
      }
    });

    it('registers a service of the initiator’s own team', async () => {
      const task = await runTask('/sam/golden-path/catalog-info.yaml');
      expect(task.status).toBe('completed');
      const created = await eventually(() => entity('created-by-template'));
      expect(created.spec.owner).toBe('payments');
    });

    it('refuses a service of another team: the task fails, the catalog says why', async () => {
      const task = await runTask('/sam/golden-path-other-team/catalog-info.yaml');
      // catalog:register's dry run after registering answers 400 (the scaffolder logs only the
      // status); the location's entity carries the rule.
      expect(task.status).toBe('failed');
      expect(await processingError('template-for-platform')).toMatch(
        /spec.owner: group:default\/platform is not a team of user:default\/sam.rivera.*owned-by-registrant/,
      );
      expect(await entity('template-for-platform')).toBeUndefined();
    });
  });
});
