/**
 * @module cli/commands/eval
 * `detente eval GOLD.jsonl [--json] [--worst N]`: runs the full default pipeline on each gold
 * record (its text, published on its date), keeps the asserted events and prints precision,
 * recall and F1 at the code, root and QuadClass levels, a per-root table and the worst misses.
 * For passage-labelled gold (`{id, code, text}` per line) it prints instead the share of
 * passages with an asserted event of the passage's root and of its full code.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT, type CliCommand } from '../../command.js';
import { UsageError } from '../../../errors.js';
import { evaluate, evaluatePassages, formatPassageReport, formatReport, passageReportJson, readGoldFile, reportJson } from '../../../eval/index.js';

export const command: CliCommand = {
  configure(cmd: Command) {
    cmd
      .argument('<gold>', 'gold JSONL file: {"id", "date", "text", "events": [{"source", "target", "code"}]} per line, or passages {"id", "code", "text"}')
      .option('--json', 'print the report as one JSON object')
      .option('--worst <n>', 'how many of the worst records to list', '10');
  },
  async run(args, options) {
    const gold = String(args[0]);
    const worst = Number(options.worst ?? 10);
    if (!Number.isInteger(worst) || worst < 0) throw new UsageError(`--worst: expected a whole number ≥ 0, found "${String(options.worst)}"`);
    if (!existsSync(gold)) throw new UsageError(`eval: gold file "${gold}" not found; give a JSONL file of {"id", "date", "text", "events"} or {"id", "code", "text"} records`);
    const file = readGoldFile(gold);
    if (file.kind === 'passages') {
      const report = evaluatePassages(file.records);
      if (options.json) process.stdout.write(JSON.stringify(passageReportJson(report, worst)) + '\n');
      else process.stdout.write(formatPassageReport(report, worst));
      return EXIT.ok;
    }
    const report = evaluate(file.records);
    if (options.json) process.stdout.write(JSON.stringify(reportJson(report, worst)) + '\n');
    else process.stdout.write(formatReport(report, worst));
    return EXIT.ok;
  },
};
