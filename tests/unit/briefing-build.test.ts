// A briefing step naming an unknown feature or mention fails a real Vite build, and the message names the step
// (issue 5, acceptance). Like build-fails.test.ts: geo/ is copied to a temporary project and broken there.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { corridorsData } from '../../src/pipeline/vite-plugin.ts';
import { tempProjects } from './temp-project.ts';

const project = tempProjects('corridors-briefing-');

interface RawStep {
  id: string;
  features: string[];
  mentions?: string[];
}

function editSteps(geo: string, change: (steps: RawStep[]) => void): void {
  const file = path.join(geo, 'briefing.json');
  const b = JSON.parse(readFileSync(file, 'utf8')) as { steps: RawStep[] };
  change(b.steps);
  writeFileSync(file, JSON.stringify(b, null, 2));
}

/** Builds and returns the error message, or the emitted core data (data/<hash>/core.json) when the build succeeds. */
async function buildResult(root: string): Promise<{ error: string } | { data: string }> {
  try {
    const out = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [
        corridorsData({ geoDir: path.join(root, 'geo'), articlesDir: path.join(root, 'geo', 'articles') }),
      ],
      build: { write: false, outDir: path.join(root, 'dist') },
    });
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []));
    const data = outputs.find((o) => /^data\/[^/]+\/core\.json$/.test(o.fileName));
    return { data: data && 'source' in data ? String(data.source) : '' };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe('the build checks geo/briefing.json', () => {
  it('fails on a step naming an unknown feature, naming the step and the feature', async () => {
    const root = project((geo) =>
      editSteps(geo, (steps) => {
        const s = steps[2];
        if (s === undefined) throw new Error('the briefing has fewer than 3 steps');
        s.features.push('rail-nowhere');
      }),
    );
    const r = await buildResult(root);
    expect('error' in r ? r.error : 'the build succeeded').toMatch(
      /error \S*briefing\.json \[step 3 "[a-z-]+"\]: unknown feature "rail-nowhere"/,
    );
  });

  it('fails on an unknown mention id', async () => {
    const root = project((geo) =>
      editSteps(geo, (steps) => {
        steps[0]?.mentions?.push('000_44a1ae32fa99ce26-p99-s0');
      }),
    );
    const r = await buildResult(root);
    expect('error' in r ? r.error : '').toMatch(
      /\[step 1 "[a-z-]+"\]: unknown mention "000_44a1ae32fa99ce26-p99-s0"/,
    );
  });

  it('generates a default briefing when the file is absent', async () => {
    const root = project((geo) => unlinkSync(path.join(geo, 'briefing.json')));
    const r = await buildResult(root);
    if (!('data' in r)) throw new Error(r.error);
    const data = JSON.parse(r.data) as { briefing: { generated: boolean; steps: { id: string }[] } };
    expect(data.briefing.generated).toBe(true);
    expect(data.briefing.steps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['corridor-titr', 'route-zangezur', 'port-aktau', 'port-kuryk']),
    );
  });
});
