// The dashboard's views. Each takes the <main> element and the route's parameters, fetches what it shows from the
// API and builds the DOM with el()/svg() (text only: see dom.js).

import { drawSeries, drawTimeline } from './charts.js';
import { api, apiAll, countText, el, link, number, placeText, shortOblast, show } from './dom.js';
import { drawMap, loadOutlines, toll } from './map.js';

function go(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  window.location.hash = query.toString() ? `#/${path}?${query}` : `#/${path}`;
}

function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

function select(name, values, current, all = 'all') {
  const first = all === null ? [] : [el('option', { value: '' }, all)];
  const node = el('select', { name, id: `filter-${name}` }, first, values.map((v) => el('option', { value: v }, v)));
  node.value = values.includes(current) ? current : (all === null ? values[0] : '');
  return node;
}

function input(name, type, value, attrs = {}) {
  return el('input', { name, id: `filter-${name}`, type, value: value || '', ...attrs });
}

function filterForm(controls, onApply) {
  const form = el('form', { class: 'filters', id: 'filters' }, controls,
    el('button', { type: 'submit', id: 'apply' }, 'Apply'),
    el('button', { type: 'button', id: 'reset', onclick: () => onApply({}) }, 'Reset'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onApply(Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}

function section(id, title, ...children) {
  return el('section', { id, class: 'panel' }, el('h2', {}, title), ...children);
}

function incidentRow(incident) {
  return el('tr', { 'data-id': incident.id },
    el('td', {}, incident.date || ''), el('td', {}, incident.event_type || ''), el('td', {}, placeText(incident.location)),
    el('td', { class: 'num' }, countText(incident.killed)), el('td', { class: 'num' }, countText(incident.injured)),
    el('td', {}, link(`#/incident/${encodeURIComponent(incident.id)}`, 'details')));
}

function table(headers, rows, id) {
  return el('table', { id }, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))), el('tbody', {}, rows));
}

function reportLinks(articleIds) {
  return articleIds.flatMap((id, i) => [i ? ', ' : '', link(`#/article/${encodeURIComponent(id)}`, `report ${i + 1}`, { class: 'report' })]);
}

const INCIDENT_FILTERS = ['since', 'until', 'oblast', 'type', 'min_killed'];

/** Map, timeline and list of incidents, with filters kept in the URL (#/?oblast=...). */
export async function overview(main, params, config) {
  const facets = await api('/api/facets');
  const filters = Object.fromEntries(INCIDENT_FILTERS.map((k) => [k, params.get(k) || '']));
  const bucket = params.get('bucket') === 'week' ? 'week' : 'day';
  const apply = (values) => go('', values);
  const form = filterForm([
    field('From', input('since', 'date', filters.since)),
    field('To', input('until', 'date', filters.until)),
    field('Oblast', select('oblast', facets.oblasts, filters.oblast)),
    field('Type', select('type', facets.event_types, filters.type)),
    field('Min. killed', input('min_killed', 'number', filters.min_killed, { min: 0, step: 1 })),
    field('Timeline per', select('bucket', ['day', 'week'], bucket, null)),
  ], apply);
  const mapBox = el('div', { id: 'map' });
  const timelineBox = el('div', { id: 'timeline' });
  const status = el('p', { id: 'result-count', class: 'note' });
  const listBox = el('div', { id: 'incident-list' });
  show(main, form, status, section('map-panel', 'Map of incidents', mapBox),
    section('timeline-panel', 'Killed and injured over time', timelineBox), section('list-panel', 'Incidents', listBox));
  const [incidents, timeline, geo] = await Promise.all([
    apiAll('/api/incidents', { ...filters, order: '-date' }),
    api('/api/timeline', { ...filters, bucket }),
    loadOutlines(),
  ]);
  status.textContent = `${incidents.items.length} incident(s) match${incidents.truncated ? ' (first pages only)' : ''}; ` +
    `total toll ${number(incidents.items.reduce((sum, i) => sum + toll(i), 0))} killed or injured.`;
  drawMap(mapBox, geo, {
    incidents: incidents.items, selectedOblast: filters.oblast, tiles: config.tiles,
    onOblast: (name) => apply({ ...filters, oblast: facets.oblasts.includes(name) ? name : shortOblast(name), bucket }),
    onIncident: (incident) => go(`incident/${encodeURIComponent(incident.id)}`),
  });
  drawTimeline(timelineBox, timeline);
  show(listBox, table(['Date', 'Type', 'Place', 'Killed', 'Injured', ''], incidents.items.map(incidentRow), 'incidents-table'));
}

/** The claims chart: one panel per side/population/metric, a band per claimant. */
export async function claims(main, params) {
  const facets = await api('/api/facets');
  const filters = { claimant: params.get('claimant') || '', side: params.get('side') || '', metric: params.get('metric') || '' };
  const form = filterForm([
    field('Claimant', select('claimant', facets.claimants, filters.claimant)),
    field('Side', select('side', facets.sides, filters.side)),
    field('Metric', select('metric', facets.metrics, filters.metric)),
  ], (values) => go('claims', values));
  const charts = el('div', { id: 'claims-charts' });
  const listBox = el('div', { id: 'claims-list' });
  show(main, form, section('claims-panel', 'Casualty estimates by claimant', charts), section('claims-table-panel', 'Estimates', listBox));
  const series = await api('/api/claims/series', filters);
  if (!series.length) show(charts, el('p', { class: 'note' }, 'No claims match the filters.'));
  else show(charts, series.map((s) => { const box = el('div', { class: 'series' }); drawSeries(box, s); return box; }));
  const rows = series.flatMap((s) => s.claimants.flatMap((line) => line.points.map((p) => el('tr', {},
    el('td', {}, line.claimant || ''), el('td', {}, s.side || ''), el('td', {}, `${s.population} ${s.metric}`),
    el('td', { class: 'num' }, countText({ min: p.min, max: p.max, qualifier: p.qualifier })),
    el('td', {}, `${p.period_start || ''}${p.period_start || p.period_end ? ' – ' : ''}${p.period_end || ''}`),
    el('td', {}, p.projection ? 'projection' : ''), el('td', {}, p.disputed_by.join(', ')),
    el('td', {}, reportLinks(p.article_ids))))));
  show(listBox, table(['Claimant', 'Side', 'What', 'Figure', 'Period', '', 'Disputed by', 'Reports'], rows, 'claims-table'));
}

/** The newest articles. */
export async function articles(main) {
  const page = await api('/api/articles', { limit: 200, order: '-date' });
  const rows = page.items.map((a) => el('tr', {},
    el('td', {}, a.published || ''), el('td', {}, link(`#/article/${encodeURIComponent(a.id)}`, a.title || a.source_id)),
    el('td', {}, a.publisher || ''), el('td', {}, a.url ? link(a.url, 'source') : '')));
  show(main, section('articles-panel', 'Articles', table(['Published', 'Title', 'Publisher', ''], rows, 'articles-table')));
}

/** The article's text as nodes, with every evidence span wrapped in <mark> (overlaps split into segments). */
export function highlightedText(text, highlights) {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) { cuts.add(h.start); cuts.add(h.end); }
  const edges = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const [start, end] = [edges[i], edges[i + 1]];
    const piece = text.slice(start, end);
    const covering = highlights.filter((h) => h.start <= start && h.end >= end && h.end > h.start);
    if (!covering.length) { nodes.push(piece); continue; }
    const fields = [...new Set(covering.map((h) => h.field))];
    nodes.push(el('mark', {
      class: `evidence depth-${Math.min(covering.length, 3)}`, 'data-fields': fields.join(' '),
      title: covering.map((h) => `${h.field} (${h.record_type} ${h.record_id})`).join('\n'),
    }, piece));
  }
  return nodes;
}

/** One article: metadata, the text with evidence highlighted, its incidents and claims. */
export async function article(main, id) {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const meta = el('p', { class: 'meta' }, [a.publisher, a.published, a.language].filter(Boolean).join(' · '),
    a.url ? [' · ', link(a.url, 'original page')] : '');
  const body = el('div', { id: 'article-text', class: 'article-text' }, highlightedText(a.text, a.highlights));
  const records = [
    ...a.incidents.map((i) => el('li', {}, link(`#/incident/${encodeURIComponent(i.id)}`, `${i.event_type || 'Incident'} ${placeText(i.location)}`),
      ` ${i.date || ''}: killed ${countText(i.killed) || '–'}, injured ${countText(i.injured) || '–'}`)),
    ...a.claims.map((c) => el('li', {}, `Claim: ${c.claimant || 'unknown'} – ${c.side || ''} ${c.population} ${c.metric} `,
      countText({ min: c.min, max: c.max, qualifier: c.qualifier }), c.disputed_by.length ? ` (disputed by ${c.disputed_by.join(', ')})` : '')),
  ];
  show(main, el('article', { class: 'panel', id: 'article-view' },
    el('h2', { id: 'article-title' }, a.title || a.source_id), meta,
    el('p', { class: 'note' }, `${a.highlights.length} evidence span(s) highlighted; hover one to see what it supports.`),
    body, el('h3', {}, 'Extracted'), el('ul', { id: 'article-records' }, records)));
}

function rowsOf(pairs) {
  return el('table', { class: 'fields' }, el('tbody', {}, pairs.filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
}

/** One incident: its fields, the evidence for each, and the report it came from. */
export async function incident(main, id) {
  const i = await api(`/api/incidents/${encodeURIComponent(id)}`);
  const a = await api(`/api/articles/${encodeURIComponent(i.article_id)}`);
  const mapBox = el('div', { id: 'map' });
  show(main, el('section', { class: 'panel', id: 'incident-view' },
    el('h2', {}, `${i.event_type || 'Incident'}${i.location ? ` in ${placeText(i.location)}` : ''}`),
    rowsOf([['Date', `${i.date || 'unknown'} (${i.date_precision})`], ['Weapon', i.weapon], ['Perpetrator', i.perpetrator],
      ['Targets', i.targets.join(', ')], ['Killed', countText(i.killed)], ['Injured', countText(i.injured)],
      ['Missing', countText(i.missing)], ['Attributed to', i.attributed_to.join('; ')],
      ['Confidence', i.confidence.toFixed(2)], ['Gazetteer', i.location ? `${i.location.gazetteer_id || ''} (precision ${i.location.precision})` : '']]),
    el('h3', {}, 'Evidence'),
    el('ul', { class: 'evidence-list' }, i.evidence.map((e) => el('li', {}, el('b', {}, e.field), ': ', el('q', {}, e.text)))),
    el('h3', {}, 'Reports'),
    el('ul', { id: 'reports' }, el('li', {}, link(`#/article/${encodeURIComponent(a.id)}`, a.title || a.source_id),
      ` ${[a.publisher, a.published].filter(Boolean).join(', ')}`, a.url ? [' · ', link(a.url, 'original page')] : ''))),
  el('section', { class: 'panel' }, mapBox));
  drawMap(mapBox, await loadOutlines(), { incidents: [i], selectedOblast: i.location && i.location.admin1 });
}

function tollText(t) {
  if (!t) return '';
  return `best ${number(t.best)} (low ${number(t.low)}, high ${number(t.high)}; ${t.history.length} report(s))`;
}

/** Fused events, newest first. */
export async function events(main) {
  const page = await apiAll('/api/events', { order: '-date' }, 2);
  const rows = page.items.map((e) => el('tr', {}, el('td', {}, e.date || ''), el('td', {}, e.event_type || ''),
    el('td', {}, placeText(e.location)), el('td', {}, tollText(e.killed)), el('td', {}, String(e.members.length)),
    el('td', {}, link(`#/event/${encodeURIComponent(e.id)}`, 'details'))));
  show(main, section('events-panel', 'Events (fused reports)', table(['Date', 'Type', 'Place', 'Killed', 'Reports', ''], rows, 'events-table')));
}

/** One event: its tolls with their history, and every member report with why it was merged. */
export async function event(main, id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const history = (name, t) => (t ? t.history.map((p) => el('tr', {}, el('td', {}, name), el('td', {}, p.published || ''),
    el('td', {}, p.publisher || ''), el('td', { class: 'num' }, countText(p)), el('td', {}, p.evidence ? el('q', {}, p.evidence) : ''))) : []);
  show(main, el('section', { class: 'panel', id: 'event-view' },
    el('h2', {}, `${e.event_type || 'Event'}${e.location ? ` in ${placeText(e.location)}` : ''}`),
    rowsOf([['Date', `${e.date || 'unknown'} (${e.date_precision})`], ['Killed', tollText(e.killed)],
      ['Injured', tollText(e.injured)], ['Missing', tollText(e.missing)], ['Weapon', e.weapon], ['Targets', e.targets.join(', ')]]),
    el('h3', {}, 'How the toll was reported'),
    table(['Count', 'Published', 'Publisher', 'Figure', 'Evidence'], [...history('killed', e.killed), ...history('injured', e.injured)], 'toll-history'),
    el('h3', {}, 'Reports'),
    el('ul', { id: 'reports' }, e.members.map((m) => el('li', {},
      link(`#/article/${encodeURIComponent(m.article_id)}`, m.publisher || m.article_id), ` ${m.published || ''} · `,
      link(`#/incident/${encodeURIComponent(m.incident_id)}`, 'incident'),
      m.reasons.length ? el('span', { class: 'reasons' }, ` – ${m.reasons.join('; ')}`) : '')))));
}
