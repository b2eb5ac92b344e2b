import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { devexApiRef, DevexScope } from '../../api/DevexApi';
import { TimeWindow } from '../../window/timeWindow';
import { ReviewFlowPanel } from './ReviewFlowPanel';

/** Loads and shows the review flow of a scope and window. */
export function ReviewFlow(props: { scope: DevexScope; window: TimeWindow }) {
  const { scope, window } = props;
  const devexApi = useApi(devexApiRef);
  const state = useAsync(
    () => devexApi.getChanges({ scope, from: window.from, to: window.to }),
    [JSON.stringify(scope), window.from.getTime(), window.to.getTime()],
  );
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  return state.value ? <ReviewFlowPanel flow={state.value} /> : null;
}
