import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DATABASE_REQUEST_STATUSES,
  DATABASE_SIZES,
  DATABASE_TYPES,
  ENVIRONMENTS,
  type CreateDatabaseRequest,
  type DatabaseCredentials,
  type DatabaseRequest,
} from '@paved/plugin-provisioning-common';
import { toEntityRef } from '../catalog/entityRefs';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILED, SilentExit } from '../errors';
import { CommandContext } from '../program';
import {
  databaseStateLine,
  fileDatabaseRequest,
  followDatabaseRequest,
  getDatabaseRequest,
  isDatabaseFailure,
} from '../provisioning/databaseRequests';
import { readTokenClaims } from '../session/tokens';
import { registerDatabaseOperationCommands } from './databaseOperations';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('must be a whole number of at least 1');
  }
  return parsed;
}

const REQUEST_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestId(value: string): string {
  if (!REQUEST_ID.test(value)) {
    throw new InvalidArgumentError(
      'must be a request id (a UUID, as `platform db list` shows)',
    );
  }
  return value.toLowerCase();
}

function requestPath(id: string): string {
  return `/requests/${encodeURIComponent(id)}`;
}

const EXAMPLES = `
Examples:
  $ platform db request orders --team payments                      # development, small, 10 GB
  $ platform db request orders --team payments --environment production --size medium --storage 50
  $ platform db request scratch --team payments --environment ephemeral --ttl 24
  $ platform db list --team payments --status ready
  $ platform db show 6f1c…  ;  platform db credentials 6f1c… --json | jq -r .connectionString
  $ platform db delete 6f1c… --yes`;

export function registerDatabaseCommands(
  program: Command,
  context: CommandContext,
): void {
  const { terminal } = context;
  const db = program
    .command('db')
    .description(
      'Self-service databases: request, list, show, credentials, extend, delete; day two: resize, rotate, snapshot, restore',
    )
    .addHelpText('after', EXAMPLES);

  db.command('request')
    .description(
      'Request a database; guardrails apply as in the portal, and production waits for an approval',
    )
    .argument(
      '<name>',
      'database name: a lowercase DNS label, unique for the team per environment',
    )
    .requiredOption(
      '--team <group>',
      'owning team (you must be a member), e.g. payments',
    )
    .addOption(
      new Option('--environment <env>', 'environment')
        .choices([...ENVIRONMENTS])
        .default('development'),
    )
    .addOption(
      new Option('--size <size>', 'instance size')
        .choices([...DATABASE_SIZES])
        .default('small'),
    )
    .option('--storage <GB>', 'storage in GB', positiveInteger, 10)
    .addOption(
      new Option('--type <type>', 'database engine')
        .choices([...DATABASE_TYPES])
        .default(DATABASE_TYPES[0]),
    )
    .option(
      '--engine-version <major>',
      "engine version, e.g. 16 (default: the portal's)",
    )
    .option(
      '--ttl <hours>',
      'ephemeral only: hours until it is deleted',
      positiveInteger,
    )
    .option('--system <system>', 'system the database belongs to')
    .option('--component <component>', 'component that uses the database')
    .option(
      '--idempotency-key <key>',
      'repeat a request safely: the same key returns the request filed first',
    )
    .option(
      '--no-wait',
      'return once the request is filed instead of waiting until it is ready',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (name: string, options, command: Command) => {
      const body: CreateDatabaseRequest = {
        type: options.type,
        name,
        owner: toEntityRef('--team', options.team, 'group'),
        environment: options.environment,
        size: options.size,
        storageGB: options.storage,
        ...(options.engineVersion ? { version: options.engineVersion } : {}),
        ...(options.ttl ? { ttlHours: options.ttl } : {}),
        ...(options.system
          ? { system: toEntityRef('--system', options.system, 'system') }
          : {}),
        ...(options.component
          ? {
              component: toEntityRef(
                '--component',
                options.component,
                'component',
              ),
            }
          : {}),
      };
      const portal = await context.portal();
      let request = await fileDatabaseRequest(
        portal,
        body,
        options.idempotencyKey,
      );
      if (options.wait) {
        request = await followDatabaseRequest({ portal, request, terminal });
      }
      if (context.json(command)) {
        terminal.json(request);
      } else {
        (isDatabaseFailure(request) ? terminal.bad : terminal.ok).call(
          terminal,
          databaseStateLine(request),
        );
      }
      if (isDatabaseFailure(request)) throw new SilentExit(EXIT_FAILED);
    });

  db.command('list')
    .description('List database requests you may see, newest first')
    .option('--team <group>', "only this team's (comma-separated for several)")
    .option(
      '--status <status>',
      `only these states (comma-separated): ${DATABASE_REQUEST_STATUSES.join(
        ', ',
      )}`,
    )
    .option('--mine', 'only the ones you requested')
    .addHelpText('after', EXAMPLES)
    .action(async (options, command: Command) => {
      const portal = await context.portal();
      const owner = options.team
        ? String(options.team)
            .split(',')
            .map((team: string) => toEntityRef('--team', team.trim(), 'group'))
            .join(',')
        : undefined;
      let requestedBy: string | undefined;
      if (options.mine) {
        requestedBy = readTokenClaims(await portal.session.token())?.sub;
        if (!requestedBy) {
          throw new CliError(
            "--mine: the token is not a user's (PLATFORM_TOKEN of a service?)",
            EXIT_BAD_INPUT,
          );
        }
      }
      const { items } = await portal.get<{ items: DatabaseRequest[] }>(
        'provisioning',
        '/requests',
        { owner, status: options.status, requestedBy },
      );
      if (context.json(command)) {
        terminal.json(items);
        return;
      }
      terminal.table(
        [
          { header: 'ID', value: r => r.id },
          { header: 'NAME', value: r => r.name },
          {
            header: 'TEAM',
            value: r => r.owner.replace(/^group:default\//, ''),
          },
          { header: 'ENV', value: r => r.environment },
          { header: 'SIZE', value: r => `${r.size}/${r.storageGB}GB` },
          { header: 'STATUS', value: r => r.status },
          {
            header: 'CREATED',
            value: r => r.createdAt.slice(0, 16).replace('T', ' '),
          },
        ],
        items,
        'No database requests.',
      );
    });

  db.command('show')
    .description(
      'Show a request: its state, connection facts (no password) and audit trail',
    )
    .argument('<id>', 'request id', requestId)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, _options, command: Command) => {
      const request = await getDatabaseRequest(await context.portal(), id);
      if (context.json(command)) {
        terminal.json(request);
        return;
      }
      terminal.print(`${terminal.bold(request.name)}  ${request.status}`);
      const facts: Array<[string, string | undefined]> = [
        ['id', request.id],
        ['team', request.owner],
        ['environment', request.environment],
        ['size', `${request.size}, ${request.storageGB} GB`],
        ['engine', `${request.type} ${request.version ?? ''}`.trim()],
        ['provider', request.provider],
        ['system', request.system],
        ['component', request.component],
        ['requested by', request.requestedBy],
        ['approval', request.approvalRequired ? 'required' : 'not required'],
        ['expires', request.expiresAt],
        ['catalog', request.resourceEntityRef],
        [
          'connection',
          request.outputs
            ? `${request.outputs.username}@${request.outputs.host}:${request.outputs.port}/${request.outputs.database}`
            : undefined,
        ],
        ['failure', request.failureReason],
      ];
      for (const [label, value] of facts) {
        if (value) terminal.print(`  ${label.padEnd(13)}${value}`);
      }
      terminal.print();
      terminal.table(
        [
          {
            header: 'WHEN',
            value: e => e.createdAt.slice(0, 19).replace('T', ' '),
          },
          { header: 'WHO', value: e => e.actor },
          { header: 'WHAT', value: e => e.action },
          {
            header: 'DETAIL',
            value: e =>
              [e.toStatus ? `→ ${e.toStatus}` : '', e.message ?? '']
                .filter(Boolean)
                .join('  '),
          },
        ],
        request.events ?? [],
        'No audit entries.',
      );
    });

  db.command('credentials')
    .description(
      "Reveal a ready database's credentials (audited; owners and the platform team)",
    )
    .argument('<id>', 'request id', requestId)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, _options, command: Command) => {
      const credentials = await (
        await context.portal()
      ).get<DatabaseCredentials>(
        'provisioning',
        `${requestPath(id)}/credentials`,
      );
      if (context.json(command)) {
        terminal.json(credentials);
        return;
      }
      terminal.print(`host      ${credentials.host}:${credentials.port}`);
      terminal.print(`database  ${credentials.database}`);
      terminal.print(`username  ${credentials.username}`);
      terminal.print(`password  ${credentials.password}`);
      terminal.print(`url       ${credentials.connectionString}`);
    });

  db.command('extend')
    .description('Extend an ephemeral database before it expires')
    .argument('<id>', 'request id', requestId)
    .option(
      '--hours <n>',
      'new time to live from now (default: its ttl)',
      positiveInteger,
    )
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, options, command: Command) => {
      const { body: request } = await (
        await context.portal()
      ).request<DatabaseRequest>('provisioning', `${requestPath(id)}/extend`, {
        method: 'POST',
        body: options.hours ? { hours: options.hours } : {},
      });
      if (context.json(command)) {
        terminal.json(request);
      } else {
        terminal.ok(
          `Database ${request.name} now expires at ${request.expiresAt}`,
        );
      }
    });

  db.command('delete')
    .description(
      'Delete a database (a request awaiting approval is withdrawn); owners and the platform team',
    )
    .argument('<id>', 'request id', requestId)
    .option(
      '-y, --yes',
      'do not ask for confirmation (required without a terminal)',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, options, command: Command) => {
      const portal = await context.portal();
      const request = await getDatabaseRequest(portal, id);
      if (!options.yes) {
        const question = `Delete database ${request.name} (${request.environment}, ${request.owner})? Its data is lost.`;
        if (!context.environment.confirm) {
          throw new CliError(
            `--yes: required to delete without a terminal (${request.name}, ${request.environment})`,
            EXIT_BAD_INPUT,
          );
        }
        if (!(await context.environment.confirm(question))) {
          throw new CliError('Not deleted', EXIT_FAILED);
        }
      }
      await portal.request('provisioning', requestPath(id), {
        method: 'DELETE',
      });
      const after = await followDatabaseRequest({
        portal,
        request: await getDatabaseRequest(portal, id),
        terminal,
      });
      if (context.json(command)) {
        terminal.json(after);
      } else {
        terminal.ok(
          `Database ${after.name} (${after.environment}) is ${after.status}`,
        );
      }
    });

  registerDatabaseOperationCommands(db, context);
}
