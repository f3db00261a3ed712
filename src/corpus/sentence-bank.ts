// Real sentences from the seed articles, cut into slots (slots.ts) so they can be recombined and varied: feature
// names (feature-names.ts), the people the seeds quote (speakers.ts), amounts, percentages, multiples, counts and
// years. The seeds are read and split by the pipeline's own parseArticle and splitSentences, so a harvested
// sentence is exactly a sentence the pipeline sees.
//
// Left out: sentences naming an outlet (a generated article names its own, once), sentences naming heads of state
// (recombined, they would put events and words in real people's mouths), and sentences whose quotation marks do
// not pair once a quotation's opening mark or closing attribution has been taken off (a quotation split across
// sentences: `"Визит … импульс.` / `… региона", - сказала она.`), and whole quotations with their attribution.
import { parseArticle } from '../pipeline/articles.ts';
import { splitSentences } from '../pipeline/sentences.ts';
import {
  CASES,
  type Case,
  FEATURE_NAMES,
  type FeatureName,
  namesByFeature,
  withDashes,
} from './feature-names.ts';
import type { Segment, Slot, SlottedSentence } from './slots.ts';
import { SEED_PERSON_FORMS } from './speakers.ts';

export interface SeedFile {
  file: string;
  text: string;
}

export interface BankSentence extends SlottedSentence {
  /** "<seed file>#<n>": where it came from, for tests and for reading the corpus against the seeds */
  origin: string;
  /** how many feature names were cut out */
  names: number;
  /** it has an amount, percentage, multiple or count */
  figures: boolean;
  /** usable inside an invented quotation: no quote marks, no person, not about "him" or "her" */
  speech: boolean;
  /** its first word may be written lower-case after "…, что" or "По словам X," */
  lowerable: boolean;
}

export interface SentenceBank {
  all: readonly BankSentence[];
  /** sentences naming at least one feature */
  withNames: readonly BankSentence[];
  /** the others: the seeds' context about relations, trade and politics */
  context: readonly BankSentence[];
  speech: readonly BankSentence[];
  lowerable: readonly BankSentence[];
}

const OUTLET_WORDS = /BAQ\.KZ|Trend|Day\.Az|Zakon\.kz|Kazinform|передает|передаёт|сообщает/;
const HEADS_OF_STATE = /Алиев|Токаев|[Пп]резидент|[Гг]лав[аы]? (?:нашего )?государств/;
/** Sentences that only make sense after the one before them in the seed, or inside the speaker's own words. */
const NOT_SPEECH_START = /^(?:По (?:ее|его|её) словам|По словам|По мнению|Он |Она |Эксперт|Говоря|Ранее мы)/;
/** A whole quotation attributed to "эксперт" of the seed's earlier paragraphs: out of place anywhere else. */
const ATTRIBUTED_QUOTE = /["»”]\s*,?\s*[-–—]\s*(?:отметил|сказал|добавил|подчеркнул)/;
const MAX_SPEECH_CHARS = 320;
const MIN_CHARS = 30;

export function harvestSentences(seeds: readonly SeedFile[]): SentenceBank {
  const lowerWords = new Set<string>();
  for (const seed of seeds) for (const w of seed.text.match(/\p{Ll}+/gu) ?? []) lowerWords.add(w);

  const all: BankSentence[] = [];
  for (const seed of seeds) {
    const { paragraphs } = parseArticle(seed.file, seed.text);
    let n = 0;
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        const origin = `${seed.file}#${n++}`;
        const text = unquote(sentence.text);
        if (text === null || text.length < MIN_CHARS) continue;
        if (OUTLET_WORDS.test(text) || HEADS_OF_STATE.test(text) || ATTRIBUTED_QUOTE.test(text)) continue;
        all.push(toBankSentence(origin, text, lowerWords));
      }
    }
  }
  return {
    all,
    withNames: all.filter((s) => s.names > 0),
    context: all.filter((s) => s.names === 0),
    speech: all.filter((s) => s.speech),
    lowerable: all.filter((s) => s.lowerable),
  };
}

/**
 * The sentence without the marks and attribution of a quotation it is part of, ending in a full stop; null when
 * its quotation marks still do not pair.
 */
export function unquote(sentence: string): string | null {
  let text = sentence.trim();
  if (!quotesPair(text)) {
    if (/^["«„“]/.test(text)) text = text.slice(1);
    // `…масштаба", - сказала Косбаева.`, `…домохозяйств", — добавил эксперт`, `…импульс". Эдуард Полетаев`
    text = text
      .replace(/["»”]\s*,?\s*[-–—][^"«»„“”]*$/u, '')
      .replace(/["»”]\.?\s+\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u, '')
      .replace(/["»”]\.?$/u, '')
      .trim();
  }
  if (!quotesPair(text)) return null;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function quotesPair(text: string): boolean {
  const count = (c: string) => text.split(c).length - 1;
  return (
    count('"') % 2 === 0 &&
    count('«') === count('»') &&
    count('„') === count('“') &&
    count('(') === count(')')
  );
}

interface Found {
  start: number;
  end: number;
  slot: Slot;
}

/**
 * Every form a seed may use: each name in each case and dash style, with the first case that has the form (a
 * masculine accusative reads as the nominative: both are written alike in every name of the group). Longest first,
 * so "порта Курык" beats "Курык".
 */
const NAME_FORMS: readonly { text: string; name: FeatureName; index: number; case: Case }[] = (() => {
  const out: { text: string; name: FeatureName; index: number; case: Case }[] = [];
  for (const name of FEATURE_NAMES) {
    const index = namesByFeature(name.group).get(name.featureId)?.indexOf(name) ?? 0;
    const seen = new Set<string>();
    for (const c of CASES) {
      for (const style of ['en', 'hyphen', 'spaced'] as const) {
        const text = withDashes(name.forms[c], style);
        if (seen.has(text)) continue;
        seen.add(text);
        out.push({ text, name, index, case: c });
      }
    }
  }
  return out.sort((a, b) => b.text.length - a.text.length);
})();

function toBankSentence(origin: string, text: string, lowerWords: ReadonlySet<string>): BankSentence {
  const found = [...findNames(text), ...findPeople(text), ...findNumbers(text)];
  const segments = cut(text, found);
  const slots = segments.filter((s): s is Slot => typeof s !== 'string');
  const firstWord = /^\p{L}+/u.exec(text)?.[0] ?? '';
  return {
    origin,
    segments,
    names: slots.filter((s) => s.kind === 'name').length,
    figures: slots.some((s) => ['magnitude', 'percent', 'times', 'km-adjective', 'count'].includes(s.kind)),
    speech:
      !/["«»„“”]/.test(text) &&
      !slots.some((s) => s.kind === 'person') &&
      text.length <= MAX_SPEECH_CHARS &&
      !NOT_SPEECH_START.test(text),
    lowerable: typeof segments[0] === 'string' && lowerWords.has(firstWord.toLowerCase()),
  };
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

function findNames(text: string): Found[] {
  const out: Found[] = [];
  for (const form of NAME_FORMS) {
    // A name that starts lower-case in the table is capitalised at the start of a sentence.
    const variants = [form.text, form.text.charAt(0).toUpperCase() + form.text.slice(1)];
    for (const variant of new Set(variants)) {
      for (let at = text.indexOf(variant); at >= 0; at = text.indexOf(variant, at + 1)) {
        const end = at + variant.length;
        if (isWordChar(text.charAt(at - 1)) || isWordChar(text.charAt(end))) continue;
        out.push({
          start: at,
          end,
          slot: {
            kind: 'name',
            group: form.name.group,
            case: form.case,
            ref: form.name.featureId,
            variant: form.index,
            indeclinable: form.name.indeclinable,
            capital: at === 0,
          },
        });
      }
    }
  }
  return out;
}

function findPeople(text: string): Found[] {
  const out: Found[] = [];
  for (const p of SEED_PERSON_FORMS) {
    for (let at = text.indexOf(p.form); at >= 0; at = text.indexOf(p.form, at + 1)) {
      const end = at + p.form.length;
      if (isWordChar(text.charAt(at - 1)) || isWordChar(text.charAt(end))) continue;
      out.push({ start: at, end, slot: { kind: 'person', gender: p.gender, case: p.case, full: p.full } });
    }
  }
  return out;
}

const MAGNITUDES: Record<string, number> = {
  млн: 1e6,
  миллион: 1e6,
  миллиона: 1e6,
  миллионов: 1e6,
  млрд: 1e9,
  миллиард: 1e9,
  миллиарда: 1e9,
  миллиардов: 1e9,
};
const TIMES_WORDS: Record<string, number> = {
  два: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
};

const decimal = (s: string) => Number(s.replace(',', '.'));

function findNumbers(text: string): Found[] {
  const out: Found[] = [];
  const each = (re: RegExp, slot: (m: RegExpExecArray) => Slot | null, group = 0) => {
    for (const m of text.matchAll(re)) {
      const s = slot(m);
      if (s === null) continue;
      const start = m.index + (group === 0 ? 0 : m[0].indexOf(m[group] ?? ''));
      const length = (m[group] ?? '').length;
      out.push({ start, end: start + length, slot: s });
    }
  };
  each(
    /(\d+(?:,\d+)?)\s(млн|млрд|миллиона|миллионов|миллион|миллиарда|миллиардов|миллиард)(?!\p{L})/gu,
    (m) => ({
      kind: 'magnitude',
      value: decimal(m[1] ?? '0') * (MAGNITUDES[m[2] ?? ''] ?? 1),
    }),
  );
  each(/(\d+(?:,\d+)?)\s?%/gu, (m) => ({ kind: 'percent', value: decimal(m[1] ?? '0') }));
  each(/(?<!\p{L})в\s(\d+|два|три|четыре|пять|шесть|семь|восемь|девять|десять)\sраза?(?!\p{L})/gu, (m) => {
    const n = m[1] ?? '';
    return { kind: 'times', value: /\d/.test(n) ? Number(n) : (TIMES_WORDS[n] ?? 2) };
  });
  each(/(\d+)-километров(\p{L}+)/gu, (m) => ({
    kind: 'km-adjective',
    value: Number(m[1]),
    ending: m[2] ?? 'ой',
  }));
  each(/(?:около|свыше|более)\s(\d{2,4})(?=\s\p{Ll})/gu, (m) => ({ kind: 'count', value: Number(m[1]) }), 1);
  each(/(?<![\d,])(20[1-3]\d)(?!\d)/gu, (m) => {
    const year = Number(m[1]);
    return year >= 2015 ? { kind: 'year', value: year } : null;
  });
  return out;
}

/** The text with the found slots cut out; where two overlap, the earlier wins, then the longer. */
function cut(text: string, found: Found[]): Segment[] {
  const ordered = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const segments: Segment[] = [];
  let at = 0;
  for (const f of ordered) {
    if (f.start < at) continue;
    if (f.start > at) segments.push(text.slice(at, f.start));
    segments.push(f.slot);
    at = f.end;
  }
  if (at < text.length) segments.push(text.slice(at));
  return segments;
}
