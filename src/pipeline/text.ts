// Text normalisation and word tokens for Russian news text. Two layers on purpose: `normalizeText` fixes what is
// wrong in the file and is what readers see; `matchKey` folds what only matching should ignore (ё/е, look-alike
// letters), one UTF-16 unit for one, so offsets found on keys are offsets into the displayed text.
// A word is a run of letters, combining marks and digits ([\p{L}\p{M}\p{N}]+); hyphens, dashes, dots and slashes
// separate words. Words are found by a scan over cached character classes (./char-class.ts), not a regex.
import {
  CAPITAL,
  CYRILLIC_SCRIPT,
  classOf,
  codePointAt,
  LATIN_SCRIPT,
  unitAt,
  unitsOf,
  WORD_CHAR,
} from './char-class.ts';
import { hashedWordEntry, hashUnit, WORD_HASH_SEED, type WordEntry, wordEntry } from './word-table.ts';

/** Spaces that are typographic variants of a plain space (no-break, thin, figure, en/em, hair, ideographic). */
const SPACE_VARIANTS = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** Characters that carry no text: zero-width space/joiners, word joiner, soft hyphen, a BOM left mid-file. */
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
/** A space variant between two digits: the number parser must keep reading "1 500" as one number. */
const DIGIT_GROUP_SPACE = /(?<=\d)[\u00A0\u2007\u2009\u202F](?=\d)/g;

/**
 * Every character one of normalizeText's replacements acts on: BOM, CR and Unicode line ends, INVISIBLE,
 * SPACE_VARIANTS (U+00A0 and the digit-group spaces among them). NFC can make none of them (they are their own
 * NFC and no composition yields them), so a text without them needs only NFC.
 */
const NEEDS_REPLACING =
  /[\uFEFF\r\u2028\u2029\u200B-\u200D\u2060\u00AD\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/;

/**
 * The one separator kept inside digit groups (U+00A0, no-break space). Every other space variant becomes a plain
 * space; a plain space between digits stays plain, and the number parser accepts it only in strict 3-digit groups.
 */
export const DIGIT_GROUP_SEPARATOR = '\u00A0';

/**
 * What every article goes through before anything else reads it: strip the UTF-8 BOM, CRLF/CR → LF, NFC,
 * space variants → plain space (but a no-break/thin space inside a digit group is kept as U+00A0), invisible
 * characters dropped, and single look-alike letters inside an otherwise Cyrillic (or Latin) word replaced by the
 * word's script (editors paste "Aктау" with a Latin A; searching for it must not fail).
 */
export function normalizeText(raw: string): string {
  let text: string;
  let mixed: readonly WordRange[];
  // Most texts have none of the characters the replacements below touch: one scan says so, instead of six. Such a
  // text is only NFC'd, which findLookAlikes has usually just done (and scanned) for the same text.
  if (!NEEDS_REPLACING.test(raw)) ({ nfc: text, mixed } = scanNfc(raw));
  else {
    text = raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?|\u2028|\u2029/g, '\n')
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(DIGIT_GROUP_SPACE, DIGIT_GROUP_SEPARATOR)
      .replace(/(?<!\d)\u00A0|\u00A0(?!\d)/g, ' ')
      .replace(SPACE_VARIANTS, (c) => (c === DIGIT_GROUP_SEPARATOR ? c : ' '));
    mixed = mixedScriptWords(text);
  }
  // Only a word with letters of both scripts can change (see repairMixedScript), so only those are rewritten.
  if (mixed.length === 0) return text;
  let out = '';
  let last = 0;
  for (const w of mixed) {
    out += text.slice(last, w.start) + repairMixedScript(text.slice(w.start, w.end));
    last = w.end;
  }
  return out + text.slice(last);
}

// Latin letters that look like Cyrillic ones and back. Lower-case k/к are close enough that OCR and typists swap them.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};
/** The same tables by UTF-16 unit (every look-alike is one unit), for the per-character loops below. */
type CharTable = ReadonlyMap<number, number>;
const TO_CYRILLIC: CharTable = new Map(
  Object.entries(LATIN_TO_CYRILLIC).map(([lat, cyr]) => [lat.charCodeAt(0), cyr.charCodeAt(0)]),
);
const TO_LATIN: CharTable = new Map([...TO_CYRILLIC].map(([lat, cyr]) => [cyr, lat]));

type Script = 'cyrillic' | 'latin' | 'ambiguous' | 'mixed' | 'none';

/** The script a word is written in, judged only by letters that exist in one script alone. */
function scriptOf(word: string): Script {
  let cyrillic = false;
  let latin = false;
  let letters = false;
  const n = word.length;
  for (let i = 0; i < n; ) {
    const cp = codePointAt(word, i);
    i += unitsOf(cp);
    const flags = classOf(cp);
    if (flags & CYRILLIC_SCRIPT) {
      letters = true;
      if (!TO_LATIN.has(cp)) cyrillic = true;
    } else if (flags & LATIN_SCRIPT) {
      letters = true;
      if (!TO_CYRILLIC.has(cp)) latin = true;
    }
  }
  if (cyrillic && latin) return 'mixed';
  if (cyrillic) return 'cyrillic';
  if (latin) return 'latin';
  return letters ? 'ambiguous' : 'none';
}

/** `word` with every unit in `table` replaced; the word itself (no copy) when none is. */
function mapChars(word: string, table: CharTable): string {
  let out = '';
  let last = 0;
  const n = word.length;
  for (let i = 0; i < n; i++) {
    const to = table.get(unitAt(word, i));
    if (to === undefined) continue;
    out += word.slice(last, i) + String.fromCharCode(to);
    last = i + 1;
  }
  return last === 0 ? word : out + word.slice(last);
}

/** A word whose script is clear gets its stray look-alike letters in that script; anything else is left alone. */
function repairMixedScript(word: string): string {
  const script = scriptOf(word);
  if (script === 'cyrillic') return mapChars(word, TO_CYRILLIC);
  if (script === 'latin') return mapChars(word, TO_LATIN);
  return word;
}

interface WordRange {
  start: number;
  end: number;
}

interface NfcScan {
  text: string;
  nfc: string;
  /** mixedScriptWords(nfc) */
  mixed: readonly WordRange[];
}

/**
 * The last text NFC'd and scanned by scanNfc. An article is read by findLookAlikes and then by normalizeText
 * (article-file.ts), each wanting the same NFC form and the same scan; remembering one text (the one just read)
 * makes the second call free, and a different text only costs the comparison.
 */
let lastNfcScan: NfcScan | null = null;

/** `text` in NFC, with its mixed-script words. */
function scanNfc(text: string): NfcScan {
  if (lastNfcScan !== null && lastNfcScan.text === text) return lastNfcScan;
  const nfc = text.normalize('NFC');
  lastNfcScan = { text, nfc, mixed: mixedScriptWords(nfc) };
  return lastNfcScan;
}

/**
 * Offsets of the words (runs of WORD characters) holding letters of both scripts: the only words
 * repairMixedScript can change, since it maps Latin letters in a Cyrillic word and Cyrillic ones in a Latin word.
 * Such a word holds a Latin character, and Russian text has few: a regex search jumps from one possible Latin
 * character to the next (much quicker than classifying every character), and only the word around each is looked
 * at, with cached classes.
 */
function mixedScriptWords(text: string): WordRange[] {
  const found: WordRange[] = [];
  LATIN_CHAR.lastIndex = 0;
  for (let m = LATIN_CHAR.exec(text); m !== null; m = LATIN_CHAR.exec(text)) {
    const at = m.index;
    if (!(classOf(codePointAt(text, at)) & WORD_CHAR)) continue;
    // The word's bounds, read backwards and forwards by code point (a pair read backwards is the pair read
    // forwards: a high surrogate right before a low one always starts a pair).
    let start = at;
    while (start > 0) {
      const before = codePointBefore(text, start);
      if (!(classOf(before) & WORD_CHAR)) break;
      start -= unitsOf(before);
    }
    let end = at;
    let scripts = 0;
    while (end < text.length) {
      const cp = codePointAt(text, end);
      const flags = classOf(cp);
      if (!(flags & WORD_CHAR)) break;
      scripts |= flags & (CYRILLIC_SCRIPT | LATIN_SCRIPT);
      end += unitsOf(cp);
    }
    for (let i = start; i < at && scripts !== (CYRILLIC_SCRIPT | LATIN_SCRIPT); ) {
      const cp = codePointAt(text, i);
      scripts |= classOf(cp) & (CYRILLIC_SCRIPT | LATIN_SCRIPT);
      i += unitsOf(cp);
    }
    if (scripts === (CYRILLIC_SCRIPT | LATIN_SCRIPT)) found.push({ start, end });
    // The rest of the word is decided: search on after it.
    LATIN_CHAR.lastIndex = end;
  }
  return found;
}

/**
 * Every unit but some that are surely not of the Latin script (printable ASCII but letters, Latin-1 symbols,
 * Cyrillic, general punctuation, currency signs, №): a superset of what LATIN_SCRIPT marks (a unit found here is
 * only where to look), as a short negated class, which the regex engine scans far quicker than \p{Script=Latin}.
 */
const LATIN_CHAR =
  /[^\u0020-\u0040\u005B-\u0060\u007B-\u00A9\u00AB-\u00B9\u00BB-\u00BF\u0400-\u052F\u2000-\u206F\u20A0-\u20CF\u2116]/g;

/** The code point ending at `i` (exclusive) of `text`: a whole surrogate pair when one ends there. */
function codePointBefore(text: string, i: number): number {
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return d;
}

export interface LookAlikeWord {
  /** the word as written */
  word: string;
  /** the word as normalizeText rewrites it */
  fixed: string;
  /** the letters that were replaced, as written, e.g. "A" */
  letters: string;
  /** the script the word was read in */
  script: 'Cyrillic' | 'Latin';
  /** 1-based line in `text` */
  line: number;
}

/**
 * The words `normalizeText` repairs (a Latin look-alike inside a Cyrillic word or the other way round), with the
 * line they are on, so a curator can fix the source instead of relying on the repair. `text` is split on LF, CR
 * and CRLF, as an editor numbers lines.
 */
export function findLookAlikes(text: string): LookAlikeWord[] {
  const found: LookAlikeWord[] = [];
  // NFC never joins or splits across a line end (LF and CR are stable code points), so the whole text normalised
  // is the lines normalised, joined, and its words are theirs: one scan of the whole text finds them (and most
  // texts have none), and each word's line is the count of line ends before it.
  const { nfc, mixed } = scanNfc(text);
  let line = 1;
  let at = 0;
  for (const { start, end } of mixed) {
    // CRLF, CR and LF each end a line; a word never starts on one, so a CRLF is never cut at `start`.
    for (; at < start; at++) {
      const c = nfc.charCodeAt(at);
      if (c === 0x0a) line++;
      else if (c === 0x0d) {
        if (nfc.charCodeAt(at + 1) === 0x0a) at++;
        line++;
      }
    }
    const word = nfc.slice(start, end);
    const fixed = repairMixedScript(word);
    if (fixed === word) continue;
    const fixedChars = [...fixed];
    const letters = [...word].filter((c, k) => c !== fixedChars[k]).join('');
    const script = scriptOf(word) === 'cyrillic' ? 'Cyrillic' : 'Latin';
    found.push({ word, fixed, letters, script, line });
  }
  return found;
}

/**
 * The form a word is compared in: ё → е, and a word made only of look-alike letters ("СОР29" typed in Cyrillic,
 * "COP29" in Latin) is read as Cyrillic, so both spellings meet. Case is kept: ALL-CAPS abbreviations compare
 * case-sensitively. Same length as the input, so offsets carry over.
 */
export function matchKey(word: string): string {
  return keyOf(wordEntry(word, 0, word.length));
}

/** matchKey of an entry's word, worked out once per distinct word. */
function keyOf(entry: WordEntry): string {
  entry.key ??= computeMatchKey(entry.text);
  return entry.key;
}

function computeMatchKey(word: string): string {
  const yo = foldYo(word);
  const script = scriptOf(yo);
  if (script === 'ambiguous') return mapChars(yo, TO_CYRILLIC);
  return repairMixedScript(yo);
}

export interface Token {
  /** the word as written */
  text: string;
  /** matchKey(text) */
  key: string;
  /** UTF-16 offsets into the string that was tokenised */
  start: number;
  end: number;
  /** the word's entry in the word table, where modules keep what they work out about a word */
  entry: WordEntry;
}

/** Words of `text` with offsets into `text` itself (not into any normalised copy). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let h = WORD_HASH_SEED;
  const n = text.length;
  for (let i = 0; i <= n; ) {
    const unit = i < n ? text.charCodeAt(i) : -1;
    // A unit outside the surrogates is its own code point (nearly every unit of news text): no pair to read.
    const cp = unit < 0xd800 || unit > 0xdbff ? unit : codePointAt(text, i);
    if (cp >= 0 && classOf(cp) & WORD_CHAR) {
      if (start < 0) {
        start = i;
        h = WORD_HASH_SEED;
      }
      h = hashUnit(h, unit);
      if (cp > 0xffff) h = hashUnit(h, text.charCodeAt(i + 1));
    } else if (start >= 0) {
      const entry = hashedWordEntry(text, start, i, h);
      tokens.push({ text: entry.text, key: keyOf(entry), start, end: i, entry });
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  return tokens;
}

function foldYo(word: string): string {
  return word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** Upper-case Cyrillic or Latin letter at the start: what "capitalised word" means throughout the pipeline. */
export function isCapitalized(word: string): boolean {
  // The test below (a first unit that lower-casing changes and upper-casing keeps) is cached per unit.
  return word.length > 0 && (classOf(word.charCodeAt(0)) & CAPITAL) !== 0;
}

/** Two or more letters, none lower-case: ТМТМ, БТК, SOCAR. */
export function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Lower case, one UTF-16 unit for one: characters whose lower case is longer (Turkish İ) stay as they are, so
 * offsets found in the result are offsets in the input.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}
