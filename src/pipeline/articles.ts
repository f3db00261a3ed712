// Parses an article file in the form articles arrive (see ../shared/ARCHITECTURE.md, "Article files"): a first
// line " date YYYY-MM-DD <first paragraph…>", paragraphs separated by blank lines, and the outlet, author and title
// only inside the text. An optional front matter block at the very top adds or corrects title/source/url/author.
// Nothing is invented: where the text names no outlet, `source` is null.
import type { Article } from '../domain/joined.ts';
import { type Issue, warning } from './problems.ts';
import { normalizeText } from './text.ts';

export interface Dateline {
  /** the city as written, e.g. "БАКУ" */
  place: string;
  outlet: string;
}

export interface ParsedArticle {
  article: Article;
  /** body paragraphs: without the date, the front matter, the dateline and author lines */
  paragraphs: string[];
  /** "БАКУ /Trend/ -" taken off the first paragraph: it names the outlet, not a place the article talks about */
  dateline: Dateline | null;
  /** things a curator may want to fix (unknown front matter keys), as `<file>: <message>`; never fatal */
  warnings: string[];
}

/** What stops a file from being read as an article; `message` is `<file>: <detail>`. */
export class ArticleFormatError extends Error {
  override readonly name = 'ArticleFormatError';
  readonly file: string;
  /** the message without the file name */
  readonly detail: string;
  /** 1-based line of the file */
  readonly line: number;
  readonly hint: string | undefined;

  constructor(file: string, detail: string, line: number, hint?: string) {
    super(`${file}: ${detail}`);
    this.file = file;
    this.detail = detail;
    this.line = line;
    this.hint = hint;
  }

  toIssue(): Issue {
    return {
      level: 'error',
      message: this.detail,
      line: this.line,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
    };
  }
}

/** The form of the first line, for hints. */
export const DATE_LINE_FORM =
  '" date YYYY-MM-DD <first paragraph…>", e.g. " date 2025-10-21 БАКУ /Trend/ - …"';

const FRONT_MATTER_KEYS = ['title', 'source', 'url', 'author', 'date'] as const;
type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];
type FrontMatter = Partial<Record<FrontMatterKey, string | null>>;

/**
 * `file` is the file name (its extension is dropped for the id); `raw` the decoded file content. Throws
 * ArticleFormatError on what makes the file unreadable; warnings go to `warnings` and, with their line, to `issues`.
 */
export function parseArticle(file: string, raw: string, issues: Issue[] = []): ParsedArticle {
  const warnings: string[] = [];
  const warn = (issue: Issue) => {
    issues.push(issue);
    warnings.push(`${file}: ${issue.message}${issue.hint === undefined ? '' : ` (${issue.hint})`}`);
  };
  const text = normalizeText(raw);
  const { front, frontDateLine, body } = splitFrontMatter(file, text, warn);
  const lineOf = (suffix: string) => lineAt(text, text.length - suffix.length);
  const { date, rest } = readDateLine(file, body, front.date ?? null, lineOf, frontDateLine);
  let paragraphs = splitParagraphs(rest);

  const dateline = readDateline(paragraphs[0]);
  if (dateline && paragraphs[0] !== undefined) paragraphs[0] = paragraphs[0].slice(dateline.length);
  paragraphs = paragraphs.filter((p) => p.length > 0);

  const authorLine = takeAuthor(paragraphs);
  paragraphs = authorLine.paragraphs;

  const article: Article = {
    id: articleId(file),
    file,
    date,
    source: pick(front, 'source', dateline?.value.outlet ?? findOutlet(paragraphs)),
    title: pick(front, 'title', null),
    author: pick(front, 'author', authorLine.author),
    url: pick(front, 'url', null),
  };
  return { article, paragraphs, dateline: dateline?.value ?? null, warnings };
}

/** The file name without directory and extension: `000_44a1ae32fa99ce26.txt` → `000_44a1ae32fa99ce26`. */
export function articleId(file: string): string {
  const base = file.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** A front matter value wins over what the text says, including an explicit empty value (= null). */
function pick(front: FrontMatter, key: FrontMatterKey, fromText: string | null): string | null {
  const value = front[key];
  return value === undefined ? fromText : value;
}

function splitFrontMatter(
  file: string,
  text: string,
  warn: (issue: Issue) => void,
): { front: FrontMatter; frontDateLine: number | null; body: string } {
  if (!/^---[ \t]*\n/.test(text)) return { front: {}, frontDateLine: null, body: text };
  const end = text.search(/\n---[ \t]*(?:\n|$)/);
  if (end < 0) {
    throw new ArticleFormatError(
      file,
      'front matter starts with "---" but has no closing "---" line',
      1,
      'close it with a line "---", or remove the first line',
    );
  }
  const front: FrontMatter = {};
  let frontDateLine: number | null = null;
  const lines = text.slice(text.indexOf('\n') + 1, end).split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const m = /^([A-Za-z]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m) {
      throw new ArticleFormatError(
        file,
        `front matter line ${i + 2} is not "key: value": ${shorten(line)}`,
        i + 2,
        `keys: ${FRONT_MATTER_KEYS.join(', ')}`,
      );
    }
    const key = (m[1] ?? '').toLowerCase();
    if (!isFrontMatterKey(key)) {
      warn(
        warning(`unknown front matter key "${key}" ignored`, `known: ${FRONT_MATTER_KEYS.join(', ')}`, i + 2),
      );
      return;
    }
    front[key] = frontMatterValue(m[2] ?? '');
    if (key === 'date') frontDateLine = i + 2;
  });
  const after = text.slice(end + 1).replace(/^---[ \t]*\n?/, '');
  return { front, frontDateLine, body: after };
}

function isFrontMatterKey(key: string): key is FrontMatterKey {
  return (FRONT_MATTER_KEYS as readonly string[]).includes(key);
}

/** Trims, unquotes "…" or '…'; empty or `null` means "there is none" (so front matter can correct to null). */
function frontMatterValue(raw: string): string | null {
  let value = raw.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  if (quoted) value = (quoted[1] ?? quoted[2] ?? '').trim();
  return value === '' || value === 'null' || value === '~' ? null : value;
}

const DATE_LINE = /^[ \t]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)[ \t]*/i;
/** A first line that means to be a date line but is not in the form: "date 21.10.2025", "Дата: 2025-10-21". */
const DATE_WORD = /^[ \t]*(?:date|дата)(?![\p{L}\p{N}])/iu;
/** 21.10.2025, 21/10/2025: the day-first forms the region's press uses. */
const DAY_FIRST = /(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.])/;

function readDateLine(
  file: string,
  body: string,
  frontDate: string | null,
  lineOf: (suffix: string) => number,
  frontDateLine: number | null,
): { date: string; rest: string } {
  const text = body.replace(/^\s*\n/, '');
  const line = lineOf(text);
  const m = DATE_LINE.exec(text);
  const date = m?.[1] ?? frontDate;
  if (date === null || date === undefined) throw missingDate(file, text, line);
  if (!isCalendarDate(date)) {
    throw new ArticleFormatError(
      file,
      `"${date}" is not a calendar date (YYYY-MM-DD)`,
      m ? line : (frontDateLine ?? line),
      'month 01–12, day within the month',
    );
  }
  return { date, rest: m ? text.slice(m[0].length) : text };
}

function missingDate(file: string, text: string, line: number): ArticleFormatError {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? text : text.slice(0, newline);
  if (!DATE_WORD.test(first)) {
    return new ArticleFormatError(
      file,
      'the first line must start with "date YYYY-MM-DD" (or front matter date:)',
      line,
      `expected ${DATE_LINE_FORM}`,
    );
  }
  const iso = isoDateIn(first);
  return new ArticleFormatError(
    file,
    `malformed date line "${shorten(first)}"`,
    line,
    iso === null ? `expected ${DATE_LINE_FORM}` : `write it as " date ${iso} …"`,
  );
}

/** A date written some other way on the first line, as YYYY-MM-DD (not checked against the calendar). */
function isoDateIn(line: string): string | null {
  const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(line);
  const dayFirst = DAY_FIRST.exec(line);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** 1-based line of `offset` in `text` (LF line ends: the text is normalised). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A line of the file quoted in a message: trimmed, at most 60 characters. */
function shorten(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed;
}

function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Blank lines separate paragraphs; single newlines inside a paragraph are soft wraps. */
function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    // Most paragraphs are one line: nothing to join.
    const p = (block.includes('\n') ? block.split('\n').map(trimSpaceTab).join(' ') : block).trim();
    if (p.length > 0) out.push(p);
  }
  return out;
}

/** "БАКУ /Trend/ -", "АСТАНА, 21 октября /Kazinform/ –": an upper-case place, the outlet between slashes, a dash. */
const DATELINE =
  /^(\p{Lu}[\p{Lu}\- ]{1,30}?)(?:,[^/\n]{1,30})?[ \t]*\/[ \t]*([^/\n]{1,40}?)[ \t]*\/[ \t]*[-–—][ \t]*/u;

function readDateline(first: string | undefined): { value: Dateline; length: number } | null {
  const m = first === undefined ? null : DATELINE.exec(first);
  if (!m) return null;
  return {
    value: { place: (m[1] ?? '').trim(), outlet: canonicalOutlet(m[2] ?? '') },
    length: m[0].length,
  };
}

const AUTHOR_LINE = /^Автор(?:ы)?[ \t]*[:\-–—][ \t]*(.{2,80})$/u;
/** Two or three capitalised words and nothing else: the signature line some outlets end with. */
const LONE_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;

/** "Автор: Акпер Гасанов" as the first or last paragraph, or a lone name as the last: taken out of the body. */
function takeAuthor(paragraphs: string[]): { author: string | null; paragraphs: string[] } {
  const first = paragraphs[0];
  const firstMatch = first === undefined ? null : AUTHOR_LINE.exec(first);
  if (firstMatch) return { author: (firstMatch[1] ?? '').trim(), paragraphs: paragraphs.slice(1) };
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && paragraphs.length > 1) {
    const lastMatch = AUTHOR_LINE.exec(last);
    if (lastMatch) return { author: (lastMatch[1] ?? '').trim(), paragraphs: paragraphs.slice(0, -1) };
    if (LONE_NAME.test(last)) return { author: last, paragraphs: paragraphs.slice(0, -1) };
  }
  return { author: null, paragraphs };
}

// Outlets of the region's press, as they spell themselves. Matching is case-insensitive; the output is this form.
const KNOWN_OUTLETS = [
  'BAQ.KZ',
  'Trend',
  'Zakon.kz',
  'Day.Az',
  'Kazinform',
  'Report.az',
  'APA',
  'AZERTAC',
  'News.az',
  'Caliber.az',
  'Minval.az',
  'Haqqin.az',
  'Oxu.az',
  'Vesti.az',
  'Tengrinews.kz',
  'Kapital.kz',
  'Kursiv',
  'Inform.kz',
  'Sputnik',
  'Interfax',
  'ТАСС',
  'РИА Новости',
  'Интерфакс',
] as const;
/** Cyrillic spellings of the same outlets. */
const OUTLET_ALIASES: Record<string, string> = {
  казинформ: 'Kazinform',
  тренд: 'Trend',
  азертадж: 'AZERTAC',
};

function canonicalOutlet(name: string): string {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  return KNOWN_OUTLETS.find((o) => o.toLowerCase() === lower) ?? OUTLET_ALIASES[lower] ?? trimmed;
}

function isKnownOutlet(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_OUTLETS.some((o) => o.toLowerCase() === lower) || OUTLET_ALIASES[lower] !== undefined;
}

/** A domain ("Zakon.kz") or a known outlet; a bare Latin word only when it is a known outlet. */
const OUTLET_NAME = /([\p{L}\p{N}][\p{L}\p{N}-]{0,30}(?:\.[A-Za-z]{2,10}){0,2}(?: Новости)?)/u.source;

// Frames in which the text names its own outlet. "в интервью казахстанскому агентству Kazinform" is not one:
// there the outlet is quoted as someone else's source.
const OUTLET_FRAMES = [
  new RegExp(`(?:передает|передаёт|сообщает|пишет|информирует)\\s+${OUTLET_NAME}`, 'gu'),
  new RegExp(`(?:в беседе|в интервью|в разговоре)\\s+с\\s+${OUTLET_NAME}`, 'gu'),
  new RegExp(
    `(?:сказал|сказала|заявил|заявила|рассказал|рассказала|сообщил|сообщила)\\s+${OUTLET_NAME}`,
    'gu',
  ),
  new RegExp(`(?:^|\\s)\\/${OUTLET_NAME}\\/`, 'gu'),
];

/** The outlet the text names for itself, earliest in the text first; null when it names none. */
export function findOutlet(paragraphs: string[]): string | null {
  for (const p of paragraphs) {
    let best: { at: number; name: string } | null = null;
    for (const frame of OUTLET_FRAMES) {
      // exec from lastIndex 0 rather than matchAll, which clones the regex on every call (four per paragraph);
      // no frame matches the empty string, and a failed exec leaves lastIndex at 0.
      frame.lastIndex = 0;
      for (let m = frame.exec(p); m !== null; m = frame.exec(p)) {
        const name = (m[1] ?? '').replace(/\.$/, '');
        if (!isKnownOutlet(name) && !/^[A-Za-z][\w-]*\.[A-Za-z]{2,10}$/.test(name)) continue;
        if (best === null || m.index < best.at) best = { at: m.index, name: canonicalOutlet(name) };
      }
    }
    if (best !== null) return best.name;
  }
  return null;
}

// Spaces and tabs off both ends, without a regex: a pattern like [ \t]+$ backtracks quadratically on a long run
// of spaces that is not followed by what it looks for.
function trimSpaceTab(line: string): string {
  let a = 0;
  let b = line.length;
  while (a < b && (line[a] === ' ' || line[a] === '\t')) a++;
  while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b--;
  return line.slice(a, b);
}
