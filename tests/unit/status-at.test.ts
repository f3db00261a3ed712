import { describe, expect, it } from 'vitest';
import type { Milestone } from '../../src/domain/feature.ts';
import { endOf, overduePlans, sinceOf, startOf, statusAt } from '../../src/domain/status-at.ts';

const m = (date: string, extra: Partial<Milestone> = {}): Milestone => ({
  date,
  text: { ru: date, en: date },
  source: 'https://example.org/',
  ...extra,
});
const btk = {
  status: 'operational' as const,
  milestones: [
    m('2007-02-08', { status: 'agreed' }),
    m('2007-11-21', { status: 'under-construction' }),
    m('2017-10-30', { status: 'operational' }),
    m('2024-05-20'),
  ],
};

describe('status as of a date', () => {
  it('follows the status milestones', () => {
    expect(statusAt(btk, '2006-01-01')).toBeNull();
    expect(statusAt(btk, '2007-02-08')).toBe('agreed');
    expect(statusAt(btk, '2015-01-01')).toBe('under-construction');
    expect(statusAt(btk, '2017-10-30')).toBe('operational');
    expect(statusAt(btk, null)).toBe('operational');
  });

  it('keeps the current status for features without a history', () => {
    expect(statusAt({ status: 'planned', milestones: [m('2020')] }, '1990-01-01')).toBe('planned');
    expect(sinceOf({ status: 'planned' }, ['planned', 'agreed'])).toBe('0000-01-01');
  });

  it('gives the first day in a status group', () => {
    expect(sinceOf(btk, ['operational'])).toBe('2017-10-30');
    expect(sinceOf(btk, ['planned', 'agreed', 'proposed'])).toBe('2007-02-08');
  });

  it('reads partial dates as the start of events and the end of plans', () => {
    expect([startOf('2014'), startOf('2017-03'), endOf('2026'), endOf('2024-02'), endOf('2025-04')]).toEqual([
      '2014-01-01',
      '2017-03-01',
      '2026-12-31',
      '2024-02-29',
      '2025-04-30',
    ]);
  });

  it('flags a plan whose date passed without a milestone meeting it', () => {
    const line = {
      status: 'under-construction' as const,
      milestones: [
        m('2021-02', { status: 'under-construction' }),
        m('2025', { status: 'operational', plan: true }),
        m('2026', { status: 'operational', plan: true }),
      ],
    };
    expect(overduePlans(line, '2025-06-01')).toEqual([]);
    expect(overduePlans(line, '2026-01-01').map((x) => x.date)).toEqual(['2025']);
    expect(overduePlans(line, '2027-01-01').map((x) => x.date)).toEqual(['2025', '2026']);
    const met = { ...line, milestones: [...line.milestones, m('2026-06', { status: 'operational' })] };
    expect(overduePlans(met, '2027-01-01')).toEqual([]);
  });
});
