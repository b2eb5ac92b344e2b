import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { APPROVALS_SIGNAL_CHANNEL } from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { databaseRequest, mockProvisioningApi } from '../../testing/fixtures';
import { rootRouteRef } from '../../routes';
import { ApprovalsSidebarItem } from './ApprovalsSidebarItem';

jest.setTimeout(60_000);

/** A signals API the test speaks through: `send` delivers a message to the channel's subscribers. */
function testSignals() {
  const subscribers = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: any) => void);
      subscribers.set(channel, set);
      return { unsubscribe: () => set.delete(onMessage as any) };
    },
  };
  const send = (channel: string, message: object) =>
    subscribers.get(channel)?.forEach(onMessage => onMessage(message));
  return { api, send };
}

const pendingItem = () => {
  const request = databaseRequest({ status: 'awaiting-approval' });
  return {
    subjectType: 'request' as const,
    id: request.id,
    requestId: request.id,
    request,
    title: `Database ${request.name}`,
    owner: request.owner,
    environment: request.environment,
    requestedBy: request.requestedBy,
    createdAt: request.createdAt,
    diff: [],
    approval: { required: 1, approvers: [], approvals: [] },
    canApprove: true,
  };
};

describe('ApprovalsSidebarItem', () => {
  it('counts what waits for the approver and re-reads when the backend signals a change', async () => {
    const listApprovals = jest
      .fn()
      .mockResolvedValueOnce({
        items: [pendingItem()],
        environments: ['production'],
      })
      .mockResolvedValue({ items: [], environments: ['production'] });
    const signals = testSignals();
    renderInTestApp(<ApprovalsSidebarItem />, {
      mountedRoutes: { '/provisioning': rootRouteRef },
      apis: [
        [provisioningApiRef, mockProvisioningApi({ listApprovals })],
        [signalApiRef, signals.api],
      ],
    });
    expect(
      await screen.findByRole('link', { name: /Approvals \(1\)/ }),
    ).toHaveAttribute('href', '/provisioning/approvals');

    // Another approver (or this one, on the inbox page) approved it.
    signals.send(APPROVALS_SIGNAL_CHANNEL, { requestId: pendingItem().id });
    expect(
      await screen.findByRole('link', { name: /^Approvals$/ }),
    ).toBeInTheDocument();
  });
});
