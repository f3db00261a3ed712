// What an exported view says besides the map: a title, a legend read from the palette tables (so it cannot drift
// from what the map draws) and a source line naming the outlets and dates the view cites, plus the basemap's
// source. Used by the PNG and SVG exports and the handout.
import type { Catalog } from '../data/catalog.ts';
import type { BriefingStep } from '../domain/briefing.ts';
import { FEATURE_KINDS, type FeatureKind, type Lang, STATUSES } from '../domain/feature.ts';
import type { Article } from '../domain/joined.ts';
import { STATUS_GROUP, type StatusGroup, statusAt } from '../domain/status-at.ts';
import { formatDate, strings } from '../i18n/strings.ts';
import { emphasised } from '../map/map-sync.ts';
import { KIND_COLOR, LINE_KINDS, STATUS_DASH } from '../map/palette.ts';
import { stepArticles, stepAt } from '../modes/briefing-steps.ts';
import type { AppState } from '../state/store.ts';

export interface LegendKind {
  kind: FeatureKind;
  label: string;
  color: string;
  line: boolean;
}

export interface LegendStatus {
  group: StatusGroup;
  label: string;
  /** in line widths, as the style uses it; null is solid */
  dash: number[] | null;
}

export interface ExportContext {
  /** the briefing's (or the app's) title */
  title: string;
  /** the step's title, or the selected feature's name; '' for none */
  subtitle: string;
  legendHeading: string;
  kinds: LegendKind[];
  statuses: LegendStatus[];
  /** "Sources: BAQ.KZ, 21 Oct 2025; … · Basemap: Natural Earth" */
  sourceLine: string;
  /** a file name without extension: caspian-corridors-step-3-zangezur */
  fileStem: string;
}

const BASEMAP: Record<Lang, string> = { ru: 'Подложка: Natural Earth', en: 'Basemap: Natural Earth' };
const SOURCES: Record<Lang, string> = { ru: 'Источники', en: 'Sources' };

export function articleCitation(a: Article, lang: Lang): string {
  return `${a.source ?? strings(lang).outletUnknown}, ${formatDate(a.date, lang)}`;
}

/** The legend for a set of drawn features: their kinds and status groups, in the palette's order. */
export function legendFor(catalog: Catalog, ids: readonly string[], s: Pick<AppState, 'lang' | 'asOf'>) {
  const t = strings(s.lang);
  const shown = catalog.features.filter(
    (f) => f.properties.kind !== 'corridor' && (ids.length === 0 || ids.includes(f.properties.id)),
  );
  const kinds = FEATURE_KINDS.filter((k) => shown.some((f) => f.properties.kind === k)).map(
    (kind): LegendKind => ({
      kind,
      label: t.kinds[kind],
      color: KIND_COLOR[kind],
      line: LINE_KINDS.includes(kind),
    }),
  );
  const groupsShown = new Set(
    shown
      .filter((f) => LINE_KINDS.includes(f.properties.kind))
      .map((f) => statusAt(f.properties, s.asOf))
      .flatMap((st) => (st === null ? [] : [STATUS_GROUP[st]])),
  );
  const statuses = (['operational', 'construction', 'planned'] as const)
    .filter((g) => groupsShown.has(g))
    .map(
      (group): LegendStatus => ({
        group,
        label: STATUSES.filter((x) => STATUS_GROUP[x] === group)
          .map((x) => t.statuses[x])
          .join(' / '),
        dash: STATUS_DASH[group],
      }),
    );
  return { kinds, statuses };
}

function slug(s: string): string {
  return s
    .replace(/[^a-z0-9-]+/gi, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** What the current view is about: the briefing step in briefing mode, else the selection (or the overview). */
export function exportContext(catalog: Catalog, s: AppState, stepOverride?: number): ExportContext {
  const t = strings(s.lang);
  const briefing = catalog.data.briefing;
  const inBriefing = s.mode === 'briefing' || stepOverride !== undefined;
  const stepNo = stepOverride ?? s.step;
  const step: BriefingStep | undefined = inBriefing ? stepAt(briefing, stepNo) : undefined;
  const ids = emphasised(inBriefing ? { ...s, mode: 'briefing', step: stepNo } : s, catalog);
  let articles: Article[] = [];
  if (step !== undefined) articles = stepArticles(catalog, step);
  else if (s.selected !== null) {
    const seen = new Set(catalog.mentionsOf(s.selected).map((m) => m.articleId));
    articles = catalog.data.joined.articles.filter((a) => seen.has(a.id));
  }
  const cited = articles.map((a) => articleCitation(a, s.lang));
  const sourceLine = [cited.length > 0 ? `${SOURCES[s.lang]}: ${cited.join('; ')}` : '', BASEMAP[s.lang]]
    .filter((x) => x !== '')
    .join(' · ');
  const selectedName =
    s.selected === null ? '' : (catalog.feature(s.selected)?.properties.name[s.lang] ?? '');
  return {
    title: step !== undefined ? briefing.title[s.lang] : t.appTitle,
    subtitle: step !== undefined ? step.title[s.lang] : selectedName,
    legendHeading: t.legendHeading,
    ...legendFor(catalog, ids, s),
    sourceLine,
    fileStem: slug(
      step !== undefined
        ? `caspian-corridors-step-${inBriefing ? stepNo : 0}-${step.id}`
        : `caspian-corridors-${s.selected ?? 'overview'}`,
    ),
  };
}
