// The people an article introduces ("эксперт … Алмат Тоекин", "Президент Азербайджана Ильхам Алиев"), each with
// the full name in the nominative, a gender where the text shows it, whether they are a head of state, and every
// place they are named. The quote finder resolves "— отметил эксперт", "сказала она", "Косбаевой" or the
// misspelt "Токекина" against this list.
//
// A person is found as a pair of capitalised words whose second word has a Russian surname suffix
// (-ов/-ев/-ёв/-ин/-ын, feminine -ова/-ева/-ина, any case). Other surname types (-ский, -ян, -дзе, -ли…) are
// not recognised yet. The case of "Ильхама Алиева" (masculine genitive) against "Амина Косбаева" (feminine
// nominative) is told from the text around the name: the role word before it ("президента" vs "эксперт"), the verb
// after it ("Косбаева отметила"), the other forms of the surname in the article.

import { mapPacked } from './packed-map.ts';
import { isCapitalized, type Token, tokenize } from './text.ts';
import { type WordEntry, wordEntry } from './word-table.ts';

export type Gender = 'm' | 'f';

/** A place in an article: paragraph index and UTF-16 offset in it. */
export interface TextPosition {
  paragraph: number;
  offset: number;
}

export interface Person {
  /** full name in the nominative, e.g. "Алмат Тоекин" */
  name: string;
  /** lower-case masculine base of the surname ("тоекин", "косбаев"): the key every form is compared on */
  base: string;
  gender: Gender | null;
  headOfState: boolean;
  /** where the person is named (full name or surname alone), in text order */
  mentions: TextPosition[];
}

/**
 * A word of a paragraph: a token, or a hyphenated compound of tokens. What is worked out about it (lower case,
 * surname form) is kept on its word-table entry, once per distinct word, and only for the words a test asks about.
 */
interface NameWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly entry: WordEntry;
}

function lowerOf(w: NameWord): string {
  w.entry.lower ??= w.text.toLowerCase();
  return w.entry.lower;
}

/** parseSurname of a word that isCyrillicName, else null. */
function surnameOf(w: NameWord): Surname | null {
  if (w.entry.surname === undefined)
    w.entry.surname = isCyrillicName(w.text) ? parseSurname(lowerOf(w)) : null;
  return w.entry.surname;
}

interface Sighting {
  first: string | null;
  surname: string;
  base: string;
  ending: string;
  at: TextPosition;
  /** gender the context shows, if any */
  gender: Gender | null;
  headOfState: boolean;
}

const SURNAME = /^(\p{Ll}{2,}?(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е|ой|ою|ы)?$/u;

export interface Surname {
  readonly base: string;
  readonly ending: string;
}

/** Masculine base and case ending of a surname-like word, or null when it does not look like a surname. */
export function parseSurname(lower: string): Surname | null {
  const m = SURNAME.exec(lower);
  if (!m) return null;
  return { base: (m[1] ?? '').replace(/ё/g, 'е'), ending: m[2] ?? '' };
}

// Capitalised words that stand before names but are not first names.
const NOT_A_FIRST_NAME =
  /^(?:президент|глав|премьер|министр|эксперт|политолог|аналитик|спикер|посол|депутат|директор|председател|профессор|республик|организаци|институт|университет|казахстан|азербайджан|росси|турци|грузи|армени|узбекистан|туркменистан|китай|европ|ази|кавказ)/;
/**
 * Adjectival endings: "Нахичеванской Автономной", "Центральной Азией" are not names. Not -ий: Василий, Георгий
 * and Юрий are first names, and "-ский" adjectives are caught by -ский itself.
 */
const ADJECTIVE_ENDING = /(?:ой|ый|ая|яя|ое|ее|ого|его|ому|ему|ых|их|ыми|ими|ским|ской|ская|ский)$/;

const HEAD_ROLE = /^(?:президент|лидер|премьер|король|эмир)/;
const ROLE =
  /^(?:президент|лидер|премьер|король|эмир|глав|эксперт|политолог|аналитик|спикер|специалист|профессор|ассистент|директор|председател|министр|посол|депутат|советник|руководител|экономист|сотрудник|журналист|представител|заместител|собеседник)/;
/** Role words in the nominative singular: a name right after them is in the nominative too. */
const NOMINATIVE_ROLE =
  /^(?:президент|лидер|премьер|король|эмир|глава|эксперт|политолог|аналитик|спикер|специалист|профессор|ассистент|директор|председатель|министр|посол|депутат|советник|руководитель|экономист|сотрудник|журналист|представитель|заместитель|собеседник)$/;
/** Words after which a name stands in the genitive/dative: "по словам", "по оценке", "визит", "по приглашению". */
const OBLIQUE_GOVERNOR =
  /^(?:словам|оценке|мнению|визит|визита|приглашению|слова|интервью|инициативе|поручению)$/;

const ROLE_WINDOW = 8;

/** Every person the article names, in order of first mention. */
export function findPeople(
  paragraphs: readonly string[],
  /** tokenize(paragraph) for each paragraph, when the caller has them already */
  tokens: readonly (readonly Token[])[] = mapPacked(paragraphs, tokenize),
): Person[] {
  const words = mapPacked(paragraphs, (paragraph, p) => nameWords(paragraph, tokens[p] ?? []));
  const pairs = words.flatMap((ws, p) => pairSightings(paragraphs[p] ?? '', ws, p));
  const canonical = canonicalBases(pairs);
  const alone = words.flatMap((ws, p) => surnameSightings(paragraphs[p] ?? '', ws, p, pairs, canonical));
  const groups = new Map<string, Sighting[]>();
  for (const s of [...pairs, ...alone]) {
    const key = canonical.get(s.base) ?? s.base;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return mapPacked([...groups], ([base, group]) => personOf(base, group));
}

/**
 * Words, with hyphenated capitalised compounds ("Касым-Жомарт") joined into one. The tokens themselves when
 * nothing is joined (most paragraphs): no object per word.
 */
function nameWords(paragraph: string, tokens: readonly Token[]): readonly NameWord[] {
  /** null until a word is joined: till then the words are tokens[0..k) */
  let out: NameWord[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const prev = out === null ? tokens[k - 1] : out[out.length - 1];
    const joined =
      prev !== undefined &&
      t.start - prev.end === 1 &&
      paragraph.charCodeAt(prev.end) === 0x2d && // "-"
      isCapitalized(prev.text) &&
      isCapitalized(t.text);
    if (joined) {
      out ??= tokens.slice(0, k);
      const entry = wordEntry(paragraph, prev.start, t.end);
      out[out.length - 1] = { text: entry.text, start: prev.start, end: t.end, entry };
    } else if (out !== null) out.push(t);
  }
  return out ?? tokens;
}

/** `paragraph.slice(from, to)` is one space or no-break space. */
function isOneSpace(paragraph: string, from: number, to: number): boolean {
  const code = paragraph.charCodeAt(from);
  return to - from === 1 && (code === 0x20 || code === 0xa0);
}

function isCyrillicName(word: string): boolean {
  return isCapitalized(word) && /^[\p{Script=Cyrillic}-]+$/u.test(word) && word.length >= 2;
}

function pairSightings(paragraph: string, words: readonly NameWord[], p: number): Sighting[] {
  const out: Sighting[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i] as NameWord;
    const second = words[i + 1] as NameWord;
    // A name is two capitalised words with one space (or no-break space) between; most words are neither.
    if (!isCapitalized(first.text) || !isCapitalized(second.text)) continue;
    if (!isOneSpace(paragraph, first.end, second.start)) continue;
    if (!isCyrillicName(first.text)) continue;
    const surname = surnameOf(second);
    if (!surname) continue;
    if (NOT_A_FIRST_NAME.test(lowerOf(first)) || ADJECTIVE_ENDING.test(lowerOf(first))) continue;
    const context = roleContext(paragraph, words, i);
    out.push({
      first: first.text,
      surname: second.text,
      ...surname,
      at: { paragraph: p, offset: first.start },
      gender: genderOf(
        surname.ending,
        context.nominative,
        context.oblique,
        verbGender(paragraph, second, words[i + 2]),
      ),
      headOfState: context.head,
    });
  }
  return out;
}

/** What the nearest role word before the name (same sentence, within a few words) says about it. */
function roleContext(
  paragraph: string,
  words: readonly NameWord[],
  i: number,
): { head: boolean; nominative: boolean; oblique: boolean } {
  const before = words[i - 1];
  const oblique = before !== undefined && OBLIQUE_GOVERNOR.test(lowerOf(before));
  for (let j = i - 1; j >= 0 && j >= i - ROLE_WINDOW; j--) {
    const w = words[j] as NameWord;
    const next = words[j + 1] as NameWord;
    if (/[.!?;:]/.test(paragraph.slice(w.end, next.start))) break;
    const lower = lowerOf(w);
    if (!ROLE.test(lower)) continue;
    const head = HEAD_ROLE.test(lower) || (lower.startsWith('глав') && /^государств/.test(lowerOf(next)));
    return {
      head,
      nominative: NOMINATIVE_ROLE.test(lower),
      oblique: oblique || !NOMINATIVE_ROLE.test(lower),
    };
  }
  return { head: false, nominative: false, oblique };
}

/** The word right after a name, with nothing but a space between: "отметила" → f, "отметил" → m. */
function verbGender(paragraph: string, name: NameWord, word: NameWord | undefined): Gender | null {
  if (!word || isCapitalized(word.text) || paragraph.slice(name.end, word.start).trim() !== '') return null;
  const lower = lowerOf(word);
  if (/(?:ла|лась)$/.test(lower) && lower.length > 4) return 'f';
  if (/(?:[аеиоуя]л|лся)$/.test(lower) && lower.length > 3) return 'm';
  return null;
}

/**
 * Gender from the ending and its context. A bare -ов/-ин, or -ым/-ом/-е, is masculine; -ой/-ою feminine; -а/-у
 * is feminine after a nominative role word and masculine (genitive/dative) after an oblique one.
 */
function genderOf(
  ending: string,
  nominativeRole: boolean,
  obliqueContext: boolean,
  verb: Gender | null,
): Gender | null {
  if (verb !== null) return verb;
  if (ending === '' || ending === 'ым' || ending === 'ом' || ending === 'е') return 'm';
  if (ending === 'ой' || ending === 'ою') return 'f';
  if (ending === 'а' || ending === 'у') {
    if (obliqueContext) return 'm';
    if (nominativeRole) return 'f';
  }
  return null;
}

/**
 * Each surname base → the base it stands for. A misspelt base (edit distance ≤ 2, "токекин") joins the only base it
 * is close to, the one the article uses more often (or first).
 */
function canonicalBases(sightings: Sighting[]): Map<string, string> {
  const bases: string[] = [];
  const count = new Map<string, number>();
  for (const s of sightings) {
    if (!count.has(s.base)) bases.push(s.base);
    count.set(s.base, (count.get(s.base) ?? 0) + 1);
  }
  const canonical = new Map<string, string>();
  for (const b of bases) {
    const near = bases.filter((o) => o !== b && isNear(o, b));
    const target = near.length === 1 ? (near[0] as string) : b;
    const [nt, nb] = [count.get(target) ?? 0, count.get(b) ?? 0];
    canonical.set(b, nt > nb || (nt === nb && bases.indexOf(target) < bases.indexOf(b)) ? target : b);
  }
  return canonical;
}

/** A misspelling of the same surname: same first letter, lengths within 2, at most 2 edits apart. */
function isNear(a: string, b: string): boolean {
  return (
    a.length >= 5 &&
    b.length >= 5 &&
    a[0] === b[0] &&
    Math.abs(a.length - b.length) <= 2 &&
    editDistance(a, b) <= 2
  );
}

/** Surnames named alone ("Косбаева отметила", "Тоекина") of people already introduced by full name. */
function surnameSightings(
  paragraph: string,
  words: readonly NameWord[],
  p: number,
  pairs: Sighting[],
  canonical: Map<string, string>,
): Sighting[] {
  const surnamesOfPairs = new Set(
    pairs.filter((s) => s.at.paragraph === p).map((s) => s.at.offset + (s.first?.length ?? 0) + 1),
  );
  const known = [...new Set(canonical.values())];
  const out: Sighting[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as NameWord;
    // Only a capitalised word can be a name: one table lookup turns down most words.
    if (!isCapitalized(w.text)) continue;
    const parsed = surnameOf(w);
    if (!parsed || surnamesOfPairs.has(w.start)) continue;
    const base = canonical.get(parsed.base) ?? nearest(known, parsed.base);
    if (base === null) continue;
    out.push({
      first: null,
      surname: w.text,
      // the base of the person meant, so that a misspelling seen only alone still joins that person
      base,
      ending: parsed.ending,
      at: { paragraph: p, offset: w.start },
      gender: genderOf(parsed.ending, false, false, verbGender(paragraph, w, words[i + 1])),
      headOfState: false,
    });
  }
  return out;
}

function nearest(bases: string[], base: string): string | null {
  if (bases.includes(base)) return base;
  const near = bases.filter((b) => isNear(b, base));
  return near.length === 1 ? (near[0] as string) : null;
}

function personOf(base: string, group: Sighting[]): Person {
  const votes = { m: 0, f: 0 };
  for (const s of group) if (s.gender) votes[s.gender]++;
  const gender: Gender | null = votes.m > votes.f ? 'm' : votes.f > votes.m ? 'f' : null;
  return {
    name: nominativeName(base, gender, group),
    base,
    gender,
    headOfState: group.some((s) => s.headOfState),
    mentions: mapPacked(group, (s) => s.at).sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset),
  };
}

/** The full name in the nominative, built from the forms the article uses, spelt as the article spells it most. */
function nominativeName(base: string, gender: Gender | null, group: Sighting[]): string {
  const named = group.filter((s) => s.first !== null);
  const own = named.filter((s) => s.base === base);
  const sample = (own[0] ?? named[0] ?? group[0]) as Sighting;
  const surnameStem = sample.surname.slice(0, base.length);
  if (gender === 'f') {
    const nominative = own.find((s) => s.ending === 'а');
    return `${nominative?.first ?? sample.first ?? ''} ${surnameStem}а`.trim();
  }
  if (gender === 'm') {
    const nominative = own.find((s) => s.ending === '');
    const first = nominative?.first ?? masculineNominative(sample.first ?? '', sample.ending);
    return `${first} ${surnameStem}`.trim();
  }
  return `${sample.first ?? ''} ${sample.surname}`.trim();
}

/** "Ильхама" → "Ильхам", "Сергея" → "Сергей", "Алмату" → "Алмат": the first name in the same case as the surname. */
function masculineNominative(first: string, ending: string): string {
  if (ending === 'а' && /[^аеиоуыэюя]а$/.test(first)) return first.slice(0, -1);
  if (ending === 'а' && first.endsWith('я')) return `${first.slice(0, -1)}й`;
  if (ending === 'у' && /[^аеиоуыэюя]у$/.test(first)) return first.slice(0, -1);
  if (ending === 'ым' && first.endsWith('ом')) return first.slice(0, -2);
  return first;
}

/** The person a surname-like word (any case, or misspelt by ≤ 2 edits when only one person is that close) names. */
export function personBySurname(people: readonly Person[], word: string): Person | null {
  const parsed = parseSurname(word.toLowerCase());
  if (!parsed) return null;
  const exact = people.find((p) => p.base === parsed.base);
  if (exact) return exact;
  if (parsed.base.length < 5) return null;
  const near = people.filter((p) => isNear(p.base, parsed.base));
  return near.length === 1 ? (near[0] as Person) : null;
}

/** Levenshtein distance; the inputs are single words, so the quadratic table is tiny. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Whether `a` comes before `b` in the article. */
export function isBefore(a: TextPosition, b: TextPosition): boolean {
  return a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.offset < b.offset);
}
