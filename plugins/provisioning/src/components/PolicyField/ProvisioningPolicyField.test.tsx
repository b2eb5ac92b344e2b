import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { ProvisioningPolicy } from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { mockProvisioningApi } from '../../testing/fixtures';
import { ProvisioningPolicyField } from './ProvisioningPolicyField';

jest.setTimeout(60_000);

const policy: ProvisioningPolicy = {
  types: ['postgresql'],
  versions: ['16'],
  defaultVersion: '16',
  engines: [{ type: 'postgresql', versions: ['16'], defaultVersion: '16' }],
  environments: [
    {
      environment: 'production',
      provider: 'crossplane',
      allowedProviders: ['crossplane'],
      sizes: ['small', 'medium', 'large'],
      storageGB: { min: 10, max: 1000 },
      requiresApproval: true,
      approval: { required: 1, approvers: ['group:default/platform'] },
    },
  ],
  sizesRequiringApproval: ['large'],
  platformTeam: 'group:default/platform',
  quota: { default: { maxRequests: 10, maxStorageGB: 200 }, teams: {} },
  usage: {
    owner: 'group:default/payments',
    quota: { maxRequests: 10, maxStorageGB: 200, monthlyBudget: 200 },
    requests: 1,
    storageGB: 10,
    remainingRequests: 9,
    remainingStorageGB: 190,
    monthlyCost: { monthly: 100, currency: 'EUR' },
  },
};

const api = () =>
  mockProvisioningApi({
    getPolicy: jest.fn().mockResolvedValue(policy),
    getPrices: jest.fn().mockResolvedValue({
      currency: 'EUR',
      providers: {
        crossplane: {
          sizes: { small: 35, medium: 105, large: 290 },
          storageGBMonthly: 0.14,
        },
      },
      default: {
        sizes: { small: 30, medium: 90, large: 250 },
        storageGBMonthly: 0.12,
      },
    }),
  });

const field = (formData: Record<string, unknown>) => (
  <ProvisioningPolicyField
    {...({
      schema: { title: 'What your team may request' },
      formContext: { formData },
    } as any)}
  />
);

describe('ProvisioningPolicyField', () => {
  it('estimates the monthly cost of what the form says, with the provider of the environment', async () => {
    renderInTestApp(
      field({
        owner: 'group:default/payments',
        environment: 'production',
        size: 'small',
        storageGB: 50,
      }),
      { apis: [[provisioningApiRef, api()]] },
    );
    const estimate = await screen.findByTestId('cost-estimate');
    // 35 + 50 × 0.14 = 42; 100 + 42 stays within the budget of 200.
    expect(estimate).toHaveTextContent(
      /42\.00.*\/ month.*small, 50 GB on crossplane/,
    );
    expect(estimate).not.toHaveTextContent(/budget/);
  });

  it('warns when the request takes the team above its budget', async () => {
    renderInTestApp(
      field({
        owner: 'group:default/payments',
        environment: 'production',
        size: 'medium',
        storageGB: 100,
      }),
      { apis: [[provisioningApiRef, api()]] },
    );
    // 105 + 14 = 119; 100 + 119 = 219 > 200.
    expect(await screen.findByTestId('cost-estimate')).toHaveTextContent(
      /119\.00.*219\.00.*above its budget of .*200\.00.*will need approval/,
    );
  });
});
