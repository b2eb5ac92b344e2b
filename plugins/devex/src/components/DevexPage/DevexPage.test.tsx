import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { devexApiRef } from '../../api/DevexApi';
import { emptyMetrics, fullMetrics } from '../../testing/fixtures';
import { mockDevexApi } from '../../testing/mockDevexApi';
import { DevexPage, windowFromParams } from './DevexPage';

// Rendering a whole test app is slow on a busy two-core CI machine.
jest.setTimeout(60_000);

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
  };
}

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const entities = [
  group('engineering'),
  group('product', 'engineering'),
  group('payments', 'product'),
  group('storefront', 'product'),
  group('platform', 'engineering'),
  component('payments-api', 'payments'),
  component('ledger-service', 'payments'),
  component('checkout-web', 'storefront'),
  component('paved', 'platform'),
];

describe('DevexPage', () => {
  it('drills down from the organisation to a team and one of its services', async () => {
    const devexApi = mockDevexApi({
      getDoraMetrics: jest
        .fn()
        .mockResolvedValueOnce(fullMetrics())
        .mockResolvedValue(emptyMetrics()),
    });
    renderInTestApp(<DevexPage />, {
      apis: [[devexApiRef, devexApi], catalogApiMock({ entities })],
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: { baseUrl: 'http://localhost:7007' },
        organization: { name: 'Paved Example Org' },
      },
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Paved Example Org',
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText('10 / week')).toBeInTheDocument();
    expect(devexApi.getDoraMetrics).toHaveBeenLastCalledWith(
      expect.objectContaining({ scope: { kind: 'organization' } }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Open team product' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'product' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(devexApi.getDoraMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({
          scope: { kind: 'group', group: 'group:default/product' },
        }),
      ),
    );
    // A team pools the services of its sub-teams.
    const services = await screen.findByRole('region', { name: 'Services' });
    for (const name of ['payments-api', 'ledger-service', 'checkout-web']) {
      expect(
        await within(services).findByRole('button', {
          name: `Open service ${name}`,
        }),
      ).toBeInTheDocument();
    }
    expect(within(services).queryByText('paved')).not.toBeInTheDocument();

    await userEvent.click(
      within(services).getByRole('button', {
        name: 'Open service payments-api',
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'payments-api' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(devexApi.getDoraMetrics).toHaveBeenLastCalledWith(
        expect.objectContaining({
          scope: {
            kind: 'entity',
            entityRef: 'component:default/payments-api',
          },
        }),
      ),
    );
    expect(
      (await screen.findAllByText('No data')).length,
    ).toBeGreaterThanOrEqual(5);
  });
});

describe('windowFromParams', () => {
  const now = new Date(2026, 10, 23, 12);

  it('defaults to 90 days and accepts the presets', () => {
    expect(windowFromParams(new URLSearchParams(), now).preset).toBe('90');
    expect(windowFromParams(new URLSearchParams('window=30'), now).preset).toBe(
      '30',
    );
    expect(windowFromParams(new URLSearchParams('window=7'), now).preset).toBe(
      '90',
    );
  });

  it('reads a custom window and falls back on a bad one', () => {
    const custom = windowFromParams(
      new URLSearchParams('window=custom&from=2026-09-01&to=2026-09-30'),
      now,
    );
    expect(custom.preset).toBe('custom');
    expect(custom.from).toEqual(new Date(2026, 8, 1));
    const reversed = windowFromParams(
      new URLSearchParams('window=custom&from=2026-09-30&to=2026-09-01'),
      now,
    );
    expect(reversed.preset).toBe('90');
  });
});
