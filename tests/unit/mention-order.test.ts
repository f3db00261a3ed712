// The order of articles in the panels and in the feature pages (src/domain/mention-order.ts): the pipeline pages
// mentions in it at build time and the browser lists what it has loaded in it, so both must order alike on any
// machine, in any locale.
import { describe, expect, it } from 'vitest';
import { compareStrings } from '../../src/domain/compare-strings.ts';
import type { Article } from '../../src/domain/joined.ts';
import { articleChronology } from '../../src/domain/mention-order.ts';

const article = (id: string, date: string): Article => ({
  id,
  file: `${id}.txt`,
  date,
  source: null,
  title: null,
  author: null,
  url: null,
});

describe('articleChronology', () => {
  it('puts older articles first', () => {
    const list = [article('a', '2025-10-21'), article('b', '2024-01-05'), article('c', '2025-09-12')];
    expect([...list].sort(articleChronology).map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks ties of date by id in code-unit order, the order the join gives ids in', () => {
    // localeCompare puts "a…" before "B…" and ignores "-" against "_"; code units put "B" (66) before "a" (97)
    // and "-" (45) before "_" (95), whatever the locale.
    const ids = ['a-trend', 'B-baq', 'x_1', 'x-2', 'Z'];
    const list = ids.map((id) => article(id, '2025-10-21'));
    const sorted = [...list].sort(articleChronology).map((a) => a.id);
    expect(sorted).toEqual([...ids].sort(compareStrings));
    expect(sorted).toEqual(['B-baq', 'Z', 'a-trend', 'x-2', 'x_1']);
  });
});
