// Bad curated data fails a real Vite build, and the message names the file and the feature (issue 2, acceptance 4).
// Each case copies geo/ to a temporary project, breaks one thing, and builds it with the project's plugin.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import type { CorridorCollection } from '../../src/domain/feature.ts';
import { corridorsData } from '../../src/pipeline/vite-plugin.ts';
import { tempProjects } from './temp-project.ts';

const project = tempProjects('corridors-build-');

function edit(file: string, change: (fc: CorridorCollection) => void): void {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as CorridorCollection;
  change(fc);
  writeFileSync(file, JSON.stringify(fc, null, 2));
}

async function buildError(root: string): Promise<string> {
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [
        corridorsData({ geoDir: path.join(root, 'geo'), articlesDir: path.join(root, 'geo', 'articles') }),
      ],
      build: { write: false, outDir: path.join(root, 'dist') },
    });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return 'the build succeeded';
}

describe('the build fails on bad geo/ data', () => {
  it('builds the real geo/ without errors', async () => {
    await expect(buildError(project(() => {}))).resolves.toBe('the build succeeded');
  });

  it('fails on a port with swapped coordinates', async () => {
    const root = project((geo) =>
      edit(path.join(geo, 'ports.geojson'), (fc) => {
        const f = fc.features.find((x) => x.id === 'port-kuryk');
        if (f?.geometry?.type !== 'Point') throw new Error('port-kuryk is not a point');
        f.geometry.coordinates = [f.geometry.coordinates[1] ?? 0, f.geometry.coordinates[0] ?? 0];
      }),
    );
    const message = await buildError(root);
    expect(message).toMatch(/ports\.geojson.*\[port-kuryk\]/);
    expect(message).toContain('swapped');
  });

  it('fails on a duplicate id, naming both files', async () => {
    const root = project((geo) => {
      const btk = (
        JSON.parse(readFileSync(path.join(geo, 'rail.geojson'), 'utf8')) as CorridorCollection
      ).features.find((f) => f.id === 'rail-btk');
      if (btk === undefined) throw new Error('no rail-btk');
      edit(path.join(geo, 'pipelines.geojson'), (fc) => fc.features.push(btk));
    });
    const message = await buildError(root);
    expect(message).toMatch(/\[rail-btk\]/);
    expect(message).toContain('pipelines.geojson');
    expect(message).toContain('rail.geojson');
  });

  it('fails on a partOf that names no feature', async () => {
    const root = project((geo) =>
      edit(path.join(geo, 'rail.geojson'), (fc) => {
        const f = fc.features.find((x) => x.id === 'rail-btk');
        f?.properties.partOf.push('corridor-nowhere');
      }),
    );
    const message = await buildError(root);
    expect(message).toMatch(/rail\.geojson.*\[rail-btk\]/);
    expect(message).toContain('corridor-nowhere');
  });
});
