// Who speaks in a generated article. The seeds quote real people; recombined sentences are not what they said, so
// every person of a seed sentence is replaced by an invented one, and invented quotes go to invented people only.
// The names are common Kazakh and Azerbaijani first names and surnames put together at random; the surnames all
// end in -ов/-ев/-ин (the forms src/pipeline/people.ts recognises as a person), so the pipeline can attribute the
// quotes. Roles are generic ("эксперт", "аналитик"): no invented person is placed in a real institution.
import type { Rng } from './rng.ts';

export type Gender = 'm' | 'f';
/** The cases a person is named in by the seeds and the speech frames. */
export type PersonCase = 'nom' | 'gen' | 'dat' | 'ins';

export interface Speaker {
  gender: Gender;
  /** "Ерлан Садыков", "Ерлана Садыкова", … */
  full: Readonly<Record<PersonCase, string>>;
  /** the surname alone: "Садыков", "Садыкова", … */
  surname: Readonly<Record<PersonCase, string>>;
  /** "эксперт", "независимый аналитик": the role in the nominative, and in the genitive */
  role: string;
  roleGen: string;
}

// Masculine first names ending in a hard consonant (Ерлан → Ерлана, Ерлану, Ерланом).
const MALE_FIRST = [
  'Ерлан',
  'Данияр',
  'Рашад',
  'Эльчин',
  'Тимур',
  'Нурлан',
  'Азамат',
  'Руслан',
  'Айдос',
  'Вугар',
  'Самир',
  'Арман',
  'Фуад',
  'Марат',
];
// Feminine first names in -а after a consonant other than г/к/х/ж/ш/ч/щ (Динара → Динары, Динаре, Динарой).
const FEMALE_FIRST = [
  'Динара',
  'Сабина',
  'Мадина',
  'Гульнара',
  'Лейла',
  'Камила',
  'Зарина',
  'Айнура',
  'Лала',
];
// Masculine surnames in -ов/-ев/-ин; the feminine adds -а.
const SURNAMES = [
  'Садыков',
  'Мамедов',
  'Жумабаев',
  'Касымов',
  'Гусейнов',
  'Нуркенов',
  'Ахмедов',
  'Бекетов',
  'Оспанов',
  'Керимов',
  'Сулейменов',
  'Аббасов',
  'Исмаилов',
  'Байжанов',
  'Расулов',
  'Ташенов',
  'Абдрахманов',
  'Кулиев',
  'Тулегенов',
  'Мусин',
];
const ROLES: readonly (readonly [string, string])[] = [
  ['эксперт', 'эксперта'],
  ['независимый эксперт', 'независимого эксперта'],
  ['аналитик', 'аналитика'],
  ['политолог', 'политолога'],
  ['экономист', 'экономиста'],
  ['эксперт в области логистики', 'эксперта в области логистики'],
  ['эксперт по транспортной политике', 'эксперта по транспортной политике'],
  ['директор консалтинговой компании', 'директора консалтинговой компании'],
  ['руководитель аналитического центра', 'руководителя аналитического центра'],
];

function maleSurname(s: string): Record<PersonCase, string> {
  return { nom: s, gen: `${s}а`, dat: `${s}у`, ins: `${s}ым` };
}

function femaleSurname(s: string): Record<PersonCase, string> {
  return { nom: `${s}а`, gen: `${s}ой`, dat: `${s}ой`, ins: `${s}ой` };
}

function maleFirst(s: string): Record<PersonCase, string> {
  return { nom: s, gen: `${s}а`, dat: `${s}у`, ins: `${s}ом` };
}

function femaleFirst(s: string): Record<PersonCase, string> {
  const stem = s.slice(0, -1);
  return { nom: s, gen: `${stem}ы`, dat: `${stem}е`, ins: `${stem}ой` };
}

export function inventSpeaker(rng: Rng, gender: Gender): Speaker {
  const first = gender === 'm' ? maleFirst(rng.pick(MALE_FIRST)) : femaleFirst(rng.pick(FEMALE_FIRST));
  const base = rng.pick(SURNAMES);
  const surname = gender === 'm' ? maleSurname(base) : femaleSurname(base);
  const [role, roleGen] = rng.pick(ROLES);
  const full = {
    nom: `${first.nom} ${surname.nom}`,
    gen: `${first.gen} ${surname.gen}`,
    dat: `${first.dat} ${surname.dat}`,
    ins: `${first.ins} ${surname.ins}`,
  };
  return { gender, full, surname, role, roleGen };
}

/** A past-tense verb agreeing with the speaker: "отметил" / "отметила". */
export function verb(stem: string, gender: Gender): string {
  return gender === 'm' ? stem : `${stem}а`;
}

/** The personal pronoun: "он" / "она". */
export function pronoun(gender: Gender): string {
  return gender === 'm' ? 'он' : 'она';
}

export interface SeedPersonForm {
  form: string;
  gender: Gender;
  case: PersonCase;
  /** the full name, or the surname alone */
  full: boolean;
}

/**
 * How the seeds name the people they quote (a misspelling included: seed 000 has both "Тоекина" and "Токекина").
 * Heads of state are not listed: sentences naming them are left out of the bank altogether.
 */
export const SEED_PERSON_FORMS: readonly SeedPersonForm[] = [
  { form: 'Алмат Тоекин', gender: 'm', case: 'nom', full: true },
  { form: 'Алмата Тоекина', gender: 'm', case: 'gen', full: true },
  { form: 'Алмата Токекина', gender: 'm', case: 'gen', full: true },
  { form: 'Эдуард Полетаев', gender: 'm', case: 'nom', full: true },
  { form: 'Полетаев', gender: 'm', case: 'nom', full: false },
  { form: 'Амина Косбаева', gender: 'f', case: 'nom', full: true },
  { form: 'Косбаева', gender: 'f', case: 'nom', full: false },
  { form: 'Айгерим Жампетова', gender: 'f', case: 'nom', full: true },
  { form: 'Жампетова', gender: 'f', case: 'nom', full: false },
];
