// A sentence as literal text with slots: the one representation for sentences harvested from the seeds (where
// names, numbers, years and people were found and cut out) and for the hand-written frames of templates.ts
// (where they are written as markers). Filling the slots is render-sentence.ts's job.
import { CASES, type Case, type NameGroup } from './feature-names.ts';
import type { Gender, PersonCase } from './speakers.ts';

/** Quantities a frame may ask for; each has its own range and units (quantities.ts). */
export type QuantityKind = 'money' | 'tonnes' | 'teu' | 'km' | 'gw' | 'pct' | 'times' | 'count' | 'days';

export type Slot =
  | {
      kind: 'name';
      group: NameGroup;
      case: Case;
      /** names with the same ref in one sentence name the same feature: a seed's feature id, or "#1" in a frame */
      ref: string;
      /** which of the seed feature's names (in its group) the seed used; -1 in frames: any */
      variant: number;
      /** the seed's name was indeclinable, so its case is unknown: only an indeclinable name may replace it */
      indeclinable: boolean;
      capital: boolean;
    }
  | { kind: 'person'; gender: Gender; case: PersonCase; full: boolean }
  /** "500 миллионов", "1,5 млн", "1 млрд": a number with its magnitude word; the unit after it stays */
  | { kind: 'magnitude'; value: number }
  | { kind: 'percent'; value: number }
  /** "в 6 раз", "в три раза" */
  | { kind: 'times'; value: number }
  /** "224-километровой": the adjective's ending is kept */
  | { kind: 'km-adjective'; value: number; ending: string }
  /** "около 150": a count written with a qualifier */
  | { kind: 'count'; value: number }
  | { kind: 'year'; value: number }
  | { kind: 'quantity'; quantity: QuantityKind }
  | { kind: 'period'; period: 'past' | 'target'; capital: boolean };

export type Segment = string | Slot;

export interface SlottedSentence {
  segments: readonly Segment[];
}

const NAME_GROUPS: readonly NameGroup[] = [
  'corridor',
  'port',
  'port-town',
  'railway',
  'rail-route',
  'pipeline',
  'fiber-line',
  'fiber-cable',
  'power-cable',
  'ferry',
  'field',
];
const QUANTITIES: readonly QuantityKind[] = [
  'money',
  'tonnes',
  'teu',
  'km',
  'gw',
  'pct',
  'times',
  'count',
  'days',
];

/**
 * A frame: text with markers. `{port.gen}` is a port in the genitive, `{Port.nom}` the same capitalised,
 * `{port#2.acc}` a second, different port; `{money}` … `{days}` are quantities; `{past}` / `{Past}` a period
 * before the article's date, `{target}` / `{Target}` a deadline after it. A malformed marker is a bug in the
 * frame, so it throws.
 */
export function parseFrame(frame: string): SlottedSentence {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of frame.matchAll(/\{([^{}]+)\}/g)) {
    if (m.index > last) segments.push(frame.slice(last, m.index));
    segments.push(parseMarker(m[1] ?? '', frame));
    last = m.index + m[0].length;
  }
  if (last < frame.length) segments.push(frame.slice(last));
  return { segments };
}

function parseMarker(marker: string, frame: string): Slot {
  const lower = marker.charAt(0).toLowerCase() + marker.slice(1);
  const capital = lower !== marker;
  if (lower === 'past' || lower === 'target') return { kind: 'period', period: lower, capital };
  const quantity = QUANTITIES.find((q) => q === lower);
  if (quantity !== undefined) return { kind: 'quantity', quantity };
  const m = /^([a-z-]+)(?:#(\d))?\.([a-z]+)$/.exec(lower);
  const group = NAME_GROUPS.find((g) => g === m?.[1]);
  const grammaticalCase = CASES.find((c) => c === m?.[3]);
  if (!m || group === undefined || grammaticalCase === undefined) {
    throw new Error(`bad marker {${marker}} in frame: ${frame}`);
  }
  return {
    kind: 'name',
    group,
    case: grammaticalCase,
    ref: `#${group}${m[2] ?? '1'}`,
    variant: -1,
    indeclinable: false,
    capital,
  };
}
