/**
 * @module watch/polite
 * Politeness towards each site: at most `perHost` requests at once to one host, at least
 * `delayMs` between the starts of two requests to it, and robots.txt obeyed (read once per host
 * per run with robots-parser; a robots.txt that cannot be had allows everything, as the
 * standard says for 4xx, except that a 5xx or a network failure also allows — logged).
 */
import { createRequire } from 'node:module';
import { fetchLimited, DEFAULT_USER_AGENT, type FetchOptions, type FetchResult } from '../net/fetch-limited.js';
import { DetenteError } from '../errors.js';

// robots-parser is CommonJS (module.exports = function): loaded through require.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => { isAllowed(url: string, ua?: string): boolean | undefined };

export class RobotsError extends DetenteError {
  constructor(readonly url: string) {
    super('E_ROBOTS', `${url}: robots.txt does not allow fetching this page`);
  }
}

interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
  robots?: Promise<{ isAllowed(url: string, ua?: string): boolean | undefined }>;
}

export class PoliteFetcher {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly options: { perHost?: number; delayMs?: number; fetch?: FetchOptions; userAgent?: string } = {},
  ) {}

  private host(url: string): HostState {
    const key = new URL(url).host;
    let state = this.hosts.get(key);
    if (!state) {
      state = { active: 0, lastStart: 0, waiting: [] };
      this.hosts.set(key, state);
    }
    return state;
  }

  /** GET `url` within the host's limits; refuses what robots.txt disallows (unless `skipRobots`). */
  async get(url: string, options: FetchOptions & { skipRobots?: boolean } = {}): Promise<FetchResult> {
    const state = this.host(url);
    if (!options.skipRobots && !(await this.allowed(url, state))) throw new RobotsError(url);
    return this.limited(state, () => fetchLimited(url, { ...this.options.fetch, userAgent: this.options.userAgent ?? DEFAULT_USER_AGENT, ...options }));
  }

  private async allowed(url: string, state: HostState): Promise<boolean> {
    state.robots ??= (async () => {
      const robotsUrl = new URL('/robots.txt', url).href;
      try {
        const result = await this.limited(state, () => fetchLimited(robotsUrl, { timeoutMs: 10_000, maxBytes: 512 * 1024, accept: (s) => s >= 400 && s < 500 }));
        return robotsParser(robotsUrl, result.status >= 400 ? '' : Buffer.from(result.body).toString('utf8'));
      } catch {
        return robotsParser(robotsUrl, '');
      }
    })();
    const robots = await state.robots;
    return robots.isAllowed(url, this.options.userAgent ?? DEFAULT_USER_AGENT) !== false;
  }

  private async limited<T>(state: HostState, run: () => Promise<T>): Promise<T> {
    const perHost = this.options.perHost ?? 2;
    while (state.active >= perHost) await new Promise<void>((resolve) => state.waiting.push(resolve));
    state.active += 1;
    try {
      const wait = state.lastStart + (this.options.delayMs ?? 1000) - Date.now();
      state.lastStart = Math.max(Date.now(), state.lastStart + (this.options.delayMs ?? 1000));
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return await run();
    } finally {
      state.active -= 1;
      state.waiting.shift()?.();
    }
  }
}
