import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import type {
  DatabaseRequest,
  DatabaseType,
} from '@paved/plugin-provisioning-common';
import {
  TerraformType,
  checkValueAgainstType,
  parseTypeConstraint,
} from './typeConstraints';

/** A variable of the platform's module, as declared in its variables.tf. */
export interface ModuleVariable {
  name: string;
  type: TerraformType;
  required: boolean;
  nullable: boolean;
}

/** Arguments every module block accepts besides the module's variables. */
const META_ARGUMENTS = new Set([
  'source',
  'version',
  'providers',
  'depends_on',
  'count',
  'for_each',
]);

/** Reads every `variable` block from the module's .tf files with the HCL parser. */
export async function readModuleVariables(
  moduleDirectory: string,
): Promise<Map<string, ModuleVariable>> {
  const files = (await fs.readdir(moduleDirectory))
    .filter(f => f.endsWith('.tf'))
    .sort();
  if (files.length === 0) {
    throw new Error(`No .tf files in Terraform module ${moduleDirectory}`);
  }
  const variables = new Map<string, ModuleVariable>();
  for (const file of files) {
    const parsed = (await parseHcl(
      file,
      await fs.readFile(path.join(moduleDirectory, file), 'utf8'),
    )) as { variable?: Record<string, Array<Record<string, unknown>>> };
    for (const [name, blocks] of Object.entries(parsed.variable ?? {})) {
      const block = blocks[0];
      variables.set(name, {
        name,
        type:
          typeof block.type === 'string'
            ? parseTypeConstraint(block.type)
            : { kind: 'any' },
        // `default = null` still makes a variable optional; only a missing default is required.
        required: !('default' in block),
        nullable: block.nullable !== false,
      });
    }
  }
  return variables;
}

/** The inputs that differ between the engines' modules. */
const ENGINE_ARGUMENTS: {
  [Type in DatabaseType]: (
    request: DatabaseRequest,
    version: string,
  ) => Record<string, unknown>;
} = {
  postgresql: (request, version) => ({
    storage_gb: request.storageGB,
    engine_version: version.split('.')[0],
  }),
  // A cache's capacity is its memory: the request's storageGB.
  redis: (request, version) => ({
    memory_gb: request.storageGB,
    engine_version: version,
  }),
};

/**
 * What snapshot and restore operations committed into a request's module call: the identifiers
 * of its manual snapshots (`aws_db_snapshot` in the module) and the snapshot it was restored
 * from. Every later rendering (a resize, another snapshot) carries it over.
 */
export interface CommittedSnapshots {
  snapshots: string[];
  restoreFromSnapshot?: string;
}

/** Inputs of the module call rendered for a request. */
export function moduleArguments(
  request: DatabaseRequest,
  defaultVersion: string,
): Record<string, unknown> {
  const args: Record<string, unknown> = {
    name: request.name,
    owner: request.owner.toLocaleLowerCase('en-US'),
    environment: request.environment,
    size: request.size,
    ...ENGINE_ARGUMENTS[request.type](
      request,
      request.version ?? defaultVersion,
    ),
    request_id: request.id,
  };
  if (request.system) args.system = request.system.toLocaleLowerCase('en-US');
  if (request.expiresAt) args.expires_at = request.expiresAt;
  return args;
}

/**
 * The arguments snapshot operations committed, only when there are some, so a module without
 * these variables still accepts the call of a request that has none.
 */
function snapshotArguments(
  committed: CommittedSnapshots | undefined,
): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (committed?.snapshots.length) args.snapshots = committed.snapshots;
  if (committed?.restoreFromSnapshot) {
    args.restore_from_snapshot = committed.restoreFromSnapshot;
  }
  return args;
}

/** HCL block label / identifier for a request: `<engine>_<name>`, hyphens kept (HCL allows them). */
export function moduleBlockName(request: DatabaseRequest): string {
  return `${request.type}_${request.name.replace(/[^a-z0-9-]/g, '_')}`;
}

/** A quoted HCL string; `${` and `%{` are escaped so no value is ever read as a template. */
function hclString(value: string): string {
  // Replacement functions, because '$$' in a replacement string means a single '$'.
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** Comment text that cannot end the comment and start a line of configuration. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function hclValue(value: unknown): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  throw new Error(`Cannot render ${typeof value} as HCL`);
}

/** Renders the request's file: the module call plus an output that surfaces its connection facts. */
export function renderModuleCall(
  request: DatabaseRequest,
  options: { moduleSource: string; defaultVersion: string },
  committed?: CommittedSnapshots,
): string {
  const block = moduleBlockName(request);
  const args = moduleArguments(request, options.defaultVersion);
  const width = Math.max(
    'source'.length,
    ...Object.keys(args).map(k => k.length),
  );
  const line = (key: string, value: string) =>
    `  ${key.padEnd(width)} = ${value}`;
  // Each in a group of its own (`terraform fmt` aligns per group), so taking a snapshot or
  // restoring changes only its own line of the diff approvers see.
  const extraLines = Object.entries(snapshotArguments(committed)).flatMap(
    ([key, value]) => ['', `  ${key} = ${hclValue(value)}`],
  );
  return [
    `# Managed by Paved for provisioning request ${oneLine(
      request.id,
    )}; change it through the portal.`,
    `# Requested by ${oneLine(request.requestedBy)}.`,
    `module ${hclString(block)} {`,
    line('source', hclString(options.moduleSource)),
    '',
    ...Object.entries(args).map(([key, value]) => line(key, hclValue(value))),
    ...extraLines,
    '}',
    '',
    `output ${hclString(block)} {`,
    `  description = ${hclString(
      `Connection facts of ${request.name} (${request.environment}); the password is in the secret, never here.`,
    )}`,
    '  value = {',
    `    host                   = module.${block}.host`,
    `    port                   = module.${block}.port`,
    `    database               = module.${block}.database`,
    `    username               = module.${block}.username`,
    `    credentials_secret_arn = module.${block}.credentials_secret_arn`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Parses a rendered file with the HCL parser and checks its module call against the module's
 * variables: unknown arguments, missing required ones, and values of the wrong type.
 * Returns the problems; empty when the call is valid.
 */
export async function validateModuleCall(
  fileName: string,
  hcl: string,
  variables: Map<string, ModuleVariable>,
): Promise<string[]> {
  let parsed: { module?: Record<string, Array<Record<string, unknown>>> };
  try {
    parsed = await parseHcl(fileName, hcl);
  } catch (error) {
    return [`${fileName} is not valid HCL: ${(error as Error).message}`];
  }
  const modules = Object.entries(parsed.module ?? {});
  if (modules.length !== 1) {
    return [
      `${fileName} must contain exactly one module block, found ${modules.length}`,
    ];
  }
  const [label, blocks] = modules[0];
  const call = blocks[0];
  const problems: string[] = [];
  if (typeof call.source !== 'string' || !call.source) {
    problems.push(`module "${label}": source is required`);
  }
  for (const [argument, value] of Object.entries(call)) {
    if (META_ARGUMENTS.has(argument)) continue;
    const variable = variables.get(argument);
    if (!variable) {
      problems.push(
        `module "${label}": unknown argument "${argument}" (the module has no such variable)`,
      );
      continue;
    }
    if (value === null && !variable.nullable) {
      problems.push(`module "${label}": ${argument} must not be null`);
      continue;
    }
    problems.push(
      ...checkValueAgainstType(
        value,
        variable.type,
        `module "${label}": ${argument}`,
      ),
    );
  }
  for (const variable of variables.values()) {
    if (variable.required && !(variable.name in call)) {
      problems.push(
        `module "${label}": missing required argument "${variable.name}"`,
      );
    }
  }
  return problems;
}

/** The snapshots a committed file's module call carries (none when the file has none). */
export async function readCommittedSnapshots(
  fileName: string,
  hcl: string | undefined,
): Promise<CommittedSnapshots> {
  if (hcl === undefined) return { snapshots: [] };
  const parsed = (await parseHcl(fileName, hcl)) as {
    module?: Record<string, Array<Record<string, unknown>>>;
  };
  const call = Object.values(parsed.module ?? {})[0]?.[0] ?? {};
  const snapshots = Array.isArray(call.snapshots)
    ? call.snapshots.filter((s): s is string => typeof s === 'string')
    : [];
  return typeof call.restore_from_snapshot === 'string'
    ? { snapshots, restoreFromSnapshot: call.restore_from_snapshot }
    : { snapshots };
}
