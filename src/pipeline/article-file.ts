// One article file, from its bytes to a ParsedArticle, with every problem found on the way (issue 7): the
// encoding (decode.ts); an empty file; text garbled before it reached us (mojibake.ts: UTF-8 read as Windows-1251
// is an error, since the whole text would be unreadable and the original can be saved again; U+FFFD is a warning,
// usually a few letters already lost); Latin look-alike letters inside Cyrillic words (repaired by normalizeText,
// named here so the curator can fix the source); the date line and front matter (articles.ts); paragraphs too
// long to be text. Never throws: a file gives a parsed article or at least one error, each error with a hint and,
// where there is one, a line.
import { ArticleFormatError, DATE_LINE_FORM, type ParsedArticle, parseArticle } from './articles.ts';
import { decodeArticleBytes } from './decode.ts';
import { findMojibake, findReplacementChars } from './mojibake.ts';
import { mapPacked } from './packed-map.ts';
import { error, type Issue, warning } from './problems.ts';
import { findLookAlikes } from './text.ts';

export interface ArticleRead {
  /** null when the file could not be read as an article */
  parsed: ParsedArticle | null;
  /** encoding first, then by line */
  issues: Issue[];
}

/**
 * Longest paragraph accepted, in characters. News paragraphs run to a few hundred characters (the five seeds:
 * 868 at most); a longer "paragraph" is a file without blank lines between paragraphs, or not an article. The
 * limit also bounds the time per sentence: matching names costs more than linear time in the length of one
 * sentence (200 000 characters of "БАКУ " take 5.5 s in match.ts alone), and a paragraph with no full stop is one
 * sentence.
 */
export const MAX_PARAGRAPH_CHARS = 20_000;
export const BUG_HINT = 'a bug in the pipeline, not in the file: please report it with the file attached';
/** Look-alike words named one by one, then counted. */
const MAX_LOOK_ALIKES_SHOWN = 10;

export function readArticle(file: string, bytes: Uint8Array): ArticleRead {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.text === null) return { parsed: null, issues: decoded.issues };
  return readArticleText(file, decoded.text, decoded.issues);
}

/** The checks on decoded text; `issues` are those found while decoding. */
export function readArticleText(file: string, text: string, issues: Issue[] = []): ArticleRead {
  const found = [...issues];
  if (text.trim() === '') {
    found.push(
      error(
        text === '' ? 'the file is empty' : 'the file holds only blank space',
        `expected ${DATE_LINE_FORM}`,
      ),
    );
    return { parsed: null, issues: found };
  }
  const mojibake = findMojibake(text);
  if (mojibake !== null) {
    const more = mojibake.lines > 1 ? `; ${mojibake.lines} lines are garbled` : '';
    const name = mojibake.encoding === 'windows-1251' ? 'Windows-1251' : 'Windows-1252';
    found.push(
      error(
        `garbled text (UTF-8 read as ${name}): "${mojibake.garbled}" should read "${mojibake.repaired}"${more}`,
        `the file was decoded as ${name} and saved as UTF-8; re-save from the original`,
        mojibake.line,
      ),
    );
  }
  const lost = findReplacementChars(text);
  if (lost !== null) {
    const what = lost.count === 1 ? 'a replacement character' : `${lost.count} replacement characters`;
    found.push(
      warning(
        `${what} (U+FFFD, shown as "\uFFFD"): letters lost by an earlier, lenient decoding`,
        'copy the text again from its original source',
        lost.line,
      ),
    );
  }
  found.push(...lookAlikeIssues(text), ...longParagraphs(text));

  let parsed: ParsedArticle | null = null;
  try {
    parsed = parseArticle(file, text, found);
  } catch (e) {
    // anything but an ArticleFormatError is a bug in the parser; still a message about this file, not a crash
    found.push(
      e instanceof ArticleFormatError
        ? e.toIssue()
        : error(`internal error while parsing: ${e instanceof Error ? e.message : String(e)}`, BUG_HINT),
    );
  }
  return { parsed: hasError(found) ? null : parsed, issues: byLine(found) };
}

function lookAlikeIssues(text: string): Issue[] {
  const words = findLookAlikes(text);
  const shown = words.slice(0, MAX_LOOK_ALIKES_SHOWN).map((w) => {
    const other = w.script === 'Cyrillic' ? 'Latin' : 'Cyrillic';
    return warning(
      `"${w.word}" mixes scripts: ${other} "${w.letters}" in a ${w.script} word (read as "${w.fixed}")`,
      `retype "${w.letters}" in ${w.script}`,
      w.line,
    );
  });
  const rest = words.length - shown.length;
  const last = words[MAX_LOOK_ALIKES_SHOWN];
  if (rest > 0 && last !== undefined) {
    shown.push(
      warning(
        `${rest} more word${rest === 1 ? '' : 's'} mix Latin and Cyrillic letters (the next is "${last.word}")`,
        'search the file for Latin letters inside Cyrillic words',
        last.line,
      ),
    );
  }
  return shown;
}

/**
 * Paragraphs (separated by blank lines, as parseArticle splits them) longer than MAX_PARAGRAPH_CHARS. Works on the
 * raw text, so the lines are the file's: a line of spaces of any kind counts as blank, as normalizeText makes it.
 */
function longParagraphs(raw: string): Issue[] {
  // No paragraph is longer than the file (nearly every article is a few KB): nothing to split and measure.
  if (raw.length <= MAX_PARAGRAPH_CHARS) return [];
  const text = raw.replace(/\r\n?|\u2028|\u2029/g, '\n');
  const found: Issue[] = [];
  const separator = /\n[\s\u200B-\u200D\u2060\u00AD\uFEFF]*?\n/g;
  let start = 0;
  let line = 1;
  for (;;) {
    const m = separator.exec(text);
    const end = m === null ? text.length : m.index;
    const length = end - start;
    if (length > MAX_PARAGRAPH_CHARS) {
      found.push(
        error(
          `a paragraph of ${length} characters: the longest accepted is ${MAX_PARAGRAPH_CHARS}`,
          'separate paragraphs with a blank line; is this an article?',
          line,
        ),
      );
    }
    if (m === null) return found;
    line += countNewlines(text, start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function hasError(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.level === 'error');
}

/** Issues without a line (the encoding, the file as a whole) first, then by line; stable otherwise. */
function byLine(issues: Issue[]): Issue[] {
  const sorted = issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i);
  return mapPacked(sorted, (x) => x.issue);
}
