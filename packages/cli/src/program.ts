import { Command, CommanderError } from 'commander';
import packageJson from '../package.json';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILED } from './errors';
import { OutputStream, Terminal } from './output/Terminal';
import { PortalClient } from './portal/PortalClient';
import { CredentialStore } from './session/CredentialStore';
import { PendingSignIn } from './session/oauthSignIn';
import { Session } from './session/Session';
import { registerSessionCommands } from './commands/session';
import { registerTemplateCommands } from './commands/templates';
import { registerCreateCommands } from './commands/create';
import { registerDatabaseCommands } from './commands/databases';
import { registerDoraCommands } from './commands/dora';

/** What the CLI runs against: the process in the executable, captured streams in tests. */
export interface CliEnvironment {
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Shows the user the portal page that approves a sign-in (prints it, opens a browser). */
  presentSignIn?: (pending: PendingSignIn) => Promise<void> | void;
  /** Answers a yes/no question on a terminal; absent when there is no one to ask. */
  confirm?: (question: string) => Promise<boolean>;
}

/** What every command gets: output, the credential store and, on demand, the portal. */
export interface CommandContext {
  readonly environment: CliEnvironment;
  readonly terminal: Terminal;
  readonly store: CredentialStore;
  /** Whether `--json` was given: machine output on stdout, nothing else there. */
  json(command: Command): boolean;
  session(): Promise<Session>;
  portal(): Promise<PortalClient>;
}

export function createProgram(environment: CliEnvironment): {
  program: Command;
  context: CommandContext;
} {
  const terminal = new Terminal(environment.stdout, environment.stderr);
  const store = CredentialStore.fromEnvironment(environment.env);
  let session: Promise<Session> | undefined;
  const context: CommandContext = {
    environment,
    terminal,
    store,
    json: command => Boolean(command.optsWithGlobals().json),
    session: () => (session ??= Session.resolve(environment.env, store)),
    portal: async () => new PortalClient(await context.session()),
  };

  const program = new Command('platform')
    .description(
      "Paved's command line: the portal's golden paths, databases and DORA measures from a terminal.",
    )
    .version(packageJson.version, '-V, --version')
    .option('--json', 'print machine-readable JSON on stdout')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run with --help for usage and examples)')
    .configureOutput({
      writeOut: text => environment.stdout.write(text),
      writeErr: text => environment.stderr.write(text),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Sign in first (development: --url http://localhost:7007; CI: PLATFORM_URL + PLATFORM_TOKEN):
  $ platform login --url https://paved.example.com
  $ platform create service payments-api --language go --team payments --db postgresql
  $ platform db list --team payments
  $ platform dora --team payments --window 30d --json

Exit codes: 0 success, 1 the operation failed, 2 bad usage or input, 3 not signed in.`,
    );

  registerSessionCommands(program, context);
  registerTemplateCommands(program, context);
  registerCreateCommands(program, context);
  registerDatabaseCommands(program, context);
  registerDoraCommands(program, context);

  // Subcommands inherit the output settings, so their usage errors land on the same streams.
  for (const command of allCommands(program)) {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .configureHelp({ showGlobalOptions: true });
    command.showHelpAfterError('(run with --help for usage and examples)');
  }
  return { program, context };
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap(child => [child, ...allCommands(child)]);
}

/** Runs `platform` with the given arguments (without `node` and the script); resolves the exit code. */
export async function runPlatform(
  args: string[],
  environment: CliEnvironment,
): Promise<number> {
  const { program, context } = createProgram(environment);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exitCode 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    if (error instanceof CliError) {
      if (error.message) context.terminal.error(error.message);
      return error.exitCode;
    }
    context.terminal.error(
      `unexpected failure: ${(error as Error)?.stack ?? String(error)}`,
    );
    return EXIT_FAILED;
  }
}
