// The goals of the performance issue, checked against the figures. A goal passes only on evidence: a figure that
// is missing (not measured, the app stalled) or only a bound (a run stopped at its time limit) fails it.
import type { BenchFigures, CorpusFigures } from './figures.ts';
import { KB } from './figures.ts';
import type { Section } from './options.ts';
import { ratio } from './stats.ts';

export interface Goal {
  name: string;
  /** the corpus it was measured on, or both ("10k / seeds") */
  corpus: string;
  /** NaN: not measured */
  value: number;
  /** '>' or '<': value is only a bound (the true figure is larger or smaller) */
  bound: '' | '<' | '>';
  cmp: '<=' | '>=';
  limit: number;
  /** how value and limit print */
  unit: 'KB' | 'ratio' | 'frames' | 'articles/s' | 'ms';
  pass: boolean;
}

function goal(
  name: string,
  corpus: string,
  value: number,
  cmp: Goal['cmp'],
  limit: number,
  unit: Goal['unit'],
  bound: Goal['bound'] = '',
): Goal {
  const pass = bound === '' && Number.isFinite(value) && (cmp === '<=' ? value <= limit : value >= limit);
  return { name, corpus, value, bound, cmp, limit, unit, pass };
}

const NONE = Number.NaN;

function perCorpus(c: CorpusFigures, only: readonly Section[]): Goal[] {
  const out: Goal[] = [];
  if (only.includes('sizes')) {
    const s = c.sizes;
    // Without a first idle the responses are those until the time limit: more may have come.
    const b = s?.reachedIdle === false ? '>' : '';
    out.push(goal('own JS gzip', c.label, s ? s.byClass['own-js'].gzip / KB : NONE, '<=', 60, 'KB', b));
    out.push(goal('first-view data gzip', c.label, s ? s.byClass.data.gzip / KB : NONE, '<=', 150, 'KB', b));
  }
  if (only.includes('load'))
    out.push(goal('load: app / bare MapLibre (median)', c.label, c.load?.ratio ?? NONE, '<=', 1.3, 'ratio'));
  if (only.includes('click'))
    out.push(
      goal('click: frames to the panel (max)', c.label, c.click?.maxPanelFrames ?? NONE, '<=', 2, 'frames'),
    );
  if (only.includes('memory'))
    out.push(
      goal('heap: 100 cycles / after the first', c.label, c.memory?.ratio ?? NONE, '<=', 1.1, 'ratio'),
    );
  // Results live as the reader types: every keystroke answered within 50 ms (half the 100 ms in which a response
  // feels immediate), whatever the size of the corpus.
  if (only.includes('search'))
    out.push(goal('search: a keystroke (max)', c.label, c.search?.maxMs ?? NONE, '<=', 50, 'ms'));
  return out;
}

export function checkGoals(f: BenchFigures, only: readonly Section[]): Goal[] {
  const out = [...perCorpus(f.seeds, only), ...perCorpus(f.large, only)];
  if (only.includes('sizes')) {
    const s = f.seeds.sizes;
    const l = f.large.sizes;
    // A stalled seed app leaves no baseline; a stalled large app still bounds the growth from below.
    const growth = s?.reachedIdle && l ? ratio(l.byClass.data.gzip, s.byClass.data.gzip) : NONE;
    const b = l?.reachedIdle === false ? '>' : '';
    out.push(goal('first-view data growth', `${f.large.label} / seeds`, growth, '<=', 1.1, 'ratio', b));
  }
  if (only.includes('ingest')) {
    // Judged on the large corpus only: on five articles, reading and validating geo/ is nearly all the time.
    const l = f.large.ingest;
    const q = f.quarter;
    out.push(
      goal(
        'ingest throughput (one core)',
        f.large.label,
        l?.articlesPerSec ?? NONE,
        '>=',
        2000,
        'articles/s',
        l?.timedOut ? '<' : '',
      ),
    );
    // A stopped full run still bounds the ratio from below; a stopped quarter leaves nothing to divide by.
    const scaling = l && q && !q.timedOut ? ratio(l.ms, q.ms) : NONE;
    out.push(
      goal('ingest scaling t(n) / t(n/4)', f.large.label, scaling, '<=', 5, 'ratio', l?.timedOut ? '>' : ''),
    );
  }
  return out;
}
