// Russian-language outlets of the region and the ways their articles name themselves. An article file has no
// outlet field (../shared/ARCHITECTURE.md, "Article files"): the pipeline reads it from the text
// (src/pipeline/articles.ts, findOutlet and the dateline), so each style here is one it recognises, and `source`
// is what it reports. The styles follow the seeds: "…, передает BAQ.KZ." (000), "БАКУ /Trend/ - …" (002),
// "Об этом в беседе с Day.Az сказала …" (003), "…, сообщает Zakon.kz." (004).

export type OutletStyle =
  /** "…, передает BAQ.KZ." at the end of the first paragraph */
  | { kind: 'suffix'; verb: 'передает' | 'сообщает' | 'пишет'; name: string }
  /** "БАКУ /Trend/ - …" (or "АСТАНА, 21 октября /Kazinform/ – …") at the start of the first paragraph */
  | { kind: 'dateline'; place: string; name: string; withDate: boolean }
  /** a second paragraph "Об этом в беседе с Day.Az сказал …" */
  | { kind: 'interview'; name: string }
  /** a second paragraph "Об этом сказала Trend эксперт …" */
  | { kind: 'told'; name: string };

export interface Outlet {
  /** what the pipeline reports as the article's `source` */
  source: string;
  /** a slug for the synthetic front matter url */
  slug: string;
  styles: readonly OutletStyle[];
  /** relative share of the corpus */
  weight: number;
}

export const OUTLETS: readonly Outlet[] = [
  {
    source: 'BAQ.KZ',
    slug: 'baq',
    weight: 8,
    styles: [{ kind: 'suffix', verb: 'передает', name: 'BAQ.KZ' }],
  },
  {
    source: 'Trend',
    slug: 'trend',
    weight: 10,
    styles: [
      { kind: 'dateline', place: 'БАКУ', name: 'Trend', withDate: false },
      { kind: 'told', name: 'Trend' },
    ],
  },
  {
    source: 'Zakon.kz',
    slug: 'zakon',
    weight: 8,
    styles: [{ kind: 'suffix', verb: 'сообщает', name: 'Zakon.kz' }],
  },
  {
    source: 'Day.Az',
    slug: 'day-az',
    weight: 7,
    styles: [
      { kind: 'interview', name: 'Day.Az' },
      { kind: 'suffix', verb: 'сообщает', name: 'Day.Az' },
    ],
  },
  {
    source: 'Report.az',
    slug: 'report',
    weight: 7,
    styles: [{ kind: 'suffix', verb: 'передает', name: 'Report.az' }],
  },
  {
    source: 'Kapital.kz',
    slug: 'kapital',
    weight: 6,
    styles: [{ kind: 'suffix', verb: 'пишет', name: 'Kapital.kz' }],
  },
  {
    source: 'Kursiv',
    slug: 'kursiv',
    weight: 5,
    styles: [{ kind: 'suffix', verb: 'пишет', name: 'Kursiv' }],
  },
  {
    // findOutlet only knows "Interfax"/"Интерфакс"; the dateline takes any name between slashes as it is
    source: 'Интерфакс-Казахстан',
    slug: 'interfax-kz',
    weight: 6,
    styles: [{ kind: 'dateline', place: 'АЛМАТЫ', name: 'Интерфакс-Казахстан', withDate: false }],
  },
  {
    source: 'APA',
    slug: 'apa',
    weight: 6,
    styles: [
      { kind: 'dateline', place: 'БАКУ', name: 'APA', withDate: false },
      { kind: 'suffix', verb: 'сообщает', name: 'APA' },
    ],
  },
  {
    // "передает Sputnik Азербайджан": the pipeline keeps the known name, "Sputnik"
    source: 'Sputnik',
    slug: 'sputnik-az',
    weight: 5,
    styles: [{ kind: 'suffix', verb: 'передает', name: 'Sputnik Азербайджан' }],
  },
  {
    source: 'Tengrinews.kz',
    slug: 'tengrinews',
    weight: 6,
    styles: [{ kind: 'suffix', verb: 'сообщает', name: 'Tengrinews.kz' }],
  },
  {
    source: 'Vesti.az',
    slug: 'vesti-az',
    weight: 5,
    styles: [{ kind: 'suffix', verb: 'передает', name: 'Vesti.az' }],
  },
  {
    source: 'Kazinform',
    slug: 'kazinform',
    weight: 7,
    styles: [{ kind: 'dateline', place: 'АСТАНА', name: 'Kazinform', withDate: true }],
  },
  {
    // the Cyrillic spelling is one of findOutlet's aliases
    source: 'AZERTAC',
    slug: 'azertac',
    weight: 6,
    styles: [{ kind: 'dateline', place: 'БАКУ', name: 'АЗЕРТАДЖ', withDate: false }],
  },
  {
    source: 'Forbes.kz',
    slug: 'forbes-kz',
    weight: 4,
    styles: [{ kind: 'suffix', verb: 'пишет', name: 'Forbes.kz' }],
  },
  {
    source: 'News.az',
    slug: 'news-az',
    weight: 4,
    styles: [{ kind: 'interview', name: 'News.az' }],
  },
];
