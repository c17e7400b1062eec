/**
 * @module cli/command
 * What every command module exports: how to declare its arguments and options on a
 * commander Command, and how to run with the parsed values, returning the exit code.
 */
import type { Command } from 'commander';

export interface CliCommand {
  /** Adds arguments and options (including --db) to `command`. */
  configure(command: Command): void;
  /** Runs with commander's processed arguments and options; resolves to the exit code. */
  run(args: unknown[], options: Record<string, unknown>): Promise<number>;
}

/** Exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** Some items failed; each is named on stderr. */
  someFailed: 1,
  /** Unknown command or flag, or a bad value (the message names the flag). */
  usage: 2,
} as const;
