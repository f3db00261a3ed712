// Search as the press writes names: inflected, abbreviated, transliterated; sentences, speakers and figures too.
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/data/catalog.ts';
import { buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import { queryKeys, toCyrillic } from '../../src/search/keys.ts';
import { buildSearchIndex, lazySearchIndex, type SearchResult } from '../../src/search/search-index.ts';

const built = buildAppDataFromDisk({ geoDir: 'geo', articlesDir: 'geo/articles' });
if (built.data === null) throw new Error('geo/ is invalid');
const index = buildSearchIndex(createCatalog(built.data));
const featureIds = (q: string) =>
  index
    .search(q, 'ru')
    .filter((r) => r.kind === 'feature')
    .map((r) => r.id);

describe('search keys', () => {
  it('reads Latin typing as Cyrillic', () => {
    expect(toCyrillic('btk')).toBe('бтк');
    expect(toCyrillic('kuryk')).toBe('курык');
    expect(toCyrillic('zhezkazgan')).toBe('жезказган');
    expect(toCyrillic('курык')).toBeNull();
  });
  it('stems Russian words but keeps short ones whole', () => {
    expect(queryKeys('курыка')).toContain('курык');
    expect(queryKeys('баку')).toEqual(['баку']);
  });
});

describe('search', () => {
  it.each([
    ['Курыка', 'port-kuryk'],
    ['порта Курык', 'port-kuryk'],
    ['БТК', 'rail-btk'],
    ['btk', 'rail-btk'],
    ['Средним коридором', 'corridor-titr'],
    ['ТМТМ', 'corridor-titr'],
    ['Middle Corridor', 'corridor-titr'],
    ['Зангезурского', 'route-zangezur'],
    ['БТД', 'pipeline-btc'],
    ['ВОЛС', 'cable-caspian-fiber'],
    ['aktau', 'port-aktau'],
  ])('%s finds %s', (q, id) => {
    expect(featureIds(q)).toContain(id);
  });

  it('finds sentences and quotes by their words in any form', () => {
    const r = index.search('товарооборота', 'ru').filter((x) => x.kind === 'mention');
    expect(r.length).toBeGreaterThan(1);
    expect(r.every((x) => /товарооборот/i.test(x.label))).toBe(true);
  });

  it('finds speakers, in any case of the name', () => {
    const r = index.search('Полетаева', 'ru').filter((x) => x.kind === 'speaker');
    expect(r.map((x) => x.id)).toEqual(['Эдуард Полетаев']);
  });

  it('finds figures by their digits', () => {
    const r = index.search('547', 'ru').filter((x) => x.kind === 'figure');
    expect(r.length).toBe(2);
    expect(r.every((x) => x.mentionId !== null)).toBe(true);
  });

  it('answers nothing for nothing, and caps each group', () => {
    expect(index.search('   ', 'ru')).toEqual([]);
    expect(index.search('а', 'ru', 3).filter((x) => x.kind === 'mention').length).toBeLessThanOrEqual(3);
  });
});

describe('lazySearchIndex', () => {
  it('builds the index on the first search, once', () => {
    let builds = 0;
    const index = lazySearchIndex(() => {
      builds++;
      return { search: (q) => [{ kind: 'feature', label: q } as unknown as SearchResult] };
    });
    expect(builds).toBe(0);
    expect(index.built).toBe(false);
    expect(index.search('Актау', 'ru')).toHaveLength(1);
    expect(index.built).toBe(true);
    index.search('Баку', 'ru');
    expect(builds).toBe(1);
  });
});
