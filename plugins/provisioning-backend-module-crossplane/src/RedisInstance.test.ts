import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  DATABASE_TYPES,
  ENVIRONMENTS,
} from '@paved/plugin-provisioning-common';
import { CrossplaneDatabaseProvider } from './CrossplaneDatabaseProvider';
import { CROSSPLANE_ENGINES, statusFromConditions } from './engines';
import { readCrossplaneProviderConfig } from './config';
import { renderRedisInstance } from './manifest';
import { databaseRequest } from './testRequests';
import { XrdSchemaValidator } from './XrdSchemaValidator';

const crossplaneDir = path.resolve(
  __dirname,
  '../../../infrastructure/crossplane',
);
const config = readCrossplaneProviderConfig(new ConfigReader({}), {
  gitHostDirectory: '/tmp/paved-git',
});
const redisRequest = (overrides = {}) =>
  databaseRequest({
    type: 'redis',
    name: 'sessions',
    storageGB: 4,
    version: '7.0',
    ...overrides,
  });

describe('RedisInstance rendering against infrastructure/crossplane/redis', () => {
  let validator: XrdSchemaValidator;

  beforeAll(async () => {
    validator = await XrdSchemaValidator.fromFile(
      path.join(crossplaneDir, 'redis', 'xrd.yaml'),
      'composite',
    );
  });

  it('accepts the rendered XR for every environment, size and offered version', () => {
    expect(validator.definition).toMatchObject({
      group: 'cache.paved.dev',
      kind: 'RedisInstance',
    });
    for (const environment of ENVIRONMENTS) {
      for (const size of ['small', 'medium', 'large'] as const) {
        for (const version of ['7.0', '7.2']) {
          const manifest = renderRedisInstance(
            redisRequest({
              environment,
              size,
              version,
              expiresAt:
                environment === 'ephemeral'
                  ? '2026-11-24T10:00:00.000Z'
                  : undefined,
            }),
            config,
          );
          expect(validator.validate(manifest)).toEqual([]);
        }
      }
    }
  });

  it('renders the cache in the team namespace, its memory from storageGB', () => {
    expect(renderRedisInstance(redisRequest(), config)).toEqual({
      apiVersion: 'cache.paved.dev/v1alpha1',
      kind: 'RedisInstance',
      metadata: {
        name: 'sessions-production',
        namespace: 'payments',
        labels: {
          'app.kubernetes.io/managed-by': 'paved',
          'paved.dev/owner': 'payments',
          'paved.dev/environment': 'production',
          'paved.dev/provisioning-request':
            '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        },
        annotations: {
          'paved.dev/owner': 'group:default/payments',
          'paved.dev/requested-by': 'user:default/sam.rivera',
          'paved.dev/system': 'system:default/payments',
          'paved.dev/component': 'component:default/payments-api',
        },
      },
      spec: {
        cacheName: 'sessions',
        size: 'medium',
        memoryGB: 4,
        engineVersion: '7.0',
        environment: 'production',
        owner: 'group:default/payments',
        requestId: '0b5e4c1e-8c8f-4f7e-9d55-6f1d2a7f3a10',
        system: 'system:default/payments',
      },
    });
  });

  it.each([
    ['a PostgreSQL field', { storageGB: 4 }, '(storageGB)'],
    ['too much memory', { memoryGB: 4096 }, '/spec/memoryGB must be <= 1024'],
    [
      'an unsupported version',
      { engineVersion: '16' },
      '/spec/engineVersion must be equal to one of the allowed values',
    ],
    [
      'a hostile name',
      { cacheName: 'a b*' },
      '/spec/cacheName must match pattern',
    ],
  ])('rejects %s', (_label, change, expected) => {
    const manifest = renderRedisInstance(redisRequest(), config);
    expect(
      validator.validate({
        ...manifest,
        spec: { ...manifest.spec, ...change },
      }),
    ).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('refuses a PostgreSQLInstance: the schemas of the two engines are not interchangeable', () => {
    const postgres = CROSSPLANE_ENGINES.postgresql.render(
      databaseRequest(),
      config,
    );
    expect(validator.validate(postgres)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/apiVersion must be equal to constant'),
        expect.stringContaining("must have required property 'cacheName'"),
      ]),
    );
  });

  it('reads a Ready RedisInstance as ready with the default user and the secret ref', () => {
    const rendered = renderRedisInstance(redisRequest(), config);
    const live = {
      ...rendered,
      status: {
        conditions: [
          { type: 'Synced', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        host: 'master.sessions.abc123.euw1.cache.amazonaws.com',
        connectionSecretName: 'sessions-production-connection',
      },
    };
    expect(
      statusFromConditions(live, rendered, CROSSPLANE_ENGINES.redis),
    ).toMatchObject({
      state: 'ready',
      outputs: {
        host: 'master.sessions.abc123.euw1.cache.amazonaws.com',
        port: 6379,
        database: '0',
        username: 'default',
        credentialsRef:
          'kubernetes-secret:payments/sessions-production-connection',
      },
    });
  });
});

describe('crossplane provider engines from config', () => {
  it('serves PostgreSQL and Redis as composite resources, only PostgreSQL in claim mode', async () => {
    const platform = { gitHostDirectory: '/tmp/paved-git' };
    const composite = await CrossplaneDatabaseProvider.enginesFromConfig(
      new ConfigReader({}),
      platform,
    );
    expect(Object.keys(composite).sort()).toEqual([...DATABASE_TYPES].sort());
    expect(
      (composite.redis as CrossplaneDatabaseProvider).render(redisRequest())
        .kind,
    ).toBe('RedisInstance');
    const claim = await CrossplaneDatabaseProvider.enginesFromConfig(
      new ConfigReader({
        provisioning: { providers: { crossplane: { mode: 'claim' } } },
      }),
      platform,
    );
    expect(Object.keys(claim)).toEqual(['postgresql']);
  });
});
