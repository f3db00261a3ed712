// The names of the corridors' main features in all six cases, written by hand: the aliases in geo/*.geojson
// (properties.aliases.ru) give mostly the nominative, and a corpus that only ever says "Средний коридор" would not
// exercise the matcher's stemming ("Среднем коридоре", "порта Курык", "Нахчыванской железной дорогой"). Every
// name here must be matched by the pipeline to its feature in every form (tests/unit/corpus.test.ts checks it).
//
// A name belongs to a group: names of one group decline in parallel (same gender and head noun), so a name found
// in a seed sentence can be replaced by another name of its group in the same case without breaking agreement
// ("Зангезурский коридор, который соединит…" works for every masculine corridor).

export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre';
export const CASES: readonly Case[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'pre'];

export type NameGroup =
  /** masculine: "Средний коридор", "Маршрут Трампа" */
  | 'corridor'
  /** masculine: "порт Актау", "Бакинский международный морской порт" */
  | 'port'
  /** the port's town alone, indeclinable: "портов Актау и Курык" */
  | 'port-town'
  /** feminine: "железная дорога Баку–Тбилиси–Карс", "Нахчыванская железная дорога" */
  | 'railway'
  /** a railway's route alone, indeclinable: "железная дорога "Баку-Тбилиси-Карс"" */
  | 'rail-route'
  /** masculine: "нефтепровод Баку–Тбилиси–Джейхан" */
  | 'pipeline'
  /** feminine: "волоконно-оптическая линия связи" */
  | 'fiber-line'
  /** masculine: "волоконно-оптический кабель по дну Каспийского моря" */
  | 'fiber-cable'
  /** masculine: "высоковольтный кабель по дну Каспийского моря" */
  | 'power-cable'
  /** feminine: "паромная линия Курык – Алят" */
  | 'ferry'
  /** neuter: "месторождение Дунга" */
  | 'field';

export interface FeatureName {
  /** the geo/ feature id the pipeline should match the name to */
  featureId: string;
  group: NameGroup;
  forms: Readonly<Record<Case, string>>;
  /** the same form in every case: where a seed sentence has it, its case cannot be read from the form */
  indeclinable: boolean;
}

const name = (
  featureId: string,
  group: NameGroup,
  [nom, gen, dat, acc, ins, pre]: readonly [string, string, string, string, string, string],
): FeatureName => ({
  featureId,
  group,
  forms: { nom, gen, dat, acc, ins, pre },
  indeclinable: false,
});

const fixed = (featureId: string, group: NameGroup, form: string): FeatureName => ({
  featureId,
  group,
  forms: { nom: form, gen: form, dat: form, acc: form, ins: form, pre: form },
  indeclinable: true,
});

/**
 * Masculine adjective endings nom/gen/dat/ins/pre: hard "Срединный", soft "Средний", and after к/г/х
 * "Зангезурский" (nominative -ий by the spelling rule, the rest hard).
 */
const ADJECTIVE_ENDINGS = {
  hard: ['ый', 'ого', 'ому', 'ым', 'ом'],
  soft: ['ий', 'его', 'ему', 'им', 'ем'],
  velar: ['ий', 'ого', 'ому', 'им', 'ом'],
} as const;

/** "X коридор": a masculine adjective and a masculine hard noun. */
const adjNoun = (
  featureId: string,
  group: NameGroup,
  adjStem: string,
  type: keyof typeof ADJECTIVE_ENDINGS,
  noun: string,
) => {
  const [nom, gen, dat, ins, pre] = ADJECTIVE_ENDINGS[type];
  return name(featureId, group, [
    `${adjStem}${nom} ${noun}`,
    `${adjStem}${gen} ${noun}а`,
    `${adjStem}${dat} ${noun}у`,
    `${adjStem}${nom} ${noun}`,
    `${adjStem}${ins} ${noun}ом`,
    `${adjStem}${pre} ${noun}е`,
  ]);
};

/** "порт X", "нефтепровод X": a masculine hard noun before an indeclinable name. */
const mascHead = (featureId: string, group: NameGroup, head: string, rest: string) =>
  name(featureId, group, [
    `${head} ${rest}`,
    `${head}а ${rest}`,
    `${head}у ${rest}`,
    `${head} ${rest}`,
    `${head}ом ${rest}`,
    `${head}е ${rest}`,
  ]);

/** "железная дорога X", "паромная линия X": a feminine adjective + noun before an indeclinable name. */
const femAdjNoun = (
  featureId: string,
  group: NameGroup,
  adjStem: string,
  noun: readonly [string, string, string, string, string, string],
  rest: string,
) => {
  const [nom, gen, dat, acc, ins, pre] = noun;
  const tail = rest === '' ? '' : ` ${rest}`;
  return name(featureId, group, [
    `${adjStem}ая ${nom}${tail}`,
    `${adjStem}ой ${gen}${tail}`,
    `${adjStem}ой ${dat}${tail}`,
    `${adjStem}ую ${acc}${tail}`,
    `${adjStem}ой ${ins}${tail}`,
    `${adjStem}ой ${pre}${tail}`,
  ]);
};

const DOROGA = ['дорога', 'дороги', 'дороге', 'дорогу', 'дорогой', 'дороге'] as const;
const LINIYA = ['линия', 'линии', 'линии', 'линию', 'линией', 'линии'] as const;
const railway = (featureId: string, route: string) =>
  femAdjNoun(featureId, 'railway', 'железн', DOROGA, route);

export const FEATURE_NAMES: readonly FeatureName[] = [
  // corridor-titr: the Middle Corridor under the names the press uses for it
  adjNoun('corridor-titr', 'corridor', 'Средн', 'soft', 'коридор'),
  adjNoun('corridor-titr', 'corridor', 'Срединн', 'hard', 'коридор'),
  name('corridor-titr', 'corridor', [
    'Транскаспийский международный транспортный маршрут',
    'Транскаспийского международного транспортного маршрута',
    'Транскаспийскому международному транспортному маршруту',
    'Транскаспийский международный транспортный маршрут',
    'Транскаспийским международным транспортным маршрутом',
    'Транскаспийском международном транспортном маршруте',
  ]),
  adjNoun('corridor-titr', 'corridor', 'Транскаспийск', 'velar', 'маршрут'),
  name('corridor-titr', 'corridor', [
    'Средний транспортный коридор',
    'Среднего транспортного коридора',
    'Среднему транспортному коридору',
    'Средний транспортный коридор',
    'Средним транспортным коридором',
    'Среднем транспортном коридоре',
  ]),
  fixed('corridor-titr', 'corridor', 'ТМТМ'),
  adjNoun('route-zangezur', 'corridor', 'Зангезурск', 'velar', 'коридор'),
  name('route-zangezur', 'corridor', [
    'Зангезурский транспортный коридор',
    'Зангезурского транспортного коридора',
    'Зангезурскому транспортному коридору',
    'Зангезурский транспортный коридор',
    'Зангезурским транспортным коридором',
    'Зангезурском транспортном коридоре',
  ]),
  mascHead('rail-tripp', 'corridor', 'Маршрут', 'Трампа'),
  fixed('rail-tripp', 'corridor', 'TRIPP'),

  mascHead('port-aktau', 'port', 'порт', 'Актау'),
  mascHead('port-aktau', 'port', 'морпорт', 'Актау'),
  name('port-aktau', 'port', [
    'Актауский морской торговый порт',
    'Актауского морского торгового порта',
    'Актаускому морскому торговому порту',
    'Актауский морской торговый порт',
    'Актауским морским торговым портом',
    'Актауском морском торговом порте',
  ]),
  mascHead('port-kuryk', 'port', 'порт', 'Курык'),
  name('port-baku', 'port', [
    'Бакинский международный морской торговый порт',
    'Бакинского международного морского торгового порта',
    'Бакинскому международному морскому торговому порту',
    'Бакинский международный морской торговый порт',
    'Бакинским международным морским торговым портом',
    'Бакинском международном морском торговом порте',
  ]),
  name('port-baku', 'port', [
    'Бакинский международный морской порт',
    'Бакинского международного морского порта',
    'Бакинскому международному морскому порту',
    'Бакинский международный морской порт',
    'Бакинским международным морским портом',
    'Бакинском международном морском порте',
  ]),
  mascHead('port-baku', 'port', 'порт', 'Алят'),
  mascHead('port-poti', 'port', 'порт', 'Поти'),
  mascHead('port-batumi', 'port', 'порт', 'Батуми'),
  name('port-batumi', 'port', [
    'Батумский морской порт',
    'Батумского морского порта',
    'Батумскому морскому порту',
    'Батумский морской порт',
    'Батумским морским портом',
    'Батумском морском порте',
  ]),
  fixed('port-aktau', 'port-town', 'Актау'),
  fixed('port-kuryk', 'port-town', 'Курык'),
  fixed('port-poti', 'port-town', 'Поти'),
  fixed('port-batumi', 'port-town', 'Батуми'),

  railway('rail-btk', 'Баку–Тбилиси–Карс'),
  railway('rail-zhezkazgan-beyneu', 'Жезказган – Бейнеу'),
  railway('rail-dostyk-moyinty', 'Достык – Мойынты'),
  railway('rail-horadiz-aghband', 'Горадиз – Агбенд'),
  railway('rail-tbilisi-poti', 'Тбилиси – Поти'),
  railway('rail-zhetygen-altynkol', 'Жетыген – Алтынколь'),
  railway('rail-kars-nakhchivan', 'Карс – Нахчыван'),
  name('rail-nakhchivan', 'railway', [
    'Нахчыванская железная дорога',
    'Нахчыванской железной дороги',
    'Нахчыванской железной дороге',
    'Нахчыванскую железную дорогу',
    'Нахчыванской железной дорогой',
    'Нахчыванской железной дороге',
  ]),
  name('rail-tripp', 'railway', [
    'дорога Трампа',
    'дороги Трампа',
    'дороге Трампа',
    'дорогу Трампа',
    'дорогой Трампа',
    'дороге Трампа',
  ]),
  fixed('rail-btk', 'rail-route', 'Баку–Тбилиси–Карс'),
  fixed('rail-btk', 'rail-route', 'БТК'),
  fixed('rail-zhezkazgan-beyneu', 'rail-route', 'Жезказган – Бейнеу'),
  fixed('rail-dostyk-moyinty', 'rail-route', 'Достык – Мойынты'),
  fixed('rail-horadiz-aghband', 'rail-route', 'Горадиз – Агбенд'),
  fixed('rail-kars-nakhchivan', 'rail-route', 'Карс – Игдыр – Аралык – Дилуджу'),

  mascHead('pipeline-btc', 'pipeline', 'нефтепровод', 'Баку–Тбилиси–Джейхан'),
  mascHead('pipeline-btc', 'pipeline', 'трубопровод', 'Баку–Тбилиси–Джейхан'),
  fixed('pipeline-btc', 'pipeline', 'БТД'),

  femAdjNoun('cable-caspian-fiber', 'fiber-line', 'волоконно-оптическ', LINIYA, 'связи'),
  femAdjNoun(
    'cable-caspian-fiber',
    'fiber-line',
    'Транскаспийск',
    ['ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС'],
    '',
  ),
  femAdjNoun(
    'cable-caspian-fiber',
    'fiber-line',
    'подводн',
    ['ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС', 'ВОЛС'],
    '',
  ),
  fixed('cable-caspian-fiber', 'fiber-line', 'ВОЛС'),
  name('cable-caspian-fiber', 'fiber-cable', [
    'волоконно-оптический кабель по дну Каспийского моря',
    'волоконно-оптического кабеля по дну Каспийского моря',
    'волоконно-оптическому кабелю по дну Каспийского моря',
    'волоконно-оптический кабель по дну Каспийского моря',
    'волоконно-оптическим кабелем по дну Каспийского моря',
    'волоконно-оптическом кабеле по дну Каспийского моря',
  ]),
  name('cable-caspian-power', 'power-cable', [
    'высоковольтный кабель по дну Каспийского моря',
    'высоковольтного кабеля по дну Каспийского моря',
    'высоковольтному кабелю по дну Каспийского моря',
    'высоковольтный кабель по дну Каспийского моря',
    'высоковольтным кабелем по дну Каспийского моря',
    'высоковольтном кабеле по дну Каспийского моря',
  ]),
  name('cable-caspian-power', 'power-cable', [
    'Транскаспийский коридор зелёной энергии',
    'Транскаспийского коридора зелёной энергии',
    'Транскаспийскому коридору зелёной энергии',
    'Транскаспийский коридор зелёной энергии',
    'Транскаспийским коридором зелёной энергии',
    'Транскаспийском коридоре зелёной энергии',
  ]),

  femAdjNoun('sea-kuryk-alat', 'ferry', 'паромн', LINIYA, 'Курык – Алят'),
  femAdjNoun('sea-aktau-alat', 'ferry', 'паромн', LINIYA, 'Актау – Алят'),
  femAdjNoun('sea-aktau-alat', 'ferry', 'паромн', LINIYA, 'Баку – Актау'),

  name('field-dunga', 'field', [
    'месторождение Дунга',
    'месторождения Дунга',
    'месторождению Дунга',
    'месторождение Дунга',
    'месторождением Дунга',
    'месторождении Дунга',
  ]),
];

const byGroup = new Map<NameGroup, Map<string, FeatureName[]>>();

/** The names of a group, by feature: what a slot of that group may be filled with. Built once per group. */
export function namesByFeature(group: NameGroup): ReadonlyMap<string, readonly FeatureName[]> {
  let out = byGroup.get(group);
  if (out === undefined) {
    out = new Map();
    for (const n of FEATURE_NAMES) {
      if (n.group !== group) continue;
      const list = out.get(n.featureId) ?? [];
      list.push(n);
      out.set(n.featureId, list);
    }
    byGroup.set(group, out);
  }
  return out;
}

/**
 * A route's dashes as the press writes them: "Баку–Тбилиси–Карс", "Баку-Тбилиси-Карс", "Баку – Тбилиси – Карс".
 * The seeds use all three and the matcher accepts all three, so an article picks one style and keeps it.
 */
export type DashStyle = 'en' | 'hyphen' | 'spaced';

const dashed = new Map<string, string>();

export function withDashes(text: string, style: DashStyle): string {
  // The names are few and the regex (a lookbehind) is the generator's hottest spot: each result is kept.
  const key = `${style}|${text}`;
  let out = dashed.get(key);
  if (out === undefined) {
    const dash = style === 'en' ? '–' : style === 'hyphen' ? '-' : ' – ';
    // Only dashes between two capitalised place names: "волоконно-оптическая" keeps its hyphen.
    out = text.replace(/(?<=\p{Lu}\p{Ll}+)\s?–\s?(?=\p{Lu})/gu, dash);
    dashed.set(key, out);
  }
  return out;
}
