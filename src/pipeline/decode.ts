// Bytes of an article file → text, deciding the encoding so that nothing is ever silently garbled (issue 7):
// - UTF-8 is read strictly (`fatal: true`); a UTF-8 byte-order mark is dropped;
// - UTF-16 with a byte-order mark (Notepad's "Unicode") is decoded, with a warning; without a mark it is refused
//   as binary (its NUL bytes), with a hint that it looks like UTF-16;
// - bytes that are not UTF-8 but read as Windows-1251 Russian text (mostly Cyrillic letters, mostly lower case:
//   KOI8-R read as Windows-1251 comes out mostly upper case) are decoded as Windows-1251, with a warning;
//   anything else that is not UTF-8 is refused;
// - a file that is mostly UTF-8 with a Windows-1251 line pasted in is refused: decoding it either way would
//   garble one of the two parts (found by reading it as Windows-1251 and finding UTF-8 mojibake in the result);
// - NUL bytes or many control characters mean a binary file: refused;
// - files over MAX_ARTICLE_BYTES are refused before they are read.
// Pure: the caller reads the file and names it.
import { isUtf8, transcode } from 'node:buffer';
import { findMojibake } from './mojibake.ts';
import { error, type Issue, warning } from './problems.ts';

/**
 * Articles are a few KB (the five seeds: 3–5 KB). 20 MB leaves room for a whole archive pasted into one file
 * while keeping a run under half a minute: the pipeline handles 10 MB of article text in about 12 s.
 */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** C0 controls other than tab, LF, FF and CR, and DEL: characters plain text does not contain. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** More than this share of control characters, or this many, and the file is not text. */
const MAX_CONTROL_SHARE = 0.01;
const MAX_CONTROL_COUNT = 8;
/** Windows-1251 is accepted only when at least this share of the letters are Cyrillic… */
const MIN_CYRILLIC_SHARE = 0.6;
/** …and at least this share of those are lower case. */
const MIN_LOWER_SHARE = 0.5;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface Decoded {
  /** null when the file is refused (an error among `issues` says why) */
  text: string | null;
  encoding: Encoding | null;
  issues: Issue[];
}

const SAVE_AS_UTF8 = 'save the file as UTF-8';

export function tooLarge(size: number): Issue {
  return error(
    `the file is ${megabytes(size)}; articles are read up to ${megabytes(MAX_ARTICLE_BYTES)}`,
    'is it an article? split it into several files or trim it',
  );
}

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_ARTICLE_BYTES) return refused(tooLarge(bytes.length));

  const utf16 = utf16Encoding(bytes);
  const utf16Text = utf16 === null ? null : tryDecode(bytes, utf16);
  // Real UTF-16 text has spaces or line ends (ASCII, so NUL bytes); without them the two bytes were text that
  // happens to look like a byte-order mark ("юя", "яю" in Windows-1251), and the other checks decide.
  if (utf16 !== null && utf16Text !== null && /[\t\n\r -~]/.test(utf16Text)) {
    return checked(utf16Text, utf16, [
      warning(`decoded as ${utf16.toUpperCase()} (it has a byte-order mark)`, SAVE_AS_UTF8),
    ]);
  }

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return refused(
      error(
        `binary file: a NUL byte at offset ${nul}`,
        looksLikeUtf16(bytes)
          ? 'it looks like UTF-16 without a byte-order mark; save it as UTF-8'
          : 'articles are plain text files (UTF-8)',
        lineOfByte(bytes, nul),
      ),
    );
  }

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return checked(utf8, 'utf-8', []);

  const bad = firstInvalidUtf8(bytes);
  const where = `byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${bad}`;
  const line = lineOfByte(bytes, bad);
  const cp1251 = new TextDecoder('windows-1251').decode(bytes);
  const binary = binaryIssue(cp1251);
  if (binary !== null) return refused(binary);
  if (isTruncatedAtEnd(bytes, bad)) {
    return refused(
      error(
        `the file ends in the middle of a UTF-8 character (${where})`,
        'the file was cut short; copy it again from its source',
        line,
      ),
    );
  }
  if (findMojibake(cp1251) !== null) {
    return refused(
      error(
        `mixed encodings: UTF-8 text with bytes that are not UTF-8 (${where})`,
        'part of the file was pasted in another encoding (Windows-1251?); re-save that part as UTF-8',
        line,
      ),
    );
  }
  if (!isRussianText(cp1251)) {
    return refused(
      error(
        `not valid UTF-8 (${where}), and not Windows-1251 Russian text either`,
        `${SAVE_AS_UTF8} (KOI8-R, Latin-1 and other encodings are not read)`,
        line,
      ),
    );
  }
  return checked(cp1251, 'windows-1251', [
    warning(`not valid UTF-8 (${where}): decoded as Windows-1251`, SAVE_AS_UTF8, line),
  ]);
}

function refused(issue: Issue): Decoded {
  return { text: null, encoding: null, issues: [issue] };
}

/** Decoded text still has to look like text. */
function checked(text: string, encoding: Encoding, issues: Issue[]): Decoded {
  // Most texts have no control character at all: one search says so, and neither check below has anything to say.
  if (text.search(CONTROL) < 0) return { text, encoding, issues: [...issues] };
  const binary = binaryIssue(text);
  if (binary !== null) return { text: null, encoding: null, issues: [...issues, binary] };
  return { text, encoding, issues: [...issues, ...strayControls(text)] };
}

function binaryIssue(text: string): Issue | null {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls <= MAX_CONTROL_COUNT && controls <= text.length * MAX_CONTROL_SHARE) return null;
  const first = text.search(CONTROL);
  return error(
    `binary file: ${controls} control characters (the first is ${codePoint(text, first)})`,
    'articles are plain text files (UTF-8)',
    lineOf(text, first),
  );
}

/** A few control characters in a text file (a DOS end-of-file mark, a stray bell): named, kept, not fatal. */
function strayControls(text: string): Issue[] {
  const first = text.search(CONTROL);
  if (first < 0) return [];
  const count = text.match(CONTROL)?.length ?? 0;
  const more = count > 1 ? ` and ${count - 1} more` : '';
  return [warning(`control character ${codePoint(text, first)}${more}`, 'remove it', lineOf(text, first))];
}

function codePoint(text: string, index: number): string {
  return `U+${(text.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Many NULs at odd offsets and few at even ones (or the other way round): UTF-16 without its BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = n / 2;
  return (odd > half * 0.3 && even < half * 0.05) || (even > half * 0.3 && odd < half * 0.05);
}

/**
 * What `new TextDecoder('utf-8', { fatal: true }).decode(bytes)` gives (a UTF-8 byte-order mark dropped; null where
 * it throws), faster: simdutf checks the bytes (`isUtf8`) and ICU converts them (`transcode`) to the UTF-16 that
 * the string is then a copy of. Over the 10,000-article corpus, 31 ms instead of the decoder's 150: its own check
 * and conversion were 6.8% of the ingest's instructions (callgrind). Where Node was built without ICU, the decoder.
 */
export function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return transcode(body, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return tryDecode(bytes, 'utf-8');
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    // a BOM of the same encoding is dropped (ignoreBOM: false is the default)
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629, table 3-7 of Unicode). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return i;
    const second = bytes[i + 1] ?? -1;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k] ?? -1;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Only a lead byte and too few continuation bytes at the very end: a cut-off copy, not another encoding. */
function isTruncatedAtEnd(bytes: Uint8Array, bad: number): boolean {
  const lead = bytes[bad] ?? 0;
  const needed =
    lead >= 0xc2 && lead <= 0xdf
      ? 2
      : lead >= 0xe0 && lead <= 0xef
        ? 3
        : lead >= 0xf0 && lead <= 0xf4
          ? 4
          : 0;
  if (needed === 0 || bad + needed <= bytes.length) return false;
  return bytes.subarray(bad + 1).every((b) => b >= 0x80 && b <= 0xbf);
}

/** Judged on the first RUSSIAN_SAMPLE characters: enough to tell, and quick on a 20 MB file. */
const RUSSIAN_SAMPLE = 65_536;

function isRussianText(text: string): boolean {
  let letters = 0;
  let cyrillic = 0;
  let lower = 0;
  for (const c of text.slice(0, RUSSIAN_SAMPLE)) {
    if (c.toLowerCase() === c.toUpperCase()) continue; // not a cased letter
    letters++;
    const code = c.codePointAt(0) ?? 0;
    if (code >= 0x400 && code <= 0x4ff) {
      cyrillic++;
      if (c !== c.toUpperCase()) lower++;
    }
  }
  return cyrillic > 0 && cyrillic >= letters * MIN_CYRILLIC_SHARE && lower >= cyrillic * MIN_LOWER_SHARE;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
