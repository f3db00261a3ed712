// Targeted checks of validateGeo beyond the fixture snapshots: the structured fields of a problem, the JSON
// error locator, and behaviours that are easier to state inline than as files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatProblems,
  GeoValidationError,
  hasErrors,
  type Problem,
  syntaxErrorOffset,
  validateGeo,
} from '../../src/pipeline/validate.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/validate');

function fixture(name: string, file: string): { file: string; text: string } {
  return { file: `geo/${file}`, text: readFileSync(join(FIXTURES, name, file), 'utf8') };
}

function feature(id: string, kind: string, geometry: unknown, extra: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    id,
    geometry,
    properties: {
      id,
      kind,
      name: { ru: id, en: id },
      aliases: { ru: [], en: [] },
      status: 'operational',
      statusAsOf: '2024',
      partOf: [],
      accuracy: 'schematic',
      sources: [{ url: 'https://example.org/', title: 'Example' }],
      ...extra,
    },
  };
}

function geo(file: string, ...features: unknown[]) {
  return { file: `geo/${file}`, text: JSON.stringify({ type: 'FeatureCollection', features }) };
}

function refs(points: Record<string, [number, number]>) {
  const entries = Object.entries(points).map(([id, lonLat]) => [id, { lonLat, tag: 'A', source: 'test' }]);
  return { file: 'geo/reference-points.json', text: JSON.stringify(Object.fromEntries(entries)) };
}

const line = (...coordinates: [number, number][]) => ({ type: 'LineString', coordinates });
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('validateGeo', () => {
  it('returns the features of a valid set and no problems', () => {
    const result = validateGeo(
      ['corridors.geojson', 'ports.geojson', 'rail.geojson'].map((f) => fixture('valid-minimal', f)),
      fixture('valid-minimal', 'reference-points.json'),
    );
    expect(result.problems).toEqual([]);
    expect(result.features.map((f) => f.id)).toEqual([
      'middle-corridor',
      'port-aktau',
      'port-baku-alat',
      'rail-btk',
    ]);
  });

  it('names the file and feature of a swapped port and hints at the swap', () => {
    const result = validateGeo(
      [fixture('swapped-port', 'corridors.geojson'), fixture('swapped-port', 'ports.geojson')],
      fixture('swapped-port', 'reference-points.json'),
    );
    const baku = result.problems.find((p) => p.featureId === 'port-baku-alat');
    expect(baku).toMatchObject({ level: 'error', file: 'geo/ports.geojson', hint: 'lon/lat look swapped' });
    expect(baku?.message).toContain('km from its reference point');
  });

  it('gives line and column of JSON syntax errors, with and without a position in the V8 message', () => {
    const result = validateGeo(
      [fixture('json-syntax', 'ports.geojson'), fixture('json-syntax', 'rail.geojson')],
      null,
    );
    expect(result.problems.map(({ file, line, column }) => ({ file, line, column }))).toEqual([
      { file: 'geo/ports.geojson', line: 11, column: 19 },
      { file: 'geo/rail.geojson', line: 7, column: 7 },
    ]);
    expect(result.features).toEqual([]);
  });

  it('keeps features that fail only cross-feature checks, drops those whose shape is wrong', () => {
    const result = validateGeo(
      [
        geo(
          'rail.geojson',
          feature('rail-a', 'rail', line([50, 40], [51, 41]), { partOf: ['nowhere'] }),
          feature('rail-b', 'rail', null),
        ),
      ],
      null,
    );
    expect(result.features.map((f) => f.id)).toEqual(['rail-a']);
    expect(result.problems.map((p) => p.featureId)).toEqual(['rail-a', 'rail-b']);
  });

  it('accepts a corridor that is part of a larger corridor, and rejects a feature that is its own part', () => {
    const nested = validateGeo(
      [
        geo(
          'corridors.geojson',
          feature('big', 'corridor', null),
          feature('small', 'corridor', null, { partOf: ['big'] }),
        ),
        geo('rail.geojson', feature('rail-a', 'rail', line([50, 40], [51, 41]), { partOf: ['small'] })),
      ],
      null,
    );
    expect(nested.problems).toEqual([]);
    const selfish = validateGeo(
      [geo('corridors.geojson', feature('loop', 'corridor', null, { partOf: ['loop'] }))],
      null,
    );
    expect(formatProblems(selfish.problems)).toBe(
      'error geo/corridors.geojson [loop]: partOf leads back to this feature (a cycle)',
    );
  });

  it('reports coordinates that are not finite (1e999 parses as Infinity) or out of range', () => {
    const text = `{"type":"FeatureCollection","features":[${JSON.stringify(feature('p', 'place', point(0, 0))).replace('[0,0]', '[50,1e999]')}]}`;
    const result = validateGeo([{ file: 'geo/places.geojson', text }], refs({ p: [50, 40] }));
    expect(result.problems.map((p) => p.message)).toEqual(['coordinate [50, Infinity] is not finite']);
    const far = validateGeo(
      [geo('places.geojson', feature('q', 'place', point(200, 40)))],
      refs({ q: [50, 40] }),
    );
    expect(formatProblems(far.problems)).toBe(
      'error geo/places.geojson [q]: coordinate [200, 40] is out of range (lon -180..180, lat -90..90)',
    );
  });

  it('reports each bad kind of coordinate of a line once, counting the rest', () => {
    const result = validateGeo(
      [geo('rail.geojson', feature('r', 'rail', line([10, 40], [11, 40], [50, 40])))],
      null,
    );
    expect(formatProblems(result.problems)).toBe(
      'error geo/rail.geojson [r]: coordinate [10, 40] at coordinates[0] and 1 more is outside the region (lon 26..84, lat 34..56)',
    );
  });

  it('warns about a Point feature without a reference point, and checks distance to it when present', () => {
    const ports = geo('ports.geojson', feature('p', 'port', point(51.17, 43.65)));
    expect(validateGeo([ports], null).problems).toEqual([
      {
        level: 'warning',
        file: 'geo/ports.geojson',
        featureId: 'p',
        message: 'Point feature has no reference point',
      },
    ]);
    expect(validateGeo([ports], refs({ p: [51.4, 43.65] })).problems).toEqual([]); // 18.5 km away
    const far = validateGeo([ports], refs({ p: [51.6, 43.65] })).problems;
    expect(far[0]?.message).toMatch(/^\[51\.17, 43\.65\] is 34\.\d km from its reference point/);
    expect(far[0]?.hint).toBeUndefined();
  });

  it('accepts a byte order mark and reports an empty collection as a warning', () => {
    const result = validateGeo(
      [{ file: 'geo/cables.geojson', text: '\uFEFF{"type":"FeatureCollection","features":[]}' }],
      null,
    );
    expect(formatProblems(result.problems)).toBe(
      'warning geo/cables.geojson: FeatureCollection has no features',
    );
    expect(hasErrors(result.problems)).toBe(false);
  });

  it('rejects sources that are not http(s)', () => {
    const bad = ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'https://', '/relative'];
    for (const url of bad) {
      const f = feature('r', 'rail', line([50, 40], [51, 41]), { sources: [{ url, title: 'x' }] });
      expect(validateGeo([geo('rail.geojson', f)], null).problems.map((p) => p.message)).toEqual([
        `sources[0].url '${url}' is not an http(s) URL`,
      ]);
    }
  });
});

describe('syntaxErrorOffset', () => {
  it.each([
    ['{"a": x}', 6],
    ['{"a": tru}', 9],
    ['{"a":1,}', 7],
    ['[1,2', 4],
    ['{"a":1} x', 8],
    ['{"a":"\\u12g4"}', 10],
    ['', 0],
    ['{"a":[1,{"b":null}],"c":"\\n"}', 29],
  ])('%j → %i', (text, offset) => {
    expect(syntaxErrorOffset(text)).toBe(offset);
  });
});

describe('formatProblems and GeoValidationError', () => {
  const problems: Problem[] = [
    {
      level: 'error',
      file: 'geo/rail.geojson',
      featureId: null,
      message: 'invalid JSON: x',
      line: 3,
      column: 5,
    },
    {
      level: 'warning',
      file: 'geo/ports.geojson',
      featureId: 'p',
      message: 'far',
      hint: 'lon/lat look swapped',
    },
  ];

  it('writes one line per problem', () => {
    expect(formatProblems(problems)).toBe(
      'error geo/rail.geojson:3:5: invalid JSON: x\nwarning geo/ports.geojson [p]: far (hint: lon/lat look swapped)',
    );
  });

  it('carries the problems and lists them in its message', () => {
    const error = new GeoValidationError(problems);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('GeoValidationError');
    expect(error.problems).toBe(problems);
    expect(error.message).toBe(`curated GeoJSON has 1 error:\n${formatProblems(problems)}`);
  });
});
