/**
 * @module web/components/world-map
 * Events on a world map: countries shaded by their number of events (choropleth) and located
 * places as circles sized by theirs. Geometry is Natural Earth's 1:110m countries from the
 * world-atlas package, bundled with the dashboard and loaded on first use: no tile server, no
 * outside network. Every country and place is a link to the events behind it.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FacetValue, Place } from '../api.js';
import { h, svg } from '../dom.js';
import type { Names } from '../glossary.js';

const WIDTH = 960;
const HEIGHT = 470;

/** Equirectangular, cut at 84°N/-60°S where few events happen and Antarctica would take space. */
function project([lon, lat]: Position): [number, number] {
  return [((lon + 180) / 360) * WIDTH, ((84 - lat) / 144) * HEIGHT];
}

function pathOf(geometry: Geometry): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons
    .flatMap((rings) => rings.map((ring) => `M${ring.map((p) => project(p).map((v) => v.toFixed(1)).join(',')).join('L')}Z`))
    .join('');
}

let countries: Promise<FeatureCollection<Geometry, { name: string }>> | undefined;

function loadCountries(): Promise<FeatureCollection<Geometry, { name: string }>> {
  countries ??= import('world-atlas/countries-110m.json').then((m) => {
    const topology = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  });
  return countries;
}

/** Sequential shade for a count, on a log scale up to the largest. */
function shade(count: number, max: number): string {
  if (count <= 0) return 'var(--map-empty)';
  const t = Math.log(1 + count) / Math.log(1 + max);
  return `color-mix(in srgb, var(--map-high) ${Math.round(20 + t * 80)}%, var(--map-low))`;
}

export interface WorldMapOptions {
  counts: FacetValue[];
  places: Place[];
  names: Names;
  countryHref(code: string): string;
  placeHref(place: Place): string;
}

export async function worldMap(options: WorldMapOptions): Promise<HTMLElement> {
  const shapes = await loadCountries();
  const byCode = new Map(options.counts.map((c) => [c.value, c.count]));
  const max = Math.max(1, ...options.counts.map((c) => c.count));
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'world-map', role: 'group', 'aria-label': 'Events by country and by place' });
  const mapped = new Set<string>();
  for (const f of shapes.features) {
    const code = f.id === undefined ? undefined : options.names.byNumeric.get(String(f.id).padStart(3, '0'));
    const count = code ? (byCode.get(code) ?? 0) : 0;
    const path = svg('path', { d: pathOf(f.geometry), fill: shade(count, max), class: 'country', 'data-country': code ?? '' });
    const title = svg('title');
    title.textContent = `${f.properties.name}${code ? ` (${code})` : ''}: ${count} event${count === 1 ? '' : 's'}`;
    path.appendChild(title);
    if (code && count > 0) {
      mapped.add(code);
      const link = svg('a', { href: options.countryHref(code), 'aria-label': title.textContent });
      link.appendChild(path);
      root.appendChild(link);
    } else root.appendChild(path);
  }
  const biggest = Math.max(1, ...options.places.map((p) => p.events));
  for (const p of options.places) {
    const [x, y] = project([p.lon, p.lat]);
    const link = svg('a', { href: options.placeHref(p), 'aria-label': `${p.name}: ${p.events} event${p.events === 1 ? '' : 's'}` });
    const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 9 * Math.sqrt(p.events / biggest)).toFixed(1), class: 'place', 'data-place': p.name });
    const title = svg('title');
    title.textContent = `${p.name}: ${p.events} event${p.events === 1 ? '' : 's'}`;
    dot.appendChild(title);
    link.appendChild(dot);
    root.appendChild(link);
  }
  // Countries with events that the 1:110m shapes do not draw (small islands, codes without a shape).
  const unmapped = options.counts.filter((c) => !mapped.has(c.value));
  return h(
    'figure',
    { class: 'map' },
    root,
    h(
      'figcaption',
      {},
      'Countries shaded by events with that country on either side (darker: more); circles: events at a located place. Select a country or a place to see its events.',
      unmapped.length > 0 ? ` Not on the map: ${unmapped.map((c) => `${c.value} (${c.count})`).join(', ')}.` : '',
    ),
  );
}
