import { describe, expect, it } from 'vitest';
import { createAppStore, NO_FILTERS } from '../../src/state/store.ts';
import { parseUrlState, serializeUrlState } from '../../src/state/url.ts';

const known = {
  features: new Set(['rail-btk', 'port-kuryk']),
  articles: new Set(['000_a']),
  mentions: new Set(['000_a-p1-s0']),
  outlets: new Set(['Trend', 'Day.Az', '']),
};
const defaults = { lang: 'ru', view: 'map', selected: null, article: null, ...NO_FILTERS };

describe('URL state', () => {
  it('round-trips selection, view, language, an open article, filters and the as-of date', () => {
    const s = {
      lang: 'en' as const,
      view: 'figures' as const,
      selected: 'rail-btk',
      article: { articleId: '000_a', mentionId: '000_a-p1-s0' },
      hiddenKinds: ['rail' as const, 'port' as const],
      hiddenGroups: ['planned' as const],
      hiddenOutlets: ['', 'Trend'],
      dateFrom: '2025-10-01',
      dateTo: '2025-10-31',
      filterMode: 'dim' as const,
      asOf: '2015-01-01',
    };
    const url = serializeUrlState(s);
    expect(url).toBe(
      '?f=rail-btk&a=000_a&m=000_a-p1-s0&view=figures&lang=en&hk=rail%2Cport&hs=planned&ho=-%2CTrend' +
        '&from=2025-10-01&to=2025-10-31&mode=dim&asof=2015-01-01',
    );
    expect(parseUrlState(url, known)).toEqual(s);
  });

  it('keeps the defaults for unknown or malformed values', () => {
    expect(parseUrlState('?f=nope&lang=fr&a=zzz&m=1&view=globe', known)).toEqual(defaults);
    expect(parseUrlState('?f=%E0%A4%A&lang=', known)).toEqual(defaults);
    expect(
      parseUrlState(
        '?hk=rail,nonsense,,&hs=built&ho=Unknown.kz&from=2025-13-01&to=yesterday&mode=blur&asof=1e9',
        known,
      ),
    ).toEqual({ ...defaults, hiddenKinds: ['rail'] });
    expect(serializeUrlState(defaults as Parameters<typeof serializeUrlState>[0])).toBe('');
  });

  it('reads a reversed date range as the reader meant it', () => {
    const s = parseUrlState('?from=2025-10-31&to=2025-09-01', known);
    expect([s.dateFrom, s.dateTo]).toEqual(['2025-09-01', '2025-10-31']);
  });

  it('drops an unknown mention but keeps a known article', () => {
    expect(parseUrlState('?a=000_a&m=bad', known).article).toEqual({ articleId: '000_a', mentionId: null });
  });
});

describe('store', () => {
  it('tags every change with its origin and closes the article and chooser on a new selection', () => {
    const store = createAppStore();
    store.getState().openArticle({ articleId: '000_a', mentionId: null }, 'panel');
    store.getState().openChooser({ ids: ['a', 'b'], point: { x: 1, y: 2 } });
    store.getState().select('rail-btk', 'map');
    const s = store.getState();
    expect([s.selected, s.article, s.chooser, s.origin]).toEqual(['rail-btk', null, null, 'map']);
  });

  it('toggles kinds, status groups and outlets in a stable order', () => {
    const store = createAppStore();
    store.getState().toggleKind('port');
    store.getState().toggleKind('rail');
    expect(store.getState().hiddenKinds).toEqual(['rail', 'port']);
    store.getState().toggleKind('port');
    expect(store.getState().hiddenKinds).toEqual(['rail']);
    store.getState().toggleGroup('planned');
    store.getState().toggleGroup('operational');
    expect(store.getState().hiddenGroups).toEqual(['operational', 'planned']);
    store.getState().toggleOutlet('Trend');
    store.getState().toggleOutlet('');
    expect(store.getState().hiddenOutlets).toEqual(['', 'Trend']);
  });
});
