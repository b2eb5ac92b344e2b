import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ACTIVE_UPGRADE_STATUSES } from '@paved/plugin-golden-paths-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import {
  ChangeLink,
  MissingInputs,
  proposalFailedToast,
  UpgradeStateChip,
} from '../UpgradeStatus';

/**
 * "Upgrade available" on the golden-path card of a component behind its template: proposes the
 * upgrade, or shows the proposal already under way (and whether it needs attention).
 */
export function UpgradeAction(props: { latestVersion: string }) {
  const { latestVersion } = props;
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(goldenPathsApiRef);
  const toastApi = useApi(toastApiRef);
  const [busy, setBusy] = useState(false);
  const { value: upgrades, retry } = useAsyncRetry(
    () => api.listUpgrades({ entityRef, limit: 5 }),
    [api, entityRef],
  );
  const active = upgrades?.find(
    u =>
      u.toVersion === latestVersion &&
      ACTIVE_UPGRADE_STATUSES.includes(u.status),
  );

  const propose = async () => {
    setBusy(true);
    try {
      await api.proposeUpgrade(entityRef);
      retry();
    } catch (error) {
      toastApi.post(proposalFailedToast(entityRef, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mt={2} data-testid="upgrade-action">
      {active ? (
        <>
          <UpgradeStateChip
            state={
              active.status === 'needs-attention'
                ? 'needs-attention'
                : 'proposed'
            }
          />{' '}
          <ChangeLink upgrade={active} />
          <MissingInputs upgrade={active} />
          {active.conflicts.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Conflicts in {active.conflicts.join(', ')}
            </Typography>
          )}
        </>
      ) : (
        <>
          <Typography variant="body2" gutterBottom>
            Upgrade available: the template is at {latestVersion}.
          </Typography>
          <Button
            variant="contained"
            color="primary"
            size="small"
            disabled={busy || !upgrades}
            onClick={propose}
          >
            {busy ? 'Proposing…' : `Propose upgrade to ${latestVersion}`}
          </Button>
        </>
      )}
    </Box>
  );
}
