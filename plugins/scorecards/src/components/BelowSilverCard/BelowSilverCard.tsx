import useAsync from 'react-use/esm/useAsync';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import Typography from '@material-ui/core/Typography';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { LevelChip } from '../common/LevelChip';

function entityPage(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind}/${name}/scorecard`;
}

/** Home page card: the services the signed-in user's teams own that are below silver. */
export function BelowSilverCard() {
  const identityApi = useApi(identityApiRef);
  const api = useApi(scorecardsApiRef);
  const state = useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    const owners = identity.ownershipEntityRefs.filter(ref =>
      ref.startsWith('group:'),
    );
    if (owners.length === 0) return { owners, items: [] };
    const { items } = await api.listEntities({ owners, below: 'silver' });
    return { owners, items };
  }, []);

  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const { owners, items } = state.value!;
  if (owners.length === 0) {
    return (
      <Typography variant="body2">
        You are in no team, so no services are yours.
      </Typography>
    );
  }
  if (items.length === 0) {
    return (
      <Typography variant="body2">
        Every service of your teams is at silver or above.{' '}
        <Link to="/scorecards">See scorecards</Link>
      </Typography>
    );
  }
  return (
    <List dense data-testid="below-silver">
      {items.map(item => {
        const level = Object.values(item.levels)[0] ?? null;
        const failing = Object.values(item.results).filter(
          s => s === 'fail',
        ).length;
        return (
          <ListItem
            key={item.entityRef}
            button
            component="a"
            href={entityPage(item.entityRef)}
          >
            <ListItemText
              primary={item.title ?? item.entityRef}
              secondary={`${failing} failing check(s)`}
            />
            <ListItemSecondaryAction>
              <LevelChip level={level} />
            </ListItemSecondaryAction>
          </ListItem>
        );
      })}
    </List>
  );
}
