import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DATABASE_SIZES,
  type CreateDatabaseOperation,
  type DatabaseOperation,
} from '@paved/plugin-provisioning-common';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILED, SilentExit } from '../errors';
import { CommandContext } from '../program';
import { getDatabaseRequest } from '../provisioning/databaseRequests';
import {
  followDatabaseOperation,
  isOperationFailure,
  listDatabaseOperations,
  listDatabaseSnapshots,
  operationStateLine,
  startDatabaseOperation,
} from '../provisioning/databaseOperations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(what: string) {
  return (value: string): string => {
    if (!UUID.test(value)) {
      throw new InvalidArgumentError(`must be ${what} (a UUID)`);
    }
    return value.toLowerCase();
  };
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('must be a whole number of at least 1');
  }
  return parsed;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

const EXAMPLES = `
Examples (day two: each is a tracked operation, approved where policy says so):
  $ platform db resize 6f1c… --size medium --storage 50
  $ platform db rotate 6f1c…            # the old password keeps working for the grace period
  $ platform db snapshot 6f1c… --label before-migration
  $ platform db snapshots 6f1c…
  $ platform db restore 6f1c… --snapshot 0a9e… --yes   # takes a safety snapshot first
  $ platform db operations 6f1c…`;

/** `platform db resize|rotate|snapshot|snapshots|restore|operations`: day-2 operations. */
export function registerDatabaseOperationCommands(
  db: Command,
  context: CommandContext,
): void {
  const { terminal } = context;
  const requestId = uuid('a request id, as `platform db list` shows');

  async function run(
    id: string,
    body: CreateDatabaseOperation,
    command: Command,
  ): Promise<void> {
    const portal = await context.portal();
    const started = await startDatabaseOperation(portal, id, body);
    const operation = await followDatabaseOperation({
      portal,
      operation: started,
      terminal,
    });
    if (context.json(command)) {
      terminal.json(operation);
    } else if (isOperationFailure(operation)) {
      terminal.error(operationStateLine(operation));
    } else {
      terminal.ok(operationStateLine(operation));
      if (operation.plannedChange) terminal.print(operation.plannedChange);
    }
    if (isOperationFailure(operation)) throw new SilentExit(EXIT_FAILED);
  }

  db.command('resize')
    .description(
      'Change the size and/or storage of a ready database (guardrails apply; production needs an approval)',
    )
    .argument('<id>', 'request id', requestId)
    .addOption(
      new Option('--size <size>', 'new instance size').choices(DATABASE_SIZES),
    )
    .option('--storage <gb>', 'new storage in GB', positiveInteger)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, options, command: Command) => {
      if (!options.size && !options.storage) {
        throw new CliError(
          '--size or --storage: give at least one (rule: resize-changes-something)',
          EXIT_BAD_INPUT,
        );
      }
      await run(
        id,
        {
          type: 'resize',
          ...(options.size ? { size: options.size } : {}),
          ...(options.storage ? { storageGB: options.storage } : {}),
        },
        command,
      );
    });

  db.command('rotate')
    .description(
      'Issue new credentials; the old ones keep working for the grace period, then are revoked',
    )
    .argument('<id>', 'request id', requestId)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, _options, command: Command) => {
      await run(id, { type: 'rotate-credentials' }, command);
    });

  db.command('snapshot')
    .description('Take a snapshot of a ready database')
    .argument('<id>', 'request id', requestId)
    .option(
      '--label <text>',
      'what the snapshot is for (at most 100 characters)',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, options, command: Command) => {
      if (options.label !== undefined && options.label.length > 100) {
        throw new CliError(
          '--label: must be at most 100 characters (rule: max-length)',
          EXIT_BAD_INPUT,
        );
      }
      await run(
        id,
        {
          type: 'snapshot',
          ...(options.label ? { label: options.label } : {}),
        },
        command,
      );
    });

  db.command('restore')
    .description(
      "Replace a database's content with a snapshot's (a safety snapshot is taken first; production needs an approval)",
    )
    .argument('<id>', 'request id', requestId)
    .requiredOption(
      '--snapshot <id>',
      'snapshot id, as `platform db snapshots` shows',
      uuid('a snapshot id, as `platform db snapshots` shows'),
    )
    .option(
      '-y, --yes',
      'do not ask for confirmation (required without a terminal)',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, options, command: Command) => {
      if (!options.yes) {
        const request = await getDatabaseRequest(await context.portal(), id);
        const question = `Restore database ${request.name} (${request.environment}) from snapshot ${options.snapshot}? Changes since then are replaced (a safety snapshot is taken first).`;
        if (!context.environment.confirm) {
          throw new CliError(
            `--yes: required to restore without a terminal (${request.name}, ${request.environment})`,
            EXIT_BAD_INPUT,
          );
        }
        if (!(await context.environment.confirm(question))) {
          throw new CliError('Not restored', EXIT_FAILED);
        }
      }
      await run(id, { type: 'restore', snapshotId: options.snapshot }, command);
    });

  db.command('snapshots')
    .description("A database's snapshots, newest first, with size and expiry")
    .argument('<id>', 'request id', requestId)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, _options, command: Command) => {
      const snapshots = await listDatabaseSnapshots(await context.portal(), id);
      if (context.json(command)) {
        terminal.json(snapshots);
        return;
      }
      terminal.table(
        [
          { header: 'ID', value: s => s.id },
          { header: 'KIND', value: s => s.kind },
          { header: 'LABEL', value: s => s.label ?? '' },
          { header: 'SIZE', value: s => megabytes(s.sizeBytes) },
          { header: 'TAKEN', value: s => s.createdAt },
          { header: 'EXPIRES', value: s => s.expiresAt },
        ],
        snapshots,
        'No snapshots.',
      );
    });

  db.command('operations')
    .description("A database's operations, newest first")
    .argument('<id>', 'request id', requestId)
    .addHelpText('after', EXAMPLES)
    .action(async (id: string, _options, command: Command) => {
      const operations = await listDatabaseOperations(
        await context.portal(),
        id,
      );
      if (context.json(command)) {
        terminal.json(operations);
        return;
      }
      terminal.table<DatabaseOperation>(
        [
          { header: 'ID', value: o => o.id },
          { header: 'TYPE', value: o => o.type },
          {
            header: 'STATUS',
            value: o =>
              o.phase === 'grace' ? `${o.status} (grace)` : o.status,
          },
          {
            header: 'BY',
            value: o => o.requestedBy.replace(/^user:default\//, ''),
          },
          { header: 'ASKED', value: o => o.createdAt },
        ],
        operations,
        'No operations.',
      );
    });
}
