// Charts drawn as plain SVG: the timeline of killed and injured per day or week, and the claims chart (each
// claimant's estimates of one side, population and metric over time: ranges as bands, disputes marked).

import { el, number, svg } from './dom.js';

const WIDTH = 900;
const PAD = { left: 64, right: 40, top: 16, bottom: 36 };
const CLAIMANT_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const DAY = 86400000;

function time(iso) {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function axisY(height, max) {
  const group = svg('g', { class: 'axis' });
  for (const fraction of [0, 0.5, 1]) {
    const y = PAD.top + (1 - fraction) * (height - PAD.top - PAD.bottom);
    group.append(
      svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: PAD.left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, number(max * fraction)),
    );
  }
  return group;
}

function axisX(height, start, end, x) {
  const group = svg('g', { class: 'axis' });
  const ticks = 6;
  for (let i = 0; i <= ticks; i += 1) {
    const when = start + ((end - start) * i) / ticks;
    group.append(svg('text', { x: x(when), y: height - 10, class: 'tick', 'text-anchor': 'middle' },
      new Date(when).toISOString().slice(0, 10)));
  }
  return group;
}

/** Killed and injured per period as stacked bars. points: [{period, incidents, killed, injured}] */
export function drawTimeline(container, timeline) {
  const points = timeline.points;
  if (!points.length) {
    container.replaceChildren(el('p', { class: 'note' }, 'No dated incidents match the filters.'));
    return;
  }
  const height = 220;
  const step = timeline.bucket === 'week' ? 7 * DAY : DAY;
  const start = time(points[0].period);
  const end = time(points[points.length - 1].period) + step;
  const span = Math.max(end - start, step);
  const x = (when) => PAD.left + ((when - start) / span) * (WIDTH - PAD.left - PAD.right);
  const max = niceMax(Math.max(...points.map((p) => p.killed + p.injured), 1));
  const y = (value) => PAD.top + (1 - value / max) * (height - PAD.top - PAD.bottom);
  const root = svg('svg', { class: 'chart timeline', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-label': `Killed and injured per ${timeline.bucket}` });
  root.append(axisY(height, max), axisX(height, start, end, x));
  const bars = svg('g', { class: 'bars' });
  for (const p of points) {
    const left = x(time(p.period));
    const width = Math.max(1.5, x(time(p.period) + step) - left - 1);
    const label = `${p.period}: ${p.killed} killed, ${p.injured} injured in ${p.incidents} incident(s)`;
    bars.append(
      svg('rect', { x: left, y: y(p.killed), width, height: y(0) - y(p.killed), class: 'killed' }, svg('title', {}, label)),
      svg('rect', { x: left, y: y(p.killed + p.injured), width, height: y(p.killed) - y(p.killed + p.injured),
        class: 'injured' }, svg('title', {}, label)),
    );
  }
  root.append(bars);
  const legend = el('ul', { class: 'legend' },
    el('li', {}, el('span', { class: 'swatch killed' }), 'killed'),
    el('li', {}, el('span', { class: 'swatch injured' }), 'injured'),
    el('li', {}, `per ${timeline.bucket}; "at least N" counts as N`));
  container.replaceChildren(root, legend);
}

function bounds(point) {
  const low = point.min ?? point.max;
  const high = point.max ?? point.min;
  return [low, high];
}

/** One chart per series (side, population, metric); a coloured band per claimant, a bar per estimate. */
export function drawSeries(container, series) {
  const dated = series.claimants.flatMap((line) => line.points.filter((p) => p.date && bounds(p)[1] !== null));
  const title = el('h3', {}, `${series.side || 'unknown side'} · ${series.population} · ${series.metric}`);
  if (!dated.length) {
    container.replaceChildren(title, el('p', { class: 'note' }, 'No dated figures in this series.'));
    return;
  }
  const height = 260;
  const times = dated.map((p) => time(p.date));
  let start = Math.min(...times);
  let end = Math.max(...times);
  if (end - start < 30 * DAY) {
    start -= 15 * DAY;
    end += 15 * DAY;
  }
  const x = (when) => PAD.left + 10 + ((when - start) / (end - start)) * (WIDTH - PAD.left - PAD.right - 20);
  const max = niceMax(Math.max(...dated.map((p) => bounds(p)[1])));
  const y = (value) => PAD.top + (1 - value / max) * (height - PAD.top - PAD.bottom);
  const root = svg('svg', { class: 'chart claims', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-label': `Estimates of ${series.side || 'unknown side'} ${series.metric}` });
  root.append(axisY(height, max), axisX(height, start, end, x));
  const legend = el('ul', { class: 'legend' });
  series.claimants.forEach((line, index) => {
    const colour = CLAIMANT_COLOURS[index % CLAIMANT_COLOURS.length];
    const points = line.points.filter((p) => p.date && bounds(p)[1] !== null);
    const group = svg('g', { class: 'claimant', 'data-claimant': line.claimant || 'unknown' });
    if (points.length > 1) {
      const top = points.map((p) => `${x(time(p.date)).toFixed(1)},${y(bounds(p)[1]).toFixed(1)}`);
      const bottom = points.map((p) => `${x(time(p.date)).toFixed(1)},${y(bounds(p)[0]).toFixed(1)}`).reverse();
      group.append(svg('polygon', { points: [...top, ...bottom].join(' '), class: 'band', fill: colour }));
    }
    for (const p of points) {
      const [low, high] = bounds(p);
      const cx = x(time(p.date));
      const range = low === high ? number(low) : `${number(low)}–${number(high)}`;
      const period = p.period_start || p.period_end ? ` for ${p.period_start || '…'} to ${p.period_end || '…'}` : '';
      const disputed = p.disputed_by.length ? `; disputed by ${p.disputed_by.join(', ')}` : '';
      const label = `${line.claimant || 'unknown claimant'}: ${p.qualifier} ${range}${period}` +
        `${p.projection ? ' (projection)' : ''}${disputed}; ${p.article_ids.length} report(s), filed ${p.date}`;
      const mark = svg('g', { class: p.projection ? 'estimate projection' : 'estimate' }, svg('title', {}, label));
      mark.append(svg('line', { x1: cx, x2: cx, y1: y(low), y2: y(high), stroke: colour, class: 'range' }));
      mark.append(svg('circle', { cx, cy: y(high), r: 4, stroke: colour, fill: p.projection ? '#fff' : colour }));
      if (low !== high) mark.append(svg('circle', { cx, cy: y(low), r: 3, stroke: colour, fill: '#fff' }));
      if (p.disputed_by.length) {
        mark.append(svg('text', { x: cx + 6, y: y(high) - 6, class: 'disputed' }, '⚠'));
      }
      group.append(mark);
    }
    root.append(group);
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = colour;
    legend.append(el('li', {}, swatch, line.claimant || 'unknown claimant'));
  });
  legend.append(el('li', {}, '● figure, ○ projection or lower bound, band = range over time, ⚠ disputed'));
  container.replaceChildren(title, root, legend);
}
