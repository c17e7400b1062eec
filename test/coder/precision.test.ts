import { describe, expect, it } from 'vitest';
import { articleWith, code, triples } from './helpers.js';

const A = {
  Russia: 'RUSGOV', Croatia: 'HRVGOV', Washington: 'USAGOV', Ottawa: 'CANGOV', 'Mexico City': 'MEXGOV', Tehran: 'IRNGOV', Beijing: 'CHNGOV',
  Jordan: 'JOR', Syria: 'SYR', Obama: 'USAELI', Americans: 'USACVL', officials: 'RUSGOV', Kremlin: 'RUSGOV', Kiev: 'UKRGOV', Paris: 'FRAGOV',
  protesters: 'RUSCVL', police: 'RUSCOP',
};

function coded(text: string) {
  return triples(code(articleWith(text, A)));
}

describe('coder.cameo.v1: precision on real-world wording', () => {
  it('does not read a sports result as an assault', () => {
    expect(coded('Russia beat Croatia 2-1 in the final.')).toEqual([]);
    expect(coded('Russian police beat protesters in the square.'.replace('Russian police', 'police'))).toContain('RUSCOP>RUSCVL:182');
  });

  it('does not read "asked not to be identified" as an appeal', () => {
    expect(coded('An official in Washington, who asked not to be identified, said Russia was ready.')).toEqual([]);
  });

  it('gives a participle clause the subject of its main clause', () => {
    expect(coded('Washington held trade talks with Ottawa and Mexico City, publicly threatening them with tariffs.')).toEqual(
      expect.arrayContaining(['USAGOV>CANGOV:1312', 'USAGOV>MEXGOV:1312']),
    );
    expect(coded('Washington held trade talks with Ottawa and Mexico City, publicly threatening them with tariffs.').some((t) => t.startsWith('CANGOV>') && t.endsWith(':1312'))).toBe(false);
  });

  it('does not make the possessor of a subject noun the actor ("Obama\'s involvement offers")', () => {
    expect(coded("Obama's involvement offers a reminder of the role Americans played.")).toEqual([]);
  });

  it('reads "reluctance to" and "reluctant to" as negation', () => {
    const a = code(articleWith("Washington's reluctance to lift sanctions on Tehran angered Beijing.", A));
    expect(a.events.filter((e) => e.code === '085').every((e) => e.modality === 'negated')).toBe(true);
  });

  it('codes no imposition for a noun that a verb undoes', () => {
    expect(coded('Beijing wants Washington to eliminate the tariffs on Chinese goods.').filter((t) => t.endsWith(':163'))).toEqual([]);
  });

  it('recodes a state blocking a crossing as a restriction of movement, not a protest', () => {
    expect(coded('Jordan closed the road and blocked the border crossing with Syria.').some((t) => t.endsWith(':144'))).toBe(false);
  });

  it('carries a target only within the paragraph, from an actor of the previous sentence\'s events', () => {
    expect(coded('Washington accused Russia of hacking. The Kremlin called the allegation nonsense.')).toContain('RUSGOV>USAGOV:111');
    expect(coded('Washington accused Russia of hacking.\nThe Kremlin called the allegation nonsense.')).not.toContain('RUSGOV>USAGOV:111');
    expect(coded('Officials met in Kiev and Paris. The Kremlin called the meeting useless.').filter((t) => t.includes('+'))).toEqual([]);
  });
});

describe('coder.cameo.v1: a verb\'s object stops where another verb phrase starts', () => {
  it('does not read "signed a decree suspending a 2000 agreement with Washington" as signing an agreement', () => {
    const events = coded('Russia signed a decree suspending a 2000 agreement with Washington.');
    expect(events.some((e) => e.endsWith(':057'))).toBe(false);
  });
});

describe('coder.cameo.v1: related-link headlines', () => {
  it('codes the headline on the first line but not a title-case link line inside the body', () => {
    const got = coded('Russia Expels Croatia Diplomats\nRussia on Friday expelled Croatian diplomats, officials said.\nWashington Condemns Tehran Over Missile Test');
    expect(got.some((t) => t.startsWith('USAGOV>'))).toBe(false);
    expect(triples(code(articleWith('Washington Condemns Tehran Over Missile Test', A)))).toEqual(['USAGOV>IRNGOV:111']);
  });
});

describe('coder.cameo.v1: nouns before verbs, role nouns', () => {
  it('does not read a plural noun right before a finite verb as a verb ("while sanctions remained")', () => {
    const a = code(articleWith('Tehran would not negotiate with Washington while sanctions remained in place.', A));
    expect(a.events.filter((e) => e.code === '163')).toEqual([]);
  });

  it('lets "the speaker of X" act as X', () => {
    expect(triples(code(articleWith('The speaker of the House announced an impeachment inquiry into the president.', { House: 'USALEG', 'the president': 'USAGOV' })))).toContain('USALEG>USAGOV:091');
  });
});

describe('coder.cameo.v1: more real-world wording', () => {
  it('lets adverbs stand between the comma and a participle clause', () => {
    const got = coded('Washington held trade talks with Ottawa, publicly threatening them with tariffs.');
    expect(got).toContain('USAGOV>CANGOV:1312');
  });

  it('does not read "bond yields" as yielding', () => {
    expect(coded('Russia saw low bond yields, and Croatia saw high ones.')).toEqual([]);
  });

  it('reads "efforts to get X to investigate" as hypothetical', () => {
    const a = code(articleWith("Washington's efforts to get Kiev to investigate Russia drew criticism.", A));
    expect(a.events.filter((e) => e.code.startsWith('09') && e.modality === 'asserted')).toEqual([]);
  });
});

describe('coder.cameo.v1: refusals', () => {
  it('does not read "refused to certify that X was complying" as a refusal to comply', () => {
    expect(coded('Washington refused to certify that Tehran was complying with the deal.').filter((t) => t.endsWith(':124'))).toEqual([]);
    expect(coded('Tehran refused to comply with the demands from Washington.')).toContain('IRNGOV>USAGOV:124');
  });
});
