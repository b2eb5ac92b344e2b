import { Command, InvalidArgumentError, Option } from 'commander';
import { toEntityRef } from '../catalog/entityRefs';
import { EXIT_FAILED, SilentExit } from '../errors';
import { CommandContext } from '../program';
import { createService, LANGUAGES } from '../goldenPaths/createService';
import {
  databaseStateLine,
  isDatabaseFailure,
} from '../provisioning/databaseRequests';

function oneLine(value: string): string {
  if (/[\r\n]/.test(value) || value.length > 200) {
    throw new InvalidArgumentError(
      'must be one line of at most 200 characters',
    );
  }
  return value;
}

export function registerCreateCommands(
  program: Command,
  context: CommandContext,
): void {
  const create = program
    .command('create')
    .description('Create something from a golden path');

  create
    .command('service')
    .description(
      'Create a service from its golden path: repository, CI/CD, Dockerfile, Helm chart, docs, catalog entry',
    )
    .argument(
      '<name>',
      'service, component and repository name (lower-case letters, digits, dashes)',
    )
    .addOption(
      new Option('--language <language>', 'the golden path')
        .choices([...LANGUAGES])
        .makeOptionMandatory(),
    )
    .requiredOption('--team <group>', 'owning team, e.g. payments')
    .option(
      '--system <system>',
      "system it belongs to (default: the team's only system)",
    )
    .option('--description <text>', 'what it does, in one sentence', oneLine)
    .addOption(
      new Option('--api <api>', 'its interface')
        .choices(['http', 'grpc'])
        .default('http'),
    )
    .addOption(
      new Option(
        '--db <engine>',
        'also request a development database for it',
      ).choices(['postgresql']),
    )
    .addHelpText(
      'after',
      `
The name and team are checked first, with the portal form's messages; nothing is created when
one is wrong. Progress streams to stderr; the checklist at the end is read back from the task,
the catalog and provisioning. Exit code 0 only when everything asked for succeeded.

Examples:
  $ platform create service payments-api --language go --team payments
  $ platform create service payment-service --language go --team payments --db postgresql
  $ platform create service ledger --language python --team payments --system payments --api grpc --json`,
    )
    .action(async (name: string, options, command: Command) => {
      const portal = await context.portal();
      const session = await context.session();
      const result = await createService({
        portal,
        terminal: context.terminal,
        appUrl: session.appUrl,
        input: {
          name,
          language: options.language,
          owner: toEntityRef('--team', options.team, 'group'),
          system: options.system
            ? toEntityRef('--system', options.system, 'system')
            : undefined,
          description: options.description,
          api: options.api,
          database: options.db,
        },
      });
      const failed =
        result.status !== 'completed' ||
        !result.inCatalog ||
        (result.database !== null && isDatabaseFailure(result.database));

      const { terminal } = context;
      if (context.json(command)) {
        terminal.json(result);
      } else if (result.status !== 'completed') {
        terminal.bad(
          `The golden path ${result.status} (task ${result.taskId}): ${
            result.error ?? 'no reason given'
          }`,
        );
      } else {
        const mark = (ok: boolean, text: string) =>
          ok ? terminal.ok(text) : terminal.bad(text);
        mark(
          Boolean(result.repository),
          `Repository: ${result.repository ?? 'none in the task output'}`,
        );
        mark(
          result.inCatalog,
          result.inCatalog
            ? `Registered in the catalog: ${result.entityRef} (owner ${
                result.owner
              }${result.system ? `, system ${result.system}` : ''}; ${
                result.template
              }${result.templateVersion ? ` ${result.templateVersion}` : ''})`
            : `Not in the catalog: ${
                result.entityRef ?? 'the task named no entity'
              }`,
        );
        mark(
          Boolean(result.docsUrl),
          `Docs: ${result.docsUrl ?? 'no TechDocs for this entity'}`,
        );
        if (result.database) {
          const line = databaseStateLine(result.database);
          if (isDatabaseFailure(result.database)) terminal.bad(line);
          else if (result.database.status === 'ready') terminal.ok(line);
          else terminal.pending(line);
          mark(
            result.dependsOn.length > 0,
            `Depends on: ${
              result.dependsOn.join(', ') || 'nothing in the catalog'
            }`,
          );
        } else if (options.db) {
          terminal.bad('Database: not requested (the service was not created)');
        }
      }
      if (failed) throw new SilentExit(EXIT_FAILED);
    });
}
