// Text normalisation and word tokens for Russian news text. Two layers on purpose: `normalizeText` fixes what is
// wrong in the file and is what readers see; `matchKey` folds what only matching should ignore (ё/е, look-alike
// letters), one UTF-16 unit for one, so offsets found on keys are offsets into the displayed text.

/** Spaces that are typographic variants of a plain space (no-break, thin, figure, en/em, hair, ideographic). */
const SPACE_VARIANTS = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
/** Characters that carry no text: zero-width space/joiners, word joiner, soft hyphen, a BOM left mid-file. */
const INVISIBLE = /[\u200B-\u200D\u2060\u00AD\uFEFF]/g;
/** A space variant between two digits: the number parser must keep reading "1 500" as one number. */
const DIGIT_GROUP_SPACE = /(?<=\d)[\u00A0\u2007\u2009\u202F](?=\d)/g;

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
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DIGIT_GROUP_SPACE, DIGIT_GROUP_SEPARATOR)
    .replace(/(?<!\d)\u00A0|\u00A0(?!\d)/g, ' ')
    .replace(SPACE_VARIANTS, (c) => (c === DIGIT_GROUP_SEPARATOR ? c : ' '));
  return text.replace(WORD, (word) => repairMixedScript(word));
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
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_TO_CYRILLIC).map(([lat, cyr]) => [cyr, lat]),
);

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

type Script = 'cyrillic' | 'latin' | 'ambiguous' | 'mixed' | 'none';

/** The script a word is written in, judged only by letters that exist in one script alone. */
function scriptOf(word: string): Script {
  let cyrillic = false;
  let latin = false;
  let letters = false;
  for (const c of word) {
    if (CYRILLIC_LETTER.test(c)) {
      letters = true;
      if (CYRILLIC_TO_LATIN[c] === undefined) cyrillic = true;
    } else if (LATIN_LETTER.test(c)) {
      letters = true;
      if (LATIN_TO_CYRILLIC[c] === undefined) latin = true;
    }
  }
  if (cyrillic && latin) return 'mixed';
  if (cyrillic) return 'cyrillic';
  if (latin) return 'latin';
  return letters ? 'ambiguous' : 'none';
}

function mapChars(word: string, table: Record<string, string>): string {
  let out = '';
  for (const c of word) out += table[c] ?? c;
  return out;
}

/** A word whose script is clear gets its stray look-alike letters in that script; anything else is left alone. */
function repairMixedScript(word: string): string {
  const script = scriptOf(word);
  if (script === 'cyrillic') return mapChars(word, LATIN_TO_CYRILLIC);
  if (script === 'latin') return mapChars(word, CYRILLIC_TO_LATIN);
  return word;
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

/** Quick test for a line worth tokenising: only a line with both Latin and Cyrillic letters has such words. */
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;

/**
 * The words `normalizeText` repairs (a Latin look-alike inside a Cyrillic word or the other way round), with the
 * line they are on, so a curator can fix the source instead of relying on the repair. `text` is split on LF, CR
 * and CRLF, as an editor numbers lines.
 */
export function findLookAlikes(text: string): LookAlikeWord[] {
  const found: LookAlikeWord[] = [];
  text.split(/\r\n?|\n/).forEach((line, i) => {
    if (!HAS_CYRILLIC.test(line) || !HAS_LATIN.test(line)) return;
    for (const m of line.normalize('NFC').matchAll(WORD)) {
      const word = m[0];
      const fixed = repairMixedScript(word);
      if (fixed === word) continue;
      const fixedChars = [...fixed];
      const letters = [...word].filter((c, k) => c !== fixedChars[k]).join('');
      const script = scriptOf(word) === 'cyrillic' ? 'Cyrillic' : 'Latin';
      found.push({ word, fixed, letters, script, line: i + 1 });
    }
  });
  return found;
}

/**
 * The form a word is compared in: ё → е, and a word made only of look-alike letters ("СОР29" typed in Cyrillic,
 * "COP29" in Latin) is read as Cyrillic, so both spellings meet. Case is kept: ALL-CAPS abbreviations compare
 * case-sensitively. Same length as the input, so offsets carry over.
 */
export function matchKey(word: string): string {
  const yo = word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const script = scriptOf(yo);
  if (script === 'ambiguous') return mapChars(yo, LATIN_TO_CYRILLIC);
  return repairMixedScript(yo);
}

/** A run of letters, combining marks and digits; hyphens, dashes, dots and slashes separate words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export interface Token {
  /** the word as written */
  text: string;
  /** matchKey(text) */
  key: string;
  /** UTF-16 offsets into the string that was tokenised */
  start: number;
  end: number;
}

/** Words of `text` with offsets into `text` itself (not into any normalised copy). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ text: m[0], key: matchKey(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Upper-case Cyrillic or Latin letter at the start: what "capitalised word" means throughout the pipeline. */
export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
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
