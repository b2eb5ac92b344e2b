import { useCallback } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  ContentHeader,
  EmptyState,
  ErrorPanel,
  Header,
  LinkButton,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import type {
  DatabaseRequest,
  TeamCost,
} from '@paved/plugin-provisioning-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { approvalsRouteRef } from '../../routes';
import { TeamCosts } from './TeamCosts';
import { RequestsTable } from '../common/RequestsTable';
import { ReviewActions } from '../common/ReviewActions';
import { useCurrentUser } from '../common/useCurrentUser';

/** Where the "Request a database" button leads: the golden path that files requests. */
export const REQUEST_TEMPLATE_PATH =
  '/create/templates/default/postgresql-database';

interface Overview {
  mine: DatabaseRequest[];
  teams: DatabaseRequest[];
  awaitingApproval: DatabaseRequest[];
  costs: TeamCost[];
  /** Pending changes in the user's approvals inbox; undefined when they approve nothing. */
  inbox?: number;
}

const RequestDatabaseButton = () => (
  <LinkButton variant="contained" color="primary" to={REQUEST_TEMPLATE_PATH}>
    Request a database
  </LinkButton>
);

/** My requests, my teams' requests, and those waiting for my approval. */
export const RequestsOverview = () => {
  const api = useApi(provisioningApiRef);
  const user = useCurrentUser();

  const { value, loading, error, retry } = useAsyncRetry(async (): Promise<
    Overview | undefined
  > => {
    if (!user.userEntityRef) return undefined;
    const [mine, teams, awaitingApproval, costs, approvals] = await Promise.all(
      [
        api.listRequests({ requestedBy: user.userEntityRef }),
        user.groupRefs.length
          ? api.listRequests({ owner: user.groupRefs })
          : Promise.resolve([]),
        api.listRequests({ status: ['awaiting-approval'] }),
        user.groupRefs.length
          ? api.getCosts(user.groupRefs).then(c => c.items)
          : Promise.resolve([]),
        api.listApprovals(),
      ],
    );
    return {
      mine,
      teams,
      awaitingApproval,
      costs,
      inbox: approvals.environments.length ? approvals.items.length : undefined,
    };
  }, [api, user.userEntityRef, user.groupRefs.join(',')]);

  const reload = useCallback(() => retry(), [retry]);
  const approvalsLink = useRouteRef(approvalsRouteRef);

  let body;
  // Until the identity is known the lists have not been asked for; an empty state then would flash.
  if (loading || user.loading || (!value && !error && !user.error)) {
    body = <Progress />;
  } else if (error || user.error) {
    body = (
      <ErrorPanel
        title="Could not load database requests"
        error={(error ?? user.error)!}
      />
    );
  } else if (
    !value ||
    (value.mine.length === 0 &&
      value.teams.length === 0 &&
      value.awaitingApproval.length === 0)
  ) {
    body = (
      <EmptyState
        missing="data"
        title="No databases yet"
        description="Request a PostgreSQL database or a Redis cache for your team: development and ephemeral ones are ready in a minute, production ones after a platform-team approval."
        action={<RequestDatabaseButton />}
      />
    );
  } else {
    body = (
      <Grid container spacing={3}>
        {value.costs.length > 0 && (
          <Grid item xs={12}>
            <TeamCosts costs={value.costs} />
          </Grid>
        )}
        {value.awaitingApproval.length > 0 && (
          <Grid item xs={12}>
            <RequestsTable
              title={`Awaiting approval (${value.awaitingApproval.length})`}
              requests={value.awaitingApproval}
              emptyContent={null}
              actions={request => (
                <ReviewActions request={request} onReviewed={reload} />
              )}
            />
          </Grid>
        )}
        <Grid item xs={12}>
          <RequestsTable
            title="My requests"
            requests={value.mine}
            emptyContent={
              <Typography style={{ padding: 16 }} color="textSecondary">
                You have not requested a database yet.
              </Typography>
            }
          />
        </Grid>
        <Grid item xs={12}>
          <RequestsTable
            title="My teams' databases"
            requests={value.teams}
            emptyContent={
              <Typography style={{ padding: 16 }} color="textSecondary">
                {user.groupRefs.length
                  ? 'Your teams have no databases.'
                  : 'You are not a member of a team in the catalog.'}
              </Typography>
            }
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Databases"
        subtitle="Self-service PostgreSQL and Redis: guardrails first, then provisioning you can follow until it is ready"
      />
      <Content>
        <ContentHeader title="Database requests">
          {value?.inbox !== undefined && approvalsLink && (
            <LinkButton variant="outlined" to={approvalsLink()}>
              Approvals inbox ({value.inbox})
            </LinkButton>
          )}
          <RequestDatabaseButton />
          <SupportButton>
            Paved checks the platform's guardrails before anything is created.
            Production and large databases wait for an approval from the
            platform team.
          </SupportButton>
        </ContentHeader>
        {body}
      </Content>
    </Page>
  );
};
