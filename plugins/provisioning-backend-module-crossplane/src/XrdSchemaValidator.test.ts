import path from 'node:path';
import { readCrossplaneProviderConfig } from './config';
import { ConfigReader } from '@backstage/config';
import { renderPostgreSQLInstance } from './manifest';
import { XrdSchemaValidator } from './XrdSchemaValidator';
import { databaseRequest } from './testRequests';

const crossplaneDir = path.resolve(
  __dirname,
  '../../../infrastructure/crossplane',
);
const config = readCrossplaneProviderConfig(new ConfigReader({}), {
  gitHostDirectory: '/tmp/paved-git',
});

describe('XrdSchemaValidator against infrastructure/crossplane', () => {
  let composite: XrdSchemaValidator;
  let claim: XrdSchemaValidator;

  beforeAll(async () => {
    composite = await XrdSchemaValidator.fromFile(
      path.join(crossplaneDir, 'xrd.yaml'),
      'composite',
    );
    claim = await XrdSchemaValidator.fromFile(
      path.join(crossplaneDir, 'legacy', 'xrd.yaml'),
      'claim',
    );
  });

  it('finds the shipped definitions by default', () => {
    expect(config.definitionsDirectory).toBe(crossplaneDir);
    expect(composite.definition).toEqual({
      group: 'database.paved.dev',
      kind: 'PostgreSQLInstance',
      claimKind: undefined,
      versions: ['v1alpha1'],
    });
  });

  it('accepts the rendered namespaced XR for every environment and size', () => {
    for (const environment of [
      'development',
      'staging',
      'production',
      'ephemeral',
    ] as const) {
      for (const size of ['small', 'medium', 'large'] as const) {
        const manifest = renderPostgreSQLInstance(
          databaseRequest({
            environment,
            size,
            expiresAt:
              environment === 'ephemeral'
                ? '2026-11-24T10:00:00.000Z'
                : undefined,
          }),
          config,
        );
        expect(composite.validate(manifest)).toEqual([]);
      }
    }
  });

  it('renders the XR in the team namespace with traceable labels', () => {
    const manifest = renderPostgreSQLInstance(databaseRequest(), config);
    expect(manifest).toMatchObject({
      apiVersion: 'database.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: {
        name: 'orders-production',
        namespace: 'payments',
        labels: {
          'paved.dev/owner': 'payments',
          'paved.dev/provisioning-request':
            '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        },
      },
      spec: {
        databaseName: 'orders',
        size: 'medium',
        storageGB: 50,
        engineVersion: '16',
        environment: 'production',
        owner: 'group:default/payments',
        system: 'system:default/payments',
        deletionProtection: true,
      },
    });
    expect(manifest.spec).not.toHaveProperty('writeConnectionSecretToRef');
  });

  it('accepts the legacy claim, with its connection secret reference, against the v1 XRD', () => {
    const manifest = renderPostgreSQLInstance(databaseRequest(), {
      ...config,
      mode: 'claim',
    });
    expect(manifest.kind).toBe('PostgreSQLInstanceClaim');
    expect(claim.validate(manifest)).toEqual([]);
    // A claim is not a v2 XR: the composite validator must refuse its kind and extra field.
    expect(composite.validate(manifest)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/kind must be equal to constant'),
        expect.stringContaining('(writeConnectionSecretToRef)'),
      ]),
    );
  });

  it.each([
    [
      'a size outside the enum',
      { spec: { size: 'huge' } },
      '/spec/size must be equal to one of the allowed values: small, medium, large',
    ],
    [
      'storage below the minimum',
      { spec: { storageGB: 1 } },
      '/spec/storageGB must be >= 5',
    ],
    [
      'storage above the maximum',
      { spec: { storageGB: 20000 } },
      '/spec/storageGB must be <= 16384',
    ],
    [
      'fractional storage',
      { spec: { storageGB: 10.5 } },
      '/spec/storageGB must be integer',
    ],
    [
      'an unsupported version',
      { spec: { engineVersion: '9' } },
      '/spec/engineVersion must be equal to one of the allowed values',
    ],
    [
      'an unknown environment',
      { spec: { environment: 'qa' } },
      '/spec/environment must be equal to one of the allowed values',
    ],
    [
      'a hostile database name',
      { spec: { databaseName: 'a"; DROP DATABASE postgres; --' } },
      '/spec/databaseName must match pattern',
    ],
    [
      'an owner that is not a group',
      { spec: { owner: 'user:default/sam.rivera' } },
      '/spec/owner must match pattern',
    ],
    [
      'a field the XRD does not declare',
      { spec: { instanceClass: 'db.x2g.16xlarge' } },
      '/spec must NOT have additional properties (instanceClass)',
    ],
    [
      'a label value Kubernetes refuses',
      { metadata: { labels: { 'paved.dev/owner': 'group:default/payments' } } },
      '/metadata/labels/paved.dev~1owner must match pattern',
    ],
    [
      'a name longer than a label',
      { metadata: { name: 'x'.repeat(64) } },
      '/metadata/name must NOT have more than 63 characters',
    ],
  ])('rejects %s', (_label, change, expected) => {
    const manifest: any = renderPostgreSQLInstance(databaseRequest(), config);
    const changed = {
      ...manifest,
      metadata: {
        ...manifest.metadata,
        ...(change as any).metadata,
        labels: {
          ...manifest.metadata.labels,
          ...(change as any).metadata?.labels,
        },
      },
      spec: { ...manifest.spec, ...(change as any).spec },
    };
    expect(composite.validate(changed)).toEqual(
      expect.arrayContaining([expect.stringContaining(expected)]),
    );
  });

  it('reports a missing required field', () => {
    const manifest: any = renderPostgreSQLInstance(databaseRequest(), config);
    delete manifest.spec.requestId;
    expect(composite.validate(manifest)).toEqual([
      "/spec must have required property 'requestId'",
    ]);
  });

  it('refuses mode "claim" with a v2 XRD that offers no claim', async () => {
    await expect(
      XrdSchemaValidator.fromFile(
        path.join(crossplaneDir, 'xrd.yaml'),
        'claim',
      ),
    ).rejects.toThrow(/offers no claim/);
  });

  it('keeps long names within 63 characters, distinct per request name', () => {
    const a = renderPostgreSQLInstance(
      databaseRequest({ name: `${'a'.repeat(60)}-one`.slice(0, 63) }),
      config,
    );
    const b = renderPostgreSQLInstance(
      databaseRequest({ name: `${'a'.repeat(60)}-two`.slice(0, 63) }),
      config,
    );
    expect(a.metadata.name.length).toBeLessThanOrEqual(63);
    expect(a.metadata.name).not.toBe(b.metadata.name);
    expect(composite.validate(a)).toEqual([]);
  });

  it('uses namespace overrides and prefixes', () => {
    const overridden = renderPostgreSQLInstance(databaseRequest(), {
      ...config,
      namespaces: {
        prefix: 'team-',
        overrides: { 'group:default/payments': 'payments-data' },
      },
    });
    expect(overridden.metadata.namespace).toBe('payments-data');
    const prefixed = renderPostgreSQLInstance(
      databaseRequest({ owner: 'group:default/storefront' }),
      { ...config, namespaces: { prefix: 'team-', overrides: {} } },
    );
    expect(prefixed.metadata.namespace).toBe('team-storefront');
    expect(() =>
      renderPostgreSQLInstance(
        databaseRequest({ owner: 'group:default/Pay_ments' }),
        {
          ...config,
          namespaces: { prefix: 'Team_', overrides: {} },
        },
      ),
    ).toThrow(/not a valid Kubernetes namespace name/);
  });
});
