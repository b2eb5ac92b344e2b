import { Suspense, lazy } from 'react';

const FeedbackControl = lazy(() =>
  import('./FeedbackControl').then(m => ({ default: m.FeedbackControl })),
);

/** Loads the control after the page, so it adds nothing to the first paint. */
export function LazyFeedbackControl() {
  return (
    <Suspense fallback={null}>
      <FeedbackControl />
    </Suspense>
  );
}
