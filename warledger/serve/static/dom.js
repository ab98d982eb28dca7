// DOM and API helpers for the warledger dashboard.
// Every value from the ledger is untrusted text (article text, titles, names): it reaches the page only through
// textContent (el/svg children) or setAttribute, never through innerHTML; links from data pass safeUrl first.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with attributes and children (strings become text nodes). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element with attributes and children. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** The URL when it is http(s), else null: a javascript: or data: URL from a document never becomes a link. */
export function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

/** A link to a dashboard view (#/...) or, for http(s) URLs from data, to the outside (new tab, no referrer). */
export function link(href, text, attrs = {}) {
  if (href.startsWith('#/')) return el('a', { href, ...attrs }, text);
  const url = safeUrl(href);
  if (url === null) return el('span', attrs, text);
  return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text);
}

export class ApiError extends Error {}

/** GET a JSON document from the API; query values that are empty are left out. */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.detail) detail = body.detail;
    } catch (err) {
      // not JSON: keep the status line
    }
    throw new ApiError(detail);
  }
  return response.json();
}

/** Every item of a paged list, following `next` at most `maxPages` times. */
export async function apiAll(path, params = {}, maxPages = 5) {
  let page = await api(path, { limit: 1000, ...params });
  const items = [...page.items];
  for (let i = 1; i < maxPages && page.next; i += 1) {
    const next = new URL(page.next, window.location.origin);
    page = await api(next.pathname + next.search);
    items.push(...page.items);
  }
  return { items, truncated: Boolean(page.next) };
}

const NUMBER = new Intl.NumberFormat('en-GB');

export function number(value) {
  return value === null || value === undefined ? '' : NUMBER.format(value);
}

/** A count as worded: "2", "at least 2", "2–5", "up to 5", "about 2". */
export function countText(count) {
  if (!count) return '';
  const { min, max, qualifier } = count;
  if (qualifier === 'range' || (min !== null && max !== null && min !== max)) return `${number(min)}–${number(max)}`;
  const value = min !== null && min !== undefined ? min : max;
  return qualifier === 'exact' ? number(value) : `${qualifier} ${number(value)}`;
}

/** The figure a count stands for in charts and sizes: its lower bound, else its upper bound, else 0. */
export function countValue(count) {
  if (!count) return 0;
  return count.min ?? count.max ?? 0;
}

export function shortOblast(name) {
  return (name || '').replace(/ Oblast$/, '');
}

export function placeText(location) {
  if (!location) return '';
  const parts = [location.name, location.admin1].filter((part, i, all) => part && all.indexOf(part) === i);
  return (location.near ? 'near ' : '') + parts.join(', ');
}

const TYPE_COLOURS = {
  'Air/drone strike': '#c0392b',
  'Shelling/artillery/missile attack': '#e67e22',
  'Armed clash': '#8e44ad',
  'Remote explosive/landmine/IED': '#16a085',
  Attack: '#2c3e50',
  'Abduction/forced disappearance': '#7f8c8d',
  'Disrupted weapons use': '#2980b9',
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || '#95a5a6';
}

/** Replace a container's content. */
export function show(container, ...children) {
  container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
}
