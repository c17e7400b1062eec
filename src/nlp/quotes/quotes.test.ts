import { describe, expect, it } from 'vitest';
import type { Article } from '../../model/article.js';
import { buildTokenizedArticle } from '../../model/build.js';
import type { MentionKind } from '../../model/mention.js';
import { addQuotes } from './quotes.js';
import { findQuoteSpans } from './quote-marks.js';

interface MentionSpec {
  text: string;
  kind: MentionKind;
  code: string | null;
  name?: string;
  /** Which occurrence of `text` (0-based); default the first. */
  nth?: number;
  antecedent?: number;
}

/** An article tokenised for real, with actor mentions placed by hand (as nlp.actors would). */
function article(text: string, mentions: MentionSpec[] = []): Article {
  const a = buildTokenizedArticle(text, { published: '2018-05-16' });
  for (const m of mentions) {
    let start = -1;
    for (let k = 0; k <= (m.nth ?? 0); k++) start = text.indexOf(m.text, start + 1);
    if (start < 0) throw new Error(`no "${m.text}" in test text`);
    a.mentions.push({
      start,
      end: start + m.text.length,
      text: m.text,
      kind: m.kind,
      code: m.code,
      country: m.code ? m.code.slice(0, 3) : null,
      role: null,
      name: m.name ?? m.text,
      sentence: 0,
      via: { stage: 'test' },
      ...(m.antecedent !== undefined ? { antecedent: m.antecedent } : {}),
    });
  }
  return a;
}

function quotesOf(a: Article) {
  return addQuotes(a).quotes.map((q) => ({ text: q.text, speaker: q.speaker?.name ?? null, kind: q.kind }));
}

const LAVROV: MentionSpec = { text: 'Sergei Lavrov', kind: 'person', code: 'RUSGOV' };

describe('direct quotes: where the speaker stands', () => {
  it.each([
    ['"The sanctions will fail," Sergei Lavrov said.', 'The sanctions will fail'],
    ['“The sanctions will fail,” said Sergei Lavrov, the foreign minister.', 'The sanctions will fail'],
    ['Sergei Lavrov told the paper: "The sanctions will fail."', 'The sanctions will fail.'],
    ['Sergei Lavrov said: “The sanctions will fail.”', 'The sanctions will fail.'],
    ['"The sanctions will fail," according to Sergei Lavrov.', 'The sanctions will fail'],
  ])('%s', (text, quoted) => {
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: quoted, speaker: 'Sergei Lavrov', kind: 'direct' }]);
  });

  it('gives the speaker code and the affiliation from an appositive', () => {
    const a = article('“We will not accept this,” said John Smith, a researcher at the Atlantic Council.', [
      { text: 'John Smith', kind: 'person', code: null },
    ]);
    const [q] = addQuotes(a).quotes;
    expect(q.speaker).toMatchObject({ name: 'John Smith', affiliation: 'Atlantic Council' });
    expect(a.text.slice(q.speaker!.start, q.speaker!.end)).toBe('John Smith');
  });

  it('uses the mention code and canonical name when a mention covers the speaker', () => {
    const a = article('"We are ready," Lavrov said.', [{ text: 'Lavrov', kind: 'person', code: 'RUSGOV', name: 'Sergei Lavrov' }]);
    expect(addQuotes(a).quotes[0].speaker).toMatchObject({ name: 'Sergei Lavrov', code: 'RUSGOV', country: 'RUS' });
  });

  it('falls back to the capitalised words when no mention covers the speaker', () => {
    expect(quotesOf(article('"We are ready," Foreign Minister Ivan Petrov said.'))[0].speaker).toBe('Foreign Minister Ivan Petrov');
  });

  it('gives both halves of a quote split by its attribution the same speaker', () => {
    const text = '"The first part is here," Sergei Lavrov said. "The second part follows it."';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([
      { text: 'The first part is here', speaker: 'Sergei Lavrov', kind: 'direct' },
      { text: 'The second part follows it.', speaker: 'Sergei Lavrov', kind: 'direct' },
    ]);
  });

  it('never makes the outlet in "told Reuters" the speaker', () => {
    const a = article('"We will respond in kind," Sergei Lavrov told Reuters.', [
      LAVROV,
      { text: 'Reuters', kind: 'organization', code: 'MED' },
    ]);
    expect(quotesOf(a)).toEqual([{ text: 'We will respond in kind', speaker: 'Sergei Lavrov', kind: 'direct' }]);
  });
});

describe('direct quotes: long speaker phrases', () => {
  it('steps over a description that holds commas of its own', () => {
    const text = '"The results are striking," Dylan Nelson, a fellow at the Institute for Physics in Munich, Germany, and co-author of the study, said in a statement. "We did not expect them."';
    const a = article(text, [
      { text: 'Dylan Nelson', kind: 'person', code: null },
      { text: 'Germany', kind: 'country', code: 'DEU' },
    ]);
    expect(quotesOf(a).map((q) => q.speaker)).toEqual(['Dylan Nelson', 'Dylan Nelson']);
    expect(addQuotes(a).quotes[0].speaker?.affiliation).toBe('Institute for Physics');
  });

  it('steps over a participial phrase between the speaker and the verb', () => {
    const text = 'Sergei Lavrov, speaking at a news conference in Moscow, said: "We will respond."';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: 'We will respond.', speaker: 'Sergei Lavrov', kind: 'direct' }]);
  });

  it('reads titles joined by "and" as part of the speaker phrase', () => {
    const text = '"We found water," lead researcher and planetary scientist Lucas Paganini said.';
    expect(quotesOf(article(text))[0].speaker).toBe('Lucas Paganini');
  });
});

describe('direct quotes: spans and marks', () => {
  it('keeps a quote of several sentences whole, with straight or curly marks', () => {
    const straight = 'Sergei Lavrov said: "The sanctions are a mistake. They will fail. We will respond."';
    const curly = straight.replace('"', '“').replace('"', '”');
    for (const text of [straight, curly]) {
      expect(quotesOf(article(text, [LAVROV]))[0].text).toBe('The sanctions are a mistake. They will fail. We will respond.');
    }
  });

  it('continues a quote into the next paragraph that opens with a mark', () => {
    const text = '“The first paragraph of the quote goes on,\n“and the second paragraph ends it,” Sergei Lavrov said.';
    const quotes = quotesOf(article(text, [LAVROV]));
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toContain('second paragraph ends it');
    expect(quotes[0].speaker).toBe('Sergei Lavrov');
  });

  it('pairs single curly marks but not apostrophes', () => {
    const text = '‘Russia’s patience is not endless,’ said Sergei Lavrov.';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: 'Russia’s patience is not endless', speaker: 'Sergei Lavrov', kind: 'direct' }]);
    expect(findQuoteSpans("Don't say the diplomats' cars won't move.")).toEqual([]);
  });

  it('drops scare quotes and titles that no speech verb attributes', () => {
    const text = 'The so-called "reset" with Moscow failed. The film "The Interview" angered Pyongyang.';
    expect(quotesOf(article(text))).toEqual([]);
  });

  it('keeps a short quote that a naming verb right before it attributes, and one after it in the same sentence', () => {
    const text = 'Sergei Lavrov called the measures "unjustified" and based on "false claims".';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([
      { text: 'unjustified', speaker: 'Sergei Lavrov', kind: 'direct' },
      { text: 'false claims', speaker: 'Sergei Lavrov', kind: 'direct' },
    ]);
  });

  it('keeps a short quote framed by a verb of judgement next to it', () => {
    const text = 'Sergei Lavrov dismissed the report as "propaganda".';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: 'propaganda', speaker: 'Sergei Lavrov', kind: 'direct' }]);
  });

  it('keeps a short quote that is attributed', () => {
    expect(quotesOf(article('"Never," Sergei Lavrov said.', [LAVROV]))).toEqual([{ text: 'Never', speaker: 'Sergei Lavrov', kind: 'direct' }]);
  });
});

describe('pronoun speakers', () => {
  it('resolves "he said" to the latest person mention', () => {
    const text = 'John Kerry arrived in Moscow. "It is a good day for peace," he said.';
    const a = article(text, [
      { text: 'John Kerry', kind: 'person', code: 'USAGOV' },
      { text: 'Moscow', kind: 'location', code: null },
    ]);
    expect(quotesOf(a)[0].speaker).toBe('John Kerry');
  });

  it('prefers the subject of the latest sentence with a person for "he"', () => {
    const text = 'Emmanuel Macron met Xi Jinping. He added: "Nobody wins a trade war."';
    const a = article(text, [
      { text: 'Emmanuel Macron', kind: 'person', code: 'FRAGOV' },
      { text: 'Xi Jinping', kind: 'person', code: 'CHNGOV' },
    ]);
    expect(quotesOf(a)[0].speaker).toBe('Emmanuel Macron');
  });

  it('follows a pronoun mention to its antecedent', () => {
    const text = 'Angela Merkel met John Kerry. "We agreed on everything," she said.';
    const a = article(text, [
      { text: 'Angela Merkel', kind: 'person', code: 'DEUGOV' },
      { text: 'John Kerry', kind: 'person', code: 'USAGOV' },
      { text: 'she', kind: 'person', code: null, name: undefined, antecedent: 0 },
    ]);
    a.mentions[2].name = null;
    expect(addQuotes(a).quotes[0].speaker).toMatchObject({ name: 'Angela Merkel', code: 'DEUGOV' });
  });
});

describe('reported speech', () => {
  it.each([
    ['Sergei Lavrov says that the talks failed.', 'the talks failed'],
    ['Sergei Lavrov said the sanctions will stay.', 'the sanctions will stay'],
    ['According to Sergei Lavrov, the deal is dead.', 'the deal is dead'],
    ['The army withdrew, Sergei Lavrov said on Monday.', 'The army withdrew'],
    ['The talks collapsed, according to Sergei Lavrov.', 'The talks collapsed'],
    ['Sergei Lavrov told reporters on Monday that Russia will expel 755 diplomats.', 'Russia will expel 755 diplomats'],
  ])('%s', (text, clause) => {
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: clause, speaker: 'Sergei Lavrov', kind: 'reported' }]);
  });

  it.each([
    ['Sergei Lavrov offered talks, warning in a televised address that neither side could afford a war.', 'neither side could afford a war'],
    ['Sergei Lavrov, who hosted the talks, said all participants had agreed.', 'all participants had agreed'],
    ['The ceasefire collapsed overnight, according to Sergei Lavrov.', 'The ceasefire collapsed overnight'],
    ['In late April, voters could face a runoff, according to Sergei Lavrov.', 'In late April, voters could face a runoff'],
  ])('reports with the speaker elsewhere in the sentence: %s', (text, clause) => {
    expect(quotesOf(article(text, [LAVROV]))).toEqual([{ text: clause, speaker: 'Sergei Lavrov', kind: 'reported' }]);
  });

  it('ends a report where another speaker\'s report begins', () => {
    const text = 'Sergei Lavrov insisted the deal was fair, but John Kerry said it would fail.';
    expect(quotesOf(article(text, [LAVROV, { text: 'John Kerry', kind: 'person', code: 'USAGOV' }]))).toEqual([
      { text: 'the deal was fair', speaker: 'Sergei Lavrov', kind: 'reported' },
      { text: 'it would fail', speaker: 'John Kerry', kind: 'reported' },
    ]);
  });

  it('takes the speaker of "he said, adding that" from the speech verb, not from the quote', () => {
    const text = '"Our patience has limits," Sergei Lavrov said, adding that talks would continue next week.';
    expect(quotesOf(article(text, [LAVROV]))).toContainEqual({ text: 'talks would continue next week', speaker: 'Sergei Lavrov', kind: 'reported' });
  });

  it('reads a long "according to" source up to its comma', () => {
    const text = 'According to a statement released by the ministry late on Sunday, three soldiers were killed.';
    const a = article(text, [{ text: 'ministry', kind: 'organization', code: 'RUSGOV' }]);
    expect(quotesOf(a)).toEqual([{ text: 'three soldiers were killed', speaker: 'ministry', kind: 'reported' }]);
  });

  it('gives two reports joined by "and" the same speaker and ends the first before the second', () => {
    const text = 'Sergei Lavrov said the alliance would hold more exercises, and told journalists that no ally would be left alone.';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([
      { text: 'the alliance would hold more exercises', speaker: 'Sergei Lavrov', kind: 'reported' },
      { text: 'no ally would be left alone', speaker: 'Sergei Lavrov', kind: 'reported' },
    ]);
  });

  it('reports a clause that holds a partial quote, and the quote itself', () => {
    const text = 'Sergei Lavrov warned that the attack would "not be left without consequences."';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([
      { text: 'the attack would "not be left without consequences."', speaker: 'Sergei Lavrov', kind: 'reported' },
      { text: 'not be left without consequences.', speaker: 'Sergei Lavrov', kind: 'direct' },
    ]);
  });

  it('finds no reported clause in passives, bare objects or outlets', () => {
    const text = 'Sergei Lavrov is said to be angry. Sergei Lavrov said nothing. Sergei Lavrov told Reuters.';
    expect(quotesOf(article(text, [LAVROV, { ...LAVROV, nth: 1 }, { ...LAVROV, nth: 2 }]))).toEqual([]);
  });

  it('does not read an infinitive "to say" as a report', () => {
    const text = 'Sergei Lavrov changed his account to say the envoy did discuss the sanctions.';
    expect(quotesOf(article(text, [LAVROV]))).toEqual([]);
  });

  it('keeps offsets that slice back to the quoted words', () => {
    const text = 'Sergei Lavrov said on Monday that the sanctions will fail. "They are a mistake," he said.';
    const a = addQuotes(article(text, [LAVROV]));
    expect(a.quotes).toHaveLength(2);
    for (const q of a.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('quotes: the speaker of an expert quoted several times', () => {
  // Real actors and places stages, so the think tank's city gives the expert a country.
  it('gives every quote of one expert the same affiliation and country', async () => {
    const { createActorRecognizer } = await import('../actors/index.js');
    const { createPlaceRecognizer } = await import('../places/index.js');
    const text =
      '"A year ago, many people here believed in a deal," said Irina Bazhenova, a researcher at the Centre for Euro-Atlantic Studies in Moscow. ' +
      'Officials in Washington disagreed. "What we have now is a ratchet," said Daniel Okafor, a senior fellow for Russia and Eurasia at the Atlantic Policy Forum in Washington. ' +
      'Bazhenova was gloomier. "The best we can hope for is that things stop getting worse," she said.';
    const a = createPlaceRecognizer()(createActorRecognizer()(buildTokenizedArticle(text, { published: '2017-11-10' })));
    addQuotes(a);
    const speakers = a.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker);
    const bazhenova = speakers.filter((s) => s?.name === 'Irina Bazhenova');
    expect(bazhenova).toHaveLength(2);
    for (const s of bazhenova) expect(s).toMatchObject({ code: 'RUSNGO', country: 'RUS', affiliation: 'Centre for Euro-Atlantic Studies' });
    expect(speakers.find((s) => s?.name === 'Daniel Okafor')).toMatchObject({ affiliation: 'Atlantic Policy Forum', country: 'USA' });
  });
});

describe('quotes: a name the speaker gave', () => {
  it('takes "who gave his name only as Kelvin" as the speaker\'s name', () => {
    const a = article('"We are not going home," said a 22-year-old student who gave his name only as Kelvin.');
    addQuotes(a);
    expect(a.quotes[0]?.speaker?.name).toBe('Kelvin');
  });
});

describe('the head of a speaker phrase speaks (issue 10)', () => {
  it('is not the possessor', () => {
    const a = addQuotes(article("Mr Ebbers's lawyers have said he was unaware of the fraud.", [{ text: 'Ebbers', kind: 'person', code: null }]));
    expect(a.quotes[0]?.speaker?.name).toBe('lawyers');
  });
  it('is not the person of a complement, but an organisation it speaks for', () => {
    const a = addQuotes(article('A spokesman for her lawyers described the decision as "very disappointing".', [{ text: 'her', kind: 'person', code: null, name: 'Jane Roe' }]));
    expect(a.quotes[0]?.speaker?.name).not.toBe('Jane Roe');
    const b = addQuotes(article('A spokesman for the Kremlin said the talks would go on.', [{ text: 'Kremlin', kind: 'organization', code: 'RUSGOV' }]));
    expect(b.quotes[0]?.speaker?.code).toBe('RUSGOV');
  });
});

describe('speakers of participles, remit lists and "it said" (issue 10)', () => {
  it('gives a quote after ", saying" the subject of the main verb', () => {
    const a = addQuotes(article('But Morrison vowed to ignore the order, saying "no judge is going to stop me".', [{ text: 'Morrison', kind: 'person', code: null }]));
    expect(a.quotes.find((q) => q.kind === 'direct')?.speaker?.name).toBe('Morrison');
  });
  it('reads an institution whose name lists its remits as one speaker', () => {
    const text = 'Revenue will rise by 700 mln shillings, a statement from the Ministry of Finance, Economic Affairs and Planning said.';
    const a = addQuotes(article(text, [{ text: 'Ministry of Finance', kind: 'organization', code: null }]));
    expect(a.quotes[0]?.speaker?.name).toBe('Ministry of Finance');
  });
  it('lets "it said" go on with the source just reported, not a country named in passing', () => {
    const text = 'According to the statement, prices had to rise. Power cuts had reduced the output of Tanzanian factories, it said.';
    const a = addQuotes(article(text, [{ text: 'Tanzanian', kind: 'country', code: 'TZA', name: 'Tanzania' }]));
    expect(a.quotes.map((q) => q.speaker?.name)).toEqual(['statement', 'statement']);
  });
  it('still lets "it said" name an organisation when no source came before', () => {
    const text = 'The Kremlin met the envoy on Monday. Talks would go on, it said.';
    const a = addQuotes(article(text, [{ text: 'Kremlin', kind: 'organization', code: 'RUSGOV' }]));
    expect(a.quotes[0]?.speaker?.code).toBe('RUSGOV');
  });
});
