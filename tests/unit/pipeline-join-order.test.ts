// The build joins each article as soon as it is read (ArticleJoin), in article id order, which need not be the
// order of the file names; the result must not depend on that, and a join that throws (a bug) names its files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAppData, buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import { ArticleJoin } from '../../src/pipeline/join.ts';
import type { ByteFile } from '../../src/pipeline/load.ts';

const GEO = 'geo';
const geoFile = (file: string): ByteFile => ({
  path: path.join(GEO, file),
  file,
  bytes: readFileSync(path.join(GEO, file)),
});
const geo = readdirSync(GEO)
  .filter((f) => f.endsWith('.geojson'))
  .sort()
  .map(geoFile);
const referencePoints = geoFile('reference-points.json');
const briefing = geoFile('briefing.json');
const seeds = readdirSync('geo/articles')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file): ByteFile => {
    const p = path.join('geo/articles', file);
    return { path: p, file, bytes: readFileSync(p) };
  });

afterEach(() => vi.restoreAllMocks());

describe('joining articles as they are read', () => {
  it('gives the same data whatever order the files come in, and lazily read files the same as read ones', () => {
    const fromDisk = buildAppDataFromDisk({ geoDir: GEO, articlesDir: 'geo/articles' });
    expect(fromDisk.data).not.toBeNull();
    const reversed = buildAppData({ geo, referencePoints, briefing, articles: [...seeds].reverse() });
    expect(reversed.data).toEqual(fromDisk.data);
    const lazy = seeds.map((f) => ({ path: f.path, file: f.file, read: () => f }));
    expect(buildAppData({ geo, referencePoints, briefing, articles: lazy }).data).toEqual(fromDisk.data);
  });

  it('names every article whose join throws, and gives no data', () => {
    const real = ArticleJoin.prototype.add;
    const broken = new Set([seeds[1]?.file, seeds[3]?.file].map((f) => f?.replace(/\.txt$/, '')));
    vi.spyOn(ArticleJoin.prototype, 'add').mockImplementation(function (this: ArticleJoin, parsed) {
      if (broken.has(parsed.article.id)) throw new Error('boom');
      real.call(this, parsed);
    });
    const result = buildAppData({ geo, referencePoints, briefing, articles: seeds });
    expect(result.data).toBeNull();
    const named = result.problems
      .filter((p) => p.message.includes('internal error while joining: boom'))
      .map((p) => p.file);
    expect(named).toEqual([seeds[1]?.path, seeds[3]?.path]);
  });
});
