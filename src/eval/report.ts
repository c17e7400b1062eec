/**
 * @module eval/report
 * Renders an evaluation report for people (aligned text) or machines (JSON).
 */
import type { EvalReport, RecordResult } from './evaluate.js';
import type { PassageReport } from './passages.js';
import type { Triple } from './score.js';

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function triple(t: Triple): string {
  return `${t.source ?? '-'}>${t.target ?? '-'}:${t.code}`;
}

/** The records with the most errors (false negatives plus false positives), worst first. */
export function worstRecords(report: EvalReport, n: number): RecordResult[] {
  return report.results
    .filter((r) => r.falseNegatives.length + r.falsePositives.length > 0)
    .sort((a, b) => b.falseNegatives.length + b.falsePositives.length - (a.falseNegatives.length + a.falsePositives.length))
    .slice(0, n);
}

/** A plain-text report: the three levels, the per-root table and the `worst` worst records. */
export function formatReport(report: EvalReport, worst = 10): string {
  const lines: string[] = [];
  lines.push(`records ${report.records}, gold events ${report.goldEvents}, predicted asserted events ${report.predictedEvents}`);
  lines.push('');
  lines.push('level                      precision  recall     F1     tp   fp   fn');
  const names = { code: 'source, target, code', root: 'source, target, root', quad: 'source, target, QuadClass' } as const;
  for (const level of ['code', 'root', 'quad'] as const) {
    const m = report.levels[level];
    lines.push(`${names[level].padEnd(26)} ${pct(m.precision)}     ${pct(m.recall)}  ${pct(m.f1)}  ${String(m.tp).padStart(5)}${String(m.fp).padStart(5)}${String(m.fn).padStart(5)}`);
  }
  lines.push('');
  const rs = report.roles;
  lines.push(`right root with source and target both right: ${rs.bothRight} of ${rs.rootPairs} (${pct(rs.share).trim()} %)`);
  lines.push('');
  lines.push('root  precision  recall     F1  support');
  for (const r of report.roots) {
    lines.push(`${r.root.padEnd(4)}  ${pct(r.precision)}     ${pct(r.recall)}  ${pct(r.f1)}  ${String(r.support).padStart(7)}`);
  }
  const bad = worstRecords(report, worst);
  if (bad.length > 0) {
    lines.push('');
    lines.push(`worst ${bad.length} records (false negatives FN, false positives FP, at the full-code level):`);
    for (const r of bad) {
      lines.push(`- ${r.id}: ${r.text.length > 220 ? r.text.slice(0, 217) + '...' : r.text}`);
      for (const t of r.falseNegatives) lines.push(`    FN ${triple(t)}`);
      for (const t of r.falsePositives) {
        const i = r.predicted.indexOf(t);
        lines.push(`    FP ${triple(t)}${i >= 0 ? `  (${r.rules[i]})` : ''}`);
      }
      for (const e of r.errors) lines.push(`    error: ${e}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The machine-readable form: the report without per-record detail except the worst records. */
export function reportJson(report: EvalReport, worst = 10): object {
  const { results: _results, ...summary } = report;
  return { ...summary, worst: worstRecords(report, worst) };
}

/** A plain-text report for passage-labelled gold: shares found, per root, and `worst` misses. */
export function formatPassageReport(report: PassageReport, worst = 10): string {
  const lines: string[] = [];
  lines.push(`passages ${report.passages}: an asserted event with the passage's root in ${report.rootFound} (${pct(report.rootRate).trim()} %), with its full code in ${report.codeFound} (${pct(report.codeRate).trim()} %)`);
  lines.push('');
  lines.push('root  passages  root found  code found');
  for (const r of report.roots) {
    lines.push(`${r.root.padEnd(4)}  ${String(r.passages).padStart(8)}  ${String(r.rootFound).padStart(10)}  ${String(r.codeFound).padStart(10)}`);
  }
  const missed = report.results.filter((r) => !r.rootFound).slice(0, worst);
  if (missed.length > 0) {
    lines.push('');
    lines.push(`first ${missed.length} passages without an event of their root:`);
    for (const r of missed) {
      lines.push(`- ${r.id} (${r.code}): ${r.text.length > 220 ? r.text.slice(0, 217) + '...' : r.text}`);
      lines.push(`    coded: ${r.predicted.length === 0 ? 'nothing' : r.predicted.map((c, i) => `${c} (${r.rules[i]})`).join(', ')}`);
      for (const e of r.errors) lines.push(`    error: ${e}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The machine-readable passage report: the summary and the first `worst` passages missed at the root level. */
export function passageReportJson(report: PassageReport, worst = 10): object {
  const { results, ...summary } = report;
  return { ...summary, missed: results.filter((r) => !r.rootFound).slice(0, worst) };
}
