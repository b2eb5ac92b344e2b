import useAsync from 'react-use/esm/useAsync';
import {
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { ChecksResponse } from '@paved/plugin-scorecards-common';
import { levelOfCheck } from '@paved/plugin-scorecards-common';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { percent } from './Sparkline';

type Row = ChecksResponse['checks'][number];

function threshold(row: Row): string {
  const value = Array.isArray(row.threshold)
    ? `[${row.threshold.join(', ')}]`
    : String(row.threshold);
  return `${row.fact} ${row.operator} ${value}`;
}

/** Every check in force: its rule, its level, how many entities meet it, and its fixer. */
export function ChecksTab() {
  const api = useApi(scorecardsApiRef);
  const state = useAsync(() => api.getChecks(), []);
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const data = state.value!;
  const levelOf = (id: string) =>
    data.scorecards.map(s => levelOfCheck(s, id)).find(Boolean) ?? '–';
  return (
    <Table<Row>
      title="Checks"
      options={{ paging: false }}
      data={data.checks}
      columns={[
        { title: 'Check', field: 'title' },
        { title: 'Level', render: row => levelOf(row.id) },
        { title: 'Rule', render: row => <code>{threshold(row)}</code> },
        {
          title: 'Met',
          render: row => `${percent(row.passRate)} of ${row.applicable}`,
        },
        {
          title: 'Fix',
          render: row =>
            data.fixers.find(f => f.id === row.fixer?.id)?.title ??
            (row.fixer ? `${row.fixer.id} (not installed)` : '–'),
        },
      ]}
    />
  );
}
