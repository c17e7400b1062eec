/**
 * @module web/components/sparkline
 * A small inline SVG of monthly event counts. The overview shows a dozen of them, so they are
 * plain SVG paths rather than a dozen uPlot instances.
 */
import { svg } from '../dom.js';

/** `values` in time order; `label` describes the trend for screen readers. */
export function sparkline(values: number[], label: string, width = 120, height = 28): SVGSVGElement {
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'sparkline' });
  const title = svg('title');
  title.textContent = label;
  root.appendChild(title);
  if (values.length === 0) return root;
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? (width - 2) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(1 + i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  if (values.length === 1) points.push(`${width - 1},${points[0].split(',')[1]}`);
  root.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: 'currentColor', 'stroke-width': 1.5 }));
  return root;
}
