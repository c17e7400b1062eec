/**
 * Writes benchmark figures into docs/benchmarks.md, replacing only the named "## " sections
 * and leaving every other section (other benchmarks write theirs) as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmarks\n\nFigures from `npm run bench` and the other bench scripts. Compare numbers only from the same machine.\n';

/** Replaces the body of `## heading` (up to the next "## "), or appends the section. */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  const section = [`## ${heading}`, '', ...body.trimEnd().split('\n'), ''];
  if (start < 0) return markdown.trimEnd() + '\n\n' + section.join('\n');
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n');
}

export function updateBenchmarks(path: string, sections: Record<string, string>): void {
  let markdown = existsSync(path) ? readFileSync(path, 'utf8') : TITLE;
  for (const [heading, body] of Object.entries(sections)) markdown = replaceSection(markdown, heading, body);
  writeFileSync(path, markdown.trimEnd() + '\n');
}
