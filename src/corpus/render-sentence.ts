// Fills a sentence's slots for one article: feature names (another feature of the same group, or another name of
// the same feature, in the slot's case), invented people, scaled numbers, shifted years, periods relative to the
// article's date.
import { type ArticleDate, pastPeriod, targetPeriod } from './dates.ts';
import { type DashStyle, type FeatureName, namesByFeature, withDashes } from './feature-names.ts';
import { drawQuantity, formatMagnitude, formatTimes, roundCount, scaleFactor } from './quantities.ts';
import type { Rng } from './rng.ts';
import type { Slot, SlottedSentence } from './slots.ts';
import type { Gender, Speaker } from './speakers.ts';

export interface ArticleContext {
  rng: Rng;
  date: ArticleDate;
  /** added to every year of a seed sentence (dates.ts, yearShift) */
  shift: number;
  dashes: DashStyle;
  /** the article's speaker of that gender, invented on first use so the article keeps one per gender */
  speaker(gender: Gender): Speaker;
}

/** How often a seed's feature stays itself (only its name may change): the seeds' own pairings stay common. */
const KEEP_FEATURE = 0.3;

type NameSlot = Extract<Slot, { kind: 'name' }>;

export function renderSentence(sentence: SlottedSentence, ctx: ArticleContext): string {
  const names = chooseNames(
    sentence.segments.filter((s): s is NameSlot => typeof s !== 'string' && s.kind === 'name'),
    ctx.rng,
  );
  let out = '';
  for (const segment of sentence.segments) {
    out += typeof segment === 'string' ? segment : renderSlot(segment, ctx, names);
  }
  return out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const nameKey = (slot: NameSlot) => `${slot.ref}|${slot.group}|${slot.variant}`;

function renderSlot(slot: Slot, ctx: ArticleContext, names: Map<string, FeatureName>): string {
  const { rng } = ctx;
  switch (slot.kind) {
    case 'name': {
      const name = names.get(nameKey(slot));
      const form = withDashes(name?.forms[slot.case] ?? '', ctx.dashes);
      return slot.capital ? capitalize(form) : form;
    }
    case 'person': {
      const speaker = ctx.speaker(slot.gender);
      return (slot.full ? speaker.full : speaker.surname)[slot.case];
    }
    case 'magnitude':
      return formatMagnitude(slot.value * scaleFactor(rng));
    case 'percent':
      return `${Math.min(99, Math.max(1, Math.round(slot.value * scaleFactor(rng))))}%`;
    case 'times':
      return formatTimes(rng, rng.int(2, 9));
    case 'km-adjective':
      return `${Math.max(10, Math.round(slot.value * scaleFactor(rng)))}-километров${slot.ending}`;
    case 'count':
      return String(roundCount(slot.value * scaleFactor(rng)));
    case 'year':
      return String(slot.value + ctx.shift);
    case 'quantity':
      return drawQuantity(rng, slot.quantity);
    case 'period': {
      const text = slot.period === 'past' ? pastPeriod(rng, ctx.date) : targetPeriod(rng, ctx.date);
      return slot.capital ? capitalize(text) : text;
    }
  }
}

/**
 * The name each name slot gets, keyed by ref, group and the seed's variant. Per ref (one feature of the seed, or
 * one feature a frame asks for) one target feature, different from the other refs' where possible. A seed feature
 * named twice under different names ("Транскаспийского … маршрута (Среднего коридора)") is an apposition: it
 * stays the same feature and only its names are shuffled. An indeclinable seed name (its case unknown) only gets
 * an indeclinable name.
 */
function chooseNames(slots: readonly NameSlot[], rng: Rng): Map<string, FeatureName> {
  const chosen = new Map<string, FeatureName>();
  if (slots.length === 0) return chosen;
  const byRef = new Map<string, NameSlot[]>();
  for (const slot of slots) byRef.set(slot.ref, [...(byRef.get(slot.ref) ?? []), slot]);
  const usedFeatures = new Set<string>();

  for (const [ref, refSlots] of byRef) {
    const groups = [...new Set(refSlots.map((s) => s.group))];
    // distinct names wanted per group: variant → indeclinable
    const wanted = new Map(
      groups.map((g) => [
        g,
        new Map(refSlots.filter((s) => s.group === g).map((s) => [s.variant, s.indeclinable])),
      ]),
    );
    const fromSeed = !ref.startsWith('#');
    const fits = (featureId: string) =>
      groups.every((g) => {
        const have = namesByFeature(g).get(featureId) ?? [];
        const want = wanted.get(g) ?? new Map<number, boolean>();
        const indeclinable = [...want.values()].filter(Boolean).length;
        return have.length >= want.size && have.filter((n) => n.indeclinable).length >= indeclinable;
      });
    const distinct = [...wanted.values()].reduce((sum, w) => sum + w.size, 0);
    const candidates = [...namesByFeature(groups[0] ?? 'corridor').keys()].filter(fits);
    const fresh = candidates.filter((f) => !usedFeatures.has(f));
    let target: string;
    if (fromSeed && (distinct > 1 || rng.chance(KEEP_FEATURE) || fresh.length === 0)) target = ref;
    else target = rng.pick(fresh.length > 0 ? fresh : candidates);
    usedFeatures.add(target);

    for (const g of groups) {
      const pool = rng.shuffle(namesByFeature(g).get(target) ?? []);
      const want = [...(wanted.get(g) ?? new Map<number, boolean>())].sort(
        ([, a], [, b]) => Number(b) - Number(a), // indeclinable first: they have fewer names to choose from
      );
      for (const [variant, indeclinable] of want) {
        const i = pool.findIndex((n) => !indeclinable || n.indeclinable);
        const [name] = pool.splice(Math.max(0, i), 1);
        if (name !== undefined) chosen.set(`${ref}|${g}|${variant}`, name);
      }
    }
  }
  return chosen;
}
