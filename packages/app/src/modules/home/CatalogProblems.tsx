import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogUnprocessedEntitiesApiRef,
  type UnprocessedEntity,
} from '@backstage/plugin-catalog-unprocessed-entities';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';

const UNPROCESSED_PAGE = '/catalog-unprocessed-entities';
const SHOWN = 5;

/** What a developer recognises an entity by: its ref, else kind and name from the file. */
function describe(entity: UnprocessedEntity): string {
  if (entity.entity_ref) return entity.entity_ref;
  const { kind, metadata } = entity.unprocessed_entity;
  return `${kind} ${metadata?.name ?? '(no name)'}`;
}

/**
 * Entities the catalog could not process (a malformed file, an entity that fails validation),
 * each with its first error. Such entities never reach the catalog, so their own pages cannot
 * show the error; this widget does, on the home page.
 */
export const CatalogProblems = () => {
  const api = useApi(catalogUnprocessedEntitiesApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [pending, failed] = await Promise.all([api.pending(), api.failed()]);
    return [...failed.entities, ...pending.entities].filter(
      e => (e.errors?.length ?? 0) > 0,
    );
  }, [api]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.length) {
    return (
      <Typography variant="body2" data-testid="catalog-problems-none">
        Every catalog entity was processed without errors.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {value.length === 1
          ? '1 entity failed processing; it is not in the catalog until its file is fixed.'
          : `${value.length} entities failed processing; they are not in the catalog until their files are fixed.`}
      </Typography>
      <List dense data-testid="catalog-problems">
        {value.slice(0, SHOWN).map(entity => (
          <ListItem
            key={entity.entity_id ?? entity.location_key}
            disableGutters
          >
            <ListItemText
              secondaryTypographyProps={{
                style: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
              }}
              primary={describe(entity)}
              secondary={`${entity.errors?.[0]?.message ?? ''}${
                entity.location_key ? ` (${entity.location_key})` : ''
              }`}
            />
          </ListItem>
        ))}
      </List>
      <Link to={UNPROCESSED_PAGE}>All unprocessed entities</Link>
    </>
  );
};
