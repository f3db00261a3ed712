// The legend reads the same palette tables as the style, so what it shows is what the map draws.
import { FEATURE_KINDS, type FeatureKind, type Lang } from '../domain/feature.ts';
import { strings } from '../i18n/strings.ts';
import { KIND_COLOR, LINE_KINDS } from '../map/palette.ts';
import { el, swatch } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function lineSample(color: string, dash: number[] | null, width: number, opacity = 1): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '36');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: '2', y1: '6', x2: '34', y2: '6' })) line.setAttribute(k, v);
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', String(width));
  line.setAttribute('stroke-opacity', String(opacity));
  // MapLibre measures dashes in line widths; SVG in px.
  if (dash !== null) line.setAttribute('stroke-dasharray', dash.map((d) => d * width).join(' '));
  svg.appendChild(line);
  return svg;
}

export interface LegendOptions {
  lang: Lang;
  kinds: readonly FeatureKind[];
  hiddenKinds: readonly FeatureKind[];
  onToggle(kind: FeatureKind): void;
}

export function legend(o: LegendOptions): HTMLElement {
  const t = strings(o.lang);
  return el(
    'section',
    { class: 'legend', 'aria-labelledby': 'legend-heading' },
    el('h2', { id: 'legend-heading' }, t.legendHeading),
    el(
      'ul',
      { class: 'legend-kinds' },
      ...FEATURE_KINDS.filter((k) => o.kinds.includes(k) && k !== 'corridor').map((kind) => {
        const input = el('input', { type: 'checkbox', 'data-kind': kind });
        input.checked = !o.hiddenKinds.includes(kind);
        input.addEventListener('change', () => o.onToggle(kind));
        const sample = LINE_KINDS.includes(kind)
          ? lineSample(KIND_COLOR[kind], null, 3)
          : swatch(KIND_COLOR[kind], 'dot');
        return el(
          'li',
          {},
          el('label', { title: `${t.showKind}: ${t.kinds[kind]}` }, input, sample, t.kinds[kind]),
        );
      }),
    ),
    // The status patterns are shown beside their filter toggles (src/panels/filters.ts), from the same constants.
    el(
      'ul',
      { class: 'legend-status' },
      el('li', {}, lineSample('#444444', null, 10, 0.2), t.legendSchematic),
    ),
  );
}
