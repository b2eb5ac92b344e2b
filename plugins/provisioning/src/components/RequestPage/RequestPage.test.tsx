import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { rootRouteRef } from '../../routes';
import {
  mockProvisioningApi,
  readyRequestWithEvents,
} from '../../testing/fixtures';
import { RequestPage } from './RequestPage';
import { expectToast } from '../../__testUtils__/toasts';

jest.setTimeout(90_000);

type MockPermissionOptions = NonNullable<
  Parameters<typeof mockApis.permission>[0]
>;

const id = '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10';

function render(
  api: ReturnType<typeof mockProvisioningApi>,
  permission = mockApis.permission(),
  requestId = id,
) {
  return renderInTestApp(
    <Suspense fallback={<div>loading</div>}>
      <RequestPage />
    </Suspense>,
    {
      apis: [[provisioningApiRef, api], permission],
      mountPath: '/provisioning/requests/:id',
      initialRouteEntries: [`/provisioning/requests/${requestId}`],
      mountedRoutes: {
        '/provisioning': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('RequestPage', () => {
  it('shows the timeline, the connection and the audit log, and reveals credentials on demand', async () => {
    const api = mockProvisioningApi();
    render(api);

    expect(
      (await screen.findAllByText('orders (development)')).length,
    ).toBeGreaterThan(0);
    const timeline = screen.getByLabelText('Status timeline');
    expect(within(timeline).getByText('Provisioning')).toBeInTheDocument();
    expect(within(timeline).getByText('Ready')).toBeInTheDocument();
    expect(
      within(timeline).getByText(
        'accepted a connection with the issued credentials',
      ),
    ).toBeInTheDocument();
    const audit = screen.getByRole('table', { name: 'Audit log' });
    expect(within(audit).getAllByRole('row')).toHaveLength(4);
    expect(
      screen.getAllByText('payments_orders_development').length,
    ).toBeGreaterThan(0);

    // The password is fetched only when asked for.
    expect(api.getCredentials).not.toHaveBeenCalled();
    expect(screen.queryByText('s3cr3t-from-the-store')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Reveal credentials' }),
    );
    expect(await screen.findByTestId('credentials-password')).toHaveTextContent(
      's3cr3t-from-the-store',
    );
    expect(api.getCredentials).toHaveBeenCalledWith(id);
  });

  it('shows a Redis request as a cache: engine, memory, key prefix and a redis:// URL without the password', async () => {
    const redisId = '9a7c3e21-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
    const base = readyRequestWithEvents();
    const user = 'paved_sessions_9a7c3e21';
    const api = mockProvisioningApi({
      getRequest: jest.fn().mockResolvedValue({
        ...base,
        id: redisId,
        type: 'redis',
        name: 'sessions',
        version: '7.0',
        storageGB: 2,
        outputs: {
          host: '127.0.0.1',
          port: 6379,
          database: '0',
          username: user,
          keyPrefix: `${user}:`,
          credentialsRef: `paved-secret:${redisId}`,
        },
      }),
      getCredentials: jest.fn().mockResolvedValue({
        host: '127.0.0.1',
        port: 6379,
        database: '0',
        username: user,
        password: 'redis-s3cr3t/+',
        keyPrefix: `${user}:`,
        connectionString: `redis://${user}:redis-s3cr3t%2F%2B@127.0.0.1:6379/0`,
      }),
    });
    render(api, mockApis.permission(), redisId);

    expect(
      (await screen.findAllByText('sessions (development)')).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('Redis for group:default/payments'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^memory$/i)).toBeInTheDocument();
    expect(screen.getByText('2 GB')).toBeInTheDocument();
    expect(screen.getByText(`${user}:`)).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Reveal credentials' }),
    );
    expect(await screen.findByTestId('credentials-password')).toHaveTextContent(
      'redis-s3cr3t/+',
    );
    expect(
      screen.getByText(`redis://${user}:•••@127.0.0.1:6379/0`),
    ).toBeInTheDocument();
  });

  it('offers no credentials to people the policy does not allow', async () => {
    // usePermission keeps decisions per permission and resource in SWR's module-level cache for
    // the whole test file, so a request no other test has asked about gets a fresh decision.
    const deniedId = '5d0f2a4b-3c6e-4d8a-9b1f-7e2c4a6b8d01';
    render(
      mockProvisioningApi({
        getRequest: jest
          .fn()
          .mockResolvedValue({ ...readyRequestWithEvents(), id: deniedId }),
      }),
      mockApis.permission({
        authorize: 'DENY' as MockPermissionOptions['authorize'],
      }),
      deniedId,
    );
    expect(
      (await screen.findAllByText('orders (development)')).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Reveal credentials' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete database' }),
    ).not.toBeInTheDocument();
  });

  /** Clicks "Delete database", then "Delete" in the confirmation dialog. */
  async function deleteAfterConfirming() {
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete database' }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Delete',
      }),
    );
  }

  it('deletes the database after confirmation, and says so in a toast that fades', async () => {
    const api = mockProvisioningApi({
      getRequest: jest
        .fn()
        .mockResolvedValueOnce(readyRequestWithEvents())
        .mockResolvedValue({
          ...readyRequestWithEvents(),
          status: 'deprovisioning',
        }),
    });
    render(api);
    await deleteAfterConfirming();
    await expectToast('Deletion started', {
      status: 'success',
      text: 'orders (development)',
    });
    expect(api.deleteRequest).toHaveBeenCalledWith(id);
    // The page reloads the request and shows it going away.
    expect(
      (await screen.findAllByText('Deprovisioning')).length,
    ).toBeGreaterThan(0);
  });

  it('says in a toast that stays why the database could not be deleted', async () => {
    const api = mockProvisioningApi({
      deleteRequest: jest
        .fn()
        .mockRejectedValue(new Error('the provider is unreachable')),
    });
    render(api);
    await deleteAfterConfirming();
    await expectToast('Could not delete orders (development)', {
      status: 'danger',
      text: 'the provider is unreachable',
    });
  });

  it('explains a failure with the provider reason', async () => {
    const failed = {
      ...readyRequestWithEvents(),
      status: 'failed' as const,
      outputs: undefined,
      failureReason: 'sandbox: role already exists with a different owner',
    };
    render(
      mockProvisioningApi({ getRequest: jest.fn().mockResolvedValue(failed) }),
    );
    expect(
      await screen.findByText(
        'sandbox: role already exists with a different owner',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reveal credentials' }),
    ).not.toBeInTheDocument();
  });

  it('says so when the request does not exist', async () => {
    const notFound = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotFoundError',
            message: `No database request with id ${id}`,
          },
          request: { method: 'GET', url: `/requests/${id}` },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ),
    );
    render(
      mockProvisioningApi({
        getRequest: jest.fn().mockRejectedValue(notFound),
      }),
    );
    expect(
      await screen.findByText('No such database request'),
    ).toBeInTheDocument();
  });
});
