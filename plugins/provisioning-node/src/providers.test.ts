import { operationStatusFromInstance } from './providers';

describe('operationStatusFromInstance', () => {
  it('is done when the changed instance is ready, keeping the message but not the outputs', () => {
    expect(
      operationStatusFromInstance({
        state: 'ready',
        message: 'Ready with 50 GB',
        outputs: {
          host: 'db',
          port: 5432,
          database: 'orders',
          username: 'orders',
          credentialsRef: 'paved-secret:1',
        },
      }),
    ).toEqual({ state: 'done', message: 'Ready with 50 GB' });
  });

  it('stays pending while the instance is', () => {
    expect(
      operationStatusFromInstance({ state: 'pending', message: 'Syncing' }),
    ).toEqual({ state: 'pending', message: 'Syncing' });
  });

  it('fails as the instance fails, retryable or not', () => {
    for (const retryable of [true, false]) {
      expect(
        operationStatusFromInstance({
          state: 'failed',
          retryable,
          message: 'Composition failed',
        }),
      ).toEqual({ state: 'failed', retryable, message: 'Composition failed' });
    }
  });
});
