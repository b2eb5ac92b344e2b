import { Suspense } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ApprovalInboxItem } from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { databaseRequest, mockProvisioningApi } from '../../testing/fixtures';
import { rootRouteRef } from '../../routes';
import { ApprovalsPage } from './ApprovalsPage';
import { expectToast } from '../../__testUtils__/toasts';

jest.setTimeout(60_000);

const page = (
  <Suspense fallback={<div>loading</div>}>
    <ApprovalsPage />
  </Suspense>
);
const mountedRoutes = {
  '/provisioning': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

function inboxItem(
  overrides: Partial<ApprovalInboxItem> = {},
): ApprovalInboxItem {
  const request = databaseRequest({
    id: '22222222-2222-4222-8222-222222222222',
    name: 'ledger',
    environment: 'production',
    size: 'medium',
    storageGB: 40,
    status: 'awaiting-approval',
    approvalRequired: true,
    cost: { monthly: 110.6, currency: 'EUR' },
  });
  return {
    subjectType: 'request',
    id: request.id,
    requestId: request.id,
    request,
    title: 'Database ledger (production)',
    owner: request.owner,
    environment: 'production',
    requestedBy: request.requestedBy,
    createdAt: request.createdAt,
    cost: request.cost,
    diff: [
      { field: 'name', after: 'ledger' },
      { field: 'size', after: 'medium' },
    ],
    approval: {
      required: 2,
      approvers: ['group:default/platform'],
      approvals: [
        {
          approver: 'user:default/pat.platform',
          approvedAt: '2026-12-10T10:00:00.000Z',
        },
      ],
    },
    canApprove: true,
    ...overrides,
  };
}

describe('ApprovalsPage', () => {
  it('shows each pending request with its cost, diff and approvals, and approves it', async () => {
    const api = mockProvisioningApi({
      listApprovals: jest.fn().mockResolvedValue({
        items: [inboxItem()],
        environments: ['production'],
      }),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], mockApis.permission()],
    });
    const card = await screen.findByTestId(
      'approval-card-22222222-2222-4222-8222-222222222222',
    );
    expect(within(card).getByTestId('approval-cost')).toHaveTextContent(
      /110\.60.*\/ month/,
    );
    expect(within(card).getByText('medium')).toBeInTheDocument();
    expect(within(card).getByTestId('approval-summary')).toHaveTextContent(
      /1 of 2 approvals.*pat\.platform/,
    );
    await userEvent.click(
      within(card).getByRole('button', { name: 'Approve' }),
    );
    await userEvent.type(
      await screen.findByLabelText('Review comment'),
      'capacity checked',
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.approveRequest).toHaveBeenCalledWith(
        '22222222-2222-4222-8222-222222222222',
        'capacity checked',
      ),
    );
    await expectToast('Request approved', {
      status: 'success',
      text: 'ledger (production): provisioning starts now.',
      link: {
        name: 'Open request',
        href: '/provisioning/requests/22222222-2222-4222-8222-222222222222',
      },
    });
    await waitFor(() => expect(api.listApprovals).toHaveBeenCalledTimes(2));
  });

  it('offers no approval on what the approver filed, and says why', async () => {
    const api = mockProvisioningApi({
      listApprovals: jest.fn().mockResolvedValue({
        items: [
          inboxItem({
            canApprove: false,
            reason:
              'you filed it (rule: four eyes, nobody reviews their own request)',
          }),
        ],
        environments: ['production'],
      }),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], mockApis.permission()],
    });
    expect(
      await screen.findByText(/You cannot approve this: you filed it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('approves an operation through the operation route, with its cost change', async () => {
    const api = mockProvisioningApi({
      listApprovals: jest.fn().mockResolvedValue({
        items: [
          inboxItem({
            subjectType: 'operation',
            id: '33333333-3333-4333-8333-333333333333',
            title: 'resize of ledger (production)',
            cost: { monthly: 160.6, currency: 'EUR', change: 50 },
            diff: [{ field: 'size', before: 'medium', after: 'large' }],
          }),
        ],
        environments: ['production'],
      }),
    });
    renderInTestApp(page, {
      mountedRoutes,
      apis: [[provisioningApiRef, api], mockApis.permission()],
    });
    const card = await screen.findByTestId(
      'approval-card-33333333-3333-4333-8333-333333333333',
    );
    expect(within(card).getByTestId('approval-cost')).toHaveTextContent(
      /160\.60.*\/ month.*\+.*50\.00/,
    );
    await userEvent.click(
      within(card).getByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() =>
      expect(api.reviewOperation).toHaveBeenCalledWith(
        '22222222-2222-4222-8222-222222222222',
        '33333333-3333-4333-8333-333333333333',
        'approve',
        undefined,
      ),
    );
    expect(api.approveRequest).not.toHaveBeenCalled();
    await expectToast('Approved resize of ledger (production)', {
      status: 'success',
      link: {
        name: 'Open request',
        href: '/provisioning/requests/22222222-2222-4222-8222-222222222222',
      },
    });
  });

  it('tells non-approvers they approve nothing', async () => {
    renderInTestApp(page, {
      mountedRoutes,
      apis: [
        [provisioningApiRef, mockProvisioningApi()],
        mockApis.permission(),
      ],
    });
    expect(
      await screen.findByText('You do not approve database changes'),
    ).toBeInTheDocument();
  });
});
