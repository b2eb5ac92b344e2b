import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { databaseRequest } from './testRequests';
import {
  ModuleVariable,
  readModuleVariables,
  renderModuleCall,
  validateModuleCall,
} from './moduleCall';
import { checkValueAgainstType, parseTypeConstraint } from './typeConstraints';

const moduleDirectory = path.resolve(
  __dirname,
  '../../../infrastructure/terraform/modules/postgresql',
);
const options = {
  moduleSource: '../../../modules/postgresql',
  defaultVersion: '16',
};

describe('Terraform type constraints', () => {
  it.each([
    ['${string}', { kind: 'string' }],
    ['${list(string)}', { kind: 'list', element: { kind: 'string' } }],
    ['${map(number)}', { kind: 'map', element: { kind: 'number' } }],
    [
      '${tuple([string, bool])}',
      { kind: 'tuple', elements: [{ kind: 'string' }, { kind: 'bool' }] },
    ],
    [
      '${object({ a = string, b = optional(list(number), [1, 2]), "c.d" = bool })}',
      {
        kind: 'object',
        attributes: {
          a: { type: { kind: 'string' }, optional: false },
          b: {
            type: { kind: 'list', element: { kind: 'number' } },
            optional: true,
          },
          'c.d': { type: { kind: 'bool' }, optional: false },
        },
      },
    ],
  ])('parses %s', (source, expected) => {
    expect(parseTypeConstraint(source)).toEqual(expected);
  });

  it.each(['${strin}', '${list(string}', '${map()}', '${string string}'])(
    'refuses %s',
    bad => {
      expect(() => parseTypeConstraint(bad)).toThrow(
        /Cannot parse Terraform type/,
      );
    },
  );

  it('applies Terraform conversion rules to literals', () => {
    const t = (s: string) => parseTypeConstraint(s);
    expect(checkValueAgainstType(5, t('string'), 'x')).toEqual([]);
    expect(checkValueAgainstType('5', t('number'), 'x')).toEqual([]);
    expect(checkValueAgainstType('five', t('number'), 'x')).toEqual([
      'x must be a number, got "five"',
    ]);
    expect(checkValueAgainstType(['a'], t('string'), 'x')).toEqual([
      'x must be a string, got a list',
    ]);
    expect(checkValueAgainstType({ a: 1 }, t('map(string)'), 'x')).toEqual([]);
    expect(checkValueAgainstType({ a: [1] }, t('map(string)'), 'x')).toEqual([
      'x["a"] must be a string, got a list',
    ]);
    expect(
      checkValueAgainstType(
        { b: 1 },
        t('object({ a = string, b = number })'),
        'x',
      ),
    ).toEqual(['x.a is required']);
    expect(checkValueAgainstType('${var.anything}', t('number'), 'x')).toEqual(
      [],
    );
  });
});

describe('the module call for a request', () => {
  let variables: Map<string, ModuleVariable>;

  beforeAll(async () => {
    variables = await readModuleVariables(moduleDirectory);
  });

  it('reads the module variables from variables.tf', () => {
    expect([...variables.keys()].sort()).toEqual([
      'allowed_security_group_ids',
      'engine_version',
      'environment',
      'expires_at',
      'name',
      'owner',
      'request_id',
      'restore_from_snapshot',
      'size',
      'snapshots',
      'storage_gb',
      'subnet_ids',
      'system',
      'tags',
    ]);
    expect(variables.get('storage_gb')).toEqual({
      name: 'storage_gb',
      type: { kind: 'number' },
      required: true,
      nullable: true,
    });
    expect(variables.get('system')?.required).toBe(false);
    expect(variables.get('tags')?.type).toEqual({
      kind: 'map',
      element: { kind: 'string' },
    });
  });

  it('renders HCL that parses and fits the module', async () => {
    const request = databaseRequest({ provider: 'terraform' });
    const hcl = renderModuleCall(request, options);
    expect(await validateModuleCall('orders.tf', hcl, variables)).toEqual([]);

    const parsed: any = await parseHcl('orders.tf', hcl);
    expect(parsed.module.postgresql_orders[0]).toEqual({
      source: '../../../modules/postgresql',
      name: 'orders',
      owner: 'group:default/payments',
      environment: 'production',
      size: 'medium',
      storage_gb: 50,
      engine_version: '16',
      request_id: request.id,
      system: 'system:default/payments',
    });
    expect(parsed.output.postgresql_orders[0].value).toEqual({
      host: '${module.postgresql_orders.host}',
      port: '${module.postgresql_orders.port}',
      database: '${module.postgresql_orders.database}',
      username: '${module.postgresql_orders.username}',
      credentials_secret_arn:
        '${module.postgresql_orders.credentials_secret_arn}',
    });
  });

  it('renders every environment, with expires_at for ephemeral databases', async () => {
    const hcl = renderModuleCall(
      databaseRequest({
        environment: 'ephemeral',
        expiresAt: '2026-11-24T10:00:00.000Z',
        system: undefined,
      }),
      options,
    );
    expect(await validateModuleCall('x.tf', hcl, variables)).toEqual([]);
    const parsed: any = await parseHcl('x.tf', hcl);
    expect(parsed.module.postgresql_orders[0].expires_at).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(parsed.module.postgresql_orders[0]).not.toHaveProperty('system');
  });

  it('never lets a value become a template or break out of its string', async () => {
    const hcl = renderModuleCall(
      databaseRequest({
        requestedBy: 'user:default/x\nresource "null_resource" "x" {}',
        id: 'id"${file("/etc/passwd")}%{if true}',
      }),
      options,
    );
    const parsed: any = await parseHcl('x.tf', hcl);
    expect(parsed.module.postgresql_orders[0].request_id).toBe(
      'id"$${file("/etc/passwd")}%%{if true}',
    );
    expect(Object.keys(parsed.module)).toEqual(['postgresql_orders']);
    expect(parsed).not.toHaveProperty('resource');
  });

  it('reports unknown arguments, missing required ones and wrong types', async () => {
    const hcl = `module "postgresql_orders" {
  source       = "../../../modules/postgresql"
  name         = "orders"
  owner        = "group:default/payments"
  environment  = ["production"]
  storage_gb   = "fifty"
  instance_class = "db.x2g.16xlarge"
  tags         = { team = ["payments"] }
}
`;
    const problems = await validateModuleCall('bad.tf', hcl, variables);
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        'module "postgresql_orders": environment must be a string, got a list',
        'module "postgresql_orders": storage_gb must be a number, got "fifty"',
        'module "postgresql_orders": unknown argument "instance_class" (the module has no such variable)',
        'module "postgresql_orders": tags["team"] must be a string, got a list',
        'module "postgresql_orders": missing required argument "size"',
        'module "postgresql_orders": missing required argument "request_id"',
      ]),
    );
  });

  it('reports HCL that does not parse', async () => {
    expect(
      await validateModuleCall(
        'broken.tf',
        'module "x" { source = "y"',
        variables,
      ),
    ).toEqual([
      expect.stringMatching(
        /^broken\.tf is not valid HCL: .*Unclosed configuration block/,
      ),
    ]);
  });
});
