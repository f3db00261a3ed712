// geo/briefing.json: the steps of a briefing, written by hand, checked like the rest of geo/. Pure: the caller reads
// the file. Checked in two passes because features are known before the articles are joined and mentions only
// after: `readBriefing` (shape and feature ids, reported together with geo/ problems) and `checkBriefingRefs`
// (mention and figure ids against the join). Every problem names the step, e.g.
//   error geo/briefing.json [step 3 "zangezur"]: unknown feature "rail-nowhere" (hint: did you mean "rail-tripp"?)
// Without the file, `defaultBriefing` generates one step per corridor and per port from the data.
import type { Briefing, BriefingStep, FigureId } from '../domain/briefing.ts';
import type { CorridorFeature, FeatureId, Localized } from '../domain/feature.ts';
import type { JoinedData, Mention } from '../domain/joined.ts';
import { strings } from '../i18n/strings.ts';
import type { Problem } from './problems.ts';
import { parseJson } from './validate.ts';

export const BRIEFING_FILE = 'briefing.json';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOP_KEYS = ['title', 'steps'] as const;
const STEP_KEYS = ['id', 'title', 'features', 'mentions', 'figures', 'notes'] as const;
const MENTION_HINT =
  'mention ids are <article file name without .txt>-p<paragraph>-s<sentence>, both 0-based; ' +
  '`npm run ingest -- geo/articles` lists them';

/** A figure reference as written: a mention id (all its figures) or { "mention": id, "index": n }. */
export interface FigureRefInput {
  mention: string;
  /** null: every figure of the mention */
  index: number | null;
}

/** A briefing read from the file whose mention and figure ids are not checked yet (they need the join). */
export interface BriefingDraft {
  title: Localized;
  steps: (Omit<BriefingStep, 'figures'> & { figureRefs: FigureRefInput[] })[];
}

export interface BriefingRead {
  /** null when the file cannot be used at all (bad JSON, no steps); problems say why */
  draft: BriefingDraft | null;
  problems: Problem[];
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

class Sink {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  error(where: string | null, message: string, hint?: string): void {
    this.add('error', where, message, hint);
  }
  warn(where: string | null, message: string, hint?: string): void {
    this.add('warning', where, message, hint);
  }
  private add(level: Problem['level'], where: string | null, message: string, hint?: string): void {
    this.problems.push({
      level,
      file: this.file,
      featureId: where,
      message,
      ...(hint === undefined ? {} : { hint }),
    });
  }
}

/** How a step is named in messages: its 1-based number, and its id when it has one. */
export function stepLabel(index: number, id: unknown): string {
  return typeof id === 'string' && id !== '' ? `step ${index + 1} "${id}"` : `step ${index + 1}`;
}

/** Edit distance, for "did you mean" hints; ids are short, so the quadratic table is fine. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function didYouMean(id: string, known: Iterable<string>): string | undefined {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(id.length / 3))
    ? `did you mean "${best}"?`
    : undefined;
}

function unknownKeys(sink: Sink, where: string | null, obj: Raw, allowed: readonly string[]): void {
  for (const k of Object.keys(obj)) {
    // Keys starting with _ are comments for the curator.
    if (k.startsWith('_') || allowed.includes(k)) continue;
    sink.warn(
      where,
      `unknown key "${k}" is ignored`,
      didYouMean(k, allowed) ?? `known keys: ${allowed.join(', ')}`,
    );
  }
}

function localized(sink: Sink, where: string | null, what: string, v: unknown, required: boolean): Localized {
  if (v === undefined && !required) return { ru: '', en: '' };
  if (!isObject(v)) {
    sink.error(where, `${what} must be an object { "ru": "…", "en": "…" }`);
    return { ru: '', en: '' };
  }
  const out: Localized = { ru: '', en: '' };
  for (const lang of ['ru', 'en'] as const) {
    const s = v[lang];
    if (typeof s !== 'string' || (required && s.trim() === '')) {
      sink.error(where, `${what} needs a non-empty "${lang}" text`);
    } else out[lang] = s;
  }
  return out;
}

function stringList(sink: Sink, where: string, what: string, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    sink.error(where, `"${what}" must be a list of ids (strings)`);
    return [];
  }
  const out: string[] = [];
  for (const x of v as string[]) {
    if (out.includes(x)) sink.warn(where, `"${x}" is listed twice in "${what}"`);
    else out.push(x);
  }
  return out;
}

function figureRefs(sink: Sink, where: string, v: unknown): FigureRefInput[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    sink.error(where, '"figures" must be a list of mention ids or { "mention": id, "index": n }');
    return [];
  }
  return v.flatMap((x): FigureRefInput[] => {
    if (typeof x === 'string') return [{ mention: x, index: null }];
    if (isObject(x) && typeof x.mention === 'string') {
      const i = x.index;
      if (i === undefined) return [{ mention: x.mention, index: null }];
      if (typeof i === 'number' && Number.isInteger(i) && i >= 0) return [{ mention: x.mention, index: i }];
      sink.error(where, `figure of "${x.mention}": "index" must be a whole number from 0`);
      return [];
    }
    sink.error(
      where,
      `a figure must be a mention id or { "mention": id, "index": n }, not ${JSON.stringify(x)}`,
    );
    return [];
  });
}

/** Parses geo/briefing.json and checks its shape and feature ids. `file` is the path messages show. */
export function readBriefing(file: string, text: string, featureIds: ReadonlySet<FeatureId>): BriefingRead {
  const sink = new Sink(file);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const hint = 'check commas and quotes around the line shown; JSON allows no trailing commas or comments';
    sink.problems.push({
      level: 'error',
      file,
      featureId: null,
      message: parsed.message,
      hint,
      line: parsed.line,
      column: parsed.column,
    });
    return { draft: null, problems: sink.problems };
  }
  const root = parsed.value;
  if (!isObject(root)) {
    sink.error(null, 'a briefing must be an object { "title": {…}, "steps": […] }');
    return { draft: null, problems: sink.problems };
  }
  unknownKeys(sink, null, root, TOP_KEYS);
  const title = localized(sink, null, '"title"', root.title, true);
  if (!Array.isArray(root.steps) || root.steps.length === 0) {
    sink.error(null, '"steps" must be a non-empty list of steps');
    return { draft: null, problems: sink.problems };
  }
  const seen = new Map<string, number>();
  const steps = root.steps.map((raw: unknown, i): BriefingDraft['steps'][number] => {
    const where = stepLabel(i, isObject(raw) ? raw.id : undefined);
    if (!isObject(raw)) {
      sink.error(where, 'a step must be an object { "id", "title", "features", … }');
      const none = { ru: '', en: '' };
      return { id: '', title: none, features: [], mentions: [], figureRefs: [], notes: none };
    }
    unknownKeys(sink, where, raw, STEP_KEYS);
    const id = raw.id;
    if (typeof id !== 'string' || !KEBAB_CASE.test(id)) {
      sink.error(where, '"id" must be kebab-case (a-z, 0-9 and single hyphens)', 'e.g. "middle-corridor"');
    } else if (seen.has(id)) {
      sink.error(where, `id "${id}" is also used by step ${(seen.get(id) ?? 0) + 1}`);
    } else seen.set(id, i);
    const features = stringList(sink, where, 'features', raw.features);
    for (const f of features) {
      if (!featureIds.has(f)) sink.error(where, `unknown feature "${f}"`, didYouMean(f, featureIds));
    }
    return {
      id: typeof id === 'string' ? id : '',
      title: localized(sink, where, '"title"', raw.title, true),
      features: features.filter((f) => featureIds.has(f)),
      mentions: stringList(sink, where, 'mentions', raw.mentions),
      figureRefs: figureRefs(sink, where, raw.figures),
      notes: localized(sink, where, '"notes"', raw.notes, false),
    };
  });
  return { draft: { title, steps }, problems: sink.problems };
}

/**
 * Checks the mention and figure ids of a draft against the join and resolves figure references ("every figure of
 * this mention") to (mention, index) pairs.
 */
export function checkBriefingRefs(
  file: string,
  draft: BriefingDraft,
  joined: JoinedData,
): { briefing: Briefing; problems: Problem[] } {
  const sink = new Sink(file);
  // The briefing names a few dozen mentions of up to ~100,000: they are picked out in one pass, not all indexed.
  const wanted = new Set<string>();
  for (const step of draft.steps) {
    for (const id of step.mentions) wanted.add(id);
    for (const r of step.figureRefs) wanted.add(r.mention);
  }
  const mentions = new Map<string, Mention>();
  for (const m of joined.mentions) if (wanted.has(m.id)) mentions.set(m.id, m);
  const known = (where: string, id: string): Mention | undefined => {
    const m = mentions.get(id);
    if (m === undefined) {
      const all = joined.mentions.map((x) => x.id);
      sink.error(where, `unknown mention "${id}"`, didYouMean(id, all) ?? MENTION_HINT);
    }
    return m;
  };
  const steps = draft.steps.map(({ figureRefs: refs, ...step }, i): BriefingStep => {
    const where = stepLabel(i, step.id);
    const ms = step.mentions.filter((id) => known(where, id) !== undefined);
    const figures: FigureId[] = [];
    for (const r of refs) {
      const m = known(where, r.mention);
      if (m === undefined) continue;
      if (r.index === null) {
        if (m.figures.length === 0)
          sink.error(where, `mention "${m.id}" has no figures`, 'list it under "mentions"');
        figures.push(...m.figures.map((_, index) => ({ mention: m.id, index })));
      } else if (r.index >= m.figures.length) {
        sink.error(
          where,
          `mention "${m.id}" has ${m.figures.length} figure${m.figures.length === 1 ? '' : 's'}: no index ${r.index}`,
          'indexes count from 0',
        );
      } else figures.push({ mention: m.id, index: r.index });
    }
    const unique = figures.filter(
      (f, k) => figures.findIndex((g) => g.mention === f.mention && g.index === f.index) === k,
    );
    return { ...step, mentions: ms, figures: unique };
  });
  return { briefing: { title: draft.title, steps, generated: false }, problems: sink.problems };
}

/** One step per corridor, then one per port, in geo/ order; each with its mentions' figures and quotes. */
export function defaultBriefing(features: readonly CorridorFeature[], joined: JoinedData): Briefing {
  const chosen = [
    ...features.filter((f) => f.properties.kind === 'corridor'),
    ...features.filter((f) => f.properties.kind === 'port'),
  ];
  const steps = chosen.map((f): BriefingStep => {
    const p = f.properties;
    const own = joined.mentions.filter((m) => m.featureIds.includes(p.id));
    const articles = new Set(own.map((m) => m.articleId)).size;
    const note = (lang: 'ru' | 'en') => {
      const t = strings(lang);
      const count =
        lang === 'ru'
          ? `Упоминаний: ${own.length}, статей: ${articles}.`
          : `${own.length} mention${own.length === 1 ? '' : 's'} in ${articles} article${articles === 1 ? '' : 's'}.`;
      return `${p.name[lang]}. ${t.status}: ${t.statuses[p.status]} (${p.statusAsOf}). ${count}`;
    };
    return {
      id: p.id,
      title: p.name,
      features: [p.id],
      mentions: own
        .filter((m) => m.figures.length === 0)
        .slice(0, 3)
        .map((m) => m.id),
      figures: own.flatMap((m) => m.figures.map((_, index) => ({ mention: m.id, index }))),
      notes: { ru: note('ru'), en: note('en') },
    };
  });
  return {
    title: { ru: 'Каспийские коридоры: обзор', en: 'Caspian corridors: an overview' },
    steps,
    generated: true,
  };
}
