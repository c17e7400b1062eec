import { describe, expect, it } from 'vitest';
import { buildTokenizedArticle } from '../../model/build.js';
import type { Article } from '../../model/article.js';
import type { Mention } from '../../model/mention.js';
import { createActorRecognizer } from './index.js';
import { createPlaceRecognizer } from '../places/index.js';

const actors = createActorRecognizer();
const places = createPlaceRecognizer();

function analyse(text: string, published: string | null = '2017-11-09', author: string | null = null): Article {
  return places(actors(buildTokenizedArticle(text, { published, author })));
}

/** The mention whose text is exactly `words` (the first one, or the nth). */
function mention(article: Article, words: string, nth = 0): Mention | undefined {
  return article.mentions.filter((m) => m.text === words)[nth];
}

describe('actors: countries and roles', () => {
  it.each([
    ['Russian diplomats were expelled on Monday.', 'Russian diplomats', 'RUSGOV'],
    ['Yugoslavia lifted a night curfew in Kosovo.', 'Yugoslavia', 'SRB'],
    ['The government blamed al-Shabab for the bombing.', 'al-Shabab', 'SOMREB'],
    ['Militants of al Shabaab attacked.', 'Militants of al Shabaab', 'SOMREB'],
    ['East German border guards opened the gate.', 'East German border guards', 'DDRMIL'],
    ['Zaire recalled its ambassador.', 'Zaire', 'COD'],
    ['The US Congress passed new sanctions.', 'US Congress', 'USALEG'],
    ['The U.S. Congress passed new sanctions.', 'U.S. Congress', 'USALEG'],
    ['Ukrainian separatists shelled the town.', 'Ukrainian separatists', 'UKRREB'],
    ['The Kremlin said the sanctions were illegal.', 'Kremlin', 'RUSGOV'],
    ['The Pentagon announced new exercises.', 'Pentagon', 'USAMIL'],
    ['A Pentagon spokesman declined to comment.', 'Pentagon spokesman', 'USAMIL'],
    ['The State Department summoned the envoy.', 'State Department', 'USAGOV'],
    ["Russia's Foreign Ministry protested.", "Russia's Foreign Ministry", 'RUSGOV'],
    ['The foreign minister of Iran arrived.', 'foreign minister of Iran', 'IRNGOV'],
    ['The American ambassador to Moscow was summoned.', 'American ambassador to Moscow', 'USAGOV'],
    ['Iranian state TV reported the launch.', 'Iranian state TV', 'IRNMED'],
    ['The Russian military court jailed him.', 'Russian military court', 'RUSJUD'],
    ['British police arrested two men.', 'British police', 'GBRCOP'],
    ['Chinese companies won the contract.', 'Chinese companies', 'CHNBUS'],
    ['The Syrian opposition rejected the plan.', 'Syrian opposition', 'SYROPP'],
    ['The UK government responded.', 'UK government', 'GBRGOV'],
    ['The Élysée welcomed the decision.', 'Élysée', 'FRAGOV'],
    ['The Quai d’Orsay issued a statement.', 'Quai d’Orsay', 'FRAGOV'],
    ['Kyiv said it would retaliate.', 'Kyiv', 'UKRGOV'],
    ['Russia condemned the strike.', 'Russia', 'RUS'],
    ['A former Russian diplomat spoke.', 'former Russian diplomat', 'RUSELI'],
  ])('%s -> %s is %s', (text, words, code) => {
    expect(mention(analyse(text), words)?.code).toBe(code);
  });

  it('reads a capital that acts as its government and a capital after "in" as a place', () => {
    const a = analyse('Moscow expelled 23 British diplomats working in Moscow.');
    const [actor, place] = a.mentions.filter((m) => m.text === 'Moscow');
    expect(actor).toMatchObject({ kind: 'country', code: 'RUSGOV', country: 'RUS', role: 'GOV' });
    expect(place).toMatchObject({ kind: 'location', code: null, country: 'RUS', name: 'Moscow' });
  });

  it.each([
    ['Pro-Russian separatists in the Donbas attacked.', 'separatists', 'UKRREB', 'RUS'],
    ['U.S.-backed rebels in northern Syria attacked.', 'rebels', 'SYRREB', 'USA'],
    ['Russian-backed rebels in eastern Ukraine fired.', 'rebels', 'UKRREB', 'RUS'],
    ['U.S.-backed rebels attacked a base near the Iraqi border, officials in Washington said.', 'rebels', null, 'USA'],
  ])('does not give a backing country to the group it backs: %s', (text, words, code, backer) => {
    const a = analyse(text);
    expect(mention(a, words)?.code ?? null).toBe(code);
    expect(a.mentions.find((m) => m.text.startsWith('U') && m.country === backer && m.kind !== 'group')).toBeUndefined();
    expect(a.mentions.find((m) => m.text === words && m.country === backer)).toBeUndefined();
  });

  it.each([
    ['They fought “U.S.-controlled bandit formations”.'],
    ['Trucks used the Baghdad-Damascus highway near al-Tanf.'],
  ])('makes no empty or partial mention of a hyphenated compound: %s', (text) => {
    const a = analyse(text);
    for (const m of a.mentions) {
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.kind === 'location' || m.code === null).toBe(true);
    }
  });

  it.each([
    ['Congress passed the bill.', 'Congress', 'USALEG'],
    ['The Senate voted on Friday.', 'Senate', 'USALEG'],
    ["Russia's State Duma voted on Friday.", "Russia's State Duma", 'RUSLEG'],
    ['The Philippine Senate voted on Friday.', 'Philippine Senate', 'PHLLEG'],
  ])('gives a capitalized institution its usual country only when none is written: %s', (text, words, code) => {
    expect(mention(analyse(text), words)?.code).toBe(code);
  });

  it('reads coordinated capitals as governments', () => {
    const a = analyse('Washington and Moscow agreed on a truce.');
    expect(a.mentions.map((m) => m.code)).toEqual(['USAGOV', 'RUSGOV']);
  });

  it('needs a capital for role words that are ordinary words in lower case', () => {
    const a = analyse('The house where he was born in Vienna will become a police station. The House voted.');
    expect(a.mentions.filter((m) => m.role === 'LEG').map((m) => m.text)).toEqual(['House']);
  });

  it('reads capitals after "via" and in lists of places as places', () => {
    const a = analyse('He flew via Moscow and Paris to Mexico.');
    expect(a.mentions.filter((m) => m.code !== null)).toEqual([]);
  });

  it('does not take "us" for the United States', () => {
    const a = analyse('He told us that the talks failed.');
    expect(a.mentions.find((m) => m.country === 'USA')).toBeUndefined();
  });

  it('shares a role across coordinated countries only when written, not by guess', () => {
    const a = analyse('US and Russian diplomats met in Geneva.');
    expect(mention(a, 'Russian diplomats')?.code).toBe('RUSGOV');
    expect(mention(a, 'Geneva')?.kind).toBe('location');
  });
});

describe('actors: organizations and meetings', () => {
  it.each([
    ['The UN Security Council met on Friday.', 'UN Security Council', 'IGOUNO'],
    ['NATO warned Moscow.', 'NATO', 'IGOWSTNAT'],
    ['The EU imposed sanctions.', 'EU', 'IGOEUREEC'],
    ['The OSCE sent monitors.', 'OSCE', 'IGOEUROSC'],
    ['Amnesty International condemned the arrests.', 'Amnesty International', 'NGOHRIAMN'],
    ['The IAEA inspected the site.', 'IAEA', 'IGOUNO'],
  ])('%s -> %s is %s', (text, words, code) => {
    expect(mention(analyse(text), words)?.code).toBe(code);
  });

  it.each(['G20', 'G7', 'APEC', 'BRICS'])('reads %s as a meeting, never a country', (name) => {
    const a = analyse(`Leaders met at the ${name} summit in Hamburg.`);
    expect(mention(a, name)).toMatchObject({ kind: 'organization', code: null, country: null });
  });
});

describe('actors: people by date', () => {
  it('codes "President Trump" as USAGOV in 2017', () => {
    const m = mention(analyse('President Trump signed the bill.', '2017-08-02'), 'President Trump');
    expect(m).toMatchObject({ kind: 'person', code: 'USAGOV', name: 'Donald Trump' });
  });

  it('does not code Trump as government before his tenure', () => {
    const m = mention(analyse('President Trump signed the bill.', '2015-06-01'), 'President Trump');
    expect(m?.kind).toBe('person');
    expect(m?.code).not.toBe('USAGOV');
  });

  it('codes a former office holder as elite after the tenure', () => {
    expect(mention(analyse('Barack Obama gave a speech.', '2018-03-01'), 'Barack Obama')?.code).toBe('USAELI');
  });

  it.each([
    ['Mike Pompeo visited Seoul.', '2017-06-01', 'USASPY'],
    ['Mike Pompeo visited Seoul.', '2019-06-01', 'USAGOV'],
  ])('%s on %s -> %s', (text, date, code) => {
    expect(mention(analyse(text, date), 'Mike Pompeo')?.code).toBe(code);
  });

  it('reads a lone surname as the person only when it reads as a name', () => {
    expect(analyse('Johnson shares rose.', '2023-06-01').mentions.filter((m) => m.kind === 'person')).toEqual([]);
    expect(mention(analyse('Johnson said the talks would go on.', '2020-06-01'), 'Johnson')?.code).toBe('GBRGOV');
    expect(mention(analyse('Shares rose. Obama spoke.', '2018-01-01'), 'Obama')?.name).toBe('Barack Obama');
  });

  it('matches names written with accents or without', () => {
    const a = analyse('Erdoğan met Erdogan’s critics.');
    expect(a.mentions.filter((m) => m.name === 'Recep Tayyip Erdogan').length).toBeGreaterThanOrEqual(1);
  });
});

describe('actors: people described in the text', () => {
  it.each([
    ['"It is a signal," said Anna Weber, a researcher at the German think tank Zeitwende.', 'Zeitwende'],
    ['"It is a signal," said Anna Weber, a researcher at the German think tank SWP.', 'German Institute for International and Security Affairs'],
  ])('takes code and affiliation from an apposition with a think tank: %s', (text, affiliation) => {
    const a = analyse(text);
    expect(mention(a, 'Anna Weber')).toMatchObject({ kind: 'person', code: 'DEUNGO', affiliation });
    expect(a.mentions.find((m) => m.text === 'It')).toBeUndefined();
  });

  it('reads "X of the Carnegie Moscow Center"', () => {
    const a = analyse('Dmitri Trenin of the Carnegie Moscow Center said the move was symbolic.');
    expect(mention(a, 'Dmitri Trenin')).toMatchObject({ code: 'RUSNGO', affiliation: 'Carnegie Moscow Center' });
  });

  it('reads a description before the name', () => {
    const a = analyse("The EU's new envoy to the region, Pieter Maas, arrived on Monday.");
    expect(mention(a, 'Pieter Maas')).toMatchObject({ kind: 'person', code: 'IGOEUREEC' });
  });

  it('reads "who heads" clauses', () => {
    const a = analyse('Li Wei, who heads the Chinese institute CICIR, disagreed.');
    expect(mention(a, 'Li Wei')).toMatchObject({ code: 'CHNNGO', affiliation: 'CICIR' });
  });

  it('reads role words before a name', () => {
    const a = analyse('Russian Foreign Ministry spokeswoman Irina Volkova denied it.');
    const m = mention(a, 'Russian Foreign Ministry spokeswoman Irina Volkova');
    expect(m).toMatchObject({ kind: 'person', code: 'RUSGOV', name: 'Irina Volkova', affiliation: 'Russian Foreign Ministry' });
  });

  it('keeps unknown names as uncoded persons so that quotes can use them', () => {
    const m = mention(analyse('"We will see," said Laura Pennington.'), 'Laura Pennington');
    expect(m).toMatchObject({ kind: 'person', code: null, name: 'Laura Pennington' });
  });

  it('reads a new organization from its name and head word', () => {
    const m = mention(analyse('Experts at the Odessa Centre for Regional Studies disagree.'), 'Odessa Centre for Regional Studies');
    expect(m).toMatchObject({ kind: 'organization', code: 'UKRNGO' });
  });
});

describe('actors: later mentions', () => {
  it('resolves a surname to the earlier full name', () => {
    const a = analyse('Dmitri Trenin of the Carnegie Moscow Center spoke. Trenin said the talks failed.');
    const later = a.mentions.find((m) => m.text === 'Trenin');
    expect(later).toMatchObject({ kind: 'person', code: 'RUSNGO', name: 'Dmitri Trenin' });
    expect(a.mentions[later!.antecedent!].text).toBe('Dmitri Trenin');
  });

  it('links a surname to the person the article named, not to a namesake in the dictionary', () => {
    const a = analyse("Syria's envoy Bashar al-Jaafari spoke at length. Mr Jaafari then left.");
    expect(mention(a, 'Mr Jaafari')).toMatchObject({ name: 'Bashar al-Jaafari', code: 'SYRGOV' });
  });

  it('resolves a title to the person who holds it', () => {
    const a = analyse('Recep Tayyip Erdogan met Vladimir Putin. The Turkish president said the talks went well.');
    expect(mention(a, 'Turkish president')).toMatchObject({ code: 'TURGOV', name: 'Recep Tayyip Erdogan' });
  });

  it('resolves "he" as the subject of a sentence', () => {
    const a = analyse('Sergei Lavrov arrived in Geneva. He said nothing.');
    const he = mention(a, 'He');
    expect(he).toMatchObject({ kind: 'person', code: 'RUSGOV', name: 'Sergei Lavrov' });
    expect(a.mentions[he!.antecedent!].text).toBe('Sergei Lavrov');
  });

  it('does not invent an antecedent for a pronoun with none', () => {
    expect(mention(analyse('He said nothing.'), 'He')).toBeUndefined();
  });
});

describe('actors: never actors', () => {
  it('reads a compass adjective before a place as part of the place, and alone as the West', () => {
    expect(mention(analyse('Forces retook a village in Western Cambodia.'), 'Western')).toBeUndefined();
    expect(mention(analyse('Fighting spread in Northern Iraq.'), 'Northern')).toBeUndefined();
    expect(mention(analyse('Western governments protested.'), 'Western governments')?.code).toBe('WST');
    expect(mention(analyse('The talks angered the West and Western Europe alike, Russia said.'), 'Western')).toBeUndefined();
  });

  it.each([
    ['Putin met Xi in Beijing.\nPhoto: John Smith/AFP\nThe talks lasted two hours.'],
    ['Putin met Xi in Beijing.\nThe leaders shake hands.\nJohn Smith/AFP\nThe talks lasted two hours.'],
    ['Putin met Xi in Beijing.\nReuters/John Smith\nThe talks lasted two hours.'],
  ])('drops names in a photo credit: %s', (text) => {
    const a = analyse(text);
    expect(a.mentions.find((m) => m.text.includes('John Smith') || m.text === 'AFP' || m.text === 'Reuters')).toBeUndefined();
    expect(a.mentions.find((m) => m.text === 'Putin')?.code).toBe('RUSGOV');
  });

  it.each([
    ['"This is dangerous," Maria Lind told Reuters.', 'Reuters'],
    ['"This is dangerous," Maria Lind told the Guardian.', 'Guardian'],
    ['Maria Lind said in an interview with CNN that it was dangerous.', 'CNN'],
  ])('gives no actor code to the publisher in %s', (text, publisher) => {
    const m = mention(analyse(text), publisher);
    expect(m === undefined || m.code === null).toBe(true);
  });

  it('keeps a media organization that acts as an actor', () => {
    expect(mention(analyse('Iranian state TV broadcast the speech.'), 'Iranian state TV')?.code).toBe('IRNMED');
  });

  it("drops the byline's author", () => {
    const a = analyse('Sergei Lavrov met Rex Tillerson. Thomas Redding contributed reporting.', '2017-11-09', 'Thomas Redding');
    expect(a.mentions.find((m) => m.text.includes('Redding'))).toBeUndefined();
  });
});

describe('actors: spans', () => {
  it('gives every mention a span that slices back to its text', () => {
    const a = analyse('On Monday, Russian diplomats and the US Congress clashed over the G20 agenda in Hamburg.');
    for (const m of a.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('actors: peoples, adjectives and nouns that refer back', () => {
  it('reads a plural demonym as the people of the country; a lone adjective stays the country (the coder needs "the American move")', () => {
    const a = analyse('Syrians gathered in the square. Putin called the American move a provocation.');
    expect(mention(a, 'Syrians')?.code).toBe('SYRCVL');
    expect(mention(a, 'American')?.code).toBe('USA');
  });

  it('names military hardware and border guards as the military', () => {
    const a = analyse('Indian fighter jets crossed the line, and Russian border guards moved fences.');
    expect(mention(a, 'Indian fighter jets')?.code).toBe('INDMIL');
    expect(mention(a, 'Russian border guards')?.code).toBe('RUSMIL');
  });

  it('reads "the Syrian border" and "the German capital" as places', () => {
    const a = analyse('The jet crashed near the Syrian border, far from the German capital.');
    expect(mention(a, 'Syrian border')).toMatchObject({ kind: 'location', code: null, country: 'SYR' });
    expect(mention(a, 'German capital')).toMatchObject({ kind: 'location', code: null, country: 'DEU' });
  });

  it.each([
    ['The European Union warned Serbia on Monday. The bloc said talks would go on.', 'bloc', 'IGOEUREEC'],
    ['The IAEA said Iran had complied. The agency will inspect the site.', 'agency', 'IGOUNO'],
    ['Apple says the company paid its taxes.', 'company', 'USABUS'],
    ["Greece's prime minister said his country could not cope alone.", 'country', 'GRC'],
    ['Qatar rejected the demands. The emirate called them unjustified.', 'emirate', 'QAT'],
  ])('links a noun that refers back to an earlier actor: %s', (text, words, code) => {
    expect(mention(analyse(text), words)?.code).toBe(code);
  });

  it('drops such a noun when nothing fits, and the reporters someone talks to', () => {
    const a = analyse('The alliance grew, the minister told reporters.');
    expect(mention(a, 'alliance')).toBeUndefined();
    expect(mention(a, 'reporters')).toBeUndefined();
  });
});

describe('actors: pronouns by gender', () => {
  const antecedentName = (a: Article, words: string, nth = 0) => {
    const m = mention(a, words, nth);
    return m?.antecedent === undefined ? null : a.mentions[m.antecedent].name;
  };

  it('links "she" and "he" to the nearest person of the fitting gender', () => {
    const a = analyse('Angela Merkel met Vladimir Putin in Sochi. She said he had not listened.', '2018-05-18');
    expect(antecedentName(a, 'She')).toBe('Angela Merkel');
    expect(antecedentName(a, 'he')).toBe('Vladimir Putin');
  });

  it('reads gender from titles and "-woman" roles for people the dictionary lacks', () => {
    const a = analyse('Ms Lena Hoffmann met Mr Tom Brown on Monday. He said the talks were useful.');
    expect(antecedentName(a, 'He')).toBe('Tom Brown');
  });

  it('links "his", "her" and "him" to a person', () => {
    const a = analyse("Greece's prime minister said his country could not cope alone.", '2016-03-19');
    expect(mention(a, 'his')?.code).toBe('GRCGOV');
    const b = analyse('Juan Guaidó declared himself interim president. The United States recognised him.', '2019-01-24');
    expect(mention(b, 'him')?.code).toBe('VENOPP');
  });

  it('does not read a pronoun inside a quote as the speaker', () => {
    const a = analyse('Aung San Suu Kyi addressed the court. Outside, an activist, Yasmin Ullah, said: "She has chosen to defend the generals."', '2019-12-12');
    expect(mention(a, 'She')?.code).toBe('MMRGOV');
  });
});

describe('actors: credits, bylines and the author', () => {
  it.each([
    ['Lukashenko spoke to a rally. Photo credit: Andrei Zubov / Minsk Photo Pool', 'Andrei Zubov'],
    ['Rouhani arrived in New York. (Photo: Sara Lindqvist/Northlight Images)', 'Sara Lindqvist'],
    ['The talks resumed. Reporting by Kenji Morita; editing by Paul Haines', 'Kenji Morita'],
    ['The talks resumed. Text by Claire Dubois; photographs by Musa Kiprono for Eastline Press.', 'Musa Kiprono'],
    ['"We were abandoned," an SDF commander, Hevi Mustafa, told this reporter, Tom Brennan, by phone.', 'Tom Brennan'],
  ])('never makes an actor of credited people: %s', (text, name) => {
    const a = analyse(text);
    expect(a.mentions.find((m) => m.text.includes(name.split(' ')[1]))).toBeUndefined();
    expect(a.mentions.find((m) => m.text === 'reporter')).toBeUndefined();
  });
});

describe('actors: organizations the dictionary lacks', () => {
  it.each([
    ['Irina Bazhenova, a researcher at the Centre for Euro-Atlantic Studies in Moscow, said no.', 'Centre for Euro-Atlantic Studies', 'Irina Bazhenova', 'RUSNGO'],
    ['"No quick deal," said Yuki Tanaka of the Tokyo Institute for Strategic Studies.', 'Tokyo Institute for Strategic Studies', 'Yuki Tanaka', 'JPNNGO'],
    ['Chen Rui, an economist at the Shanghai-based Eastbridge Research Centre, called it a pause.', 'Eastbridge Research Centre', 'Chen Rui', 'CHNNGO'],
    ['"Europe is paying," said Lena Hoffmann of the Berlin-based charity Open Borders Watch.', 'charity Open Borders Watch', 'Lena Hoffmann', 'DEUNGO'],
  ])('names and places them, and their experts: %s', (text, org, person, code) => {
    const a = analyse(text);
    expect(mention(a, org)).toMatchObject({ kind: 'organization', code });
    expect(mention(a, person)?.code).toBe(code);
  });
});

describe('actors: names that are not people, and names that are', () => {
  it('reads a name before a common noun as a thing ("Storm Shadow cruise missiles")', () => {
    const a = analyse('Theresa May said four RAF Tornado jets had fired Storm Shadow cruise missiles. She said the aim was narrow.', '2018-04-15');
    expect(a.mentions.find((m) => m.text.includes('Storm'))).toBeUndefined();
    expect(a.mentions.find((m) => m.text.includes('Tornado'))).toBeUndefined();
    expect(mention(a, 'She')?.code).toBe('GBRGOV');
  });

  it('reads a known surname followed by an unknown given name as another person ("Yoon Ha-eun")', () => {
    const a = analyse('"No," said Yoon Ha-eun, a research fellow at the Seoul Institute for Peninsula Affairs.', '2017-08-09');
    expect(mention(a, 'Yoon Ha-eun')?.code).toBe('KORNGO');
    const b = analyse('According to Park Min-ji, a security analyst at Hanbit University in Seoul, neither side wants war.', '2017-08-09');
    expect(mention(b, 'Park Min-ji')?.code).toBe('KOREDU');
  });

  it('reads the Treasury as the US government', () => {
    expect(mention(analyse('US Treasury officials warned of the risks.'), 'US Treasury officials')?.code).toBe('USAGOV');
  });
});

describe('actors: groups named again', () => {
  it('gives "the rebels", "the government\'s delegation" the country of the group named before', () => {
    const a = analyse("RIMBO, Sweden — Yemen's government and the Houthi rebels agreed on a truce. The government's delegation had refused to sit with the rebels.", '2018-12-13');
    expect(mention(a, 'government', 0)?.code).toBe('YEMGOV');
    expect(mention(a, 'delegation')?.code).toBe('YEMGOV');
    expect(mention(a, 'rebels')?.code).toBe('YEMREB');
  });

  it('links "the spokesman" to a spokesman described before', () => {
    const a = analyse('A German government spokesman said talks would resume. "Nobody expects a miracle," the spokesman, Stefan Albrecht, told reporters.', '2019-10-30');
    expect(mention(a, 'Stefan Albrecht')?.code).toBe('DEUGOV');
  });

  it('keeps "the foreign minister of Iran" one phrase (the coder reads "the leaders of A, B and C" as one subject)', () => {
    expect(mention(analyse('The foreign minister of Iran arrived.'), 'foreign minister of Iran')?.code).toBe('IRNGOV');
  });
});

describe('actors: acronyms, "they", inspectors and counts', () => {
  it('reads an acronym the article introduced as the organization again', () => {
    const a = analyse('Olha Savchuk, a sociologist at the Kyiv Institute for Social Research (KISR), said no. KISR polled voters in March.');
    expect(mention(a, 'KISR')).toMatchObject({ kind: 'organization', code: 'UKRNGO' });
    expect(a.mentions.filter((m) => m.text === 'KISR')).toHaveLength(1);
  });

  it('links "they" to the group named before', () => {
    const a = analyse('Russian troops crossed the border overnight. Officials said they had orders to stay.', '2014-03-01');
    expect(mention(a, 'they')?.code).toBe('RUSMIL');
  });

  it('gives inspectors the organization that sends them', () => {
    expect(mention(analyse('Inspectors from the Organisation for the Prohibition of Chemical Weapons arrived.'), 'Inspectors from the Organisation for the Prohibition of Chemical Weapons')?.code).toBe('IGOOPC');
    expect(mention(analyse('The IAEA said its inspectors had verified the figures.'), 'inspectors')?.code).toBe('IGOUNO');
  });

  it('places people, rebels and forces where their sentence is set, but not officials', () => {
    const a = analyse('Thousands of people rallied in Moscow on Sunday.', '2017-03-27');
    expect(mention(a, 'people')?.code).toBe('RUSCVL');
    const b = analyse('Government forces shelled eastern Aleppo on Monday. Officials said talks would follow in Geneva.', '2016-10-01');
    expect(mention(b, 'Government forces')?.code).toBe('SYRMIL');
    expect(mention(b, 'Officials')?.code).not.toBe('CHEGOV');
  });
});

describe('actors: regions and region blocks', () => {
  it.each([
    ['European leaders met in Brussels.', 'European leaders', 'EUR'],
    ['Latin American leaders attended the ceremony.', 'Latin American leaders', 'LAM'],
    ['"We have seen this before," said a Western ambassador.', 'Western ambassador', 'WST'],
    ['European companies fear American sanctions.', 'European companies', 'EURBUS'],
    ['"The clock is ticking for Europe," he said.', 'Europe', 'EUR'],
    ['Turkey recalled its ambassadors.', 'Turkey', 'TUR'],
  ])('%s -> %s is %s', (text, words, code) => {
    expect(mention(analyse(text), words)?.code).toBe(code);
  });

  it('reads a country inside a longer place name as part of the place', () => {
    const a = analyse('The tribunal ruled on the South China Sea. Migrants travel to Europe.');
    expect(mention(a, 'South China Sea')).toMatchObject({ kind: 'location', code: null });
    expect(a.mentions.find((m) => m.country === 'CHN')).toBeUndefined();
    expect(mention(a, 'Europe')).toMatchObject({ kind: 'location', code: null });
  });
});

describe('actors: organization names with "and", placed by a description', () => {
  it('reads "the Institute for Maritime and Air Power, a London think tank" as one British organization', () => {
    const a = analyse('"It punishes the use," said Tobias Wrenfield, a senior research fellow at the Institute for Maritime and Air Power, a London think tank.', '2018-04-15');
    expect(mention(a, 'Institute for Maritime and Air Power')?.code).toBe('GBRNGO');
    expect(mention(a, 'Tobias Wrenfield')?.code).toBe('GBRNGO');
  });
});
