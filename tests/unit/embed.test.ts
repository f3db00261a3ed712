// The embed's pure parts: its URL flags, the snippets the Embed dialog writes, the commands it accepts from the
// host page, and the placeholder picture.
import { describe, expect, it } from 'vitest';
import type { BuiltFeature } from '../../src/data/catalog.ts';
import { placeholderSvg } from '../../src/embed/placeholder.ts';
import { LIGHT } from '../../src/map/palette.ts';
import { DEFAULT_FLAGS, embedQuery, parseEmbedFlags } from '../../src/modes/embed-flags.ts';
import { parseCommand } from '../../src/modes/embed-protocol.ts';
import { escapeHtml, iframeSnippet, loaderSnippet } from '../../src/modes/embed-snippet.ts';
import { NO_FILTERS } from '../../src/state/store.ts';
import type { UrlState } from '../../src/state/url.ts';

const state: UrlState = {
  lang: 'en',
  view: 'map',
  selected: 'rail-btk',
  article: null,
  ...NO_FILTERS,
  hiddenKinds: ['pipeline'],
};

describe('embed flags', () => {
  it('defaults: light, legend and controls on, interactive, panel closed, the frame’s own height', () => {
    expect(parseEmbedFlags('')).toEqual(DEFAULT_FLAGS);
    expect(parseEmbedFlags('?embed=1&f=rail-btk')).toEqual(DEFAULT_FLAGS);
  });

  it('reads every flag, in 0/1 and false/true', () => {
    expect(parseEmbedFlags('?theme=dark&legend=0&controls=false&static=1&panel=true&height=520')).toEqual({
      theme: 'dark',
      legend: false,
      controls: false,
      static: true,
      panel: true,
      height: 520,
    });
  });

  it('falls back to the defaults on malformed values', () => {
    expect(parseEmbedFlags('?theme=blue&legend=maybe&controls=&static=yes&height=1e9')).toEqual(
      DEFAULT_FLAGS,
    );
    for (const h of ['abc', '-5', '100', '99999', '520.5', 'NaN', 'Infinity'])
      expect(parseEmbedFlags(`?height=${h}`).height).toBeNull();
  });

  it('writes the app state and only the flags that differ from the defaults', () => {
    expect(embedQuery(state, { ...DEFAULT_FLAGS, theme: 'dark', legend: false })).toBe(
      'f=rail-btk&lang=en&hk=pipeline&theme=dark&legend=0',
    );
    expect(embedQuery(state, DEFAULT_FLAGS)).toBe('f=rail-btk&lang=en&hk=pipeline');
    expect(parseEmbedFlags(`?${embedQuery(state, { ...DEFAULT_FLAGS, static: true })}`).static).toBe(true);
  });
});

describe('snippets', () => {
  const input = {
    base: 'https://maps.example.org/caspian/',
    state,
    flags: { ...DEFAULT_FLAGS, theme: 'dark' as const },
    height: 520,
    title: 'Map of the Caspian corridors',
  };

  it('loader form: reserved height, the state, a fallback link and the script', () => {
    const s = loaderSnippet(input);
    expect(s).toBe(
      [
        '<div data-corridors="f=rail-btk&amp;lang=en&amp;hk=pipeline&amp;theme=dark" data-height="520" data-title="Map of the Caspian corridors" style="height:520px">',
        '  <a href="https://maps.example.org/caspian/index.html?f=rail-btk&amp;lang=en&amp;hk=pipeline">Map of the Caspian corridors</a>',
        '</div>',
        '<script async src="https://maps.example.org/caspian/embed-loader.js"></script>',
      ].join('\n'),
    );
  });

  it('iframe form: embed.html with the same state and flags, lazy, fixed height', () => {
    expect(iframeSnippet(input)).toBe(
      '<iframe src="https://maps.example.org/caspian/embed.html?f=rail-btk&amp;lang=en&amp;hk=pipeline&amp;theme=dark&amp;embed=1" ' +
        'title="Map of the Caspian corridors" width="100%" height="520" loading="lazy" allow="fullscreen" style="border:0;display:block"></iframe>',
    );
  });

  it('escapes everything it writes into HTML', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const s = loaderSnippet({ ...input, title: '"><script>alert(1)</script>', base: 'https://x.test/a"b/' });
    expect(s).not.toContain('<script>alert');
    expect(s).not.toContain('a"b');
  });
});

describe('commands from the host page', () => {
  const features = new Set(['rail-btk', 'port-kuryk']);
  it('takes a known feature, null, and a known language', () => {
    expect(parseCommand({ type: 'corridors:command', select: 'rail-btk' }, features)).toEqual({
      select: 'rail-btk',
    });
    expect(parseCommand({ type: 'corridors:command', select: null, lang: 'en' }, features)).toEqual({
      select: null,
      lang: 'en',
    });
  });

  it('ignores everything else', () => {
    for (const m of [
      null,
      undefined,
      42,
      'corridors:command',
      [{ type: 'corridors:command', select: 'rail-btk' }],
      { type: 'corridors:select', id: 'rail-btk' },
      { type: 'corridors:command' },
      { type: 'corridors:command', select: 'no-such-feature' },
      { type: 'corridors:command', select: 42 },
      { type: 'corridors:command', select: ['rail-btk'] },
      { type: 'corridors:command', lang: 'de' },
      { type: 'corridors:command', select: '__proto__' },
    ])
      expect(parseCommand(m, features), JSON.stringify(m)).toBeNull();
  });
});

describe('placeholder picture', () => {
  const square = (lon: number, lat: number) => ({
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: {},
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [lon, lat],
              [lon + 10, lat],
              [lon + 10, lat + 5],
              [lon, lat + 5],
              [lon, lat],
            ],
          ],
        },
      },
    ],
  });
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const rail = {
    type: 'Feature',
    properties: { id: 'rail-x', kind: 'rail', status: 'planned', statusAsOf: '2025-01-01', milestones: [] },
    geometry: {
      type: 'LineString',
      coordinates: [
        [45, 40],
        [50, 42],
        [120, 42],
      ],
    },
  } as unknown as BuiltFeature;

  it('draws land, lines with their status dash, and is the same every time', () => {
    const input = {
      basemap: { land: square(40, 38), lakes: empty, rivers: empty, borders: empty },
      features: [rail],
      theme: LIGHT,
      title: 'A & B',
    };
    const svg = placeholderSvg(input);
    expect(svg).toBe(placeholderSvg(input));
    expect(svg).toContain('<title>A &amp; B</title>');
    expect(svg).toContain(`fill="${LIGHT.land}"`);
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+l[^"]+z" fill="#f4f1ea"\/>/);
    expect(svg).toContain('stroke="#D55E00" stroke-dasharray="1.2 3.2"');
    // Clipped to the picture (800 px wide, 4 px margin): the line does not run off to lon 120.
    const xs: number[] = [];
    for (const [, d] of svg.matchAll(/ d="([^"]+)"/g)) {
      let x = 0;
      for (const [, cmd, dx] of (d ?? '').matchAll(/([MLl])(-?[\d.]+)[ -]?-?[\d.]+/g)) {
        x = cmd === 'l' ? x + Number(dx) : Number(dx);
        xs.push(x);
      }
    }
    expect(xs.length).toBeGreaterThan(4);
    expect(Math.max(...xs)).toBeLessThanOrEqual(804);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-4);
  });
});
