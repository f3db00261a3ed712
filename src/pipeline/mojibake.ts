// Text that was garbled before it reached us: UTF-8 bytes read as Windows-1251 (or Windows-1252) and saved again
// as UTF-8, so "Президент" arrives as "РџСЂРµР·РёРґРµРЅС‚". Every Cyrillic letter of U+0400–U+047F is two UTF-8 bytes,
// D0 or D1 then 80–BF; read as Windows-1251 the first is always "Р" or "С" and the second one of 64 characters.
// Three such pairs in a row never occur in real Russian (a capital Р/С followed by "µ", "Ђ", "ё"… three times),
// while a garbled text is made of little else, so a run of three is the signal. Linear: one regular expression
// without nested quantifiers over alternatives that cannot overlap. The other way text arrives garbled is with
// U+FFFD replacement characters: someone decoded it leniently before us, and the letters are lost for good.

export interface Mojibake {
  /** the legacy encoding the UTF-8 bytes were read as */
  encoding: 'windows-1251' | 'windows-1252';
  /** 1-based line of the first garbled run */
  line: number;
  /** the first garbled run as written (at most 40 characters) */
  garbled: string;
  /** the same run read back as UTF-8 */
  repaired: string;
  /** how many lines hold a garbled run */
  lines: number;
}

interface Table {
  encoding: Mojibake['encoding'];
  pattern: RegExp;
  /** character → the byte it came from */
  byteOf: Map<string, number>;
}

const MIN_PAIRS = 3;
const SHOWN_CHARS = 40;

function table(encoding: Mojibake['encoding']): Table {
  const chars = [...new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i))];
  const byteOf = new Map<string, number>();
  chars.forEach((c, i) => {
    if (!byteOf.has(c)) byteOf.set(c, i);
  });
  const codeEscape = (c: string) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;
  const leads = [0xd0, 0xd1].map((b) => codeEscape(chars[b] ?? ''));
  const continuations = chars.slice(0x80, 0xc0).map(codeEscape);
  const pair = `[${leads.join('')}][${continuations.join('')}]`;
  return { encoding, pattern: new RegExp(`(?:${pair}){${MIN_PAIRS},}`, 'gu'), byteOf };
}

let tables: Table[] | null = null;

export interface ReplacementChars {
  /** 1-based line of the first U+FFFD */
  line: number;
  count: number;
}

/** U+FFFD in text that decoded strictly: it was in the file, left by an earlier lenient decoder. */
export function findReplacementChars(text: string): ReplacementChars | null {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return null;
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return { line: 1 + countNewlines(text, 0, first), count };
}

/** The first garbled run and how widespread it is, or null when the text looks clean. */
export function findMojibake(text: string): Mojibake | null {
  tables ??= [table('windows-1251'), table('windows-1252')];
  for (const t of tables) {
    const found = scan(text, t);
    if (found !== null) return found;
  }
  return null;
}

function scan(text: string, t: Table): Mojibake | null {
  let first: { index: number; run: string } | null = null;
  let lines = 0;
  let line = 1;
  let lineCountedTo = 0;
  let lastLine = 0;
  // exec from lastIndex 0 rather than matchAll, which clones the regex on every call (two per article): each clone
  // is a new RegExp to set up, ~12,000 instructions (callgrind; 20,000 clones for 10,000 articles). The pattern
  // never matches the empty string, and exec leaves lastIndex at 0 when it fails.
  const re = t.pattern;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    line += countNewlines(text, lineCountedTo, m.index);
    lineCountedTo = m.index;
    first ??= { index: m.index, run: m[0] };
    if (line !== lastLine) lines++;
    lastLine = line;
  }
  if (first === null) return null;
  return {
    encoding: t.encoding,
    line: 1 + countNewlines(text, 0, first.index),
    garbled: printable([...first.run].slice(0, SHOWN_CHARS).join('')),
    repaired: repair(first.run, t),
    lines,
  };
}

/** C1 controls (Windows-1252 leaves five bytes undefined) shown as \x9F rather than written out invisibly. */
function printable(text: string): string {
  return text.replace(
    /[\u0080-\u009f]/g,
    (c) => `\\x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The run's characters back to bytes, read as UTF-8 (always valid: the pattern only takes D0/D1 + 80–BF). */
function repair(run: string, t: Table): string {
  const bytes = Uint8Array.from([...run].map((c) => t.byteOf.get(c) ?? 0x3f));
  const text = new TextDecoder('utf-8').decode(bytes);
  return [...text].slice(0, SHOWN_CHARS / 2).join('');
}
