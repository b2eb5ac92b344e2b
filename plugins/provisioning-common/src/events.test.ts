import { provisioningRequestEventSchema } from './events';

describe('provisioningRequestEventSchema', () => {
  const valid = {
    requestId: '8d3c1b7e-9f0a-4f3e-8a61-0d2b5c4e7f10',
    status: 'ready',
    action: 'provisioned',
    actor: 'plugin:provisioning',
    owner: 'group:default/payments',
    environment: 'development',
    provider: 'sandbox',
    requestedBy: 'user:default/sam.rivera',
    humanStep: false,
    occurredAt: '2026-12-07T10:00:00.000Z',
  };

  it('accepts what the provisioning backend publishes', () => {
    expect(provisioningRequestEventSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['status', 'done'],
    ['humanStep', 'no'],
    ['occurredAt', undefined],
    ['environment', 'qa'],
  ])('refuses %s = %j', (field, value) => {
    expect(
      provisioningRequestEventSchema.safeParse({ ...valid, [field]: value })
        .success,
    ).toBe(false);
  });
});
