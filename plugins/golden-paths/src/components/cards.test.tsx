import { screen } from '@testing-library/react';
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

const render = (entity: Entity, element: JSX.Element, entities: Entity[]) =>
  renderInTestApp(<EntityProvider entity={entity}>{element}</EntityProvider>, {
    apis: [catalogApiMock({ entities })],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });

describe('CreatedFromCard', () => {
  it('names the template and version, and says when the template moved on', async () => {
    const entity = component('payments-api', '1.0.0');
    await render(entity, <CreatedFromCard />, [template, entity]);
    expect(await screen.findByTestId('created-from')).toHaveTextContent(
      'Created from TypeScript service 1.0.0',
    );
    expect(
      screen.getByRole('link', { name: 'TypeScript service' }),
    ).toHaveAttribute('href', '/catalog/default/template/typescript-service');
    expect(screen.getByText('Template now at 1.2.0')).toBeInTheDocument();
  });

  it('says so when the template left the catalog', async () => {
    const entity = component(
      'old-service',
      '0.9.0',
      'template:default/retired',
    );
    await render(entity, <CreatedFromCard />, [entity]);
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
    await render(template, <TemplateAdoptionCard />, entities);
    expect(
      await screen.findByText('Created from this template (2)'),
    ).toBeInTheDocument();
    expect(screen.getByText('payments-api')).toBeInTheDocument();
    expect(screen.getByText('ledger-service')).toBeInTheDocument();
    expect(screen.queryByText('checkout-web')).not.toBeInTheDocument();
    expect(screen.getAllByText('behind 1.2.0')).toHaveLength(1);
  });

  it('has an empty state', async () => {
    await render(template, <TemplateAdoptionCard />, [template]);
    expect(
      await screen.findByText('Nothing created from this template yet'),
    ).toBeInTheDocument();
  });
});
