import { describe, expect, it } from 'vitest';
import { replaceSection } from '../../bench/benchmarks-md.js';

describe('replaceSection', () => {
  const md = '# Benchmarks\n\nintro\n\n## Ingest\n\nold figures\n\n## HTML extraction\n\ntheirs\n';

  it('replaces only the named section and keeps the others', () => {
    const out = replaceSection(md, 'Ingest', 'new figures');
    expect(out).toBe('# Benchmarks\n\nintro\n\n## Ingest\n\nnew figures\n\n## HTML extraction\n\ntheirs\n');
  });

  it('appends a section that is not there yet', () => {
    expect(replaceSection(md, 'Language layer', '12 ms')).toContain('theirs\n\n## Language layer\n\n12 ms\n');
  });
});
