import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { toastApiRef, useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import type { Exemption } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { failureToast } from '../common/toasts';

/** Exemptions: pending ones for the platform team to review, and the decided ones. */
export function ExemptionsTab() {
  const api = useApi(scorecardsApiRef);
  const toastApi = useApi(toastApiRef);
  const state = useAsyncRetry(() => api.listExemptions(), []);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const review = async (id: string, decision: 'approve' | 'reject') => {
    try {
      await api.reviewExemption(id, { decision });
      state.retry();
    } catch (error) {
      toastApi.post(failureToast(`Could not ${decision} the exemption`, error));
    }
  };
  return (
    <Table<Exemption>
      title="Exemptions"
      options={{ paging: false }}
      data={state.value!.items}
      emptyContent={
        <div style={{ padding: 16 }}>No exemption has been asked for.</div>
      }
      columns={[
        { title: 'Entity', field: 'entityRef' },
        { title: 'Check', field: 'checkId' },
        { title: 'Why', field: 'reason' },
        { title: 'Until', render: row => row.expiresAt.slice(0, 10) },
        { title: 'Asked by', field: 'requestedBy' },
        { title: 'Status', field: 'status' },
        {
          title: 'Review (platform team)',
          render: row =>
            row.status === 'pending' ? (
              <>
                <Button
                  size="small"
                  color="primary"
                  onClick={() => review(row.id, 'approve')}
                >
                  Approve
                </Button>
                <Button size="small" onClick={() => review(row.id, 'reject')}>
                  Reject
                </Button>
              </>
            ) : (
              row.reviewedBy ?? '–'
            ),
        },
      ]}
    />
  );
}
