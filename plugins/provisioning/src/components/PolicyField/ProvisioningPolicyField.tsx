import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import {
  DATABASE_SIZES,
  DatabaseSize,
  estimateCost,
  formatMonthlyCost,
  type PriceTable,
  type ProvisioningPolicy,
} from '@paved/plugin-provisioning-common';
import { provisioningApiRef } from '../../api/ProvisioningApi';

function approvalRule(always: boolean, sizes: string[]): string {
  if (always) return 'always';
  return sizes.length ? `for ${sizes.join(', ')}` : 'no';
}

/**
 * The monthly cost of what the form says so far, computed as the developer types with the same
 * `estimateCost` as the backend, and whether it takes the team above its budget.
 */
const CostEstimate = ({
  policy,
  prices,
  formData,
}: {
  policy: ProvisioningPolicy;
  prices: PriceTable;
  formData: { environment?: string; size?: string; storageGB?: number };
}) => {
  const env = policy.environments.find(
    e => e.environment === formData.environment,
  );
  const size = formData.size as DatabaseSize | undefined;
  const storageGB = Number(formData.storageGB);
  if (!env || !size || !DATABASE_SIZES.includes(size) || !(storageGB > 0)) {
    return null;
  }
  const cost = estimateCost(prices, env.provider, size, storageGB);
  const budget = policy.usage?.quota.monthlyBudget;
  const total = policy.usage
    ? policy.usage.monthlyCost.monthly + cost.monthly
    : undefined;
  const overBudget =
    budget !== undefined && total !== undefined && total > budget;
  return (
    <Alert
      severity={overBudget ? 'warning' : 'info'}
      data-testid="cost-estimate"
    >
      Estimated cost: <strong>{formatMonthlyCost(cost)}</strong> ({size},{' '}
      {storageGB} GB on {env.provider})
      {overBudget &&
        `. This takes ${policy.usage!.owner} to ${formatMonthlyCost({
          ...cost,
          monthly: total!,
        })}, above its budget of ${formatMonthlyCost({
          ...cost,
          monthly: budget!,
        })}: the request will need approval.`}
    </Alert>
  );
};

/**
 * `ui:field: ProvisioningPolicy`: shows, inside the template form, what the guardrails allow in
 * each environment and how much of the chosen team's quota is left, so people pick a valid size
 * before submitting instead of learning it from a refusal. It holds no value of its own.
 */
export const ProvisioningPolicyField = (
  props: FieldExtensionComponentProps<null>,
) => {
  const api = useApi(provisioningApiRef);
  const formData = (props.formContext?.formData ?? {}) as {
    owner?: string;
    environment?: string;
    size?: string;
    storageGB?: number;
  };
  const owner = formData.owner?.startsWith('group:')
    ? formData.owner
    : undefined;
  const {
    value: policy,
    loading,
    error,
  } = useAsync(() => api.getPolicy(owner), [api, owner]);
  // Without prices the form still works; the estimate is then left out.
  const { value: prices } = useAsync(() => api.getPrices(), [api]);

  if (loading) return <Progress />;
  if (error || !policy) {
    return (
      <Alert severity="warning">
        The provisioning policy could not be loaded (
        {error?.message ?? 'no answer'}); the request is still checked when it
        is submitted.
      </Alert>
    );
  }
  return (
    <Box mb={2}>
      <Typography variant="subtitle1">
        {props.schema.title ?? 'Policy'}
      </Typography>
      {prices && (
        <CostEstimate policy={policy} prices={prices} formData={formData} />
      )}
      {policy.usage && (
        <Alert
          severity={policy.usage.remainingRequests > 0 ? 'info' : 'error'}
          data-testid="quota"
        >
          {policy.usage.owner} has {policy.usage.remainingRequests} of{' '}
          {policy.usage.quota.maxRequests} databases and{' '}
          {policy.usage.remainingStorageGB} of {policy.usage.quota.maxStorageGB}{' '}
          GB of storage left.
        </Alert>
      )}
      <Table size="small" aria-label="Provisioning policy">
        <TableHead>
          <TableRow>
            <TableCell>Environment</TableCell>
            <TableCell>Sizes</TableCell>
            <TableCell>Storage</TableCell>
            <TableCell>Approval</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.environments.map(env => (
            <TableRow
              key={env.environment}
              selected={env.environment === formData.environment}
            >
              <TableCell>
                {env.environment}
                {env.maxTtlHours ? ` (≤ ${env.maxTtlHours} h)` : ''}
              </TableCell>
              <TableCell>
                {env.sizes.map(size => (
                  <Chip
                    key={size}
                    size="small"
                    label={size}
                    style={{ marginRight: 4 }}
                  />
                ))}
              </TableCell>
              <TableCell>
                {env.storageGB.min}–{env.storageGB.max} GB
              </TableCell>
              <TableCell>
                {approvalRule(
                  env.requiresApproval,
                  policy.sizesRequiringApproval,
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
