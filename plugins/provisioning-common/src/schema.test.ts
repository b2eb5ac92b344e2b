import { createDatabaseRequestSchema } from './schema';

const valid = {
  type: 'postgresql',
  name: 'orders',
  owner: 'group:default/payments',
  environment: 'development',
  size: 'small',
  storageGB: 5,
};

describe('createDatabaseRequestSchema', () => {
  it('accepts a complete request', () => {
    expect(
      createDatabaseRequestSchema.parse({
        ...valid,
        system: 'system:default/payments',
        version: '16',
        ttlHours: 4,
        provider: 'sandbox',
      }),
    ).toMatchObject({ name: 'orders', ttlHours: 4 });
  });

  it.each([
    'a"; DROP DATABASE postgres; --',
    'a'.repeat(64),
    'a'.repeat(200),
    'datenbank-größe',
    'Orders',
    '-orders',
    'orders-',
    'or_ders',
    '',
  ])('refuses the name %j', name => {
    expect(
      createDatabaseRequestSchema.safeParse({ ...valid, name }).success,
    ).toBe(false);
  });

  it('refuses unknown fields and wrong enums', () => {
    expect(
      createDatabaseRequestSchema.safeParse({ ...valid, extra: 1 }).success,
    ).toBe(false);
    expect(
      createDatabaseRequestSchema.safeParse({ ...valid, size: 'huge' }).success,
    ).toBe(false);
    expect(
      createDatabaseRequestSchema.safeParse({
        ...valid,
        owner: 'payments team',
      }).success,
    ).toBe(false);
    expect(
      createDatabaseRequestSchema.safeParse({ ...valid, storageGB: 0 }).success,
    ).toBe(false);
  });
});
