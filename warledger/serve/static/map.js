// The incident map: Ukraine's oblasts and the neighbouring countries from the shipped ukraine.geojson, drawn as SVG
// in Web Mercator at zoom 6 (so optional online tiles line up), with incidents as circles sized by toll and
// coloured by type. Needs no library and no internet.

import { countValue, el, placeText, shortOblast, svg, typeColour } from './dom.js';

const TILE = 256;
const ZOOM = 6;
const WORLD = TILE * 2 ** ZOOM;

let outlines = null;

/** The shipped outlines (fetched once). */
export async function loadOutlines() {
  if (outlines === null) {
    const response = await fetch('ukraine.geojson');
    outlines = await response.json();
  }
  return outlines;
}

export function project([lon, lat]) {
  const x = ((lon + 180) / 360) * WORLD;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * WORLD;
  return [x, y];
}

function ringPath(ring) {
  return ring.map((point, i) => {
    const [x, y] = project(point);
    return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join('');
}

function geometryPath(geometry) {
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((p) => p.map((r) => `${ringPath(r)}Z`).join('')).join('');
  if (geometry.type === 'Polygon') return geometry.coordinates.map((r) => `${ringPath(r)}Z`).join('');
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map(ringPath).join('');
  return '';
}

/** The toll a circle is sized by: killed plus injured (lower bounds). */
export function toll(incident) {
  return countValue(incident.killed) + countValue(incident.injured);
}

export function radius(incident) {
  return Math.min(28, 4 + 2.2 * Math.sqrt(toll(incident)));
}

function tileLayer(template, [x0, y0, x1, y1]) {
  const layer = svg('g', { class: 'tiles' });
  for (let tx = Math.floor(x0 / TILE); tx <= Math.floor(x1 / TILE); tx += 1) {
    for (let ty = Math.floor(y0 / TILE); ty <= Math.floor(y1 / TILE); ty += 1) {
      const href = template.replace('{z}', ZOOM).replace('{x}', tx).replace('{y}', ty).replace('{s}', 'a');
      layer.append(svg('image', { href, x: tx * TILE, y: ty * TILE, width: TILE, height: TILE }));
    }
  }
  return layer;
}

/**
 * Draw the map into `container`.
 * options: { incidents, selectedOblast, tiles, onOblast(name), onIncident(incident) }
 */
export function drawMap(container, geo, options) {
  const [west, south, east, north] = geo.warledger.frame;
  const [x0, y0] = project([west, north]);
  const [x1, y1] = project([east, south]);
  const root = svg('svg', {
    class: 'map', viewBox: `${x0.toFixed(0)} ${y0.toFixed(0)} ${(x1 - x0).toFixed(0)} ${(y1 - y0).toFixed(0)}`,
    role: 'img', 'aria-label': 'Map of incidents in Ukraine',
  });
  if (options.tiles) root.append(tileLayer(options.tiles, [x0, y0, x1, y1]));
  const base = svg('g', { class: options.tiles ? 'outlines over-tiles' : 'outlines' });
  const labels = svg('g', { class: 'labels' });
  for (const feature of geo.features) {
    const { kind, name } = feature.properties;
    const d = geometryPath(feature.geometry);
    if (kind === 'neighbour') base.append(svg('path', { d, class: 'neighbour' }, svg('title', {}, name)));
    if (kind === 'country') base.append(svg('path', { d, class: 'country' }));
    if (kind === 'oblast') {
      const selected = options.selectedOblast && shortOblast(options.selectedOblast) === shortOblast(name);
      const path = svg('path', { d, class: selected ? 'oblast selected' : 'oblast', 'data-oblast': name },
        svg('title', {}, `${name}: click to filter`));
      if (options.onOblast) path.addEventListener('click', () => options.onOblast(name));
      base.append(path);
      const [lx, ly] = project(feature.properties.label);
      if (!['Kyiv City', 'Sevastopol City'].includes(name)) {
        labels.append(svg('text', { x: lx.toFixed(1), y: ly.toFixed(1), class: 'oblast-label' }, shortOblast(name).replace('Autonomous Republic of ', '')));
      }
    }
  }
  // the country outline above the oblasts
  const country = base.querySelector('path.country');
  if (country) base.append(country);
  root.append(base, labels);
  const points = svg('g', { class: 'points' });
  const placed = options.incidents
    .filter((i) => i.location && i.location.lat !== null && i.location.lon !== null)
    .sort((a, b) => radius(b) - radius(a));
  for (const incident of placed) {
    const [cx, cy] = project([incident.location.lon, incident.location.lat]);
    const circle = svg('circle', {
      cx: cx.toFixed(1), cy: cy.toFixed(1), r: radius(incident).toFixed(1), class: 'incident',
      fill: typeColour(incident.event_type), 'data-id': incident.id,
    }, svg('title', {}, `${incident.date || 'undated'} · ${incident.event_type || 'incident'} · ${placeText(incident.location)} · toll ${toll(incident)}`));
    if (options.onIncident) circle.addEventListener('click', () => options.onIncident(incident));
    points.append(circle);
  }
  root.append(points);
  const types = [...new Set(placed.map((i) => i.event_type || 'other'))].sort();
  const legend = el('ul', { class: 'legend' }, types.map((type) => el('li', {},
    el('span', { class: 'swatch', style: null, 'data-colour': typeColour(type) }), type)));
  for (const swatch of legend.querySelectorAll('.swatch')) swatch.style.background = swatch.dataset.colour;
  const unplaced = options.incidents.length - placed.length;
  const note = el('p', { class: 'note' },
    `${placed.length} incident(s) on the map`, unplaced ? `, ${unplaced} without coordinates` : '',
    '. Circle area grows with killed + injured. Outlines: Natural Earth (public domain).');
  container.replaceChildren(root, legend, note);
  return root;
}
