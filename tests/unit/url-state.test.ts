import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import { parseUrlState, serializeUrlState } from '../../src/state/url.ts';

const known = {
  features: new Set(['rail-btk', 'port-kuryk']),
  articles: new Set(['000_a']),
  mentions: new Set(['000_a-p1-s0']),
};

describe('URL state', () => {
  it('round-trips selection, view, language and an open article', () => {
    const s = {
      lang: 'en' as const,
      view: 'figures' as const,
      selected: 'rail-btk',
      article: { articleId: '000_a', mentionId: '000_a-p1-s0' },
    };
    expect(serializeUrlState(s)).toBe('?f=rail-btk&a=000_a&m=000_a-p1-s0&view=figures&lang=en');
    expect(parseUrlState(serializeUrlState(s), known)).toEqual(s);
  });

  it('keeps the defaults for unknown or malformed values', () => {
    const defaults = { lang: 'ru', view: 'map', selected: null, article: null };
    expect(parseUrlState('?f=nope&lang=fr&a=zzz&m=1&view=globe', known)).toEqual(defaults);
    expect(parseUrlState('?f=%E0%A4%A&lang=', known)).toEqual(defaults);
    expect(serializeUrlState({ lang: 'ru', view: 'map', selected: null, article: null })).toBe('');
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

  it('toggles kinds in the legend order', () => {
    const store = createAppStore();
    store.getState().toggleKind('port');
    store.getState().toggleKind('rail');
    expect(store.getState().hiddenKinds).toEqual(['rail', 'port']);
    store.getState().toggleKind('port');
    expect(store.getState().hiddenKinds).toEqual(['rail']);
  });
});
