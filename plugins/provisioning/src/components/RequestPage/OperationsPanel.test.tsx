import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { DatabaseOperation } from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { rootRouteRef } from '../../routes';
import { mockProvisioningApi } from '../../testing/fixtures';
import { RequestPage } from './RequestPage';
import { expectToast } from '../../__testUtils__/toasts';

jest.setTimeout(90_000);

const id = '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10';
const snapshotId = '5a1d2c3e-0000-4000-8000-000000000001';

const operation = (o: Partial<DatabaseOperation>): DatabaseOperation => ({
  id: '7c000000-0000-4000-8000-000000000001',
  requestId: id,
  type: 'snapshot',
  status: 'done',
  parameters: { type: 'snapshot', label: 'nightly' },
  requestedBy: 'user:default/sam.rivera',
  approvalRequired: false,
  createdAt: new Date(Date.now() - 3600_000).toISOString(),
  updatedAt: new Date().toISOString(),
  ...o,
});

describe('OperationsPanel on the request page', () => {
  it('lists operations and snapshots, and asks for operations with the panel’s buttons', async () => {
    const api = mockProvisioningApi({
      listOperations: jest.fn().mockResolvedValue([
        operation({
          id: '7c000000-0000-4000-8000-000000000002',
          type: 'resize',
          status: 'awaiting-approval',
          parameters: { type: 'resize', size: 'medium' },
          approvalRequired: true,
          plannedChange: '-  size: small\n+  size: medium',
        }),
        operation({}),
      ]),
      listSnapshots: jest.fn().mockResolvedValue([
        {
          id: snapshotId,
          requestId: id,
          operationId: snapshotId,
          kind: 'manual',
          label: 'nightly',
          sizeBytes: 2048,
          createdAt: new Date(Date.now() - 3600_000).toISOString(),
          expiresAt: new Date(Date.now() + 13 * 86_400_000).toISOString(),
        },
      ]),
      createOperation: jest
        .fn()
        .mockResolvedValueOnce(operation({}))
        .mockRejectedValueOnce(new Error('the snapshot has expired')),
    });
    renderInTestApp(
      <Suspense fallback={<div>loading</div>}>
        <RequestPage />
      </Suspense>,
      {
        apis: [[provisioningApiRef, api], mockApis.permission()],
        mountPath: '/provisioning/requests/:id',
        initialRouteEntries: [`/provisioning/requests/${id}`],
        mountedRoutes: {
          '/provisioning': rootRouteRef,
          '/catalog/:namespace/:kind/:name': entityRouteRef,
        },
      },
    );

    const history = await screen.findByRole('table', { name: 'operations' });
    expect(within(history).getByText(/Resize medium/)).toBeInTheDocument();
    expect(within(history).getByText('awaiting-approval')).toBeInTheDocument();
    // The GitOps diff is shown as it will be committed, whitespace included.
    expect(
      within(history).getByText(
        (_, element) =>
          element?.tagName === 'PRE' &&
          element.textContent === '-  size: small\n+  size: medium',
      ),
    ).toBeInTheDocument();
    const snapshots = screen.getByRole('table', { name: 'snapshots' });
    expect(within(snapshots).getByText('nightly')).toBeInTheDocument();
    expect(within(snapshots).getByText('2.0 KiB')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Snapshot now' }));
    expect(api.createOperation).toHaveBeenCalledWith(id, { type: 'snapshot' });
    await expectToast('Snapshot requested', { status: 'success' });
    await userEvent.click(
      within(snapshots).getByRole('button', { name: 'Restore' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Restore',
      }),
    );
    expect(api.createOperation).toHaveBeenCalledWith(id, {
      type: 'restore',
      snapshotId,
    });
    await expectToast('Could not request the restore', {
      status: 'danger',
      text: 'the snapshot has expired',
    });
  });
});
