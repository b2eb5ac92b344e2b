import { useState } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  EmptyState,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  ComponentDrift,
  TemplateDrift,
} from '@paved/plugin-golden-paths-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import {
  ChangeLink,
  MissingInputs,
  proposalFailedToast,
  proposalToast,
  UpgradeStateChip,
} from '../UpgradeStatus';

function ProposeButton(props: {
  component: ComponentDrift;
  onProposed: () => void;
  label?: string;
}) {
  const api = useApi(goldenPathsApiRef);
  const toastApi = useApi(toastApiRef);
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setBusy(true);
    try {
      const upgrade = await api.proposeUpgrade(props.component.entityRef);
      toastApi.post(proposalToast(upgrade));
      props.onProposed();
    } catch (error) {
      toastApi.post(proposalFailedToast(props.component.entityRef, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant="outlined"
      color="primary"
      disabled={busy}
      onClick={propose}
    >
      {busy ? 'Proposing…' : props.label ?? 'Propose upgrade'}
    </Button>
  );
}

function TemplateDriftCard(props: {
  drift: TemplateDrift;
  onChange: () => void;
}) {
  const { drift, onChange } = props;
  const columns: TableColumn<ComponentDrift>[] = [
    {
      title: 'Component',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.title} />
      ),
    },
    {
      title: 'Owner',
      render: row =>
        row.owner ? (
          <EntityRefLink entityRef={row.owner} defaultKind="group" />
        ) : (
          '–'
        ),
    },
    { title: 'Version', field: 'version', render: row => row.version ?? '–' },
    { title: 'State', render: row => <UpgradeStateChip state={row.state} /> },
    {
      title: 'Upgrade',
      render: row => {
        if (row.state === 'outdated') {
          return <ProposeButton component={row} onProposed={onChange} />;
        }
        if (
          row.upgrade?.missingInputs?.length &&
          row.upgrade.toVersion === drift.latestVersion
        ) {
          return (
            <>
              <MissingInputs upgrade={row.upgrade} />
              <ProposeButton
                component={row}
                onProposed={onChange}
                label="Propose again"
              />
            </>
          );
        }
        return row.upgrade && row.upgrade.toVersion === drift.latestVersion ? (
          <ChangeLink upgrade={row.upgrade} />
        ) : null;
      },
    },
  ];
  const name = (() => {
    try {
      return parseEntityRef(drift.templateRef).name;
    } catch {
      return drift.templateRef;
    }
  })();
  return (
    <InfoCard
      title={drift.title ?? name}
      subheader={`Latest version ${drift.latestVersion ?? 'unknown'}`}
    >
      <div data-testid={`drift-${name}`}>
        <Typography variant="body2" component="div" style={{ marginBottom: 8 }}>
          Components per version:{' '}
          {Object.entries(drift.versions).map(([version, count]) => (
            <Chip
              key={version}
              size="small"
              label={`${version}: ${count}`}
              style={{ marginRight: 4 }}
            />
          ))}
          {Object.keys(drift.versions).length === 0 && 'none yet'}
        </Typography>
        {drift.components.length > 0 && (
          <Table
            options={{
              paging: drift.components.length > 20,
              search: false,
              padding: 'dense',
              toolbar: false,
            }}
            columns={columns}
            data={drift.components}
          />
        )}
      </div>
    </InfoCard>
  );
}

/**
 * Template drift: per golden-path template, its latest version, how many components are at each
 * version, and for each component its state with a "Propose upgrade" button or its open proposal.
 */
export function TemplateDriftPage() {
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getDrift(),
    [api],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Template drift"
        subtitle="Components made from older golden-path versions, and their upgrades"
      />
      <Content>
        <ContentHeader title="Golden-path templates">
          <Typography variant="body2" color="textSecondary">
            An upgrade renders the template's latest version with the inputs the
            repository recorded, merges it three-way (your changes stay) and
            opens a change request.
          </Typography>
        </ContentHeader>
        {loading && !value && <Progress />}
        {error && <ErrorPanel error={error} />}
        {value && value.length === 0 && (
          <EmptyState
            missing="data"
            title="No golden-path templates"
            description="Templates with a paved.dev/template-version annotation appear here."
          />
        )}
        {value && (
          <Grid container spacing={3}>
            {value.map(drift => (
              <Grid item xs={12} key={drift.templateRef}>
                <TemplateDriftCard drift={drift} onChange={retry} />
              </Grid>
            ))}
          </Grid>
        )}
      </Content>
    </Page>
  );
}
