import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  engineDefinition,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import { requestRouteRef } from '../../routes';
import { StatusChip } from './StatusChip';
import { formatTimestamp } from './format';

export interface RequestsTableProps {
  title: string;
  requests: DatabaseRequest[];
  emptyContent: ReactNode;
  /** Extra per-row actions, e.g. approve and reject. */
  actions?: (request: DatabaseRequest) => ReactNode;
}

/** Requests, newest first, each linking to its request page. */
export const RequestsTable = ({
  title,
  requests,
  emptyContent,
  actions,
}: RequestsTableProps) => {
  const requestLink = useRouteRef(requestRouteRef);
  const rows = [...requests].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <InfoCard title={title} noPadding>
      {rows.length === 0 ? (
        emptyContent
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Engine</TableCell>
              <TableCell>Environment</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Size</TableCell>
              <TableCell>Provider</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Requested</TableCell>
              {actions && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.id} hover>
                <TableCell>
                  {requestLink ? (
                    <Link to={requestLink({ id: row.id })}>{row.name}</Link>
                  ) : (
                    row.name
                  )}
                </TableCell>
                <TableCell>{engineDefinition(row.type).title}</TableCell>
                <TableCell>{row.environment}</TableCell>
                <TableCell>
                  <EntityRefLink entityRef={row.owner} defaultKind="group" />
                </TableCell>
                <TableCell>
                  {row.size}, {row.storageGB} GB
                </TableCell>
                <TableCell>{row.provider}</TableCell>
                <TableCell>
                  <StatusChip status={row.status} />
                </TableCell>
                <TableCell>{formatTimestamp(row.createdAt)}</TableCell>
                {actions && <TableCell>{actions(row)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
};
