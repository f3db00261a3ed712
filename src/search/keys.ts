// Words as the search compares them: lower case, ё as е, Russian words by their Snowball stem (so "Курыка" finds
// "Курык" and "Средним коридором" finds "Средний коридор"), and Latin typing read as Cyrillic ("btk" finds "БТК").
import { stemmer } from '@orama/stemmers/russian';

/** One code point of a word: a letter or a number of any script. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/**
 * The answer of WORD_CHAR for each BMP unit, asked once per unit: 0 not asked yet, 1 no, 2 yes. Matching a
 * Unicode-property regex over every sentence was most of the search index's build (about 0.5 s of 2.5 s at
 * 10,000 articles).
 */
const bmpWordChar = new Uint8Array(0x10000);

function isWordUnit(unit: number): boolean {
  let known = bmpWordChar[unit] as number;
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(unit)) ? 2 : 1;
    bmpWordChar[unit] = known;
  }
  return known === 2;
}
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /^[a-z]+$/;

/** The runs of letters and numbers (`/[\p{L}\p{N}]+/gu`), in lower case, NFC, with ё as е. */
export function words(text: string): string[] {
  const t = text.normalize('NFC').toLowerCase().replaceAll('ё', 'е');
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < t.length; ) {
    const unit = t.charCodeAt(i);
    const cp = unit >= 0xd800 && unit <= 0xdbff ? (t.codePointAt(i) as number) : unit;
    const width = cp > 0xffff ? 2 : 1;
    const word = width === 1 ? isWordUnit(unit) : WORD_CHAR.test(String.fromCodePoint(cp));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) out.push(t.slice(start));
  return out;
}

/** Snowball cuts short words to nothing useful ("Баку" → "бак"): keep words of four letters or fewer whole. */
export function stem(word: string): string {
  if (!CYRILLIC.test(word) || word.length <= 4) return word;
  const s = stemmer(word);
  return s.length >= 3 ? s : word;
}

const DIGRAPHS: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['yo', 'е'],
  ['ye', 'е'],
];
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  y: 'ы',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'к',
  x: 'кс',
  q: 'к',
  w: 'в',
  j: 'дж',
};

/** A Latin word typed for a Russian one, read letter by letter: "kuryk" → "курык", "btk" → "бтк". */
export function toCyrillic(word: string): string | null {
  if (!LATIN.test(word)) return null;
  let out = '';
  let i = 0;
  outer: while (i < word.length) {
    for (const [lat, cyr] of DIGRAPHS) {
      if (word.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    out += LETTERS[word[i] ?? ''] ?? '';
    i++;
  }
  return out;
}

/** The keys a typed word may match by prefix: itself, its stem, and its Cyrillic reading. */
export function queryKeys(word: string): string[] {
  const keys = new Set([word, stem(word)]);
  const cyr = toCyrillic(word);
  if (cyr) {
    keys.add(cyr);
    keys.add(stem(cyr));
  }
  return [...keys].filter((k) => k.length > 0);
}

/** The keys a document word is indexed under: itself and its stem. */
export function documentKeys(word: string): string[] {
  const s = stem(word);
  return s === word ? [word] : [word, s];
}
