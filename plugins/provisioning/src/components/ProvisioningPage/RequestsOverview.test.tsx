import { Suspense } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { databaseRequest, mockProvisioningApi } from '../../testing/fixtures';
import { rootRouteRef } from '../../routes';
import { RequestsOverview } from './RequestsOverview';
import { expectToast } from '../../__testUtils__/toasts';

jest.setTimeout(60_000);

// In the app the page is loaded lazily inside a Suspense boundary; catalog links suspend while
// they resolve entity titles, so the test needs the boundary too.
const page = (
  <Suspense fallback={<div>loading</div>}>
    <RequestsOverview />
  </Suspense>
);

// AuthorizeResult.DENY by value, to avoid a dependency on plugin-permission-common for one enum.
type MockPermissionOptions = NonNullable<
  Parameters<typeof mockApis.permission>[0]
>;
const denyAll = mockApis.permission({
  authorize: 'DENY' as MockPermissionOptions['authorize'],
});

const mountedRoutes = {
  '/provisioning': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

const identity = mockApis.identity({
  userEntityRef: 'user:default/priya.natarajan',
  ownershipEntityRefs: [
    'user:default/priya.natarajan',
    'group:default/platform',
  ],
});

describe('RequestsOverview', () => {
  it("shows my teams' monthly totals against their budgets and the approvals inbox", async () => {
    const api = mockProvisioningApi({
      listRequests: jest.fn().mockResolvedValue([databaseRequest()]),
      getCosts: jest.fn().mockResolvedValue({
        currency: 'EUR',
        items: [
          {
            owner: 'group:default/platform',
            monthly: 1620.5,
            currency: 'EUR',
            requests: 3,
            budget: 1500,
          },
        ],
      }),
      listApprovals: jest.fn().mockResolvedValue({
        items: [],
        environments: ['production'],
      }),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], identity, mockApis.permission()],
    });
    const row = await screen.findByTestId('team-cost-group:default/platform');
    expect(row).toHaveTextContent(/1,620\.50/);
    expect(row).toHaveTextContent(/over: new requests need approval/);
    expect(api.getCosts).toHaveBeenCalledWith(['group:default/platform']);
    expect(
      screen.getByRole('button', { name: 'Approvals inbox (0)' }),
    ).toHaveAttribute('href', '/provisioning/approvals');
  });

  it('shows my requests, my teams and approvals, and approves with a comment', async () => {
    const pending = databaseRequest({
      id: '11111111-1111-4111-8111-111111111111',
      name: 'ledger',
      environment: 'production',
      size: 'large',
      storageGB: 200,
      status: 'awaiting-approval',
      approvalRequired: true,
    });
    const api = mockProvisioningApi({
      listRequests: jest.fn(async query => {
        if (query?.status?.includes('awaiting-approval')) return [pending];
        if (query?.requestedBy)
          return [
            databaseRequest({
              name: 'my-scratch',
              requestedBy: 'user:default/priya.natarajan',
            }),
          ];
        if (query?.owner)
          return [
            databaseRequest({
              name: 'platform-db',
              owner: 'group:default/platform',
            }),
          ];
        return [];
      }),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], identity, mockApis.permission()],
    });

    expect(
      await screen.findByText('Awaiting approval (1)'),
    ).toBeInTheDocument();
    expect(screen.getByText('My requests')).toBeInTheDocument();
    expect(screen.getByText('my-scratch')).toBeInTheDocument();
    expect(screen.getByText("My teams' databases")).toBeInTheDocument();
    expect(screen.getByText('platform-db')).toBeInTheDocument();
    expect(api.listRequests).toHaveBeenCalledWith({
      owner: ['group:default/platform'],
    });
    expect(api.listRequests).toHaveBeenCalledWith({
      requestedBy: 'user:default/priya.natarajan',
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Review comment'),
      'capacity checked',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.approveRequest).toHaveBeenCalledWith(
        '11111111-1111-4111-8111-111111111111',
        'capacity checked',
      ),
    );
    await expectToast('Request approved', {
      status: 'success',
      text: 'ledger (production): provisioning starts now.',
      link: {
        name: 'Open request',
        href: '/provisioning/requests/11111111-1111-4111-8111-111111111111',
      },
    });
  });

  it('needs a reason to reject', async () => {
    const api = mockProvisioningApi({
      listRequests: jest.fn(async query =>
        query?.status ? [databaseRequest({ status: 'awaiting-approval' })] : [],
      ),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], identity, mockApis.permission()],
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Reject' }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Reject' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Review comment'),
      'use staging first',
    );
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(api.rejectRequest).toHaveBeenCalledWith(
        expect.any(String),
        'use staging first',
      ),
    );
    await expectToast('Request rejected', {
      status: 'info',
      text: 'orders (development): the requester sees your reason.',
      link: {
        name: 'Open request',
        href: `/provisioning/requests/${databaseRequest().id}`,
      },
    });
  });

  it('hides approval buttons from people the policy does not allow to approve', async () => {
    // usePermission keeps decisions per permission and resource in SWR's module-level cache for
    // the whole test file, so a request no other test has asked about gets a fresh decision.
    const unreviewable = databaseRequest({
      id: '22222222-2222-4222-8222-222222222222',
      status: 'awaiting-approval',
    });
    const api = mockProvisioningApi({
      listRequests: jest.fn(async query =>
        query?.status ? [unreviewable] : [],
      ),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], identity, denyAll],
    });
    expect(
      await screen.findByText('Awaiting approval (1)'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
  });

  it('invites to request a first database when there is none', async () => {
    renderInTestApp(page, {
      mountedRoutes,
      apis: [
        [provisioningApiRef, mockProvisioningApi()],
        identity,
        mockApis.permission(),
      ],
    });
    expect(await screen.findByText('No databases yet')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'Request a database' })[0],
    ).toHaveAttribute('href', '/create/templates/default/postgresql-database');
  });

  it('shows the error when requests cannot be loaded', async () => {
    const api = mockProvisioningApi({
      listRequests: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], identity, mockApis.permission()],
    });
    expect(
      await screen.findByText(/Could not load database requests/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);
  });
});
