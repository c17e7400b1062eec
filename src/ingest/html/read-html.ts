/**
 * @module ingest/html/read-html
 * Reader for saved HTML pages: one file is one article, found by Readability. The page's
 * own charset declaration is honoured.
 */
import type { InputReader } from '../source.js';
import { decodeText } from '../decode.js';
import { prepareHtml } from '../prepare.js';
import { attempt, fail } from '../results.js';
import { resolveLimits } from '../limits.js';

export const htmlReader: InputReader = {
  name: 'ingest.html.v1',
  extensions: ['.html', '.htm', '.xhtml'],
  async *read(source, options) {
    let html: string;
    try {
      html = decodeText(await source.bytes(), source.name, null, { legacyFallback: true });
    } catch (error) {
      yield fail(error, source.name);
      return;
    }
    const provenance = { reader: htmlReader.name, input: source.name, item: null };
    yield attempt(source.name, () => prepareHtml(html, { fallbackPublished: options.published }, provenance, resolveLimits(options)));
  },
};
