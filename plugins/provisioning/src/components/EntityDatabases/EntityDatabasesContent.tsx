import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  ErrorPanel,
  LinkButton,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { provisioningApiRef } from '../../api/ProvisioningApi';
import { REQUEST_TEMPLATE_PATH } from '../ProvisioningPage/RequestsOverview';
import { RequestDetails } from '../RequestPage/RequestPage';
import { RequestsTable } from '../common/RequestsTable';
import { useLiveRequest } from '../common/useLiveRequest';
import { ANNOTATION_PROVISIONING_REQUEST } from '@paved/plugin-provisioning-common';

/** `payments`, `system:payments` and `system:default/payments` all name the same system. */
export function normalizeRef(
  ref: string | undefined,
  defaultKind: string,
): string | undefined {
  if (!ref) return undefined;
  const lower = ref.toLocaleLowerCase('en-US');
  const withKind = lower.includes(':') ? lower : `${defaultKind}:${lower}`;
  const [kind, rest] = withKind.split(':', 2);
  return `${kind}:${rest.includes('/') ? rest : `default/${rest}`}`;
}

const ResourceDatabase = ({ requestId }: { requestId: string }) => {
  const { value, loading, error, retry } = useLiveRequest(requestId);
  if (!value && loading) return <Progress />;
  if (!value) {
    return (
      <ErrorPanel
        title="Could not load the provisioning request"
        error={error ?? new Error(`No request ${requestId}`)}
      />
    );
  }
  return <RequestDetails request={value} reload={retry} />;
};

const RelatedDatabases = ({ entity }: { entity: Entity }) => {
  const api = useApi(provisioningApiRef);
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const { value, loading, error } = useAsyncRetry(async () => {
    const all = await api.listRequests();
    return all.filter(request =>
      kind === 'system'
        ? normalizeRef(request.system, 'system') === ref
        : normalizeRef(request.component, 'component') === ref,
    );
  }, [api, ref, kind]);

  const formData = kind === 'system' ? { system: ref } : {};
  const requestLink = `${REQUEST_TEMPLATE_PATH}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;

  if (loading) return <Progress />;
  if (error)
    return (
      <ErrorPanel title="Could not load database requests" error={error} />
    );
  if (!value?.length) {
    return (
      <EmptyState
        missing="data"
        title="No databases yet"
        description={`No Paved database belongs to ${
          entity.metadata.title ?? entity.metadata.name
        }. Request one and it appears here and in the catalog once it is ready.`}
        action={
          <LinkButton variant="contained" color="primary" to={requestLink}>
            Request a database
          </LinkButton>
        }
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RequestsTable
          title="Databases"
          requests={value}
          emptyContent={<Typography>No databases.</Typography>}
        />
      </Grid>
    </Grid>
  );
};

/** The "Database" tab: the request behind a Resource, or the databases of a Component or System. */
export const EntityDatabasesContent = () => {
  const { entity } = useEntity();
  const requestId =
    entity.metadata.annotations?.[ANNOTATION_PROVISIONING_REQUEST];
  if (entity.kind.toLocaleLowerCase('en-US') === 'resource' && requestId) {
    return <ResourceDatabase requestId={requestId} />;
  }
  return <RelatedDatabases entity={entity} />;
};
