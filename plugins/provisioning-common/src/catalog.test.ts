import {
  DATABASE_CONNECTION_SECRET_KEYS,
  databaseConnectionSecretName,
  databaseResourceEntityRefCandidates,
} from './catalog';

const id = '8d3c1b7e-9f0a-4f3e-8a61-0d2b5c4e7f10';

describe('databaseResourceEntityRefCandidates', () => {
  it('prefers <name>-<environment> in the owner namespace', () => {
    expect(
      databaseResourceEntityRefCandidates({
        id,
        owner: 'group:payments-ns/payments',
        name: 'orders',
        environment: 'production',
      }),
    ).toEqual([
      'resource:payments-ns/orders-production',
      'resource:payments-ns/orders-production-8d3c1b7e',
      'resource:payments-ns/orders-production-8d3c1b7e9f0a',
      'resource:payments-ns/orders-production-8d3c1b7e9f0a4f3e',
      'resource:payments-ns/orders-production-8d3c1b7e9f0a4f3e8a610d2b5c4e7f10',
    ]);
  });

  it('keeps every candidate a valid entity name of at most 63 characters', () => {
    const name = `${'a'.repeat(61)}-b`;
    const candidates = databaseResourceEntityRefCandidates({
      id,
      owner: 'group:default/payments',
      name,
      environment: 'ephemeral',
    });
    expect(candidates[0]).toBe(`resource:default/${'a'.repeat(54)}-8d3c1b7e`);
    for (const ref of candidates) {
      const entityName = ref.split('/')[1];
      expect(entityName.length).toBeLessThanOrEqual(63);
      expect(entityName).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe('databaseConnectionSecretName', () => {
  it('names the Secret after the provisioned object, <name>-<environment>-connection', () => {
    expect(
      databaseConnectionSecretName({ name: 'orders', environment: 'staging' }),
    ).toBe('orders-staging-connection');
  });

  it('names the keys a deployment reads', () => {
    expect(Object.values(DATABASE_CONNECTION_SECRET_KEYS).sort()).toEqual([
      'host',
      'password',
      'port',
      'username',
    ]);
  });
});
