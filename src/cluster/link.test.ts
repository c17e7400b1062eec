import { describe, expect, it } from 'vitest';
import type { CodedEvent } from '../model/event.js';
import { clusterKey, datesCompatible, dateWindow, sameEvent, type Report } from './link.js';
import { clusterRules, codesCompatible } from './rules.js';
import { clusterId, summarise } from './summary.js';

const rules = clusterRules();

function event(over: Partial<CodedEvent> & { text: string }): CodedEvent {
  const actor = (code: string) => ({ code, country: code.slice(0, 3), role: code.slice(3) || null, name: null, text: code, start: 0, end: 1 });
  return {
    id: 'e1', code: '190', root: '19', quad_class: 4, goldstein: -10, source: actor('USAMIL'), target: actor('IRN'),
    date: '1987-10-19', date_source: 'text', location: null, sentence: 0,
    evidence: { start: 0, end: over.text.length, text: over.text }, modality: 'asserted', rule: 'test', ...over,
  };
}
const report = (article: string, e: CodedEvent, outlet = 'A'): Report => ({ article_id: article, event_id: e.id, outlet, published: '1987-10-20', event: e });

describe('cluster linking rules', () => {
  it('compares dates by their precision; text days may differ by one, publication days by three', () => {
    const on = (date: string, source: 'text' | 'published' = 'text') => event({ text: 'x', date, date_source: source });
    expect(datesCompatible(on('1987-10-19'), on('1987-10'))).toBe(true);
    expect(datesCompatible(on('1987-10-19'), on('1987'))).toBe(true);
    expect(datesCompatible(on('1987-10-19'), on('1987-11'))).toBe(false);
    expect(datesCompatible(on('1987-10-19'), on('1987-10-18'))).toBe(true);
    expect(datesCompatible(on('1987-10-19'), on('1987-10-17'))).toBe(false);
    expect(datesCompatible(on('1987-10-19'), on('1987-10-16'))).toBe(false);
    expect(datesCompatible(on('1987-10-19'), on('1987-10-16', 'published'))).toBe(true);
    expect(dateWindow('1987-10-19')).toEqual({ from: '1987-10-16', to: '1987-10-22', coarser: ['1987-10', '1987'] });
  });

  it('takes codes of one root or a listed pair as compatible', () => {
    expect(codesCompatible('190', '195', rules)).toBe(true);
    expect(codesCompatible('1712', '190', rules)).toBe(true);
    expect(codesCompatible('036', '042', rules)).toBe(true);
    expect(codesCompatible('042', '190', rules)).toBe(false);
  });

  it('links two reports of one strike and keeps a strike two days later apart', () => {
    const a = event({ text: 'US forces destroyed an Iranian oil platform in the Gulf in retaliation' });
    const b = event({ text: 'American warships shelled an Iranian oil platform in retaliation', source: { ...a.source!, code: 'USAGOV', role: 'GOV' } });
    const later = event({ text: 'US forces shelled an Iranian oil platform in the Gulf', date: '1987-10-21' });
    expect(sameEvent(report('x', a), report('y', b), rules).same).toBe(true);
    expect(sameEvent(report('x', a), report('z', later), rules)).toMatchObject({ same: false, reasons: ['dates'] });
    expect(sameEvent(report('x', a), report('x', { ...b, id: 'e2' }), rules).reasons).toEqual(['same article']);
  });

  it('needs the same direction except for symmetric roots, and more evidence for coarse dates', () => {
    const hit = event({ text: 'Iran attacked American ships in the Gulf', source: event({ text: 'x' }).target, target: event({ text: 'x' }).source });
    expect(sameEvent(report('x', event({ text: 'US forces attacked Iranian ships in the Gulf' })), report('y', hit), rules).reasons).toEqual(['direction']);
    const meet = (text: string, swap: boolean) => {
      const e = event({ text, code: '040', root: '04' });
      return swap ? { ...e, source: e.target, target: e.source } : e;
    };
    expect(sameEvent(report('x', meet('met in Geneva for arms talks', false)), report('y', meet('met in Geneva for arms talks', true)), rules).same).toBe(true);
    const day = event({ text: 'bombed a refinery' });
    expect(sameEvent(report('x', event({ text: 'struck a platform' })), report('y', day), rules).same).toBe(true);
    const vague = event({ text: 'bombed a refinery', date: '1987-10' });
    expect(sameEvent(report('x', event({ text: 'struck a platform' })), report('y', vague), rules).same).toBe(false);
  });

  it('links text days a day apart only on one more sign (a night, a time zone; not a strike the next day)', () => {
    const night = event({ text: 'US forces attacked late Sunday', date: '1987-10-18' });
    // Same code and one shared-word sign: enough on one day, not across two.
    expect(sameEvent(report('x', event({ text: 'bombed an oil platform' })), report('y', { ...night, evidence: { start: 0, end: 23, text: 'shelled an oil platform' } }), rules).same).toBe(false);
    expect(sameEvent(report('x', event({ text: 'bombed an oil platform' })), report('y', event({ text: 'shelled an oil platform' })), rules).same).toBe(true);
    // Same code and the same words at length: two signs and one more.
    const a = event({ text: 'destroyed two Iranian oil platforms east of Bahrain with naval gunfire' });
    const b = { ...night, evidence: { start: 0, end: 10, text: 'shelled two Iranian oil platforms east of Bahrain with naval guns' } };
    expect(sameEvent(report('x', a), report('y', b), rules).same).toBe(true);
  });

  it('leaves undated events out of clustering, whatever their modality', () => {
    expect(clusterKey(event({ text: 'x', date: null }))).toBeNull();
    expect(clusterKey(event({ text: 'x' }))).toBe('IRN|USA');
    expect(clusterKey(event({ text: 'x', modality: 'negated' }))).toBe('IRN|USA');
  });

  it('links a plan with its execution, but never a denial with a report that it happened', () => {
    const said = (modality: CodedEvent['modality'], id: string) => event({ id, text: 'naval gunfire on Iranian oil platforms east of Bahrain', modality });
    const [done, planned, denied] = [said('asserted', 'e1'), said('hypothetical', 'e2'), said('negated', 'e3')];
    expect(sameEvent(report('x', done), report('y', planned), rules).same).toBe(true);
    expect(sameEvent(report('x', done), report('y', denied), rules)).toEqual({ same: false, reasons: ['modality'] });
    expect(sameEvent(report('x', planned), report('y', denied), rules).same).toBe(false);
    expect(sameEvent(report('x', denied), report('y', { ...denied }), rules).same).toBe(true);
  });

  it('lets the first asserted report, not an earlier plan, stand for the cluster', () => {
    const plan = { ...report('a', event({ id: 'e1', text: 'will shell', modality: 'hypothetical' })), published: '1987-10-18' };
    const done = { ...report('b', event({ id: 'e2', text: 'shelled' })), published: '1987-10-20' };
    expect(summarise([done, plan])).toMatchObject({ first: { article_id: 'a' }, head: { article_id: 'b', event_id: 'e2' } });
    expect(summarise([plan]).head).toEqual({ article_id: 'a', event_id: 'e1' });
  });

  it('summarises a cluster: first report, counts, the most precise date, the commonest code', () => {
    const first = { ...report('b', event({ text: 'one', code: '195', date: '1987-10' }), 'A'), published: '1987-10-19' };
    const second = report('a', event({ text: 'two', code: '190', mentions_of_event: [{ start: 0, end: 1, text: 'x' }, { start: 2, end: 3, text: 'y' }] }), 'A');
    const third = report('c', event({ text: 'three', code: '190' }), 'B');
    const summary = summarise([second, third, first]);
    expect(summary).toMatchObject({ first: { article_id: 'b' }, mentions: 4, articles: 3, sources: 2, code: '190', date: '1987-10-19' });
    expect(summary.id).toBe(clusterId({ article_id: 'b', event_id: 'e1' }));
  });
});
