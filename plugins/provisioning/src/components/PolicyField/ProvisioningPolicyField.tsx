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
import { provisioningApiRef } from '../../api/ProvisioningApi';

function approvalRule(always: boolean, sizes: string[]): string {
  if (always) return 'always';
  return sizes.length ? `for ${sizes.join(', ')}` : 'no';
}

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
  };
  const owner = formData.owner?.startsWith('group:')
    ? formData.owner
    : undefined;
  const {
    value: policy,
    loading,
    error,
  } = useAsync(() => api.getPolicy(owner), [api, owner]);

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
