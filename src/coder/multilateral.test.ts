import { describe, expect, it } from 'vitest';
import { extractText } from '../index.js';
import { expandDyadic, participantPairs } from '../export/dyadic.js';

describe('multilateral events (coder.multilateral.v1)', () => {
  it('codes a G20-style meeting as one event with the grouping and its members', async () => {
    const record = await extractText('Leaders met at the G20 summit in Hamburg on Friday.', { published: '2017-07-08' });
    expect(record.events).toHaveLength(1);
    const [event] = record.events;
    expect(event).toMatchObject({ code: '040', date: '2017-07-07', modality: 'asserted', organisation: { name: 'G20' }, location: { name: 'Hamburg' } });
    const members = event.participants!.map((p) => p.code);
    expect(members).toHaveLength(20);
    expect(members).toEqual(expect.arrayContaining(['USA', 'RUS', 'CHN', 'DEU', 'IGOEUREEC']));
    expect(participantPairs(event)).toHaveLength((19 * 20) / 2);
  });

  it('adds the named counterpart to the grouping, and folds the pairwise readings of three named states', async () => {
    const deal = await extractText('The six world powers signed the deal with Iran in Vienna on July 14, 2015.', { published: '2015-07-15' });
    expect(deal.events).toHaveLength(1);
    expect(deal.events[0]).toMatchObject({ code: '057', date: '2015-07-14', organisation: { name: 'P5+1' } });
    expect(deal.events[0].participants!.map((p) => p.country)).toEqual(['USA', 'GBR', 'FRA', 'RUS', 'CHN', 'DEU', 'IRN']);
    const three = await extractText('Trump, Putin and Merkel met in Hamburg on Saturday.', { published: '2017-07-08' });
    const meetings = three.events.filter((e) => e.root === '04');
    expect(meetings).toHaveLength(1);
    expect(meetings[0].participants!.map((p) => p.country)).toEqual(['USA', 'RUS', 'DEU']);
    expect(expandDyadic(meetings[0]).map((e) => `${e.source!.country}-${e.target!.country}`)).toEqual(['USA-RUS', 'USA-DEU', 'RUS-DEU']);
  });

  it('leaves two-sided events and a negated summit as they are', async () => {
    const two = await extractText('Trump met Putin in Hamburg on Friday.', { published: '2017-07-08' });
    expect(two.events.every((e) => e.participants === undefined)).toBe(true);
    const not = await extractText('The G20 leaders did not meet in Hamburg on Friday.', { published: '2017-07-08' });
    expect(not.events.map((e) => e.modality)).toEqual(['negated']);
  });
});
