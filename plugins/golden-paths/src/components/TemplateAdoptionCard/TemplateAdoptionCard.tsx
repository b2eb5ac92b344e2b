import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import useAsync from 'react-use/esm/useAsync';
import {
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  isOutdated,
  lineageOf,
} from '@paved/plugin-golden-paths-common';

type CreatedComponent = {
  entity: Entity;
  version?: string;
  outdated: boolean;
};

/** On a Template page: every component the golden path created, and which version each used. */
export function TemplateAdoptionCard() {
  const { entity: template } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const templateRef = stringifyEntityRef(template);
  const currentVersion =
    template.metadata.annotations?.[ANNOTATION_TEMPLATE_VERSION];

  const { value, loading, error } = useAsync(async (): Promise<
    CreatedComponent[]
  > => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Component',
        [`metadata.annotations.${ANNOTATION_TEMPLATE}`]: templateRef,
      },
      order: { field: 'metadata.name', order: 'asc' },
    });
    return items.map(entity => {
      const version = lineageOf(entity)?.version;
      return { entity, version, outdated: isOutdated(version, currentVersion) };
    });
  }, [catalogApi, templateRef, currentVersion]);

  const title = `Created from this template${
    value ? ` (${value.length})` : ''
  }`;
  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={title}>
        <WarningPanel
          severity="error"
          title="Could not load components"
          message={error.message}
        />
      </InfoCard>
    );
  }
  if (!value || value.length === 0) {
    return (
      <InfoCard title={title}>
        <EmptyState
          missing="data"
          title="Nothing created from this template yet"
          description="Components created with it are listed here, with the template version each one started from."
        />
      </InfoCard>
    );
  }

  const columns: TableColumn<CreatedComponent>[] = [
    {
      title: 'Component',
      render: row => (
        <EntityRefLink entityRef={row.entity} defaultKind="component" />
      ),
    },
    {
      title: 'Owner',
      render: row => (
        <EntityRefLinks
          entityRefs={getEntityRelations(row.entity, 'ownedBy')}
          defaultKind="group"
        />
      ),
    },
    {
      title: 'Template version',
      render: row => (
        <>
          {row.version ?? 'not recorded'}
          {row.outdated && (
            <Chip
              size="small"
              label={`behind ${currentVersion}`}
              style={{ marginLeft: 8 }}
            />
          )}
        </>
      ),
    },
    {
      title: 'Lifecycle',
      render: row => String(row.entity.spec?.lifecycle ?? ''),
    },
  ];

  return (
    <Table<CreatedComponent>
      title={title}
      options={{ paging: value.length > 10, search: false, padding: 'dense' }}
      columns={columns}
      data={value}
    />
  );
}
