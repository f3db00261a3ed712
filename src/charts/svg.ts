// An accessible SVG frame for a chart: a title and a description that screen readers announce.
import { create } from 'd3-selection';

let counter = 0;

export interface ChartFrame {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

export function chartFrame(width: number, height: number, title: string, description: string): ChartFrame {
  const id = `chart-${++counter}`;
  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    // Shown at its own size, a unit per CSS pixel: the caller draws it at its column's width (chart-width.ts).
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title ${id}-desc`)
    .attr('class', 'chart');
  svg.append('title').attr('id', `${id}-title`).text(title);
  svg.append('desc').attr('id', `${id}-desc`).text(description);
  const node = svg.node();
  if (node === null) throw new Error('d3 could not create an svg');
  return { svg: node, width, height };
}

/** Makes an SVG group act as a button: focusable, labelled, and opened by click, Enter or Space. */
export function asButton(g: SVGGElement, label: string, onActivate: () => void): void {
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-label', label);
  g.addEventListener('click', onActivate);
  g.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate();
    }
  });
}
