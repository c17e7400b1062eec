import { describe, expect, it } from 'vitest';
import { articleWith, code, triples } from './helpers.js';

const A = { Russia: 'RUSGOV', Moscow: 'RUSGOV', 'the United States': 'USAGOV', Washington: 'USAGOV', US: 'USAGOV', Britain: 'GBRGOV', Ukraine: 'UKRGOV', 'Russian': 'RUS', 'American': 'USA', Iran: 'IRNGOV', Israel: 'ISRGOV', China: 'CHNGOV', Turkey: 'TURGOV', Paris: 'FRAGOV', Berlin: 'DEUGOV', Syria: 'SYRGOV', UN: 'IGOUNO', 'Turkish foreign minister': 'TURGOV', 'Ukrainian troops': 'UKRMIL', 'Russian forces': 'RUSMIL', protesters: 'RUSCVL', 'Russian police': 'RUSCOP', Kremlin: 'RUSGOV', NATO: 'IGOWSTNAT', 'North Korea': 'PRKGOV', 'South Korea': 'KORGOV', 'Israeli jets': 'ISRMIL' };

function coded(text: string, extra: Record<string, string> = {}, places: Record<string, string> = {}) {
  return code(articleWith(text, { ...A, ...extra }, places));
}

describe('coder.cameo.v1: one sentence per root', () => {
  it.each([
    ['01', 'Russia denied any involvement in the attack on Ukraine.', 'RUSGOV>UKRGOV:016'],
    ['02', 'Britain urged Russia to release the sailors.', 'GBRGOV>RUSGOV:0253'],
    ['03', 'Turkey offered to mediate between Russia and Ukraine.', 'TURGOV>RUSGOV:039'],
    ['04', 'Iran hosted the Turkish foreign minister on Monday.', 'IRNGOV>TURGOV:043'],
    ['05', 'Iran hosted talks, and Turkey praised Iran.', 'TURGOV>IRNGOV:051'],
    ['04', 'The US secretary of state visited China on Monday.', 'USAGOV>CHNGOV:042'],
    ['05', 'Israel signed a trade agreement with China.', 'ISRGOV>CHNGOV:057'],
    ['06', 'Britain shared intelligence with Ukraine.', 'GBRGOV>UKRGOV:064'],
    ['07', 'Washington sent military aid to Ukraine.', 'USAGOV>UKRGOV:072'],
    ['08', 'Russia released two Ukrainian troops on Friday.', 'RUSGOV>UKRMIL:084'],
    ['09', 'The UN opened an investigation into Russia over war crimes.', 'IGOUNO>RUSGOV:094'],
    ['10', 'Britain demanded the release of its sailors from Iran.', 'GBRGOV>IRNGOV:1053'],
    ['11', 'Paris condemned Moscow for the attack.', 'FRAGOV>RUSGOV:111'],
    ['12', 'Russia vetoed the Security Council resolution on Syria.', 'RUSGOV>SYRGOV:129'],
    ['13', 'Moscow threatened to impose sanctions on Ukraine.', 'RUSGOV>UKRGOV:1312'],
    ['14', 'Thousands of protesters demonstrated against Russia in Moscow.', 'RUSCVL>RUSGOV:141'],
    ['15', 'Russia deployed troops near the border with Ukraine.', 'RUSGOV>UKRGOV:154'],
    ['16', 'Russia expelled 60 American diplomats and closed the US consulate.', 'RUSGOV>USA:166'],
    ['17', 'Russian police arrested dozens of protesters on Saturday.', 'RUSCOP>RUSCVL:173'],
    ['18', 'Gunmen abducted two American journalists, and NATO assassinated no one.', ''],
    ['19', 'Israeli jets bombed Syria overnight.', 'ISRMIL>SYRGOV:195'],
    ['20', 'Russian forces used chemical weapons against Ukrainian troops.', 'RUSMIL>UKRMIL:2041'],
  ])('root %s: %s', (_root, text, expected) => {
    const got = triples(coded(text));
    if (expected === '') expect(got.filter((t) => t.startsWith('-'))).toEqual([]);
    else expect(got).toContain(expected);
  });

  it('codes "expel + diplomats" as 166 and "close + consulate" as 161 in one sentence', () => {
    expect(triples(coded('Russia expelled 60 American diplomats and closed the US consulate.'))).toEqual(['RUSGOV>USA:166', 'RUSGOV>USAGOV:161']);
  });

  it('codes a deal signed by a company as economic cooperation (061)', () => {
    const a = coded('Gazprom signed a gas supply contract with China.', { Gazprom: 'RUSBUS' });
    expect(triples(a)).toEqual(['RUSBUS>CHNGOV:061', 'CHNGOV>RUSBUS:061']);
    expect(a.events[0].rule).toBe('verb:sign+agreement+business');
  });

  it('codes the expulsion of individuals (not diplomats) as 174', () => {
    expect(triples(coded('Britain deported two Russian journalists.', { 'Russian journalists': 'RUSMED' }))).toEqual(['GBRGOV>RUSMED:174']);
  });

  it('refines "threaten" by its object: military action is 138', () => {
    expect(triples(coded('North Korea threatened military action against South Korea.'))).toEqual(['PRKGOV>KORGOV:138']);
  });
});

describe('coder.cameo.v1: who did it to whom', () => {
  it('takes the agent of a passive from its by-phrase', () => {
    expect(triples(coded('Tariffs were imposed on China by Washington on Friday.'))).toEqual(['USAGOV>CHNGOV:163']);
  });

  it('takes a passive whose participle is its base form ("was hit") from its auxiliary in the parse', () => {
    expect(triples(coded('The Iranian tanker was hit by Iraqi jets.', { Iranian: 'IRN', 'Iraqi jets': 'IRQMIL' }))).toContain('IRQMIL>IRN:190');
  });

  it('does not take "on Monday" as the target preposition of a verb, so a later noun event keeps its own reading', () => {
    const text = "U.S. warships attacked and destroyed an Iranian oil platform on Monday in retaliation for Friday's Iranian attack damaging a U.S.-flagged ship.";
    const article = articleWith(text, { 'U.S.': 'USA', Iranian: 'IRN' });
    const at = text.indexOf('Monday');
    article.dates = [{ start: at, end: at + 6, text: 'Monday', value: '2018-03-26', precision: 'day', sentence: 0, via: { stage: 'test' } }];
    expect(triples(code(article))).toContain('IRN>USA:190');
  });

  it("dates a noun event by the date it carries itself (\"Friday's attack\"), not by its clause's date", () => {
    const text = "U.S. warships attacked an Iranian oil platform on Monday in retaliation for Friday's Iranian attack damaging a U.S.-flagged ship.";
    const article = articleWith(text, { 'U.S.': 'USA', Iranian: 'IRN' });
    const day = (word: string, value: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word, value, precision: 'day' as const, sentence: 0, via: { stage: 'test' } });
    article.dates = [day('Monday', '1987-10-19'), day('Friday', '1987-10-16')];
    article.clauses = [{ start: 0, end: text.length, sentence: 0, tense: 'past', date: '1987-10-19', dateSource: 'text' }];
    const dates = Object.fromEntries(code(article).events.map((e) => [`${e.source?.code}>${e.target?.code}`, e.date]));
    expect(dates).toMatchObject({ 'USA>IRN': '1987-10-19', 'IRN>USA': '1987-10-16' });
  });

  it('gives a definite mention of an act told a sentence before ("the tariffs") that act\'s target, and an indefinite one none', () => {
    const told = 'Washington imposed tariffs on China on Monday.\n\n';
    // The later mention is the same act: it joins the first event as a second mention.
    const mentions = (text: string) => coded(text).events.filter((e) => e.code === '163').map((e) => e.mentions_of_event?.length ?? 1);
    expect(mentions(told + 'Washington will not delay imposing the tariffs, officials said.')).toEqual([2]);
    expect(mentions(told + 'Washington will not delay imposing tariffs, officials said.')).toEqual([1]);
  });

  it('takes no target from the reporter of a sentence, even with its initials in brackets', () => {
    const got = triples(coded('Turkish forces have detained scores of refugees, Human Rights Watch (HRW) said.', { 'Turkish forces': 'TURMIL', 'Human Rights Watch': 'NGOHRIHRW' }));
    expect(got.filter((t) => t.includes('NGOHRIHRW'))).toEqual([]);
  });

  it('takes no target from a reason phrase ("in retaliation for U.S. attacks")', () => {
    const got = triples(coded('Iran fired shells at an oil camp in retaliation for American attacks.'));
    expect(got.filter((t) => t.startsWith('IRNGOV>USA'))).toEqual([]);
  });

  it('joins a noun event with no target and a passive clause of its root with no agent', () => {
    const text = 'The last confirmed Iraqi attack took place on March 8, when the Iranian tanker Khark-5 was hit south of Kharg.';
    const article = articleWith(text, { Iraqi: 'IRQ', Iranian: 'IRN' });
    const at = text.indexOf('March 8');
    article.dates = [{ start: at, end: at + 7, text: 'March 8', value: '1987-03-08', precision: 'day', sentence: 0, via: { stage: 'test' } }];
    expect(triples(code(article))).toEqual(['IRQ>IRN:190']);
  });

  it('codes no act from a reporting verb whose object names it ("described the sanctions")', () => {
    const a = coded('Beijing described the sanctions against Iran in detail.', { Beijing: 'CHNGOV' });
    expect(a.events.filter((e) => e.rule?.startsWith('verb:') && e.code.startsWith('16'))).toEqual([]);
  });

  it('codes a nominalisation with its by-phrase and of-phrase', () => {
    const a = coded('The expulsion of 60 Russian diplomats by the United States was announced on Monday.');
    expect(triples(a)).toEqual(['USAGOV>RUS:166']);
    expect(a.events[0].rule).toBe('noun:expulsion+diplomat');
  });

  it('codes "new sanctions against" as 163 with the possessor as source', () => {
    expect(triples(coded("Washington's new sanctions against Iran took effect."))).toEqual(['USAGOV>IRNGOV:163']);
  });

  it('gives each coordinated actor its own event', () => {
    expect(triples(coded('Paris and Berlin condemned the strike on Syria.'))).toEqual(['FRAGOV>SYRGOV:111', 'DEUGOV>SYRGOV:111']);
  });

  it('codes meetings both ways, and "between A and B" as A and B', () => {
    expect(triples(coded('A meeting between Iran and Turkey took place on Monday.'))).toEqual(['IRNGOV>TURGOV:044', 'TURGOV>IRNGOV:044']);
    expect(triples(coded('Israel met China in Geneva.'))).toEqual(['ISRGOV>CHNGOV:044', 'CHNGOV>ISRGOV:044']);
  });

  it('codes a visit as a visit and the host as hosting', () => {
    expect(triples(coded('Turkey visited Iran.'))).toEqual(['TURGOV>IRNGOV:042', 'IRNGOV>TURGOV:043']);
  });

  it('uses the actor codes the actor stage gives (metonymy: Moscow is RUSGOV)', () => {
    expect(triples(coded('Moscow accused Washington of meddling.'))).toEqual(['RUSGOV>USAGOV:1125']);
  });

  it('carries a target the sentence leaves implicit over from the previous sentence', () => {
    const a = coded('Iran seized a British tanker on Friday. Britain condemned the seizure.', { British: 'GBR' });
    const carried = a.events.find((e) => e.code === '111');
    expect(carried?.target?.code).toBe('IRNGOV');
    expect(carried?.rule).toContain('+carried-target');
  });

  it('never makes an event of an actor with itself', () => {
    expect(triples(coded('Russia signed a decree in Russian.'))).toEqual([]);
  });

  it('skips the addressee of a speech verb ("told Reuters")', () => {
    expect(triples(coded('Iran told Reuters it had attacked no one.', { Reuters: 'GBRMED' }))).toEqual([]);
  });
});

describe('coder.cameo.v1: implied and sentence-level targets', () => {
  it('aims a protest with no named target at the protesters\' own government', () => {
    expect(triples(coded('Thousands of protesters demonstrated in the capital on Sunday.'))).toEqual(['RUSCVL>RUSGOV:141']);
  });

  it('aims martial law and curfews with no named target at the state\'s own civilians', () => {
    expect(triples(coded("Ukraine's parliament voted to impose martial law in ten regions.", { "Ukraine's parliament": 'UKRLEG' }))).toEqual(['UKRLEG>UKRCVL:1724']);
  });

  it('aims violence at the country of a place the sentence names', () => {
    const a = coded('Islamic State militants killed hundreds of men in northern Iraq.', { 'Islamic State militants': 'IMGMOSISI' }, { 'northern Iraq': 'IRQ' });
    expect(triples(a)).toEqual(['IMGMOSISI>IRQ:202']);
  });

  it('lets a participle clause act on the previous event\'s target', () => {
    const a = coded('Russian police fired tear gas at protesters, arresting hundreds.');
    expect(triples(a)).toEqual(['RUSCOP>RUSCVL:175', 'RUSCOP>RUSCVL:173']);
  });

  it('never lets a government or police "protest"', () => {
    expect(triples(coded('Russian police marched in the capital on Sunday.'))).toEqual([]);
  });

  it('aims a show of force at the adversary named elsewhere in the sentence', () => {
    const a = coded('Russian forces began new drills after Ukrainian troops moved east.');
    expect(triples(a)).toEqual(['RUSMIL>UKRMIL:150']);
    expect(a.events[0].rule).toBe('verb:hold+exercise+sentence-target');
  });

  it('pairs co-actors of a reciprocal event with each other, not with its object', () => {
    expect(triples(coded('Israel and China held joint exercises near Syria.'))).toEqual(['ISRGOV>CHNGOV:062', 'CHNGOV>ISRGOV:062']);
  });

  it('reads an object pronoun after the verb as the last other actor', () => {
    expect(triples(coded('Turkey cut ties with Iran, accusing it of espionage.'))).toEqual(['TURGOV>IRNGOV:161', 'TURGOV>IRNGOV:1125']);
  });

  it('gives a noun after a possessive the subject of its clause', () => {
    expect(triples(coded('Israel raised the issue during its meeting with China.'))).toEqual(['ISRGOV>CHNGOV:044', 'CHNGOV>ISRGOV:044']);
  });
});

describe('coder.cameo.v1: modality', () => {
  it.each([
    ['Russia did not expel any American diplomats.', 'negated'],
    ['Russia refused to expel American diplomats.', 'negated'],
    ['Russia has refrained from expelling American diplomats.', 'negated'],
    ['Russia never expelled American diplomats.', 'negated'],
    ['Russia will expel American diplomats.', 'hypothetical'],
    ['Russia plans to expel American diplomats.', 'hypothetical'],
    ['If Russia expels American diplomats, Washington will respond.', 'hypothetical'],
    ['Will Russia expel American diplomats?', 'hypothetical'],
    ['Russia expelled American diplomats.', 'asserted'],
  ])('%s → %s', (text, modality) => {
    const e = coded(text).events.find((x) => x.code === '166');
    expect(e?.modality).toBe(modality);
  });

  it('counts a threat as an asserted event and what is threatened as not asserted', () => {
    expect(triples(coded('Moscow threatened to expel American diplomats.'))).toEqual(['RUSGOV>USA:1313']);
    expect(triples(coded('Moscow threatened that it would impose sanctions on Ukraine.'))).toEqual(['RUSGOV>UKRGOV:1312']);
  });

  it('gives a noun event the modality of its verb, and planned events none', () => {
    expect(coded('The EU plans to renew its sanctions on Russia.', { EU: 'IGOEUREEC' }).events.map((e) => e.modality)).toEqual(['hypothetical']);
    expect(coded('Russia has no plans for a meeting with Ukraine.').events.every((e) => e.modality !== 'asserted')).toBe(true);
  });

  it('treats an inverted "should" as a condition', () => {
    expect(triples(coded('Iran might respond should Washington abandon the agreement with Tehran.', { Tehran: 'IRNGOV' }))).toEqual([]);
  });

  it('keeps "agreed to" asserted', () => {
    expect(triples(coded('Britain agreed to extend sanctions on Russia.'))).toEqual(['GBRGOV>RUSGOV:163']);
  });

  it('codes "urged X to" as an appeal and keeps the urged action out of the asserted events', () => {
    const a = coded('Britain urged Iran to free the sailors.');
    expect(triples(a)).toEqual(['GBRGOV>IRNGOV:0253']);
  });
});

describe('coder.cameo.v1: records', () => {
  it('codes nothing in a sentence with no event', () => {
    expect(coded('Russia has the largest land area of any country.').events).toEqual([]);
  });

  it('merges the same event in lead and body into one event with two evidence spans', () => {
    const a = coded('Russia expels American diplomats\nRussia on Friday expelled 60 American diplomats, officials said.');
    expect(a.events).toHaveLength(1);
    expect(a.events[0].mentions_of_event).toHaveLength(2);
    expect(a.events[0].id).toBe('e1');
  });

  it('fills codebook values, evidence within the sentence, the published date and a place after "in"', () => {
    const a = coded('Israeli jets bombed Syria. Russia expelled American diplomats in Moscow on Friday.', {}, { Moscow: 'RUS' });
    const e = a.events.find((x) => x.code === '166');
    expect(e).toMatchObject({ root: '16', quad_class: 4, date: '2018-03-30', date_source: 'published', sentence: 1, modality: 'asserted' });
    expect(e?.evidence.text).toBe('Russia expelled American diplomats');
    expect(e?.location).toEqual({ name: 'Moscow', country: 'RUS', lat: 1, lon: 2 });
    expect(e?.via).toEqual({ stage: 'coder.cameo.v1', rule: 'verb:expel+diplomat' });
    expect(e?.goldstein).toBe(-7);
  });

  it('takes the date of the clause the dates stage gives', () => {
    const article = articleWith('Russia expelled American diplomats on Monday.', A);
    article.clauses = [{ start: 0, end: article.text.length, sentence: 0, tense: 'past', date: '2018-03-26', dateSource: 'text' }];
    const e = code(article).events[0];
    expect(e.date).toBe('2018-03-26');
    expect(e.date_source).toBe('text');
  });

  it('codes nothing and does not fail when the language layer found no actors', () => {
    expect(code(articleWith('Russia expelled American diplomats.', {})).events).toEqual([]);
  });
});

describe('coder.cameo.v1: names and headlines', () => {
  it('does not read a capitalised name inside a sentence as a predicate ("on March 4")', () => {
    expect(triples(coded('Thousands of protesters gathered in Moscow on March 4.'))).toEqual([]);
  });

  it('still codes a title-case headline', () => {
    expect(triples(coded('Russia Expels American Diplomats'))).toEqual(['RUSGOV>USA:166']);
  });
});
