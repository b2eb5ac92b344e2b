import { Chip } from '@material-ui/core';
import {
  StatusError,
  StatusOK,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { DeploymentSummary } from '@paved/plugin-devex-common';
import { formatHours, formatTimestamp } from '../format';

function Outcome(props: { deployment: DeploymentSummary }) {
  const { deployment } = props;
  if (deployment.status === 'failed') {
    return <StatusError>Pipeline failed</StatusError>;
  }
  if (deployment.failed) {
    if (deployment.recoveredAt) {
      const hours =
        (Date.parse(deployment.recoveredAt) -
          Date.parse(deployment.finishedAt)) /
        3_600_000;
      return (
        <StatusWarning>
          Caused a failure · recovered in {formatHours(hours)}
        </StatusWarning>
      );
    }
    return <StatusError>Caused a failure · not recovered</StatusError>;
  }
  return <StatusOK>Succeeded</StatusOK>;
}

const columns: TableColumn<DeploymentSummary>[] = [
  {
    title: 'Finished',
    field: 'finishedAt',
    render: row => formatTimestamp(row.finishedAt),
    width: '140px',
  },
  {
    title: 'Service',
    field: 'service',
    render: row => (
      <EntityRefLink entityRef={row.service} defaultKind="component" />
    ),
  },
  { title: 'Environment', field: 'environment' },
  {
    title: 'Kind',
    field: 'kind',
    render: row => (
      <>
        {row.kind}
        {row.remediates && ` (fixes ${row.remediates})`}
      </>
    ),
  },
  { title: 'Commits', field: 'commits', type: 'numeric', width: '90px' },
  { title: 'Outcome', render: row => <Outcome deployment={row} /> },
  {
    title: 'Source',
    field: 'source',
    render: row =>
      row.demo ? (
        <Chip size="small" label="Demo data" variant="outlined" />
      ) : (
        row.source
      ),
  },
];

/** The latest deployments of the scope, newest first, with their DORA outcome. */
export function RecentDeploymentsTable(props: {
  deployments: DeploymentSummary[];
}) {
  return (
    <Table<DeploymentSummary>
      title="Recent deployments"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.deployments}
      emptyContent={
        <div style={{ padding: 16, textAlign: 'center' }}>
          No deployments recorded for this scope yet.
        </div>
      }
    />
  );
}
