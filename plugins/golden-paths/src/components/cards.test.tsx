import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  GoldenPathsApi,
  Upgrade,
} from '@paved/plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { TemplateDriftPage } from './TemplateDriftPage/TemplateDriftPage';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { CreatedFromCard } from './CreatedFromCard/CreatedFromCard';
import { TemplateAdoptionCard } from './TemplateAdoptionCard/TemplateAdoptionCard';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(60_000);

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'typescript-service',
    namespace: 'default',
    title: 'TypeScript service',
    annotations: { 'paved.dev/template-version': '1.2.0' },
  },
  spec: { type: 'service', steps: [] },
};

function component(
  name: string,
  version: string | undefined,
  templateRef = 'template:default/typescript-service',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'paved.dev/template': templateRef,
        ...(version ? { 'paved.dev/template-version': version } : {}),
      },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'payments' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
  };
}

/** The golden-paths API answering from memory, as the backend would for one outdated component. */
function fakeGoldenPaths() {
  const upgrades: Upgrade[] = [];
  const api: GoldenPathsApi & { proposed: string[] } = {
    proposed: [],
    getServiceName: async name => ({ name, available: true }),
    getDrift: async () => [
      {
        templateRef: 'template:default/typescript-service',
        title: 'TypeScript service',
        latestVersion: '1.2.0',
        versions: { '1.0.0': 1, '1.2.0': 1 },
        components: [
          {
            entityRef: 'component:default/payments-api',
            owner: 'group:default/payments',
            version: '1.0.0',
            state: upgrades.length ? 'proposed' : 'outdated',
            ...(upgrades.length && { upgrade: upgrades[0] }),
          },
          {
            entityRef: 'component:default/ledger-service',
            version: '1.2.0',
            state: 'current',
          },
        ],
      },
    ],
    proposeUpgrade: async entityRef => {
      api.proposed.push(entityRef);
      const upgrade: Upgrade = {
        id: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
        entityRef,
        templateRef: 'template:default/typescript-service',
        fromVersion: '1.0.0',
        toVersion: '1.2.0',
        status: 'open',
        changeUrl: 'http://localhost:3000/git/payments-api/merge-requests/1',
        conflicts: [],
        createdBy: 'user:default/guest',
        createdAt: '2026-12-07T09:00:00.000Z',
        updatedAt: '2026-12-07T09:00:00.000Z',
      };
      upgrades.push(upgrade);
      return upgrade;
    },
    getUpgrade: async () => upgrades[0],
    listUpgrades: async () => [...upgrades],
  };
  return api;
}

const render = (
  entity: Entity,
  element: JSX.Element,
  entities: Entity[],
  goldenPaths = fakeGoldenPaths(),
) =>
  renderInTestApp(<EntityProvider entity={entity}>{element}</EntityProvider>, {
    apis: [catalogApiMock({ entities }), [goldenPathsApiRef, goldenPaths]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('CreatedFromCard', () => {
  it('names the template and version, and says when the template moved on', async () => {
    const entity = component('payments-api', '1.0.0');
    render(entity, <CreatedFromCard />, [template, entity]);
    expect(await screen.findByTestId('created-from')).toHaveTextContent(
      'Created from TypeScript service 1.0.0',
    );
    expect(
      screen.getByRole('link', { name: 'TypeScript service' }),
    ).toHaveAttribute('href', '/catalog/default/template/typescript-service');
    expect(screen.getByText('Template now at 1.2.0')).toBeInTheDocument();
  });

  it('offers the upgrade, proposes it, then shows the proposal', async () => {
    const entity = component('payments-api', '1.0.0');
    const goldenPaths = fakeGoldenPaths();
    render(entity, <CreatedFromCard />, [template, entity], goldenPaths);
    expect(
      await screen.findByText('Upgrade available: the template is at 1.2.0.'),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Propose upgrade to 1.2.0' }),
    );
    expect(goldenPaths.proposed).toEqual(['component:default/payments-api']);
    expect(await screen.findByText('Upgrade proposed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Review change' })).toHaveAttribute(
      'href',
      'http://localhost:3000/git/payments-api/merge-requests/1',
    );
  });

  it('says in a toast that stays why a proposal could not be made', async () => {
    const entity = component('payments-api', '1.0.0');
    const goldenPaths = fakeGoldenPaths();
    goldenPaths.proposeUpgrade = async () => {
      throw new Error('the repository could not be cloned');
    };
    render(entity, <CreatedFromCard />, [template, entity], goldenPaths);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Propose upgrade to 1.2.0' }),
    );
    const toast = await screen.findByRole('alertdialog', {
      name: 'Could not propose the upgrade',
    });
    expect(toast).toHaveAttribute('data-status', 'danger');
    expect(toast).toHaveTextContent(
      'component:default/payments-api: the repository could not be cloned',
    );
    expect(
      await screen.findByRole('button', { name: 'Propose upgrade to 1.2.0' }),
    ).toBeEnabled();
  });

  it('offers nothing to a component at the latest version', async () => {
    const entity = component('ledger-service', '1.2.0');
    render(entity, <CreatedFromCard />, [template, entity]);
    expect(await screen.findByTestId('created-from')).toBeInTheDocument();
    expect(screen.queryByTestId('upgrade-action')).not.toBeInTheDocument();
  });

  it('says so when the template left the catalog', async () => {
    const entity = component(
      'old-service',
      '0.9.0',
      'template:default/retired',
    );
    render(entity, <CreatedFromCard />, [entity]);
    expect(await screen.findByTestId('created-from')).toHaveTextContent(
      'Created from retired 0.9.0',
    );
    expect(
      screen.getByText('This template is no longer in the catalog.'),
    ).toBeInTheDocument();
  });
});

describe('TemplateAdoptionCard', () => {
  it('lists the components created from the template, with their versions', async () => {
    const entities = [
      template,
      component('payments-api', '1.0.0'),
      component('ledger-service', '1.2.0'),
      component('checkout-web', '1.0.0', 'template:default/go-service'),
    ];
    render(template, <TemplateAdoptionCard />, entities);
    expect(
      await screen.findByText('Created from this template (2)'),
    ).toBeInTheDocument();
    expect(screen.getByText('payments-api')).toBeInTheDocument();
    expect(screen.getByText('ledger-service')).toBeInTheDocument();
    expect(screen.queryByText('checkout-web')).not.toBeInTheDocument();
    expect(screen.getAllByText('behind 1.2.0')).toHaveLength(1);
  });

  it('has an empty state', async () => {
    render(template, <TemplateAdoptionCard />, [template]);
    expect(
      await screen.findByText('Nothing created from this template yet'),
    ).toBeInTheDocument();
  });
});

describe('TemplateDriftPage', () => {
  it('shows components per version and proposes an upgrade from the table', async () => {
    const goldenPaths = fakeGoldenPaths();
    renderInTestApp(<TemplateDriftPage />, {
      apis: [
        catalogApiMock({ entities: [] }),
        [goldenPathsApiRef, goldenPaths],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText('Latest version 1.2.0')).toBeInTheDocument();
    expect(screen.getByText('1.0.0: 1')).toBeInTheDocument();
    expect(screen.getByTestId('upgrade-state-outdated')).toBeInTheDocument();
    expect(screen.getByTestId('upgrade-state-current')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Propose upgrade' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('upgrade-state-proposed')).toBeInTheDocument(),
    );
    expect(goldenPaths.proposed).toEqual(['component:default/payments-api']);
    expect(
      within(screen.getByTestId('drift-typescript-service')).getByRole('link', {
        name: 'Review change',
      }),
    ).toBeInTheDocument();
    const toast = await screen.findByRole('alertdialog', {
      name: 'Upgrade proposed',
    });
    expect(toast).toHaveAttribute('data-status', 'success');
    expect(toast).toHaveTextContent(
      'component:default/payments-api to 1.2.0: the change request is open.',
    );
    expect(
      within(toast).getByRole('link', { name: 'Review change' }),
    ).toHaveAttribute(
      'href',
      'http://localhost:3000/git/payments-api/merge-requests/1',
    );
  });

  it('says which inputs a waiting upgrade needs, and proposes it again', async () => {
    const goldenPaths = fakeGoldenPaths();
    const waiting: Upgrade = {
      id: '5a0d1c7e-1b2c-4d3e-8f90-a1b2c3d4e5f6',
      entityRef: 'component:default/payments-api',
      templateRef: 'template:default/typescript-service',
      fromVersion: '1.0.0',
      toVersion: '1.2.0',
      status: 'needs-attention',
      conflicts: [],
      missingInputs: ['costCentre', 'tier'],
      createdBy: 'plugin:golden-paths',
      createdAt: '2026-12-07T09:00:00.000Z',
      updatedAt: '2026-12-07T09:00:00.000Z',
    };
    const drift = await goldenPaths.getDrift();
    drift[0].components[0] = {
      ...drift[0].components[0],
      state: 'needs-attention',
      upgrade: waiting,
    };
    // Once proposed again (the inputs were added), the drift shows the new proposal.
    const proposedDrift = goldenPaths.getDrift;
    goldenPaths.getDrift = async () =>
      goldenPaths.proposed.length ? proposedDrift() : drift;
    renderInTestApp(<TemplateDriftPage />, {
      apis: [
        catalogApiMock({ entities: [] }),
        [goldenPathsApiRef, goldenPaths],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByTestId('missing-inputs')).toHaveTextContent(
      '1.2.0 needs inputs with no default: costCentre, tier. Add them under inputs: in .paved/template.yaml, then propose again.',
    );
    expect(
      screen.getByTestId('upgrade-state-needs-attention'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Propose again' }),
    );
    await waitFor(() =>
      expect(goldenPaths.proposed).toEqual(['component:default/payments-api']),
    );
    expect(
      await screen.findByRole('alertdialog', { name: 'Upgrade proposed' }),
    ).toHaveAttribute('data-status', 'success');
    expect(
      await screen.findByTestId('upgrade-state-proposed'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('missing-inputs')).not.toBeInTheDocument();
  });
});
