// The data split for the browser (issue 8): a first view that does not grow with the corpus, pieces that together
// are the whole join, and a catalog that, fed the pieces in any order, answers as the catalog of the whole does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/data/catalog.ts';
import { createLoader } from '../../src/data/loader.ts';
import type { AppData } from '../../src/domain/app-data.ts';
import {
  type CoreData,
  type DataShard,
  FEATURE_PAGE,
  OVERVIEW_LIMIT,
  SHARD_FILES,
} from '../../src/domain/shards.ts';
import { buildBasemap, serializeBasemap } from '../../src/pipeline/basemap.ts';
import { dataFiles } from '../../src/pipeline/data-files.ts';
import { splitAppData } from '../../src/pipeline/shards.ts';
import { corpusAppData, seedAppData } from '../browser/seed-data.ts';

const work = mkdtempSync(path.join(tmpdir(), 'corridors-shards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seeds = seedAppData();
// Enough for several pages of the busiest features and many discrepancies, small enough to ingest in seconds.
const large = corpusAppData(path.join(work, 'c1500'), 1500, 7);
const basemap = serializeBasemap(buildBasemap());
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

function fetcherOf(data: AppData) {
  const { files } = dataFiles(data, basemap);
  const core = JSON.parse(files.get(SHARD_FILES.core) ?? '') as CoreData;
  const fetched: string[] = [];
  const fetchShard = async (file: string): Promise<DataShard> => {
    fetched.push(file);
    const text = files.get(file);
    if (text === undefined) throw new Error(`${file}: not found`);
    return JSON.parse(text) as DataShard;
  };
  return { files, core, fetched, fetchShard };
}

describe('the first view', () => {
  it('holds no article text and no more than the newest articles, whatever the corpus', () => {
    for (const data of [seeds, large]) {
      const { core } = splitAppData(data);
      expect(core.preload.texts).toEqual([]);
      expect(core.summary.articles).toBe(data.joined.articles.length);
      expect(core.summary.mentions).toBe(data.joined.mentions.length);
      // The newest articles, the newest unattached figure sentences, what the briefing cites, and the two sides of
      // the small discrepancies among them: bounded by the briefing and OVERVIEW_LIMIT, not by the corpus.
      expect(core.preload.articles.length).toBeLessThanOrEqual(OVERVIEW_LIMIT * 4 + 10);
      expect(core.preload.mentions.length).toBeLessThanOrEqual(OVERVIEW_LIMIT * 4 + 40);
    }
  });

  it('loads at most 10% more data with 1,500 articles than with five (core and basemap, gzip)', () => {
    const firstView = (data: AppData) => {
      const { files } = dataFiles(data, basemap);
      return gz(files.get(SHARD_FILES.core) ?? '') + gz(basemap);
    };
    const ratio = firstView(large) / firstView(seeds);
    console.info(
      `first view: seeds ${firstView(seeds)} B, 1,500 articles ${firstView(large)} B, ×${ratio.toFixed(3)}`,
    );
    expect(ratio).toBeLessThanOrEqual(1.1);
  });
});

describe('the pieces', () => {
  it('page every feature in panel order, FEATURE_PAGE at a time, each mention once per feature it names', () => {
    const { features } = splitAppData(large);
    const full = createCatalog(structuredClone(large));
    let paged = 0;
    for (const [id, pages] of features) {
      const order = full.mentionsOf(id).map((m) => m.id);
      // Page k holds the k-th FEATURE_PAGE of the panel's order (within a page, the corpus's order).
      pages.forEach((p, k) => {
        expect(p.mentions.length).toBeLessThanOrEqual(FEATURE_PAGE);
        expect(p.mentions.map((m) => m.id).sort(), `${id} page ${k}`).toEqual(
          order.slice(k * FEATURE_PAGE, (k + 1) * FEATURE_PAGE).sort(),
        );
      });
      expect(pages).toHaveLength(Math.max(1, Math.ceil(order.length / FEATURE_PAGE)));
      if (pages.length > 1) paged++;
    }
    expect(paged, 'features with more than one page').toBeGreaterThan(0);
  });

  it('give an article its text and all its mentions', () => {
    const { articles } = splitAppData(large);
    for (const a of large.joined.articles.slice(0, 50)) {
      const shard = articles.get(a.id);
      expect(shard?.texts.map((t) => t.articleId)).toEqual([a.id]);
      expect(shard?.mentions.map((m) => m.id)).toEqual(
        large.joined.mentions.filter((m) => m.articleId === a.id).map((m) => m.id),
      );
    }
  });

  it('merged in any order, answer as the whole join does', async () => {
    const { core, fetchShard, fetched } = fetcherOf(large);
    const loader = createLoader(core, fetchShard);
    const full = createCatalog(structuredClone(large));
    const ids = large.features.features.map((f) => f.properties.id);
    // Backwards, and article pieces in between: the catalog must not depend on the order pieces arrive in.
    for (const id of [...ids].reverse()) {
      await loader.feature(id);
      while (loader.featureLoadedThrough(id) !== Number.POSITIVE_INFINITY) await loader.featureMore(id);
    }
    for (const a of large.joined.articles.slice(0, 30)) await loader.article(a.id);
    expect(loader.corpusLoaded()).toBe(false);
    expect(fetched).not.toContain(SHARD_FILES.corpus);
    for (const id of ids)
      expect(
        loader.catalog.mentionsOf(id).map((m) => m.id),
        id,
      ).toEqual(full.mentionsOf(id).map((m) => m.id));
    const a = large.joined.articles[3]?.id ?? '';
    expect(loader.catalog.text(a)).toEqual(full.text(a));
    expect(loader.catalog.featuresOfArticle(a)).toEqual(full.featuresOfArticle(a));

    await loader.corpus();
    expect(loader.catalog.data.joined.mentions.map((m) => m.id)).toEqual(
      large.joined.mentions.map((m) => m.id),
    );
    expect(loader.catalog.data.joined.articles.map((x) => x.id)).toEqual(
      large.joined.articles.map((x) => x.id),
    );
    expect(loader.catalog.data.joined.discrepancies).toHaveLength(large.joined.discrepancies.length);
    expect(loader.catalog.figures()).toHaveLength(full.figures().length);
  });

  it('fetch each file once, and a file that failed again when asked again', async () => {
    const { core, fetchShard, fetched } = fetcherOf(seeds);
    let fail = true;
    const flaky = (file: string) => (fail ? Promise.reject(new Error('offline')) : fetchShard(file));
    const loader = createLoader(core, flaky);
    await expect(loader.feature('port-kuryk')).rejects.toThrow('offline');
    expect(loader.featureLoaded('port-kuryk')).toBe(false);
    fail = false;
    await Promise.all([loader.feature('port-kuryk'), loader.feature('port-kuryk')]);
    await loader.feature('port-kuryk');
    expect(loader.featureLoaded('port-kuryk')).toBe(true);
    expect(fetched.filter((f) => f === SHARD_FILES.feature('port-kuryk', 0))).toHaveLength(1);
  });

  it('live under a folder named by their content', () => {
    const a = dataFiles(seeds, basemap).base;
    expect(a).toMatch(/^data\/[0-9a-f]{12}\/$/);
    expect(dataFiles(seeds, basemap).base).toBe(a);
    expect(dataFiles(large, basemap).base).not.toBe(a);
  });
});
