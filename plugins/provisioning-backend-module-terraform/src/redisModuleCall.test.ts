import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { ConfigReader } from '@backstage/config';
import { ENVIRONMENTS } from '@paved/plugin-provisioning-common';
import { databaseRequest } from './testRequests';
import {
  ModuleVariable,
  readModuleVariables,
  renderModuleCall,
  validateModuleCall,
} from './moduleCall';
import { readTerraformProviderConfig } from './config';
import { TerraformDatabaseProvider } from './TerraformDatabaseProvider';

const modules = path.resolve(
  __dirname,
  '../../../infrastructure/terraform/modules',
);
const config = readTerraformProviderConfig(new ConfigReader({}), {
  gitHostDirectory: '/tmp/paved-git',
});
const redisRequest = (overrides = {}) =>
  databaseRequest({
    type: 'redis',
    name: 'sessions',
    storageGB: 4,
    version: '7.0',
    provider: 'terraform',
    ...overrides,
  });

describe('Redis module calls against infrastructure/terraform/modules/redis', () => {
  let variables: Map<string, ModuleVariable>;
  let postgresVariables: Map<string, ModuleVariable>;

  beforeAll(async () => {
    variables = await readModuleVariables(path.join(modules, 'redis'));
    postgresVariables = await readModuleVariables(
      path.join(modules, 'postgresql'),
    );
  });

  it('finds the shipped Redis module by default', () => {
    expect(config.redis).toEqual({
      moduleDirectory: path.join(modules, 'redis'),
      moduleSource: '../../../modules/redis',
      defaultVersion: '7.0',
    });
  });

  it('renders a call the module accepts, with the memory from storageGB, for every environment', async () => {
    for (const environment of ENVIRONMENTS) {
      const hcl = renderModuleCall(
        redisRequest({
          environment,
          expiresAt:
            environment === 'ephemeral'
              ? '2026-11-24T10:00:00.000Z'
              : undefined,
        }),
        config.redis,
      );
      expect(await validateModuleCall('sessions.tf', hcl, variables)).toEqual(
        [],
      );
    }
    const request = redisRequest();
    const parsed: any = await parseHcl(
      'sessions.tf',
      renderModuleCall(request, config.redis),
    );
    expect(parsed.module.redis_sessions[0]).toEqual({
      source: '../../../modules/redis',
      name: 'sessions',
      owner: 'group:default/payments',
      environment: 'production',
      size: 'medium',
      memory_gb: 4,
      engine_version: '7.0',
      request_id: request.id,
      system: 'system:default/payments',
    });
    expect(parsed.output.redis_sessions[0].value).toEqual({
      host: '${module.redis_sessions.host}',
      port: '${module.redis_sessions.port}',
      database: '${module.redis_sessions.database}',
      username: '${module.redis_sessions.username}',
      credentials_secret_arn: '${module.redis_sessions.credentials_secret_arn}',
    });
  });

  it("keeps the two engines' modules apart: a Redis call does not fit the PostgreSQL module", async () => {
    const hcl = renderModuleCall(redisRequest(), config.redis);
    expect(await validateModuleCall('x.tf', hcl, postgresVariables)).toEqual(
      expect.arrayContaining([
        'module "redis_sessions": unknown argument "memory_gb" (the module has no such variable)',
        'module "redis_sessions": missing required argument "storage_gb"',
      ]),
    );
  });

  it('serves both engines from config, each checked against its own module', async () => {
    const engines = await TerraformDatabaseProvider.enginesFromConfig(
      new ConfigReader({}),
      { gitHostDirectory: '/tmp/paved-git' },
    );
    const redisHcl = await engines.redis.render(redisRequest());
    expect(redisHcl).toContain('source         = "../../../modules/redis"');
    await expect(engines.postgresql.render(redisRequest())).rejects.toThrow(
      /unknown argument "memory_gb"/,
    );
  });
});
