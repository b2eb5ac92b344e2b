import { Chip } from '@material-ui/core';
import {
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { IncidentSummary } from '@paved/plugin-devex-common';
import { formatHours, formatTimestamp } from '../format';

const columns: TableColumn<IncidentSummary>[] = [
  {
    title: 'Started',
    field: 'startedAt',
    render: row => formatTimestamp(row.startedAt),
    width: '140px',
  },
  {
    title: 'Service',
    field: 'service',
    render: row => (
      <EntityRefLink entityRef={row.service} defaultKind="component" />
    ),
  },
  { title: 'Severity', field: 'severity', render: row => row.severity ?? '–' },
  {
    title: 'Caused by deployment',
    field: 'deploymentId',
    render: row => row.deploymentId ?? 'none named',
  },
  {
    title: 'Status',
    render: row =>
      row.resolvedAt ? (
        <StatusOK>
          Resolved in{' '}
          {formatHours(
            (Date.parse(row.resolvedAt) - Date.parse(row.startedAt)) /
              3_600_000,
          )}
        </StatusOK>
      ) : (
        <StatusError>Open</StatusError>
      ),
  },
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

/** The latest incidents of the scope, newest first. */
export function RecentIncidentsTable(props: { incidents: IncidentSummary[] }) {
  return (
    <Table<IncidentSummary>
      title="Recent incidents"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.incidents}
      emptyContent={
        <div style={{ padding: 16, textAlign: 'center' }}>
          No incidents recorded for this scope yet.
        </div>
      }
    />
  );
}
