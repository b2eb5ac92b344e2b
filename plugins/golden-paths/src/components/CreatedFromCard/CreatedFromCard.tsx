import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';
import { UpgradeAction } from './UpgradeAction';

/**
 * "Created from <template> <version>" on a component page, with a hint when the golden path has
 * moved on since: the base for proposing template upgrades.
 */
export function CreatedFromCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const lineage = lineageOf(entity);

  const {
    value: template,
    loading,
    error,
  } = useAsync(async () => {
    if (!lineage) {
      return undefined;
    }
    return (await catalogApi.getEntityByRef(lineage.templateRef)) ?? null;
  }, [catalogApi, lineage?.templateRef]);

  if (!lineage) {
    return null;
  }
  let templateRef;
  try {
    templateRef = parseEntityRef(lineage.templateRef, {
      defaultKind: 'template',
    });
  } catch {
    return (
      <InfoCard title="Golden path">
        <WarningPanel
          title="Unreadable lineage"
          message={`${ANNOTATION_TEMPLATE} is '${lineage.templateRef}', which is not an entity reference.`}
        />
      </InfoCard>
    );
  }

  const currentVersion =
    template?.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];
  return (
    <InfoCard title="Golden path">
      {loading && <Progress />}
      {error && (
        <WarningPanel
          severity="error"
          title="Could not load the template"
          message={error.message}
        />
      )}
      {!loading && !error && (
        <>
          <Typography variant="body1" data-testid="created-from">
            Created from{' '}
            <EntityRefLink
              entityRef={templateRef}
              title={template?.metadata.title ?? templateRef.name}
            />{' '}
            {lineage.version ?? '(version not recorded)'}
          </Typography>
          {template === null && (
            <Typography variant="body2" color="textSecondary">
              This template is no longer in the catalog.
            </Typography>
          )}
          {isOutdated(lineage.version, currentVersion) && (
            <>
              <Chip
                size="small"
                color="primary"
                label={`Template now at ${currentVersion}`}
                style={{ marginTop: 8 }}
              />
              <UpgradeAction latestVersion={currentVersion!} />
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}
