// The dashboard's entry point: a hash router (#/, #/claims, #/articles, #/article/ID, #/incident/ID, #/events,
// #/event/ID) over the views. When a view has rendered, <body data-state="ready" data-view="..."> (the browser
// tests wait for it); a failure shows the API's message and sets data-state="error".

import { api, el, show } from './dom.js';
import * as views from './views.js';

const ROUTES = [
  [/^$/, 'overview', (main, m, params, config) => views.overview(main, params, config)],
  [/^claims$/, 'claims', (main, m, params) => views.claims(main, params)],
  [/^articles$/, 'articles', (main) => views.articles(main)],
  [/^article\/(.+)$/, 'article', (main, m) => views.article(main, decodeURIComponent(m[1]))],
  [/^incident\/(.+)$/, 'incident', (main, m) => views.incident(main, decodeURIComponent(m[1]))],
  [/^events$/, 'events', (main) => views.events(main)],
  [/^event\/(.+)$/, 'event', (main, m) => views.event(main, decodeURIComponent(m[1]))],
];

let config = null;
let rendering = 0;

async function route() {
  const ticket = ++rendering;
  const main = document.getElementById('view');
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const params = new URLSearchParams(query || '');
  document.body.dataset.state = 'loading';
  try {
    if (config === null) {
      config = await api('/api/config');
      document.getElementById('nav-events').hidden = !config.events;
    }
    const found = ROUTES.find(([pattern]) => pattern.test(path));
    if (!found) throw new Error(`no view for #/${path}`);
    const [pattern, name, render] = found;
    document.body.dataset.view = name;
    for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === name);
    await render(main, path.match(pattern), params, config);
    if (ticket === rendering) document.body.dataset.state = 'ready';
  } catch (err) {
    if (ticket !== rendering) return;
    show(main, el('p', { class: 'error', id: 'error' }, `Could not show this view: ${err.message}`));
    document.body.dataset.state = 'error';
  }
}

window.addEventListener('hashchange', route);
route();
