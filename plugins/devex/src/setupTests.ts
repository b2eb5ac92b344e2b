import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A whole test app renders slowly on a busy two-core CI machine; the default 1 s is not enough.
configure({ asyncUtilTimeout: 15_000 });

// jsdom does no layout and has no ResizeObserver; recharts' ResponsiveContainer needs one to
// mount (it measures its parent). Without it the trend charts throw and the tests would see the
// error boundary instead of the charts. This one never reports a size, as nothing is laid out.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??=
  NoLayoutResizeObserver as unknown as typeof ResizeObserver;
