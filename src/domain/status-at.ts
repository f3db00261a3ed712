// A feature's status on a given date, from the milestones that record status changes, and the plans whose date
// has passed without a milestone saying they were met. Dates are YYYY, YYYY-MM or YYYY-MM-DD; an event dated by
// year or month counts from the start of it, a plan dated by year or month is due at the end of it.
import { compareStrings } from './compare-strings.ts';
import type { CorridorProperties, Milestone, Status } from './feature.ts';

/** Statuses as the map draws and filters them: built, being built, or not yet begun. */
export const STATUS_GROUPS = ['operational', 'construction', 'planned'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export const STATUS_GROUP: Record<Status, StatusGroup> = {
  operational: 'operational',
  'under-construction': 'construction',
  planned: 'planned',
  agreed: 'planned',
  proposed: 'planned',
};

export const GROUP_STATUSES: Record<StatusGroup, Status[]> = {
  operational: ['operational'],
  construction: ['under-construction'],
  planned: ['planned', 'agreed', 'proposed'],
};

export function startOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

export function endOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y = 0, m = 1] = date.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}

type StatusHistory = Pick<CorridorProperties, 'status' | 'milestones'>;

const changes = (p: StatusHistory): (Milestone & { status: Status })[] =>
  (p.milestones ?? [])
    .filter((m): m is Milestone & { status: Status } => m.status !== undefined && m.plan !== true)
    .sort((a, b) => compareStrings(startOf(a.date), startOf(b.date)));

/** The status on `date` (YYYY-MM-DD), or null when the feature did not exist yet. No history: always `status`. */
export function statusAt(p: StatusHistory, date: string | null): Status | null {
  const history = changes(p);
  if (date === null || history.length === 0) return p.status;
  let current: Status | null = null;
  for (const m of history) if (startOf(m.date) <= date) current = m.status;
  return current;
}

/** The first date on which the feature had a status of the group, or null if it never had. */
export function sinceOf(p: StatusHistory, statuses: readonly Status[]): string | null {
  const history = changes(p);
  if (history.length === 0) return statuses.includes(p.status) ? '0000-01-01' : null;
  const first = history.find((m) => statuses.includes(m.status));
  return first === undefined ? null : startOf(first.date);
}

/** Plans due by `date` whose promised status no milestone up to `date` records. */
export function overduePlans(p: StatusHistory, date: string): Milestone[] {
  const done = changes(p).filter((m) => startOf(m.date) <= date);
  return (p.milestones ?? []).filter(
    (m) =>
      m.plan === true &&
      m.status !== undefined &&
      endOf(m.date) < date &&
      !done.some((d) => d.status === m.status),
  );
}
