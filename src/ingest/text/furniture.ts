/**
 * @module ingest/text/furniture
 * Recognises the lines of a web page that are not the story: navigation, photo captions and
 * their credits, "Read more" links, share/newsletter/cookie/advert prompts and copyright
 * footers. Each test looks at the shape of one line (length, final punctuation, the words it
 * is made of, credit patterns); `findNavigationRuns` looks at runs of short lines.
 */

/** Whole-line navigation and interface labels (compared lower-cased, without bullets). */
const INTERFACE_LABELS = new Set([
  'skip to content', 'skip to main content', 'skip to navigation', 'jump to navigation', 'jump to content',
  'skip navigation', 'menu', 'main menu', 'open menu', 'close menu', 'home', 'homepage', 'sections', 'all sections',
  'sign in', 'sign up', 'log in', 'login', 'log out', 'register', 'subscribe', 'subscribe now', 'search',
  'share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter',
  'tweet', 'email', 'print', 'comments', 'comment', 'show comments', 'view comments', 'close', 'back to top',
  'advertisement', 'advert', 'ad', 'sponsored', 'sponsored content', 'more', 'next', 'previous', 'next article',
  'previous article', 'top stories', 'latest news', 'trending', 'most read', 'most popular', 'related',
  'related articles', 'related stories', 'related content', 'more on this story', 'topics', 'tags', 'follow us',
  'newsletter', 'newsletters', 'listen', 'listen to article', 'watch', 'play video', 'video', 'audio',
  'copy link', 'link copied', 'toggle navigation', 'navigation', 'accept', 'accept cookies', 'settings',
  'edition', 'my account', 'account', 'save', 'bookmark', 'gift article', 'continue reading', 'read more',
  'see more', 'show more', 'load more', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit', 'x',
  'breaking', 'breaking news', 'live', 'exclusive', 'developing story', 'just in', 'caption', 'opinion columnist',
  'highlights', 'watch live', 'live updates', 'recent articles', 'popular this week', 'iklan', 'anzeige', 'werbung', 'publicidad', 'publicité',
  'pubblicità', 'реклама', 'loading', 'loading content', 'staff report', 'staff reports', 'wire reports', 'from staff reports',
  // Section names and kickers, which stand alone above a headline.
  'news', 'world', 'world news', 'politics', 'business', 'economy', 'markets', 'sport', 'sports', 'science', 'technology',
  'tech', 'health', 'culture', 'entertainment', 'europe', 'asia', 'africa', 'americas', 'middle east', 'analysis',
  'opinion', 'explainer', 'editorial', 'interview', 'feature', 'features', 'national', 'international', 'local',
  // Blog and form furniture.
  'key points', 'support us', 'previous post', 'next post', 'older post', 'newer post', 'leave a reply',
  'leave a reply cancel reply', 'cancel reply', 'search search', 'share tweet submit', 'submit', 'post navigation',
  'back to overview', 'back to gallery', 'back to list', 'zurück zur übersicht', 'zurück', 'retour', 'volver', 'voltar',
]);

const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "November 20", "Tue 9 Nov": a date line without a year, which tells nothing the reader can use. */
const YEARLESS_DATE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME})$`,
  'i',
);

/** Link lead-ins that never start prose. */
const LINK_PREFIX = /^(?:read more|read also|also read|read next|see also|see more|watch more|more stories|click here|further reading|you may also like|you might also like|must read)\b/i;
/** Lead-ins that could start a sentence ("Related talks…", "Watch out…"), so only with a separator: "Related: …". */
const LINK_LABEL = /^(?:related(?: coverage| stories| articles| topics| content)?|recommended|watch|listen|more from \w+|more on \w+|more|also on \w+|don't miss|opinion|explainer|live|video|photos|gallery)\s*[:|>»–—]/i;

const PROMPT = new RegExp(
  [
    '^share (?:this|on|via|the)\\b', '^(?:subscribe|sign up|register) (?:to|for|now|today|here)\\b',
    '\\bnewsletters?\\b.{0,60}\\b(?:sign up|subscribe|inbox|delivered)\\b', '\\b(?:sign up|subscribe)\\b.{0,60}\\bnewsletters?\\b',
    '\\bwe use cookies\\b', '\\buses cookies\\b', '\\b(?:accept|manage) (?:all )?cookies\\b', '\\bcookie (?:policy|settings|consent|preferences)\\b',
    '^advertisement\\b', '^sponsored\\b', '^follow (?:us|@)', '^download (?:the|our) app\\b', '^get the latest\\b',
    '^support (?:our|independent) journalism\\b', '\\ball rights reserved\\b', '^(?:copyright|©|\\(c\\))\\s',
    '^this (?:article|story) (?:was|has been) (?:updated|corrected|amended)\\b', '^(?:terms of (?:use|service)|privacy policy)\\b',
    '^(?:already a subscriber|already have an account)\\b', '^javascript is (?:disabled|required)\\b',
    '^(?:enable|please enable) javascript\\b', '©\\s?(?:19|20)\\d\\d\\b',
    '^(?:(?:last )?updated|posted|published|first published)(?: on| at)?:?\\s+(?:\\w+day,?\\s+)?(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[^!?]{0,70}$',
    '^(?:most (?:popular|read|viewed|shared|commented)|trending|top stories|editor\'s picks)(?: (?:today|this week|this month|now|right now|stories|articles))?\\s*:?$',
    '^flag of\\b.{1,40}$', '^.{1,30}\\((?:required|optional)\\)\\s*\\*?$', '^something went wrong\\b', '\\(not implemented\\)$',
    '^have a tip\\?', '^you (?:will|are being) (?:be )?redirected\\b', '^\\d*\\s*(?:e-?mail|send|share) this(?: (?:article|story|page))? to (?:someone|a friend)\\b', '^(?:comments?|replies)\\s*\\(?\\d+\\)?$', '^\\d+ (?:comments?|replies)$', '\\b(?:in|to) your inbox\\b',
    '^newsletters?\\s*:', '^sign up\\s*:', '^https?://\\S+$', '^(?:image|photo|picture|slide) \\d+ (?:of|/)',
    '^(?:reading time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit)\\s*:', '^(?:post|add|leave|write) (?:a )?comments?\\b',
    '^(?:filed under|tags?|topics?|categories|category)\\s*:', '\\bshare (?:it|this) with (?:a|your) friends?\\b', '^want more\\b.{0,40}\\?$',
    '^loading\\b.{0,20}$', '^(?:today|yesterday)\\s+\\d{1,2}[:.]\\d{2}', '\\brequires javascript\\b',
    '^\\(?(?:additional )?(?:reporting|writing|editing|compiled) by\\b[^)]{0,300}\\)?\\.?$',
    '\\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))(?: (?:from|in) [^.]{1,60})?\\.?$', '^our standards\\s*:', '^image copyright\\b',
    '^media playback is (?:unsupported|not supported)\\b', '^credit\\s*\\.{2,}', '^continue reading\\b', '^supported by$',
    '^follow\\b.{0,60}\\bon (?:twitter|facebook|instagram|x|threads|bluesky)\\b', '^(?:image|media|video) (?:source|caption)s?\\s*[,:]', '^\\d+\\s*(?:min|mins|minute|minutes)\\s*read$',
    '^(?:published|updated|posted)\\s+\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago$',
    '\\b(?:story|article) continues below\\b', '^continue reading below\\b', '\\bscroll to continue\\b',
    '^(?:listen to|hear) this (?:article|story)\\b', '^(?:this|the) (?:video|audio) (?:is|can) (?:not|no longer) (?:available|be played)\\b', '^(?:your|this) browser (?:does not|doesn\'t) support\\b',
  ].join('|'),
  'i',
);

/** "1 Headline … 2 Headline … 3 … 4 …": a numbered list of other stories that a copy ran into one line. */
const NUMBERED_RUN = /^1\s+\p{Lu}.{5,300}?\s2\s+\p{Lu}.{5,300}?\s3\s+\p{Lu}.{5,300}?\s4\s+\p{Lu}/u;

const AGENCIES =
  '(?:AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Shutterstock|Bloomberg|Alamy|PA(?: Media| Wire)?|Sipa(?: USA)?|Xinhua|Anadolu(?: Agency)?|Pool|Zuma(?: Press)?|TASS|Sputnik|Kyodo|Yonhap|ANSA|dpa|Corbis|NurPhoto|SOPA Images|LightRocket|Rex Features|iStock|Wikimedia Commons|Handout|File)';

const CREDIT_TAIL = new RegExp(
  [
    `\\((?:photos?|images?|pictures?|video)\\s+(?:by|credit|courtesy(?: of)?|:)[^)]{1,120}\\)\\s*$`,
    `\\b(?:photos?|images?|pictures?|photographs?|photo credit|credit|illustration|graphic|video|footage|foto)\\s*:\\s*[^.!?:]{1,80}$`,
    `(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?[\\p{L}][^.!?]{0,80}$`,
    `(?<=[\\p{L}.])\\s?/\\s*${AGENCIES}(?:\\s*(?:/|via)\\s*${AGENCIES})*\\s*\\)?\\s*$`,
    `\\b(?:via|courtesy of)\\s+${AGENCIES}\\s*\\)?\\s*$`,
    `\\b${AGENCIES} (?:photo|file photo|pool photo)\\b[^.!?]{0,40}$`,
    // A credit glued to its caption by a copy that lost the line break: "… in July 2017Image: picture-alliance/AP".
    `(?<=[\\p{Ll}\\p{N}.)])(?:Photo|Image|Picture|Foto|Bild|Credit)s?\\s*:\\s*(?:[^.!?:]|(?<=\\b\\p{Lu})\\.){1,80}$`,
    // "… last week.Credit...Anna Moneymaker/The New York Times": a credit glued with dots.
    `(?<=[\\p{L}\\p{N}.)])Credits?\\s*(?:\\.{2,}|…)\\s*[^!?]{1,80}$`,
    // "[File: Reuters]", "(Photo: AP)", "[Reuters]" at the end of a caption.
    `[\\[(](?:(?:file|photo|image|picture|foto|credit)s?\\s*:\\s*)?[^\\])]{0,40}\\b${AGENCIES}\\b[^\\])]{0,40}[\\])]\\s*$`,
  ].join('|'),
  'iu',
);

/** A line that is nothing but a credit: "Photo: Reuters", "AP Photo/Evan Vucci", "© AP", "Getty Images". */
const CREDIT_ONLY = new RegExp(
  `^(?:\\(?(?:photos?|images?|pictures?|photo credit|credit|illustration|video|source)\\s*(?::|by)\\s*[^!?]{1,100}\\)?|(?:©|\\(c\\)|copyright)\\s*[^.!?]{1,80}|(?:[\\p{L}.' -]{0,40}/)?${AGENCIES}(?:\\s*(?:/|via)\\s*[\\p{L} ]{1,30})*(?: photo)?(?:\\s*/\\s*[\\p{L}.' -]{1,40})?)$`,
  'iu',
);

/** Present-tense picture language typical of captions. */
const CAPTION_WORDS =
  /\b(?:pictured|file photo|in this (?:photo|picture|image|file)|(?:speaks|gestures|attends|arrives|arrive|looks on|look on|poses|pose|waves|walks|walk|stands|stand|holds|hold|delivers|listens|listen|sits|is seen|are seen|react|reacts|shakes hands|shake hands|smiles|leaves|leave|march|marches|gather|gathers|rally|rallies|protest)\b)/i;

const BULLET = /^(?:[-*•·▪►>–—|]+|\d{1,2}[.)])\s*/;

/** Words of share bars and social buttons, in the languages of the news we see most. */
const SOCIAL_WORDS = new Set([
  'facebook', 'twitter', 'whatsapp', 'pinterest', 'pint', 'pin', 'linkedin', 'reddit', 'email', 'e-mail', 'mail', 'print',
  'share', 'shares', 'tweet', 'telegram', 'messenger', 'copy', 'link', 'sms', 'flipboard', 'tumblr', 'x', 'comments',
  'comment', 'save', 'download', 'baixar', 'compartilhar', 'compartir', 'teilen', 'partager', 'imprimir', 'drucken',
  'vk', 'ok', 'line', 'viber', 'google', 'google+', 'instagram', 'youtube', 'snapchat', 'tiktok', 'rss',
]);

/** "Hong Kong unrest explained [VIDEO]": a teaser marked with an upper-case tag in brackets. */
const TEASER_TAG = /\[(?:[A-Z]{3,}(?: [A-Z]{2,})*)\]\s*[|]?\s*$/;

/** The line without list bullets or numbering. */
export function stripBullet(line: string): string {
  return line.replace(BULLET, '');
}

export function endsWithTerminal(line: string): boolean {
  return /[.!?…:;。！？：；]["'”’)\]」』）]*$/.test(line);
}

/** Chinese and Japanese write no spaces: a line wrapped between two of their characters joins without one. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

export function unspaced(before: string, after: string): boolean {
  return UNSPACED_SCRIPT.test(before.slice(-1)) && UNSPACED_SCRIPT.test(after.slice(0, 1));
}

/** Words in a line; Chinese and Japanese write no spaces, so every two ideographs or kana count as a word. */
export function wordCount(line: string): number {
  const spaced = line.split(/\s+/).filter(Boolean).length;
  const cjk = line.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return cjk === 0 ? spaced : spaced + Math.floor(cjk / 2);
}

/** Navigation, link, share/subscribe/cookie/advert and copyright lines. */
export function isFurnitureLine(line: string): boolean {
  const bare = stripBullet(line).trim();
  if (bare === '') return false;
  // Lines of symbols only ("***", "/*", "—"): separators and stray code.
  if (!/[\p{L}\p{N}]/u.test(bare)) return true;
  if (YEARLESS_DATE.test(bare)) return true;
  // Icons and arrows around a label ("☰ Menu", "Next →") do not change what it is.
  const lower = bare
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}"“‘'(]+/u, '')
    .replace(/[\s:|>»›→…]+$/, '');
  if (INTERFACE_LABELS.has(lower)) return true;
  if (bare.length <= 200 && (LINK_PREFIX.test(bare) || LINK_LABEL.test(bare))) return true;
  if (bare.length <= 300 && PROMPT.test(bare)) return true;
  if (NUMBERED_RUN.test(bare)) return true;
  if (isLinkList(bare)) return true;
  if (isSocialBar(lower)) return true;
  if (bare.length <= 200 && TEASER_TAG.test(bare)) return true;
  if (isTagList(bare)) return true;
  if (isAuthorBio(bare)) return true;
  return false;
}

/** "Whatsapp Facebook Pint Baixar": a line of share buttons. */
function isSocialBar(lower: string): boolean {
  const words = lower.split(/[\s|•·,/]+/).filter(Boolean);
  if (words.length < 2 || words.length > 12) return false;
  return words.filter((w) => SOCIAL_WORDS.has(w)).length / words.length >= 0.75;
}

/** "stock car 2018, stock car brasil, …": a keyword list, many short comma-separated items and no sentence. */
function isTagList(line: string): boolean {
  if (endsWithTerminal(line)) return false;
  const parts = line.split(/\s*,\s*/);
  if (parts.length < 6 || !parts.every((p) => p !== '' && wordCount(p) <= 4)) return false;
  // Keywords are mostly lower-case; a list of capitalised names is more likely content.
  return parts.filter((p) => /^\p{Ll}/u.test(p)).length >= parts.length / 2;
}

/** "Home | World | Politics", "News · Sport · Weather": short items joined by separators. */
function isLinkList(line: string): boolean {
  const parts = line.split(/\s+[|•·/>»›]\s+|\s*[|•·]\s*/).filter(Boolean);
  if (parts.length < 2) return false;
  if (parts.every((p) => INTERFACE_LABELS.has(p.toLowerCase()))) return true;
  const short = parts.every((p) => wordCount(p) <= 3 && !endsWithTerminal(p));
  // Two short items ("Photo galleries | Video") only count with a bar between them.
  return short && (parts.length >= 3 || (/\s\|\s/.test(line) && wordCount(line) <= 8));
}

/** "Jane Roe is a reporter for Example News.": the author's bio under the story. */
const AUTHOR_BIO =
  /^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){1,3} is (?:a|an|the|our) (?:[\p{L}'’-]+ ){0,5}?(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|producer|curator|author|freelancer)s?(?: (?:for|at|with|based|who|living|covering|in)\b|[.,]|$)/u;

export function isAuthorBio(line: string): boolean {
  return line.length <= 400 && AUTHOR_BIO.test(line) && !/\b(?:said|says|told)\b/.test(line);
}

/** A line that is only a photo credit. */
export function isCreditLine(line: string): boolean {
  return line.length <= 120 && CREDIT_ONLY.test(line.trim());
}

/** A credit that names a picture ("Photo: Reuters", "AFP/Getty") rather than a bare agency tag ("Reuters"). */
export function isPhotoCredit(line: string): boolean {
  return isCreditLine(line) && /photo|image|picture|getty|credit|©|\(c\)|\//i.test(line);
}

/** A caption that carries its own credit at the end: "Troops on parade in Kyiv. Photo: Reuters". */
export function endsWithCredit(line: string): boolean {
  // Every credit pattern is anchored at the end and bounded in length, so the tail suffices
  // and long lines cost no more than short ones.
  return line.length <= 900 && CREDIT_HINT.test(line) && (CREDIT_TAIL.test(line.slice(-240)) || PERSON_CREDIT.test(line.slice(-120)));
}

/**
 * "… in Albany, N.Y. (Lori Van Buren/Times Union)": the photographer and the paper in brackets
 * after a caption. Case matters here (the name and the paper are capitalised), so it stands
 * apart from the case-blind patterns above.
 */
const PERSON_CREDIT = /(?<=[.!?]["”’]?\s?)\((?:\p{Lu}[\p{L}.'’-]+\s+){1,3}\p{Lu}[\p{L}'’-]+\s*\/\s*\p{Lu}[\p{L}.&'’ -]{1,40}\)\s*$/u;

/**
 * The caption without the credit at its end:
 * "Trump in July 2017Image: picture-alliance/AP Photo/E. Vucci" → "Trump in July 2017".
 */
export function stripCredit(line: string): string {
  if (!endsWithCredit(line)) return line;
  const tail = line.slice(-240);
  const m = CREDIT_TAIL.exec(tail) ?? PERSON_CREDIT.exec(tail);
  if (!m) return line;
  return (line.slice(0, line.length - tail.length) + tail.slice(0, m.index)).replace(/[\s|–—-]+$/, '').trim();
}

/** Every credit tail holds one of these; most lines do not, and skip the costly pattern. */
const CREDIT_HINT = /[/©\])]|\(c\)|photo|image|picture|credit|illustra|graphic|video|footage|foto|copyright|via|courtesy/i;

/**
 * Whether a line that stands right before a credit line is that credit's caption. A
 * long paragraph is not (the credit belongs to a picture with no caption).
 */
export function looksLikeCaption(line: string): boolean {
  if (line.length > 300) return false;
  if (!endsWithTerminal(line)) return true;
  if (/["“”]/.test(line)) return false;
  return CAPTION_WORDS.test(line) || line.length <= 120;
}

/**
 * Indexes of lines that form navigation: runs of three or more short lines (at most three
 * words each, no final punctuation), the shape of a menu copied with the page. `keep` marks
 * lines that must not be counted (header lines already recognised); `removed` lines that were
 * already taken out as single-line furniture, which still count towards a run.
 */
export function findNavigationRuns(lines: string[], keep: (index: number) => boolean, removed: Set<number> = new Set()): Set<number> {
  const found = new Set<number>();
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) for (const i of run) found.add(i);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A menu item already removed as a label ("Home") still belongs to its menu.
    if (removed.has(i)) {
      run.push(i);
      continue;
    }
    if (line === '') continue; // blank lines do not break a menu
    const bare = stripBullet(line);
    const short = bare.length <= 32 && wordCount(bare) <= 3 && !endsWithTerminal(bare) && !keep(i);
    if (short) run.push(i);
    else flush();
  }
  flush();
  return found;
}
