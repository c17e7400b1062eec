/**
 * Bad input must give a 4xx whose message names the parameter, never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { fixtureCorpus, tempStore, type TempStore } from './fixtures.js';
import { expectError, type App } from './helpers.js';

let t: TempStore;
let app: App;

beforeAll(async () => {
  t = await tempStore(fixtureCorpus());
  app = createApp({ store: t.store });
});
afterAll(async () => t.cleanup());

describe('parameter validation', () => {
  it.each([
    ['/api/events?limit=0', 'limit'],
    ['/api/events?limit=1001', 'limit'],
    ['/api/events?limit=ten', 'limit'],
    ['/api/events?limit=2.5', 'limit'],
    ['/api/events?dyad=USA', 'dyad'],
    ['/api/events?dyad=USA,RUS,CHN', 'dyad'],
    ['/api/events?directed=maybe&dyad=USA,RUS', 'directed'],
    ['/api/events?directed=true', 'directed'],
    ['/api/events?country=US', 'country'],
    ['/api/events?actor=U$A', 'actor'],
    ['/api/events?root=1', 'root'],
    ['/api/events?code=12345', 'code'],
    ['/api/events?quad_class=5', 'quad_class'],
    ['/api/events?quad_class=x', 'quad_class'],
    ['/api/events?from=2026-13', 'from'],
    ['/api/events?to=yesterday', 'to'],
    ['/api/events?from=2026-02&to=2026-01', 'from'],
    ['/api/events?modality=maybe', 'modality'],
    ['/api/events?cursor=not-a-cursor', 'cursor'],
    ['/api/events?cursor=' + 'x'.repeat(1001), 'cursor'],
    ['/api/events?q=' + 'x'.repeat(201), 'q'],
    ['/api/events?format=xml', 'format'],
    ['/api/events?colour=red', 'colour'],
    ['/api/dyads?limit=-1', 'limit'],
    ['/api/dyads/US/RUS/timeline', 'a'],
    ['/api/dyads/USA/R1S/timeline', 'b'],
    ['/api/dyads/USA/RUS/timeline?bucket=year', 'bucket'],
    ['/api/dyads/USA/RUS/timeline?from=2026-1', 'from'],
    ['/api/articles?offset=-3', 'offset'],
    ['/api/actors', 'q'],
    ['/api/actors?q=', 'q'],
    ['/api/quotes?limit=100000', 'limit'],
    ['/api/events?dyad=USA,RUS&dyad=CHN,USA', 'dyad'],
  ])('%s → 400 naming "%s"', async (path, name) => {
    const error = await expectError(await app.request(path), 400, `"${name}"`);
    expect(error.code).toBe('E_BAD_PARAMETER');
  });

  it('says when a parameter is repeated', async () => {
    const error = await expectError(await app.request('/api/events?country=USA&country=RUS'), 400, '"country"');
    expect(error.message).toContain('more than once');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    await expectError(await app.request('/api/nothing-here'), 404, '/api/nothing-here');
  });

  it('never leaks a 5xx for odd but well-formed input', async () => {
    const odd = [
      '/api/events?q=%22%29%20OR%201%3D1%20--',
      '/api/events?q=NEAR(a%20b)%20*',
      '/api/events?article=%00%01',
      '/api/actors?q=%25_%5C',
      '/api/quotes?q=%22&speaker=%25',
      '/api/articles/%2E%2E%2Fetc%2Fpasswd',
      '/api/events?cursor=WyJ4IiwxXQ',
    ];
    for (const path of odd) expect((await app.request(path)).status, path).toBeLessThan(500);
  });
});
