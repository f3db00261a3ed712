// Briefing mode's state outside the browser: the URL (?mode=briefing&step=N), the store's mode and step, step
// clamping, the presenter protocol's message check and the presenter clock's format.
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/domain/briefing.ts';
import { isBriefingMessage } from '../../src/modes/briefing-channel.ts';
import { clampStep } from '../../src/modes/briefing-steps.ts';
import { formatElapsed } from '../../src/modes/briefing-strings.ts';
import { createAppStore, NO_FILTERS } from '../../src/state/store.ts';
import { parseUrlState, serializeUrlState } from '../../src/state/url.ts';

const known = {
  features: new Set(['rail-btk']),
  articles: new Set<string>(),
  mentions: new Set<string>(),
  steps: 7,
};
const base = { lang: 'ru' as const, view: 'map' as const, selected: null, article: null, ...NO_FILTERS };

describe('briefing in the URL', () => {
  it('round-trips mode=briefing&step=N', () => {
    const url = serializeUrlState({ ...base, mode: 'briefing', step: 3 });
    expect(url).toBe('?mode=briefing&step=3');
    expect(parseUrlState(url, known)).toEqual({ ...base, mode: 'briefing', step: 3 });
  });

  it('keeps the dim filter mode beside briefing mode, in either order', () => {
    const url = serializeUrlState({ ...base, filterMode: 'dim', mode: 'briefing', step: 2, lang: 'en' });
    expect(url).toBe('?mode=briefing&step=2&lang=en&mode=dim');
    expect(parseUrlState(url, known)).toMatchObject({ filterMode: 'dim', mode: 'briefing', step: 2 });
    expect(parseUrlState('?mode=dim&step=4&mode=briefing', known)).toMatchObject({
      filterMode: 'dim',
      mode: 'briefing',
      step: 4,
    });
  });

  it('reads a missing, malformed or out-of-range step as 1', () => {
    for (const q of [
      '?mode=briefing',
      '?mode=briefing&step=0',
      '?mode=briefing&step=8',
      '?mode=briefing&step=2.5',
      '?mode=briefing&step=x',
    ]) {
      expect(parseUrlState(q, known)).toMatchObject({ mode: 'briefing', step: 1 });
    }
  });

  it('ignores a step outside briefing mode, and briefing mode without a briefing', () => {
    expect(parseUrlState('?step=3', known)).toEqual(base);
    expect(parseUrlState('?mode=briefing&step=3', { ...known, steps: 0 })).toEqual(base);
    expect(serializeUrlState({ ...base, mode: 'explore', step: 5 })).toBe('');
  });

  it('restoring a URL without mode leaves briefing mode', () => {
    const store = createAppStore();
    store.getState().setMode('briefing', 'panel', 4);
    expect(store.getState()).toMatchObject({ mode: 'briefing', step: 4 });
    store.getState().restore(parseUrlState('?f=rail-btk', known));
    expect(store.getState()).toMatchObject({ mode: 'explore', step: 1, selected: 'rail-btk', origin: 'url' });
  });
});

describe('briefing helpers', () => {
  const briefing = {
    title: { ru: '', en: '' },
    steps: [{}, {}, {}],
    generated: false,
  } as unknown as Briefing;

  it('keeps steps inside the briefing', () => {
    expect([-1, 0, 1, 2, 3, 4, 2.7, Number.NaN].map((n) => clampStep(briefing, n))).toEqual([
      1, 1, 1, 2, 3, 3, 2, 1,
    ]);
  });

  it('accepts only well-formed presenter messages', () => {
    expect(isBriefingMessage({ v: 1, from: 'a', type: 'hello' })).toBe(true);
    expect(isBriefingMessage({ v: 1, from: 'a', type: 'step', step: 2, lang: 'en', active: true })).toBe(
      true,
    );
    expect(isBriefingMessage({ v: 1, from: 'a', type: 'step', step: 2.5, lang: 'en', active: true })).toBe(
      false,
    );
    expect(isBriefingMessage({ v: 1, from: 'a', type: 'step', step: 2, lang: 'de', active: true })).toBe(
      false,
    );
    expect(isBriefingMessage({ v: 2, from: 'a', type: 'hello' })).toBe(false);
    expect(isBriefingMessage('step 2')).toBe(false);
  });

  it('formats the presenter clock', () => {
    expect([0, 999, 75_000, 3_600_000 + 61_000].map(formatElapsed)).toEqual([
      '00:00',
      '00:00',
      '01:15',
      '1:01:01',
    ]);
  });
});
