import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanText } from './clean-text.js';
import { normalizeCharacters } from './normalize.js';
import { buildParagraphs, wrapWidth } from './paragraphs.js';
import { parseByline, parseDateLine } from './header.js';
import { endsWithCredit, isCreditLine, isFurnitureLine } from './furniture.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8');

describe('normalizeCharacters', () => {
  it('applies NFC, drops zero-width characters and turns NBSP and tabs into single spaces', () => {
    expect(normalizeCharacters('Cafe\u0301\u00A0\u00A0au\u200B lait\tnoir')).toBe('Café au lait noir');
  });

  it('normalises line breaks and trims lines', () => {
    expect(normalizeCharacters('one  \r\ntwo\rthree\u2028four')).toBe('one\ntwo\nthree\nfour');
  });

  it.each([
    ['„Wir sind bereit“, sagte er', '“Wir sind bereit”, sagte er'],
    ['»Nein«, sagte sie', '“Nein”, sagte sie'],
    ['« Non », a-t-il dit', '“Non”, a-t-il dit'],
    ["He said ``yes'' twice", 'He said “yes” twice'],
    ["She said ''no'' again", 'She said “no” again'],
    ['a 12″ screen', 'a 12" screen'],
    ['‚klein‘ genug', '‘klein’ genug'],
  ])('maps exotic quotes in %j keeping open and close apart', (input, expected) => {
    expect(normalizeCharacters(input)).toBe(expected);
  });

  it('leaves standard curly and straight quotes alone', () => {
    const s = '“Yes,” he said. \'Fine\' and "ok" and ‘single’';
    expect(normalizeCharacters(s)).toBe(s);
  });
});

describe('cleanText on a page copied with its furniture', () => {
  const result = cleanText(fixture('furniture-page.txt'));

  it('reads the title, byline and first publication date from the header', () => {
    expect(result.title).toBe('Coastal states sign pact on fishing quotas after week of talks');
    expect(result.author).toBe('Marta Keller');
    expect(result.published).toBe('2023-03-14');
  });

  it('removes navigation, captions with credits, read-more, share, cookie, advert and copyright lines', () => {
    for (const gone of [
      'Skip to content', 'Menu', 'Home', 'Sign in', 'Subscribe', 'Share this article', 'Fishing boats are moored',
      'Photo:', 'Getty', 'Read more', 'trawlers', 'Advertisement', 'Related:', 'newsletter', 'cookies', '©',
      'By Marta Keller', 'Published', 'Updated',
    ]) {
      expect(result.text).not.toContain(gone);
    }
  });

  it('keeps the body, with the section heading as its own paragraph', () => {
    expect(result.text.split('\n\n')).toEqual([
      expect.stringMatching(/^Ministers from five coastal states signed an agreement/),
      expect.stringMatching(/^The agreement, reached after a week of negotiations.*“We have found common ground,” the chair/),
      'What happens next',
      'Parliaments in all five states must ratify the pact before it takes effect. Critics said the caps were too generous.',
    ]);
  });
});

describe('cleanText header lines', () => {
  it('reads an agency byline and a US-style date line', () => {
    const result = cleanText(fixture('byline-agency.txt'));
    expect(result).toMatchObject({ title: 'Rail workers call off strike after pay offer', author: 'Tom Brennan', published: '2017-11-09' });
    expect(result.text.startsWith('Rail workers suspended')).toBe(true);
    expect(result.text).toContain('\n\nThe union said');
  });

  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['By Jane Doe and John Roe', 'Jane Doe and John Roe'],
    ['Jane Doe, Reuters', 'Jane Doe'],
    ['Jane Doe | Staff writer', 'Jane Doe'],
    ['By Jane Doe, Diplomatic Correspondent', 'Jane Doe'],
    ['By Jane Doe in Moscow', 'Jane Doe'],
    ['By JANIE ROE Associated Press', 'JANIE ROE'],
    ['By Staff Reporter', 'Staff Reporter'],
    ['By Sam Roe, Defence and Security Editor', 'Sam Roe'],
    ['By Jane Doe, John Roe and Ann Poe', 'Jane Doe, John Roe and Ann Poe'],
  ])('reads the byline %j', (line, author) => {
    expect(parseByline(line)).toBe(author);
  });

  it.each([
    ['Published 9 November 2017', '2017-11-09'],
    ['Nov. 9, 2017 10:32 AM ET', '2017-11-09'],
    ['2017-11-09T10:32:00Z', '2017-11-09'],
    ['Updated: Thursday 9 November 2017 14:05 GMT', '2017-11-09'],
  ])('reads the date line %j', (line, date) => {
    expect(parseDateLine(line)).toBe(date);
  });

  it('does not take a name with an office for a byline', () => {
    expect(parseByline('Vladimir Putin, Russian President')).toBeNull();
    expect(parseByline('Angela Merkel, German Chancellor')).toBeNull();
  });

  it('does not take a sentence that mentions a date for a date line', () => {
    expect(parseDateLine('The treaty was signed on 9 November 2017 in Paris by both leaders.')).toBeNull();
  });

  it('reads a date line that carries an update time, and skips breadcrumbs when looking for the title', () => {
    const result = cleanText('News › World › Asia\nLIVE: Markets | Weather\nTalks on the border dispute resume in Beijing\nBy Wang Lei\nAugust 2, 2017 | Updated 6:45 p.m. ET\n\nDiplomats from both countries met in Beijing on Wednesday to resume talks on the disputed border.');
    expect(result).toMatchObject({ title: 'Talks on the border dispute resume in Beijing', author: 'Wang Lei', published: '2017-08-02' });
    expect(result.text).toBe('Diplomats from both countries met in Beijing on Wednesday to resume talks on the disputed border.');
  });

  it('takes a bare name beside a date for the byline', () => {
    const result = cleanText('Taras Melnyk · 23 December 2017\n\nKIEV — The government said on Friday it would buy new radar systems for the coast guard.', { findTitle: false });
    expect(result).toMatchObject({ author: 'Taras Melnyk', published: '2017-12-23' });
    expect(result.text.startsWith('KIEV')).toBe(true);
  });

  it('drops a stray byline and date line below the header', () => {
    const result = cleanText('Ministers met in Brussels on Monday to discuss the budget, which has been delayed for months by a dispute over farm subsidies.\nBy Reuters\n9 November 2017\nThey agreed to meet again.');
    expect(result.text).toBe('Ministers met in Brussels on Monday to discuss the budget, which has been delayed for months by a dispute over farm subsidies.\n\nThey agreed to meet again.');
  });

  it('removes a menu item next to menu labels that were removed on their own', () => {
    const result = cleanText('Menu\nClose\nWorld\nEurope\nRussia\n\nKremlin orders cut in embassy staff\nBy Anna Roe\n\nThe Kremlin ordered the US embassy on Sunday to cut its staff by hundreds, in retaliation for new sanctions.');
    expect(result.title).toBe('Kremlin orders cut in embassy staff');
    expect(result.text).toBe('The Kremlin ordered the US embassy on Sunday to cut its staff by hundreds, in retaliation for new sanctions.');
  });

  it('keeps the headline above a bare agency tag, which is no photo credit', () => {
    const result = cleanText('Oil prices climb after output cut\nReuters\n\nOil prices rose on Monday after producers agreed to extend output cuts into next year, traders said.');
    expect(result.title).toBe('Oil prices climb after output cut');
    expect(result.text).toBe('Oil prices rose on Monday after producers agreed to extend output cuts into next year, traders said.');
  });

  it('keeps short Japanese sentences, which end with 。 and have no spaces', () => {
    const text = '以下、その手順。\n設定を開きます。\n表示されるメニューをクリック。\n最後に保存します。';
    expect(cleanText(text, { findTitle: false }).text.split('\n\n')).toHaveLength(4);
  });

  it('finds no title when the text starts with prose', () => {
    const result = cleanText('Ministers met in Brussels on Monday to discuss the budget, which has been delayed for months by a dispute over farm subsidies.\nThey agreed to meet again.');
    expect(result.title).toBeNull();
    expect(result.text.startsWith('Ministers met')).toBe(true);
  });

  it('keeps header lines when asked not to look for a header', () => {
    const result = cleanText('By Jane Doe\nTalks resumed on Monday.', { header: false });
    expect(result.author).toBeNull();
    expect(result.text).toContain('By Jane Doe');
  });
});

describe('paragraphs', () => {
  it('joins hard-wrapped lines back into paragraphs', () => {
    const result = cleanText(fixture('wrapped.txt'));
    const paragraphs = result.text.split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toMatch(/^The regional assembly voted .* suspended the session once\.$/);
    expect(result.text).not.toMatch(/[^\n]\n[^\n]/);
  });

  it('tells wrapped text from one-line-per-paragraph text', () => {
    const wrapped = readFileSync(new URL('../../../test/fixtures/ingest/wrapped.txt', import.meta.url), 'utf8').split('\n');
    expect(wrapWidth(wrapped)).toBeGreaterThan(60);
    expect(wrapWidth(['Short heading', 'A much longer line of body text that goes on and on well past any wrap margin, as copied text does.', 'Another line.', 'x', 'y'])).toBe(0);
  });

  it('joins a line broken mid-sentence but keeps headings apart', () => {
    expect(buildParagraphs(['The minister said the', 'talks would go on.', 'Background', 'Talks began in May.'])).toEqual([
      'The minister said the talks would go on.',
      'Background',
      'Talks began in May.',
    ]);
  });

  it('separates paragraphs by exactly one blank line', () => {
    const result = cleanText('First paragraph here.\n\n\n\nSecond paragraph here.\n\n');
    expect(result.text).toBe('First paragraph here.\n\nSecond paragraph here.');
  });
});

describe('furniture tests', () => {
  it.each(['(Image: © NASA/ESA/K. Smith/SWRI)', 'Photo: Reuters', 'AP Photo/Evan Vucci', '© AP', 'Getty Images', 'Image: AFP/Getty', '(Photo by Jane Roe/AFP via Getty Images)'])(
    'knows %j as a credit line',
    (line) => expect(isCreditLine(line)).toBe(true),
  );

  it.each([
    'Protesters gather outside parliament in the capital. Photo: Reuters',
    'The president arrives for the summit (Photo by Jane Roe/AFP via Getty Images)',
    'Rescue workers search the rubble. Jane Roe/Reuters',
  ])('knows the caption with its credit %j', (line) => expect(endsWithCredit(line)).toBe(true));

  it.each([
    'Germany, France, Italy, Spain, Poland and the Netherlands signed the declaration.',
    'Published reports said the minister had resigned on Monday, 9 November.',
    'Jane Roe is a member of the opposition party and a former editor of the party newspaper, her aides said.',
    'The envoy said reporting by state media had been misleading.',
    'Bob Marley, Bruno Mars, Drake, The Eagles, Jay Z, Frank Sinatra',
    'Listen, the minister told the crowd, we will not give up.',
    'Related talks in Vienna ended without agreement on Friday.',
    'Recommended changes to the electoral law were approved by parliament.',
    'Russia contributed to the report, which the commission published in May.',
    'More on that later, the spokesman said.',
    'The police said the photographer had been detained.',
    'Reuters reported that the talks had failed, citing two officials.',
    'He said the image of the country had suffered.',
  ])('keeps the sentence %j', (line) => {
    expect(isCreditLine(line)).toBe(false);
    expect(endsWithCredit(line)).toBe(false);
    expect(isFurnitureLine(line)).toBe(false);
  });

  it.each([
    'Skip to content', '• Home', 'Home | World | Politics | Business', 'Read more: Why talks failed', 'Share on Twitter',
    'We use cookies to improve your experience.', 'Whatsapp Facebook Pinterest Email', 'Leaders meet again in Geneva [VIDEO]',
    'SEE MORE: Protesters besiege university', 'Related: Talks collapse in Vienna', 'Watch: Protesters march on parliament',
    'More from Europe: Elections in Italy', '| UPDATED: 11:05, Tue, Nov 19, 2019', 'Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM',
    'election 2024, senate race, polls, swing states, turnout, campaign finance', 'The contents of this site are ©2019 Example Corp.',
    'Image source, Getty Images', 'Image caption, Crowds gathered outside the court', '4 min read', 'Published 3 hours ago',
    'Story continues below advertisement', 'Listen to this article', '☰ Menu', 'Breaking', 'Comments (214)',
    'Get the Europe briefing in your inbox', 'Sign up / Log in', 'Photo galleries | Video', 'https://news.example/a/b?c=1',
    'Image 1 of / 23', 'Tempo de leitura: 1 minuto', 'Post Comment (+)', 'Filed under: Politics |', 'Loading content ...',
    '(Reporting by Jane Roe; Editing by John Poe)', 'Keith Smith contributed reporting from Hong Kong.',
    'Jane Roe is a reporter for Example News.', 'Dallas Roe is a freelance writer living in Minneapolis',
    'Our Standards: The Trust Principles.', '/*', '* * *', 'November 20', 'Tue 9 Nov', 'Staff Reports', 'Image copyright Getty Images', 'Media playback is unsupported on your device',
    'Credit...Jane Roe for The Example Times', 'Continue reading the main story', 'Follow Jane Roe on Twitter: @janeroe',
  ])(
    'knows %j as furniture',
    (line) => expect(isFurnitureLine(line)).toBe(true),
  );
});

describe('copied pages (issue 10)', () => {
  const story = [
    'US President Donald Trump signed the sanctions bill on Wednesday, the White House said, after weeks of pressure from Congress over the measures against Russia.',
    "The law limits the president's power to ease the sanctions without the approval of lawmakers, who had voted for it by large majorities in both chambers.",
    'Moscow said it would respond to the new measures, and the Kremlin spokesman called them unfriendly and damaging to relations between the two countries.',
  ];
  it('splits a caption from its glued credit and keeps it out of the text', () => {
    const page = ['Skip to main content', 'Home', 'World', 'Politics', '', 'Trump faces pressure over Russia sanctions', '', story[0], '',
      'Donald Trump at the White House in July 2017Image: picture-alliance/AP Photo/E. Vucci', '', story[1], '', story[2], '', 'Share this article', 'Facebook', 'Twitter'].join('\n');
    const out = cleanText(page);
    expect(out.title).toBe('Trump faces pressure over Russia sanctions');
    expect(out.text).toBe(story.join('\n\n'));
    expect(out.captions).toEqual(['Donald Trump at the White House in July 2017']);
  });
  it('drops teaser cards whose headline a copy glued to the summary', () => {
    const teaser = 'Police Arrest Two After Death Of Local Student-AthleteA 24-year-old woman and a 28-year-old man have been arrested in connection with the case.';
    const page = ['Home', 'News', 'Sports', '', 'Trump faces pressure over Russia sanctions', '', ...story, '', 'More', teaser, 'Weather', 'Sports'].join('\n');
    expect(cleanText(page).text).not.toContain('Student-Athlete');
  });
  it('drops teaser cards whose headline runs into the dateline of their summary', () => {
    const teasers = [
      'Man pleads guilty to fraud scheme in US NEW YORK: A man has pleaded guilty to theft and embezzlement of funds meant for a charity, the prosecutors in the case said on Tuesday.',
      'Schools reopen after the long closure SRINAGAR: All schools and colleges are now open in the valley and attendance on the first day was close to full, officials said on Monday.',
      'New port deal signed with the neighbours COLOMBO: The government signed an agreement with its neighbours on Wednesday to expand the port, which handles most of the trade of the island.',
    ];
    const page = ['Home', 'News', '', ...teasers, '', 'Trump faces pressure over Russia sanctions', 'By Jane Roe', '', ...story, '', 'Share this article'].join('\n');
    const out = cleanText(page);
    expect(out.text).toBe(story.join('\n\n'));
    expect(out.title).toBe('Trump faces pressure over Russia sanctions');
  });
  it('drops a block that repeats the story (a slideshow or metadata copy of its paragraphs run together)', () => {
    const repeat = `${story[0]} ${story[1]} Read more about it. ${story[2]}`;
    const page = ['Home', 'News', 'Sports', '', 'Trump faces pressure over Russia sanctions', '', ...story, '', repeat, '', 'Share this article'].join('\n');
    expect(cleanText(page).text).toBe(story.join('\n\n'));
  });
  it('drops a paragraph printed three times (a share card or widget), with the teasers after it', () => {
    const card = 'Trump faces pressure over Russia sanctions: the president signed the bill after weeks of pressure from the lawmakers of both parties in Congress.';
    const page = ['Home', 'News', 'Sports', '', 'Trump faces pressure over Russia sanctions', '', story[0], '', story[1], '', story[2], '', 'Share this article', card, 'Miss Moscow picked from 49 top beauties (PHOTOS)', card, 'Podcasts', 'Schedule', card].join('\n');
    expect(cleanText(page).text).toBe(story.join('\n\n'));
  });
  it('takes the line with the date under it as the headline, not a closer fragment, and keeps lists between them out', () => {
    const page = ['Home', 'World', 'Politics', '', 'Sanctions: Trump Faces Pressure From Congress', 'November 18, 2019', 'Share',
      'Most Popular Today', '1 Storm hits the coast again 2 Markets fall', 'Name(required)', 'Email(required)', 'Submit',
      'The president and the Congress', '', story[0], '', story[1], '', story[2], '', 'Share this article'].join('\n');
    const out = cleanText(page);
    expect(out.title).toBe('Sanctions: Trump Faces Pressure From Congress');
    expect(out.text).not.toContain('Most Popular');
    expect(out.text).not.toContain('Name(required)');
  });
  it('takes the headline over its deck, a longer sentence under it', () => {
    const page = ['Home', 'Sports', '', 'Business Focus: Why Some Online Businesses Triumph', 'Columnists',
      'Business focus is why some people build the online business they dream of while others only think about it?', '',
      'Business focus is what sets apart the people who build an online business from the people who dream about one and never start.', '',
      story[1], '', story[2], '', 'Share this article'].join('\n');
    expect(cleanText(page).title).toBe('Business Focus: Why Some Online Businesses Triumph');
  });
  it('takes glued bylines and breadcrumb trails off the headline, and never takes a label for it', () => {
    const page = (headline: string) => ['Skip to content', 'Flag of United States', 'Search Search', '', headline, '', story[0], '', story[1], '', story[2], '', 'Leave a Reply Cancel reply'].join('\n');
    expect(cleanText(page('HOMEMADE PEAR JAM FOR THE HOLIDAYS written by Jane Roe')).title).toBe('HOMEMADE PEAR JAM FOR THE HOLIDAYS');
    expect(cleanText(page('Home News Business News Trump faces pressure over Russia sanctions')).title).toBe('Trump faces pressure over Russia sanctions');
    expect(cleanText(page('Home Depot sales miss, shares plunge')).title).toBe('Home Depot sales miss, shares plunge');
    expect(cleanText(page('Policy & Politics facebook twitter youtube rss feed')).title).not.toBe('Policy & Politics facebook twitter youtube rss feed');
    for (const label of ['Zurück zur Übersicht', 'Flag of United States', 'Search Search', 'Leave a Reply Cancel reply', '[BUTTON Input] (not implemented)', 'Key Points']) expect(isFurnitureLine(label)).toBe(true);
  });
  it('takes no table row, quoted title or capitals kicker for the headline', () => {
    const page = ['Home', 'News', '', 'Trump Faces Pressure Over Russia Sanctions', '', 'WORLD POLITICS NOW', '“Russia Sanctions”', '40 Casey Mears 1 0 0 0 0', '', story[0], '', story[1], '', story[2], '', 'Share this article'].join('\n');
    expect(cleanText(page).title).toBe('Trump Faces Pressure Over Russia Sanctions');
  });
  it('takes a headline that ends with a full stop when its date line follows it', () => {
    const page = ['Home', 'News', '', 'South Dakota doubles down on its slogan. It just might work.', 'Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM',
      'President Trump Officially Pardons National Thanksgiving Turkey', 'Alex Wong | Getty Images', '', story[0], '', story[1], '', story[2], '', 'Share this article'].join('\n');
    expect(cleanText(page).title).toBe('South Dakota doubles down on its slogan. It just might work.');
  });
  it('reads a caption with a credit glued on by dots as a caption', () => {
    expect(endsWithCredit('President Trump at the Economic Club of New York last week.Credit...Jane Roe/The Example Times')).toBe(true);
    expect(isFurnitureLine('0 Email this to someone')).toBe(true);
    expect(isFurnitureLine('Most Popular Today')).toBe(true);
    expect(isFurnitureLine('1 Taliban free two hostages 120-year-old photo sparks theories 2 Storm hits the coast 3 Markets fall again 4 Talks resume in Geneva')).toBe(true);
    expect(isFurnitureLine('In 1 Corinthians 13 the apostle writes of love, and 2 Samuel tells of David.')).toBe(false);
    expect(endsWithCredit('A guard is defended during a game at the arena on Tuesday in Albany, N.Y. (Lori Van Buren/Times Union)')).toBe(true);
    expect(endsWithCredit('The rate rose by two points (year on year/month).')).toBe(false);
    // Two captions of one picture run together (w3m) are still a caption.
    const long = `${'The envoy testifies during the hearing into the efforts to tie aid to investigations, on Capitol Hill in Washington. '.repeat(5)}(Photo by Jane Roe/AFP via Getty Images)`;
    expect(long.length).toBeGreaterThan(600);
    expect(endsWithCredit(long)).toBe(true);
  });
  it('goes on past an inline "Related" box when long paragraphs about the story follow it', () => {
    const more = [
      'The sanctions bill passed the Senate by 98 votes to two after the House of Representatives approved it by 419 to three, leaving the president little room to veto the measures against Russia.',
      'Lawmakers of both parties said the measures against Russia were needed because the president could otherwise ease the sanctions on Moscow without asking Congress first.',
      'The Kremlin said the sanctions bill signed by the president would damage relations with Russia for years, and Moscow ordered the United States to cut its diplomatic staff.',
    ];
    const after = [
      'The president signed the sanctions bill against Russia on Wednesday after weeks of pressure from Congress, the White House said, and lawmakers welcomed the measures.',
      'The Kremlin spokesman said Moscow would respond to the new sanctions and called the measures unfriendly and damaging to relations between the two countries and their diplomats.',
      'Lawmakers said the law limits the power of the president to ease sanctions on Russia without the approval of Congress, which voted for the bill by large majorities.',
    ];
    const page = ['Home', 'World', 'Politics', '', 'Trump faces pressure over Russia sanctions', '', story[0], '', story[1], '', story[2], '',
      more[0], '', more[1], '', more[2], '', 'Related', 'Sanctions on Iran tightened', 'Russia expels diplomats', '',
      after[0], '', after[1], '', after[2], '', 'Share this article'].join('\n');
    expect(cleanText(page).text).toBe([...story, ...more, ...after].join('\n\n'));
  });
  it('keeps a wire photo caption (weekday and full date in the sentence) out of the text', () => {
    const caption = 'Former Gov. Jane Roe, left, speaks with a business owner during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia, S.C.';
    const page = ['Home', 'World', 'Politics', '', 'Trump faces pressure over Russia sanctions', '', story[0], '', caption, '', story[1], '', story[2], '', 'Share this article'].join('\n');
    const out = cleanText(page);
    expect(out.text).toBe(story.join('\n\n'));
    expect(out.captions).toContain(caption);
  });
  it('reads Korean paragraphs as prose, though they have no function words to count', () => {
    const korean = [
      '드라마의 주인공은 이번 주에 새로운 사건을 맞이했고, 시청자들은 그 결말을 두고 다양한 의견을 내놓았다. 제작진은 다음 회에서 더 많은 이야기를 보여주겠다고 밝혔다.',
      '배우들은 촬영 현장에서 서로를 격려하며 마지막 장면까지 최선을 다했다고 전했다. 방송사는 시청률이 지난주보다 크게 올랐다고 발표했다.',
    ];
    const page = ['홈', '뉴스', '연예', '', '드라마 주인공, 새로운 사건을 맞이하다', '', korean[0], '', korean[1], '', 'Share this article', '최신뉴스', '‘VIP’ 불륜에 부조리까지 덮친 장나라, 시선이 바뀐다', '‘보좌관2’ 꿈과 현실 사이, 이정재 앞에 놓인 선택'].join('\n');
    expect(cleanText(page).text).toBe(korean.join('\n\n'));
  });
  it('reads no teaser in an article alone, nor in "… GTA: San Andreas …"', () => {
    const text = 'The 18 certificate GTA: San Andreas for the PlayStation 2 could have got away with merely revisiting a best-selling formula with a more-of-the-same approach.\n\nInstead, it builds and expands upon the last two games.';
    expect(cleanText(text, { findTitle: false }).text).toBe(text);
  });
  it('keeps a run of sentences inside the story even when they are not read as prose', () => {
    const quoted = [
      'Jangan sampai karena kita amat membenci satu kaum, akhirnya kita justru menganiaya mereka:',
      '“Dan janganlah sekali-kali kebencian kepada sesuatu kaum mendorong kamu berbuat aniaya.” [Al Maa-idah 2]',
    ];
    const page = ['Home', 'News', 'Sports', '', 'Trump faces pressure over Russia sanctions', '', story[0], '', ...quoted, '', story[1], '', story[2], '', 'Share this article'].join('\n');
    const out = cleanText(page).text;
    for (const line of quoted) expect(out).toContain(line);
  });
});
