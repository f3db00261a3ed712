import { describe, expect, it } from 'vitest';
import { findEvents } from '../../src/pipeline/events.ts';

describe('dated events in sentences', () => {
  it.each([
    [
      'контракт на реализацию которого был подписан в марте 2025 года в Баку',
      [['2025-03', 'марте 2025 года']],
    ],
    ['Завершение проекта запланировано на конец 2026 года.', [['2026', 'на конец 2026 года']]],
    ['В мае 2005 года в Баку был подписан Договор', [['2005-05', 'мае 2005 года']]],
    ['В 2024 году объем транзитных перевозок превысил 3,5 миллиона тонн', [['2024', 'В 2024 году']]],
    ['Анкара анонсировала о начале строительства в этом году ветки', [['2025', 'в этом году']]],
    ['20-21 октября Президент посетит Казахстан', [['2025-10', '20-21 октября']]],
    ['Программа на 2022-2026 годы и 224-километровая ветка', []],
  ])('%s', (sentence, expected) => {
    expect(findEvents(sentence, '2025-10-21').map((e) => [e.date, e.raw])).toEqual(expected);
  });

  // Near-misses of every pattern: month words without a year, numbers without a month, "в" without a year.
  it.each([
    ['months without years', 'в марте '],
    ['day numbers', '20-21 '],
    ['years without году', 'в 2024 '],
    ['spaces', '   '],
  ])('is linear in the length of the text: %s', (_name, unit) => {
    const best = (text: string, runs: number) => {
      let t = Number.POSITIVE_INFINITY;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        findEvents(text, '2025-10-21');
        t = Math.min(t, performance.now() - t0);
      }
      return t;
    };
    const n = 20_000;
    best(unit.repeat(n / 4), 1);
    const small = best(unit.repeat(n), 7);
    const large = best(unit.repeat(8 * n), 3);
    // Linear work gives about 8×, quadratic about 64×; the comparison does not depend on the machine's speed.
    expect(large).toBeLessThan(24 * small + 30);
  });
});
