// Milestones may record the status a feature entered (what "as of" draws) and mark plans (what "overdue" reads).
import { describe, expect, it } from 'vitest';
import { formatProblems, validateGeo } from '../../src/pipeline/validate.ts';

const port = (milestones: unknown[]) => ({
  file: 'geo/ports.geojson',
  text: JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'port-x',
        geometry: { type: 'Point', coordinates: [51.69, 43.17] },
        properties: {
          id: 'port-x',
          kind: 'port',
          name: { ru: 'Порт Икс', en: 'Port X' },
          aliases: { ru: ['Икс'], en: [] },
          status: 'operational',
          statusAsOf: '2025',
          partOf: [],
          accuracy: 'approximate',
          sources: [{ url: 'https://example.org/', title: 'x' }],
          milestones,
        },
      },
    ],
  }),
});
const refs = {
  file: 'geo/reference-points.json',
  text: '{"port-x":{"lonLat":[51.69,43.17],"tag":"C","source":"x"}}',
};
const text = { ru: 'т', en: 't' };

describe('milestone status and plans', () => {
  it('accepts a status change and a plan', () => {
    const r = validateGeo(
      [
        port([
          { date: '2016-12', text, source: 'https://example.org/a', status: 'operational' },
          { date: '2030', text, source: 'https://example.org/b', status: 'operational', plan: true },
        ]),
      ],
      refs,
    );
    expect(formatProblems(r.problems)).toBe('');
  });

  it('rejects an unknown status or a plan that is not true, and warns on unknown fields', () => {
    const r = validateGeo(
      [
        port([
          { date: '2016', text, source: 'https://example.org/a', status: 'built', plan: 'yes', note: 1 },
        ]),
      ],
      refs,
    );
    const out = formatProblems(r.problems);
    expect(out).toContain('[port-x]: milestones[0].status must be one of');
    expect(out).toContain('milestones[0].plan must be true or left out');
    expect(out).toMatch(/warning .*milestones\[0\]\.note is not a milestone field/);
  });
});
