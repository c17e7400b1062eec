/**
 * @module ingest/text/article-body
 * Finds the article in a copied web page: which blocks are the story and which line is its
 * headline. Every block is scored on its shape — length, sentence shape (capital start, final
 * punctuation), density of function words, share of words that were links, bullets, whether
 * it is a known kind of furniture — and the story is the run of blocks with the best balance
 * of prose over furniture (prose words count for it, menus, labels and link lists against).
 * Inside that run, single short lines between paragraphs are subheadings and stay; runs of
 * short lines (a "Related" list, an embedded menu) and furniture go. The headline is the
 * nearest headline-shaped line above the run. General rules only: nothing here knows a site.
 */
import { wordList } from '../../nlp/lexicon/word-lists.js';
import { endsWithCredit, endsWithTerminal, isCreditLine, isFurnitureLine, isPhotoCredit, looksLikeCaption, wordCount } from './furniture.js';
import { parseByline, parseDateLine } from './header.js';
import { textBlocks, type TextBlock } from './text-blocks.js';

export interface ArticleSelection {
  /** The headline, or null when no line above the story looks like one. */
  title: string | null;
  /** Short lines between the headline and the story (byline, date, standfirst candidates). */
  header: string[];
  /** The story's blocks, in order. */
  body: string[];
  /** Photo captions found in or next to the story (their credits removed). */
  captions: string[];
  /** True when furniture was found around the story (the text was a copied page). */
  cropped: boolean;
}

type Kind = 'prose' | 'short' | 'furniture';

interface Scored extends TextBlock {
  kind: Kind;
  words: number;
  caption: boolean;
}

/** Prose has at least this share of function words (languages without spaces are exempt). */
const FUNCTION_WORD_SHARE = 0.12;

function functionWordShare(text: string): number {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length === 0) return 0;
  const list = wordList('prose-function-words');
  return words.filter((w) => list.has(w)).length / words.length;
}

const HANGUL = /\p{Script=Hangul}{2}/u;
const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** A sentence: starts like one, ends like one, several words. */
function sentenceShaped(text: string, words: number): boolean {
  return words >= 5 && endsWithTerminal(text) && !/[:;]$/.test(text) && /^["“‘'(\[«¿¡]?[\p{Lu}\p{N}\p{Lo}]/u.test(text);
}

/** Marks the block right above a bare photo credit ("Photo: AFP via Getty Images") as its caption. */
function markCaptionsAboveCredits(blocks: Scored[]): void {
  for (let i = 1; i < blocks.length; i++) {
    const above = blocks[i - 1];
    if (isCreditLine(blocks[i].text) && isPhotoCredit(blocks[i].text) && above.kind !== 'furniture' && looksLikeCaption(above.text)) {
      above.caption = true;
    }
  }
}

/**
 * "… during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia, S.C.": the weekday and full
 * date inside a sentence are the mark of a wire photo caption; a story says "on Tuesday".
 */
const CAPTION_DATE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, (?:19|20)\d{2}\b/;

function classify(block: TextBlock): Scored {
  const text = block.text;
  const words = wordCount(text);
  const caption = (endsWithCredit(text) && !isCreditLine(text)) || (words <= 80 && CAPTION_DATE.test(text));
  const base = { ...block, words, caption };
  const linkShare = words > 0 ? block.linkWords / words : 0;
  if (isFurnitureLine(text) || isCreditLine(text) || linkShare >= 0.5 || COOKIE_NOTICE.test(text) || LEGAL_NOTICE.test(text)) return { ...base, kind: 'furniture' };
  const proseLike = sentenceShaped(text, words) || words >= 30;
  // Korean glues its particles to the words, so it has no function words to count either.
  const fluent = NO_SPACES_SCRIPT.test(text) || HANGUL.test(text) || functionWordShare(text) >= FUNCTION_WORD_SHARE;
  if (proseLike && fluent && linkShare < 0.3) return { ...base, kind: 'prose' };
  return { ...base, kind: 'short' };
}

/**
 * "Police: 2 In Custody After Death Of StudentA 24-year-old woman …": a teaser card of another
 * story, whose headline (most words capitalised) a browser's copy glued to its summary without
 * a space. Returns the glued word ("StudentA"), or null. A name written that way ("MacBook",
 * "YouTube") recurs on its page; a glued join does not, which the caller checks.
 */
export function gluedTeaser(text: string): string | null {
  // A word of the headline ends in lower case and the summary's first word ("A", "Michigan")
  // follows without a space.
  const m = /(?<=\p{Ll}{2})(?:\p{Lu}\p{Ll}+|[AI])(?=\s)/u.exec(text.slice(0, 200));
  if (!m || m.index < 12) return null;
  const head = text.slice(0, m.index).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (head.length < 3 || !/^["“‘'(]?[\p{Lu}\d]/u.test(head[0])) return null;
  const capitalised = head.filter((w) => /^["“‘'(]?[\p{Lu}\d]/u.test(w)).length;
  if (capitalised / head.length < 0.7 || wordCount(text.slice(m.index)) < 6) return null;
  return head[head.length - 1] + m[0];
}

/**
 * "Indian-origin man pleads guilty in US NEW YORK: An Indian-origin man has …": a teaser card
 * whose headline runs straight into its lede's dateline (a place in capitals and a colon or
 * dash). A story's own first paragraph starts with its dateline; one in mid-block, after a
 * headline with no final punctuation, starts another story's summary.
 */
const DATELINE_TEASER = /^[^.!?:]{15,160}?[^.!?:\s]\s(\p{Lu}{3,}(?:[ .-]\p{Lu}{2,})*)(?:,\s\p{Lu}[\p{L}.]+)?\s?[:—–]\s+\p{Lu}/u;

/** Marks blocks that are glued teaser cards as furniture (see `gluedTeaser`, `DATELINE_TEASER`). */
function markGluedTeasers(blocks: Scored[]): void {
  // Only on a copied page (one with furniture): an article alone has no teasers of other stories.
  const page = blocks.some((b) => b.kind === 'furniture');
  for (const b of page ? blocks : []) {
    if (b.kind !== 'prose') continue;
    const m = DATELINE_TEASER.exec(b.text);
    // The head is a headline (some words in lower case), the rest a summary of some length; the
    // place has five capitals at least ("NEW YORK", "COLOMBO", not "GTA").
    const place = m ? (m[1].match(/\p{Lu}/gu) ?? []).length : 0;
    if (m && place >= 5 && /\p{Ll}/u.test(m[0]) && wordCount(b.text.slice(m[0].length)) >= 15) b.kind = 'furniture';
  }
  const glued = blocks.map((b) => (b.kind === 'furniture' ? null : gluedTeaser(b.text)));
  if (glued.every((g) => g === null)) return;
  const counts = new Map<string, number>();
  for (const b of blocks) for (const w of b.text.split(/\s+/)) counts.set(w, (counts.get(w) ?? 0) + 1);
  glued.forEach((g, i) => {
    if (g !== null && (counts.get(g) ?? 0) <= 1) blocks[i].kind = 'furniture';
  });
}

/**
 * The site's own small print, however long: trademark and rights notices, health-claim and
 * investment disclaimers, customer-service contacts, comment rules, subscription confirmations.
 */
const LEGAL_NOTICE =
  /\b(?:(?:are|is a) registered trademarks? of|all rights? reserved|(?:statements|products?|claims) (?:have|has) not been evaluated by|not intended to (?:diagnose|treat|cure)|consult (?:your|a) (?:physician|doctor) before|can be contacted (?:with|for|at|by)|customer (?:service|care) (?:center|centre|team|department)\b.{0,80}\b(?:telephone|phone|e-?mail|contact)|please be respectful|our (?:comment|commenting) (?:policy|guidelines)|an email with an activation link|activate your subscription|does not constitute (?:financial|investment|legal|medical) advice)/i;

/** A cookie or privacy notice, however long. */
const COOKIE_NOTICE = /\bcookies\b.*\b(?:website|browser|consent|your experience|personal data|third[- ]party)\b|\b(?:website|site) uses cookies\b/i;

/**
 * Lines after which a page lists other things: other stories, sharing, comments. Once a story
 * stands above one, the story has ended.
 */
const STORY_END =
  /^(?:related(?: stories| articles| content| coverage| posts| news)?|more (?:stories|news|from|on|in|like this)\b.{0,40}|most (?:popular|read|viewed|shared)|(?:top|trending|latest|recommended|popular|featured) (?:stories|news|articles|posts|videos)|trending(?: now)?|recommended(?: for you)?|you (?:may|might) (?:also )?like|read (?:next|these next)|further reading|don't miss|around the web|what to read next|share (?:your thoughts|this|this article|this story)\b.{0,40}|tell us what you think.{0,10}|(?:sponsored|promoted) (?:content|stories|links))[\s:.!…]*$/i;

/** What a block adds to, or takes from, a run that holds it. */
function weight(block: Scored): number {
  if (block.kind === 'prose') return block.caption ? 0 : block.words;
  if (block.kind === 'short') return -2;
  return -3 - Math.min(block.words, 20) / 2;
}

/** The head of a reader-comments section, where the story has ended. */
const COMMENTS_HEAD =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?|thoughts? on)\s+(?:to|on|for|about)\s.{1,160}$|^(?:\d+\s+)?comments?:$|^(?:leave a (?:reply|comment)|join the (?:discussion|conversation)|add (?:a|your) comment|post a comment|comments? (?:are )?closed|show comments|view comments|what do you think\?)/i;
/** "jane says:", "Alex on September 17, 2018 at 6:34 am said:": a commenter's name line. */
const COMMENTER = /^[^.!?]{1,80}\b(?:says|said|wrote|writes):$/i;

/** The index of the first block of a comments section after `from`, or -1. */
function commentsStart(blocks: Scored[], from: number, to: number): number {
  let prose = 0;
  for (let i = from; i <= to; i++) {
    const text = blocks[i].text;
    if (blocks[i].kind === 'prose') prose += blocks[i].words;
    if (blocks[i].words > 25) continue;
    if (COMMENTS_HEAD.test(text) || COMMENTER.test(text)) return i;
    // A bare "Comments" or "34 Comments" is also the count under a headline; it opens the
    // comments only once a story stands above it.
    if (prose >= 150 && /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$/i.test(text)) return i;
  }
  return -1;
}

/**
 * Whether the prose after a "Related" or "Most read" marker is about something else: most of
 * its content words never occur in the story above it. Other stories' teasers are; the rest of
 * a story interrupted by an inline box of links goes on with the story's own names and words.
 */
function offTopic(before: Scored[], after: Scored[], share = OFF_TOPIC_SHARE): boolean {
  const story = new Set<string>();
  for (const b of before) if (b.kind === 'prose' && !b.caption) for (const w of contentWords(b.text)) story.add(w);
  let words = 0;
  let shared = 0;
  for (const b of after) {
    if (b.kind !== 'prose' || b.caption) continue;
    for (const w of contentWords(b.text)) {
      words++;
      if (story.has(w)) shared++;
    }
  }
  return words > 0 && shared / words < share;
}

/** Below this share of words shared with the story, prose after a list marker is another story's. */
const OFF_TOPIC_SHARE = 0.3;
/** At or above this share of words shared with the story, long paragraphs after a list marker go on with it. */
const ON_TOPIC_SHARE = 0.5;
/** Prose words the story needs above a marker before the words after it are compared. */
const OFF_TOPIC_MIN_STORY = 300;

/** The run [start, end] with the largest total weight (Kadane). */
function bestRun(blocks: Scored[]): [number, number] | null {
  let best = 0;
  let bestRange: [number, number] | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += weight(blocks[i]);
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  }
  return bestRange;
}

/** A headline: several words, not a sentence ending in a full stop, not a label or a link. */
function headlineShaped(block: Scored, allowStop = false): boolean {
  if (block.kind === 'furniture' || block.caption || block.bullet) return false;
  const text = block.text;
  const words = block.words;
  if (words < 2 || words > 40 || text.length < 10 || text.length > 250) return false;
  if (/[.,;:]$/.test(text) && !/\.\.\.$|…$/.test(text) && !(allowStop && /\.["”’]?$/.test(text))) return false;
  if (block.linkWords > 0 && block.linkWords / words >= 0.3) return false;
  // A byline or date line, also as one part of "By Jane Doe | 9 Nov 2017"; a breadcrumb trail.
  if (text.split(/\s+[|•·]\s+/).some((part) => parseByline(part) !== null || parseDateLine(part) !== null)) return false;
  if (/\s[›»>/]\s/.test(text)) return false;
  // "Policy & Politics facebook twitter youtube rss feed": a label run into a row of share buttons.
  if (new Set(text.toLowerCase().match(/\b(?:facebook|twitter|youtube|rss|instagram|linkedin|whatsapp|pinterest|email)\b/g) ?? []).size >= 3) return false;
  // A table row ("40 Casey Mears 1 0 0 0 0"): mostly numbers.
  const tokens = text.split(/\s+/);
  if (tokens.filter((t) => /^[\d.,:%+-]+$/.test(t)).length >= tokens.length * 0.4) return false;
  // A quoted title alone ("“Wild Rose”") names a work the story is about; it is no headline.
  if (words <= 4 && /^["“‘'].*["”’']$/.test(text)) return false;
  return /^["“‘'(\[]?[\p{Lu}\p{N}\p{Lo}]/u.test(text);
}

/** How many blocks (not furniture) right above the story may be its standfirst and header lines. */
const HEADER_REACH = 3;

/** How far above the story the headline may stand (blocks that are not furniture). */
const HEADLINE_REACH = 25;

/** A full date or a clock time: the mark of a date line, not of a headline. */
const DATE_OR_TIME = new RegExp(
  [
    '\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\b|gmt|utc|[ecmp][sd]t\\b)',
    '\\b\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+(?:19|20)\\d{2}',
    '\\b\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(?:19|20)\\d{2}',
    '\\b\\d+\\s+(?:hours?|minutes?|days?)\\s+ago\\b',
  ].join('|'),
  'i',
);

/** Content words (not function words, at least three letters), lower-cased. */
function contentWords(text: string): Set<string> {
  const list = wordList('prose-function-words');
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !list.has(w)));
}

/** Whether the very next block is a date line ("Updated Nov 19, 9:41 AM; Posted Nov 18"). */
function dateRightBelow(blocks: Scored[], i: number): boolean {
  const next = blocks[i + 1];
  return next !== undefined && next.text.length <= 120 && (parseDateLine(next.text) !== null || DATE_OR_TIME.test(next.text));
}

/** Whether a date or byline line follows block `i` within the next three blocks, before the story. */
function datedBelow(blocks: Scored[], i: number, start: number): boolean {
  for (let k = i + 1, seen = 0; k <= start && k < blocks.length && seen < 3; k++) {
    const text = blocks[k].text;
    if (text.split(/\s+[|•·]\s+/).some((part) => parseByline(part) !== null || parseDateLine(part) !== null) || (text.length <= 120 && DATE_OR_TIME.test(text))) return true;
    if (blocks[k].kind !== 'furniture') seen++;
    if (blocks[k].kind === 'prose' && !blocks[k].caption) return false;
  }
  return false;
}

/**
 * The index of the headline above (or at) `start`, or -1. Candidates are headline-shaped
 * lines above the story; the one chosen shares most words with the story's first paragraphs
 * (a headline sums up its lede; menus, teasers and labels do not), stands close to the story,
 * carries a renderer's heading mark, and holds no date, time or byline.
 */
function findHeadline(blocks: Scored[], start: number, end: number): number {
  const indents = blocks.slice(start, start + 20).filter((b) => b.kind === 'prose').map((b) => b.indent);
  const proseIndent = indents.length > 0 ? Math.min(...indents) : 0;
  const lede = new Set<string>();
  for (const b of blocks.slice(start, end + 1).filter((x) => x.kind === 'prose' && !x.caption).slice(0, 4)) {
    for (const w of contentWords(b.text)) lede.add(w);
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let i = start, seen = 0; i >= 0 && seen <= HEADLINE_REACH; i--) {
    const block = blocks[i];
    if (block.kind !== 'furniture') seen++;
    // A headline may end with a full stop ("… They just might be.") when its date line follows it.
    if (!headlineShaped(block, i < start && block.words <= 20 && dateRightBelow(blocks, i))) continue;
    // The story's first paragraph is the headline only when it does not end like a sentence.
    if (i === start && endsWithTerminal(block.text) && !/[?!]["”’]?$/.test(block.text)) continue;
    const words = contentWords(block.text);
    const shared = [...words].filter((w) => lede.has(w)).length;
    let score = words.size > 0 ? (4 * shared) / words.size : 0;
    score -= seen * 0.15;
    if (block.heading > 0) score += block.heading === 1 ? 3 : 1.5;
    // lynx leaves headings at column 0 and indents paragraphs.
    if (proseIndent > 0 && block.indent < proseIndent) score += 1;
    if (block.words >= 4 && block.words <= 25) score += 1;
    if (DATE_OR_TIME.test(block.text)) score -= 3;
    // A headline has the story's date or byline right under it (the standfirst and the
    // lede's first words come after those).
    else if (block.words >= 4 && datedBelow(blocks, i, start)) score += 2;
    if (block.kind === 'prose') score -= 0.5;
    // "GROWING AN ONLINE BUSINESS": a short line in capitals is a kicker or a section name.
    if (block.words <= 5 && !/\p{Ll}/u.test(block.text) && /\p{Lu}/u.test(block.text)) score -= 1.5;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best >= 0 ? aboveDeck(blocks, best, lede) : best;
}

/**
 * The headline when the line chosen is its deck (standfirst): a longer line, or one that ends
 * like a sentence, right under a shorter headline-shaped line about the same things
 * ("Royal Self-Indicting Arrogance" over "What was this British royal … thinking of when he
 * granted a high-profile interview to the BBC …?"). Date, byline and furniture lines may stand between them.
 */
function aboveDeck(blocks: Scored[], best: number, lede: Set<string>): number {
  const deck = blocks[best];
  for (let k = best - 1, seen = 0; k >= 0 && seen < 3; k--) {
    const b = blocks[k];
    const text = b.text;
    if (b.kind === 'furniture' || parseDateLine(text) !== null || parseByline(text) !== null || (text.length <= 120 && DATE_OR_TIME.test(text))) continue;
    // Labels and counts ("Columnists", "4553") stand between a headline and its deck too.
    if (b.words <= 2 && !endsWithTerminal(text)) continue;
    seen++;
    if (!headlineShaped(b) || endsWithTerminal(text) || b.words < 3) continue;
    const deckShaped = endsWithTerminal(deck.text) || deck.words >= 15;
    if (!deckShaped || b.words >= deck.words) return best;
    const about = new Set([...lede, ...contentWords(deck.text)]);
    const own = [...contentWords(text)];
    const shared = own.filter((w) => about.has(w)).length;
    return shared >= 2 || (shared >= 1 && shared >= own.length * 0.4) ? k : best;
  }
  return best;
}

/** "Talks resume in Geneva by Jane Doe": a byline that a browser's copy glued to the headline. */
const GLUED_BYLINE = /(?:\s+(?:written|posted|published|reported))?\s+by\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}(?:\s*[—–|,-].*)?$/u;

function cleanHeadline(text: string): string {
  let stripped = text.replace(GLUED_BYLINE, '');
  // "Home News Business News Ascom announces …": a breadcrumb trail (from "Home") that a copy
  // ran into the headline.
  const words = stripped.split(/\s+/);
  let k = 0;
  while (k < words.length - 1) {
    const two = `${words[k]} ${words[k + 1]}`.toLowerCase();
    if (k + 1 < words.length && isFurnitureLine(two) && !/[.,:]$/.test(words[k + 1])) k += 2;
    else if (isFurnitureLine(words[k].toLowerCase())) k += 1;
    else break;
  }
  if (k >= 2 && /^home$/i.test(words[0]) && words.length - k >= 4) stripped = words.slice(k).join(' ');
  return wordCount(stripped) >= 3 ? stripped : text;
}

/** "… [Al Maa-idah 2]", "… (AP)": a reference in brackets after a quotation or sentence. */
const CITATION = /\s*[\[(][^\])]{1,40}[\])]$/;

/**
 * Inside the story, runs of two or more short lines are lists that do not belong to it
 * ("Related", "More:", an embedded menu), unless they follow a paragraph that announces a
 * list ("…these steps:") or are items that read as sentences.
 */
function keepInside(blocks: Scored[], start: number, end: number): boolean[] {
  const keep = blocks.map((b, i) => i >= start && i <= end && b.kind !== 'furniture' && !b.caption);
  let i = start;
  while (i <= end) {
    if (blocks[i].kind !== 'short') {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 <= end && (blocks[j + 1].kind !== 'prose' || blocks[j + 1].caption)) j++;
    const run = blocks.slice(i, j + 1).filter((b) => b.kind === 'short' && !b.caption);
    const before = blocks.slice(start, i).reverse().find((b) => b.kind === 'prose' && !b.caption);
    const announced = before !== undefined && /:$/.test(before.text) && i > start;
    // A lone short line right after a link label ("Related", "More:") is the one link it lists.
    const label = blocks[i - 1];
    const afterLabel = run.length === 1 && label !== undefined && label.kind === 'furniture' && label.words <= 3;
    // Items that read as sentences (in a language whose function words are not listed, or
    // ending in a colon that opens a quotation) are the story's own.
    const sentences = run.filter((b) => b.words >= 6 && endsWithTerminal(b.text.replace(CITATION, '')));
    const runWords = run.reduce((n, b) => n + b.words, 0);
    const prose = sentences.length >= 2 && sentences.reduce((n, b) => n + b.words, 0) >= runWords * 0.6;
    if ((run.length >= 2 || afterLabel) && !announced && !prose) for (let k = i; k <= j; k++) if (blocks[k].kind === 'short') keep[k] = false;
    i = j + 1;
  }
  return keep;
}

/**
 * A paragraph printed three times or more is a widget (a share card, a player, a newsletter box),
 * whatever its shape; a story prints its paragraphs once, a caption or pull quote twice at most.
 */
function markWidgets(blocks: Scored[]): void {
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.text.toLowerCase(), (counts.get(b.text.toLowerCase()) ?? 0) + 1);
  for (const b of blocks) if (b.kind === 'prose' && (counts.get(b.text.toLowerCase()) ?? 0) >= 3) b.kind = 'furniture';
}

/** Blocks of the same text seen more than once: menus repeated top and bottom, captions printed twice. */
function repeatedTexts(blocks: Scored[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const b of blocks) {
    const key = b.text.toLowerCase();
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

/** Word sequences this long that a block shares with the story above it are repeated text. */
const SHINGLE = 6;
/** Share of a block's word sequences seen above for it to be a repeat. */
const REPEAT_SHARE = 0.6;

function shingles(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) out.push(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/**
 * Drops kept blocks whose words the story already gave: a slideshow or summary box that repeats
 * the story's paragraphs (several of them run together), a key-points list printed again at
 * the end. Nearly all of a block's six-word sequences must occur in the blocks kept above it.
 */
function dropRepeatedProse(blocks: Scored[], keep: boolean[]): void {
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    if (!keep[i]) return;
    const own = shingles(b.text);
    if (own.length >= 6 && own.filter((x) => seen.has(x)).length >= own.length * REPEAT_SHARE) {
      keep[i] = false;
      return;
    }
    for (const x of own) seen.add(x);
  });
}

/** Blocks with their kind and weight, for looking into a page's scoring. */
export function scoredBlocks(raw: string): { text: string; kind: Kind; weight: number; caption: boolean }[] {
  const blocks = textBlocks(raw).map(classify);
  markGluedTeasers(blocks);
  return blocks.map((b) => ({ text: b.text, kind: b.kind, weight: weight(b), caption: b.caption }));
}

/**
 * The article in `raw`, a page copied as text.
 * @example selectArticle('Home\nNews\nWorld\nTalks resume in Geneva\n\nDiplomats met on Monday …').title
 * // 'Talks resume in Geneva'
 */
export function selectArticle(raw: string): ArticleSelection {
  const blocks = textBlocks(raw).map(classify);
  markGluedTeasers(blocks);
  markWidgets(blocks);
  markCaptionsAboveCredits(blocks);
  const captions = blocks.filter((b) => b.caption).map((b) => b.text);
  const run = bestRun(blocks);
  // Text with no furniture at all is the article as it stands (a wire story, an e-mail).
  if (run === null || blocks.every((b) => b.kind !== 'furniture')) return { title: null, header: [], body: blocks.map((b) => b.text), captions: [], cropped: false };
  let [start, end] = run;
  // Other stories' teasers and reader comments are prose too, but the story ends where
  // their lists begin.
  // A list inside the story (an inline "Related" box) has more of the story after it than
  // before it; only a marker past the story's middle ends it.
  const proseWords = (b: Scored) => (b.kind === 'prose' && !b.caption ? b.words : 0);
  const total = blocks.slice(start, end + 1).reduce((n, b) => n + proseWords(b), 0);
  let prose = 0;
  for (let i = start; i < end; i++) {
    prose += proseWords(blocks[i]);
    if (prose < 150 || blocks[i].words > 8 || !STORY_END.test(blocks[i].text)) continue;
    // Past the middle the story has ended; before it, only when what follows is about other things
    // and enough of the story stands above to tell (a short lede shares few words with anything).
    const rest = blocks.slice(i + 1, end + 1);
    // An inline box ("Related" and its links) inside the story: long paragraphs about the
    // story's own things go on after it (other stories' teasers are short, or about other things).
    const goesOn = rest.filter((b) => b.kind === 'prose' && !b.caption && b.words >= 25).length >= 3 && !offTopic(blocks.slice(start, i), rest, ON_TOPIC_SHARE);
    if (!goesOn && (prose >= total / 2 || (prose >= OFF_TOPIC_MIN_STORY && offTopic(blocks.slice(start, i), rest)))) {
      end = i - 1;
      break;
    }
  }
  while (end > start && blocks[end].kind !== 'prose') end--;
  const firstProse = blocks.findIndex((b, i) => i >= start && b.kind === 'prose' && !b.caption);
  const comments = commentsStart(blocks, firstProse + 1, end);
  if (comments > start) {
    end = comments - 1;
    while (end > start && blocks[end].kind !== 'prose') end--;
  }
  const repeated = repeatedTexts(blocks);
  const headline = findHeadline(blocks, start, end);
  const keep = keepInside(blocks, start, end);
  // A short block that repeats elsewhere is a menu entry, not a subheading; a repeated
  // paragraph (a caption printed twice, a pull quote) is kept once, where it last occurs.
  const lastAt = new Map<string, number>();
  blocks.forEach((b, i) => lastAt.set(b.text.toLowerCase(), i));
  for (let i = start; i <= end; i++) {
    const key = blocks[i].text.toLowerCase();
    if (!repeated.has(key)) continue;
    if (blocks[i].kind === 'short' || lastAt.get(key) !== i) keep[i] = false;
  }
  const header: string[] = [];
  if (headline >= 0 && headline < start) {
    // Date and byline lines anywhere under the headline; other lines (a standfirst) only
    // right above the story, not the lists and forms a page may put between the two.
    let near = 0;
    for (let i = start - 1; i > headline; i--) {
      if (blocks[i].kind === 'furniture') continue;
      if (++near === HEADER_REACH) {
        near = i;
        break;
      }
    }
    if (near < HEADER_REACH) near = headline + 1;
    for (let i = headline + 1; i < start; i++) {
      const b = blocks[i];
      const dated = parseDateLine(b.text) !== null || parseByline(b.text) !== null;
      if ((dated || (i >= near && b.kind !== 'furniture' && !b.bullet)) && !b.caption && !repeated.has(b.text.toLowerCase())) header.push(b.text);
    }
  }
  if (headline === start) keep[start] = false;
  dropRepeatedProse(blocks, keep);
  const body = blocks.filter((_, i) => keep[i]).map((b) => b.text);
  const cropped = start > 0 || end < blocks.length - 1 || keep.some((k, i) => !k && i >= start && i <= end);
  return { title: headline >= 0 ? cleanHeadline(blocks[headline].text) : null, header, body, captions, cropped };
}
