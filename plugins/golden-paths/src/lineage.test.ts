import { isOutdated, lineageOf } from './lineage';

describe('lineage', () => {
  it('reads the template and version a component records', () => {
    expect(
      lineageOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-api',
          annotations: {
            'paved.dev/template': 'template:default/typescript-service',
            'paved.dev/template-version': '1.0.0',
          },
        },
      }),
    ).toEqual({
      templateRef: 'template:default/typescript-service',
      version: '1.0.0',
    });
    expect(
      lineageOf({
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).toBeUndefined();
  });

  it.each([
    ['1.0.0', '1.1.0', true],
    ['1.9.0', '1.10.0', true],
    ['2.0.0', '1.10.0', false],
    ['1.2.3', '1.2.3', false],
    ['v1.2.3', '1.2.4', true],
    [undefined, '1.0.0', false],
    ['main', '1.0.0', false],
  ])('isOutdated(%s, %s) is %s', (used, current, expected) => {
    expect(isOutdated(used, current)).toBe(expected);
  });
});
