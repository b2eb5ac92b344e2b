import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { formatMonthlyCost, TeamCost } from '@paved/plugin-provisioning-common';

/** Each of the user's teams' monthly total over its live databases, against its budget. */
export const TeamCosts = ({ costs }: { costs: TeamCost[] }) => (
  <InfoCard title="Monthly cost of my teams' databases" noPadding>
    <Table size="small" aria-label="Monthly cost per team">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell>Live databases</TableCell>
          <TableCell>Estimated monthly total</TableCell>
          <TableCell>Budget</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {costs.map(cost => (
          <TableRow key={cost.owner} data-testid={`team-cost-${cost.owner}`}>
            <TableCell>
              <EntityRefLink entityRef={cost.owner} defaultKind="group" />
            </TableCell>
            <TableCell>{cost.requests}</TableCell>
            <TableCell>{formatMonthlyCost(cost)}</TableCell>
            <TableCell>
              {cost.budget === undefined
                ? 'none'
                : `${formatMonthlyCost({ ...cost, monthly: cost.budget })}${
                    cost.monthly > cost.budget
                      ? ' (over: new requests need approval)'
                      : ''
                  }`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </InfoCard>
);
