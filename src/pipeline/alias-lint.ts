// Names and aliases that cannot do their job, found before any article is read (issue 7: "aliases that match
// nothing"). Not "an alias no article happens to use": new articles arrive all the time, so an unused alias is
// normal. What this finds is an alias that can never single out its feature, whatever the text:
// - one with no letters or digits ("—", "«»"): the matcher reads no word from it, so it never matches;
// - one made only of generic words ("коридор", "порт", "морской порт", "railway"): it would name this feature in
//   every sentence about any corridor, port or railway (and the matcher's longest-match rule then hides the
//   feature that was really meant);
// - one word of one or two letters that is not an abbreviation ("а", "по"): ordinary words;
// - the same words as another feature's name or alias: a text using it names both features, never one.
// All are warnings: the data still builds, and the curator decides. Names (name.ru, name.en) are matched too, so
// the first and last checks cover them; the generic and short-word checks do not, since a name is also the label
// the map shows, and a curator may name a feature plainly there.
import { stemmer } from '@orama/stemmers/russian';
import { isAllCaps, normalizeText, tokenize } from './text.ts';

export interface AliasEntry {
  /** the feature the alias belongs to */
  featureId: string;
  /** where it is written, for messages: `name.ru`, `aliases.en[2]` */
  field: string;
  /** a display name rather than an alias: exempt from the generic and short-word checks */
  isName: boolean;
  alias: string;
}

export interface AliasFinding {
  entry: AliasEntry;
  message: string;
  hint: string;
}

// Words that say what kind of thing a feature is, never which one. Russian words are compared by Snowball stem
// (so every case form counts), English ones lower-cased without a plural s.
const GENERIC_RU = [
  'коридор',
  'маршрут',
  'путь',
  'порт',
  'морской',
  'терминал',
  'паром',
  'кабель',
  'линия',
  'ветка',
  'дорога',
  'железная',
  'железнодорожный',
  'магистраль',
  'трасса',
  'трубопровод',
  'нефтепровод',
  'газопровод',
  'месторождение',
  'город',
  'станция',
  'участок',
  'проект',
  'море',
  'транспортный',
  'международный',
  'мультимодальный',
  'логистический',
  'торговый',
  'новый',
  'и',
  'в',
  'на',
  'по',
];
const GENERIC_EN = [
  'corridor',
  'route',
  'way',
  'port',
  'terminal',
  'ferry',
  'cable',
  'line',
  'railway',
  'railroad',
  'rail',
  'road',
  'pipeline',
  'field',
  'city',
  'station',
  'section',
  'project',
  'sea',
  'transport',
  'international',
  'new',
  'the',
  'of',
  'and',
];

const GENERIC_STEMS = new Set(GENERIC_RU.map((w) => stemmer(w)));
const GENERIC_EN_SET = new Set(GENERIC_EN);

function isGenericWord(lower: string): boolean {
  if (/\p{Script=Cyrillic}/u.test(lower)) return GENERIC_STEMS.has(stemmer(lower));
  return GENERIC_EN_SET.has(lower) || (lower.endsWith('s') && GENERIC_EN_SET.has(lower.slice(0, -1)));
}

/** The words the matcher compares, as one string: ALL-CAPS words keep their case, others are lower-cased. */
export function aliasSignature(alias: string): string {
  return tokenize(normalizeText(alias))
    .map((t) => (isAllCaps(t.key) ? t.key : t.key.toLowerCase()))
    .join(' ');
}

/** Every finding, in entry order; an alias shared by two features is reported on the later one. */
export function lintAliases(entries: readonly AliasEntry[]): AliasFinding[] {
  const findings: AliasFinding[] = [];
  const owner = new Map<string, AliasEntry>();
  for (const entry of entries) {
    const found = (message: string, hint: string) => findings.push({ entry, message, hint });
    const shown = `${entry.field} '${entry.alias}'`;
    const signature = aliasSignature(entry.alias);
    const words = signature === '' ? [] : signature.split(' ');
    if (words.length === 0) {
      found(`${shown} has no letters or digits: it can never match`, 'remove it');
      continue;
    }
    if (entry.isName) {
      // a name is checked only against other features, below
    } else if (words.every((w) => isGenericWord(w.toLowerCase()))) {
      found(
        `${shown} is only generic words: it would name this feature wherever any such thing is mentioned`,
        'use a proper name, e.g. "порт Актау" rather than "порт"',
      );
    } else if (words.length === 1 && !isAllCaps(words[0] ?? '') && [...(words[0] ?? '')].length <= 2) {
      found(`${shown} is a one- or two-letter word: it matches ordinary words`, 'use a longer name');
    }
    const first = owner.get(signature);
    if (first === undefined) owner.set(signature, entry);
    else if (first.featureId !== entry.featureId) {
      found(
        `${shown} is also ${first.field} of '${first.featureId}': a text using it names both features`,
        'keep it on one feature, or make it longer',
      );
    }
  }
  return findings;
}
