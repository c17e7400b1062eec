/**
 * @module cli/main
 * The `detente` entry point: finds the command in the table, loads it, parses its flags with
 * commander and maps every way of ending to an exit code (0 ok, 1 some items failed, 2 usage).
 * Machine output goes to stdout; messages, progress and errors to stderr.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { DetenteError, ExitError, InternalError, UsageError } from '../errors.js';
import { commands } from './commands.js';
import { EXIT } from './command.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function topHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    'Usage: detente <command> [options]',
    '',
    'Turns news articles into coded political event data (CAMEO), each event traceable to its sentence.',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --db <path> (default: $DETENTE_DB or ./detente.db).',
    'Run "detente <command> --help" for its options.',
    'Exit codes: 0 all well, 1 some items failed (each named on stderr), 2 usage error.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`detente events | head`) is a normal way for output to end.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(topHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    process.stderr.write(`detente: unknown command "${name}"\n\n${topHelp()}`);
    return EXIT.usage;
  }
  try {
    const { command } = await entry.load();
    let exitCode: number = EXIT.ok;
    const cli = new Command(`detente ${name}`)
      .description(entry.summary)
      .exitOverride()
      .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
    command.configure(cli);
    cli.action(async function (this: Command) {
      exitCode = await command.run(this.processedArgs as unknown[], this.opts());
    });
    await cli.parseAsync(rest, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (which names the flag or argument).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ExitError) {
    if (error.message) process.stderr.write(`detente: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`detente: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof InternalError || !(error instanceof DetenteError)) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`detente: unexpected error: ${detail}\n(this is a bug in Détente: please open an issue with the command and input)\n`);
    return EXIT.someFailed;
  }
  process.stderr.write(`detente: ${error.message}\n`);
  return EXIT.someFailed;
}
