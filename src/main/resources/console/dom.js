/*
 * Building the page with createElement and text nodes only, never innerHTML: mention text, author names and
 * rule texts come from outside.
 */
import {problemText} from './api.js';

/** el('p', {class: 'x', text: 'y', onclick: fn, 'aria-label': 'z'}, child, 'text', [more]) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  return append(node, children);
}

export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Empties a node (and ends its "busy" state) and fills it again. */
export function replace(node, ...children) {
  node.removeAttribute('aria-busy');
  node.replaceChildren();
  return append(node, children);
}

/** A page's title, focusable so that moving to a page takes keyboard and screen-reader users there. */
export function heading(text) {
  return el('h1', {tabindex: '-1', text});
}

/** A page section titled by an h2, labelled by it for assistive technology. */
export function section(title, id, ...children) {
  const headingId = `${id}-heading`;
  return el('section', {id, 'aria-labelledby': headingId}, el('h2', {id: headingId, text: title}), children);
}

/** Replaces what a section shows below its title. */
export function sectionBody(sectionNode) {
  const h2 = sectionNode.querySelector('h2');
  return {
    set(...children) {
      sectionNode.removeAttribute('aria-busy');
      sectionNode.replaceChildren(h2);
      append(sectionNode, children);
    },
  };
}

export function loading(text = 'Loading…') {
  return el('p', {class: 'loading', 'aria-busy': 'true', text});
}

export function note(text, cls = 'muted') {
  return el('p', {class: cls, text});
}

export function badge(text, cls = '') {
  return el('span', {class: `badge ${cls}`.trim(), text});
}

export function table({id, caption, columns, rows, cls}) {
  return el('div', {class: 'table-wrap'},
    el('table', {id, class: cls},
      caption ? el('caption', {text: caption}) : null,
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', {scope: 'col', text: c})))),
      el('tbody', {}, rows)));
}

/** A problem as people read it: "title: detail", with the invalid fields listed. */
export function problemAlert(error, id) {
  const problem = error.problem || {title: 'Error', detail: String(error.message || error)};
  const box = el('div', {class: 'alert', role: 'alert', id}, el('p', {text: problemText(problem)}));
  if (Array.isArray(problem.errors) && problem.errors.length) {
    box.append(el('ul', {}, problem.errors.map((e) => el('li', {}, el('code', {text: e.field}), ' ', e.message))));
  }
  if (problem.errorId) box.append(note(`Error id to quote: ${problem.errorId}`));
  return box;
}

/** What a section says when its call failed; 404 means this server does not offer it (yet). */
export function unavailable(error, what) {
  if (error.status === 404 && (!error.problem.code || error.problem.code === 'not_found')) {
    return note(`${what} is not available on this server.`, 'muted not-available');
  }
  return problemAlert(error);
}

let statusTimer = 0;

/** Announces a short message (aria-live) and shows it for a few seconds. */
export function setStatus(text) {
  const status = document.getElementById('status');
  clearTimeout(statusTimer);
  status.textContent = '';
  if (!text) return;
  requestAnimationFrame(() => { status.textContent = text; });
  statusTimer = setTimeout(() => { status.textContent = ''; }, 8000);
}
