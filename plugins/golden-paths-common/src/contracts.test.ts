import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_NAME_PATTERN,
  compareTemplateVersions,
  isOutdated,
  lineageOf,
  serviceCreatedEventSchema,
} from '.';

describe('lineage', () => {
  it('reads the annotations a golden path writes', () => {
    expect(
      lineageOf({
        metadata: {
          name: 'orders',
          annotations: {
            [ANNOTATION_TEMPLATE]: 'template:default/typescript-service',
            [ANNOTATION_TEMPLATE_VERSION]: '1.0.0',
            [ANNOTATION_CREATED_AT]: '2026-12-07T10:00:00+01:00',
          },
        },
      }),
    ).toEqual({
      templateRef: 'template:default/typescript-service',
      version: '1.0.0',
      createdAt: Date.parse('2026-12-07T09:00:00Z'),
    });
    expect(lineageOf({ metadata: { name: 'legacy' } })).toBeUndefined();
  });

  it('compares versions numerically and never guesses', () => {
    expect(isOutdated('1.9.0', '1.10.0')).toBe(true);
    expect(isOutdated('1.10.0', '1.9.0')).toBe(false);
    expect(isOutdated('1.0.0', '1.0.0')).toBe(false);
    expect(isOutdated(undefined, '1.0.0')).toBe(false);
    expect(isOutdated('latest', '1.0.0')).toBe(false);
    expect(compareTemplateVersions('v2.0.0', '1.99.99')).toBeGreaterThan(0);
  });
});

describe('service-created event', () => {
  const valid = {
    entityRef: 'component:default/orders',
    templateRef: 'template:default/typescript-service',
    templateVersion: '1.1.0',
    createdAt: '2026-12-07T10:00:00Z',
    createdBy: 'user:default/sam.rivera',
    taskId: '0c2f6d1e-7a43-4c4e-9d1f-2b1c7e0b9a11',
  };

  it('accepts what paved:catalog:wait publishes', () => {
    expect(serviceCreatedEventSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['entityRef', 'orders'],
    ['entityRef', 'group:default/payments'],
    ['templateRef', 'typescript-service'],
    ['createdAt', '2026-12-07 10:00'],
    ['createdAt', undefined],
  ])('refuses %s = %j', (field, value) => {
    expect(
      serviceCreatedEventSchema.safeParse({ ...valid, [field]: value }).success,
    ).toBe(false);
  });
});

describe('service names', () => {
  it.each(['ab', 'payments-api', 'a'.repeat(63)])('accepts %s', name =>
    expect(SERVICE_NAME_PATTERN.test(name)).toBe(true),
  );
  it.each(['a', '1abc', 'abc-', 'Abc', 'a_b', 'a'.repeat(64)])(
    'refuses %s',
    name => expect(SERVICE_NAME_PATTERN.test(name)).toBe(false),
  );
});
