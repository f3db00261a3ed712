// geo/briefing.json: the shape, feature, mention and figure checks, the default briefing, and the real file.
import { describe, expect, it } from 'vitest';
import type { CorridorFeature } from '../../src/domain/feature.ts';
import type { JoinedData, Mention } from '../../src/domain/joined.ts';
import { buildAppDataFromDisk } from '../../src/pipeline/app-data.ts';
import { checkBriefingRefs, defaultBriefing, readBriefing } from '../../src/pipeline/briefing.ts';
import { formatProblems } from '../../src/pipeline/problems.ts';

const FILE = 'geo/briefing.json';
const features = new Set(['rail-btk', 'rail-tripp', 'port-kuryk', 'route-zangezur']);
const mention = (id: string, figures: number, featureIds: string[] = []): Mention => ({
  id,
  articleId: id.split('-')[0] ?? id,
  paragraph: 0,
  text: 'Предложение.',
  featureIds,
  quote: null,
  figures: Array.from({ length: figures }, (_, i) => ({
    value: i + 1,
    unit: 'km' as const,
    raw: `${i + 1} км`,
    qualifier: 'exact' as const,
    metric: 'line-length',
    period: null,
    kind: 'actual' as const,
  })),
});
const joined: JoinedData = {
  articles: [],
  mentions: [mention('a-p1-s0', 2, ['rail-btk']), mention('a-p2-s0', 0, ['port-kuryk'])],
  discrepancies: [],
};

const step = (over: Record<string, unknown>) => ({
  id: 'btk',
  title: { ru: 'БТК', en: 'BTK' },
  features: ['rail-btk'],
  ...over,
});
const file = (steps: unknown[]) => JSON.stringify({ title: { ru: 'Т', en: 'T' }, steps });

function check(text: string) {
  const read = readBriefing(FILE, text, features);
  const refs = read.draft === null ? null : checkBriefingRefs(FILE, read.draft, joined);
  const problems = [...read.problems, ...(refs?.problems ?? [])];
  return { briefing: refs?.briefing ?? null, problems, text: formatProblems(problems) };
}

describe('briefing.json', () => {
  it('reads a valid briefing and expands a mention id to all its figures', () => {
    const r = check(
      file([
        step({ mentions: ['a-p2-s0'], figures: ['a-p1-s0'], notes: { ru: 'заметки', en: 'notes' } }),
        step({ id: 'zangezur', features: ['route-zangezur'], figures: [{ mention: 'a-p1-s0', index: 1 }] }),
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.briefing?.steps.map((s) => s.figures)).toEqual([
      [
        { mention: 'a-p1-s0', index: 0 },
        { mention: 'a-p1-s0', index: 1 },
      ],
      [{ mention: 'a-p1-s0', index: 1 }],
    ]);
    expect(r.briefing?.steps[1]?.notes).toEqual({ ru: '', en: '' });
    expect(r.briefing?.generated).toBe(false);
  });

  it('names the step of an unknown feature and suggests the nearest id', () => {
    const r = check(file([step({}), step({ id: 'x' }), step({ id: 'zangezur', features: ['rail-trip'] })]));
    expect(r.text).toContain('error geo/briefing.json [step 3 "zangezur"]: unknown feature "rail-trip"');
    expect(r.text).toContain('did you mean "rail-tripp"?');
  });

  it('reports unknown mentions, figure indexes out of range and mentions without figures', () => {
    const r = check(
      file([
        step({
          mentions: ['a-p9-s9'],
          figures: [{ mention: 'a-p1-s0', index: 2 }, 'a-p2-s0', { mention: 'nope', index: 0 }],
        }),
      ]),
    );
    expect(r.text).toContain('[step 1 "btk"]: unknown mention "a-p9-s9"');
    expect(r.text).toContain('mention "a-p1-s0" has 2 figures: no index 2');
    expect(r.text).toContain('mention "a-p2-s0" has no figures');
    expect(r.text).toContain('unknown mention "nope"');
  });

  it('reports bad shapes: ids, duplicates, titles, lists, unknown keys, no steps', () => {
    const r = check(
      file([
        step({ id: 'Not Kebab' }),
        step({ id: 'btk' }),
        step({ id: 'btk', title: { ru: '' }, features: 'rail-btk', featurs: [] }),
      ]),
    );
    expect(r.text).toContain('[step 1 "Not Kebab"]: "id" must be kebab-case');
    expect(r.text).toContain('[step 3 "btk"]: id "btk" is also used by step 2');
    expect(r.text).toContain('[step 3 "btk"]: "title" needs a non-empty "ru" text');
    expect(r.text).toContain('"features" must be a list of ids');
    expect(r.text).toMatch(/warning .*unknown key "featurs" is ignored \(hint: did you mean "features"\?\)/);
    expect(check(file([])).text).toContain('"steps" must be a non-empty list');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const r = check('{\n  "title": { "ru": "Т", "en": "T" },\n  "steps": [ , ]\n}');
    expect(r.problems[0]).toMatchObject({ level: 'error', file: FILE, line: 3 });
  });

  it('generates one step per corridor and per port when there is no file', () => {
    const f = (id: string, kind: CorridorFeature['properties']['kind']): CorridorFeature =>
      ({
        type: 'Feature',
        id,
        geometry: null,
        properties: { id, kind, name: { ru: id, en: id }, status: 'operational', statusAsOf: '2025' },
      }) as CorridorFeature;
    const b = defaultBriefing(
      [f('rail-btk', 'rail'), f('port-kuryk', 'port'), f('corridor-x', 'corridor')],
      joined,
    );
    expect(b.generated).toBe(true);
    expect(b.steps.map((s) => s.id)).toEqual(['corridor-x', 'port-kuryk']);
    expect(b.steps[1]?.mentions).toEqual(['a-p2-s0']);
    expect(b.steps[1]?.notes.en).toContain('1 mention in 1 article');
  });

  it('builds the real geo/briefing.json without problems', () => {
    const r = buildAppDataFromDisk({ geoDir: 'geo', articlesDir: 'geo/articles' });
    expect(formatProblems(r.problems.filter((p) => p.file.endsWith('briefing.json')))).toBe('');
    const steps = r.data?.briefing.steps ?? [];
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.length).toBeLessThanOrEqual(8);
    for (const s of steps) {
      expect(s.title.ru).not.toBe('');
      expect(s.notes.en).not.toBe('');
    }
  });
});
