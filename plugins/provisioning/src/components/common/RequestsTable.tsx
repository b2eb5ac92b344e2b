import { ReactNode } from 'react';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import { requestRouteRef } from '../../routes';
import { StatusChip } from './StatusChip';
import { formatTimestamp } from './format';

export interface RequestsTableProps {
  title: string;
  requests: DatabaseRequest[];
  emptyContent: ReactNode;
  /** Extra per-row actions, e.g. approve and reject. */
  actions?: (request: DatabaseRequest) => ReactNode;
  /** Hide the owner column where every row has the same owner. */
  hideOwner?: boolean;
}

export const RequestsTable = ({
  title,
  requests,
  emptyContent,
  actions,
  hideOwner,
}: RequestsTableProps) => {
  const requestLink = useRouteRef(requestRouteRef);
  const columns: TableColumn<DatabaseRequest>[] = [
    {
      title: 'Name',
      field: 'name',
      highlight: true,
      render: row =>
        requestLink ? (
          <Link to={requestLink({ id: row.id })}>{row.name}</Link>
        ) : (
          row.name
        ),
    },
    { title: 'Environment', field: 'environment' },
    ...(hideOwner
      ? []
      : [
          {
            title: 'Owner',
            field: 'owner',
            render: (row: DatabaseRequest) => (
              <EntityRefLink entityRef={row.owner} defaultKind="group" />
            ),
          },
        ]),
    {
      title: 'Size',
      field: 'size',
      render: row => `${row.size}, ${row.storageGB} GB`,
    },
    { title: 'Provider', field: 'provider' },
    {
      title: 'Status',
      field: 'status',
      render: row => <StatusChip status={row.status} />,
    },
    {
      title: 'Requested',
      field: 'createdAt',
      defaultSort: 'desc',
      render: row => formatTimestamp(row.createdAt),
    },
    ...(actions
      ? [
          {
            title: '',
            field: 'id',
            sorting: false,
            render: (row: DatabaseRequest) => actions(row),
          },
        ]
      : []),
  ];
  return (
    <Table<DatabaseRequest>
      title={title}
      columns={columns}
      data={requests}
      options={{
        paging: requests.length > 10,
        pageSize: 10,
        search: requests.length > 10,
        padding: 'dense',
      }}
      emptyContent={emptyContent}
    />
  );
};
