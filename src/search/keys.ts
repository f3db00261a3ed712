// Words as the search compares them: lower case, ё as е, Russian words by their Snowball stem (so "Курыка" finds
// "Курык" and "Средним коридором" finds "Средний коридор"), and Latin typing read as Cyrillic ("btk" finds "БТК").
import { stemmer } from '@orama/stemmers/russian';

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /^[a-z]+$/;

export function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().replaceAll('ё', 'е').match(WORD) ?? []) as string[];
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
