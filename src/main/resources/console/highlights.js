/*
 * The decision's text with its evidence marked: personal data, topics and intents. Highlights may nest (an
 * intent's words holding a topic's), so marks are drawn as a tree; each says its type in words for screen
 * readers, not by colour alone.
 */
import {el} from './dom.js';
import {HIGHLIGHT_KINDS} from './vocabulary.js';

export function maskedText(text, highlights) {
  const usable = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.start < h.end
      && h.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const p = el('p', {id: 'masked-text', class: 'masked-text'});
  appendMarked(p, text, usable, 0, text.length);
  return p;
}

/**
 * Appends text[from, to) to parent with the highlights inside that span (sorted by start, the longer first)
 * as marks, the ones inside a mark within it. Every character is appended once: a highlight that crosses
 * another's edge (which the server does not send) is left unmarked rather than cut or repeated.
 */
function appendMarked(parent, text, highlights, from, to) {
  let at = from;
  let next = 0;
  while (next < highlights.length) {
    const outer = highlights[next];
    if (outer.start < at) {
      next++;
      continue;
    }
    let after = next + 1;
    while (after < highlights.length && highlights[after].start < outer.end) after++;
    const inner = highlights.slice(next + 1, after).filter((h) => h.end <= outer.end);
    if (outer.start > at) parent.append(text.slice(at, outer.start));
    parent.append(markOf(outer, (words) => appendMarked(words, text, inner, outer.start, outer.end)));
    at = outer.end;
    next = after;
  }
  if (at < to) parent.append(text.slice(at, to));
}

/** <mark><span class="hl-text">words</span><span class="visually-hidden"> (topic: cards)</span></mark> */
function markOf(highlight, fillWords) {
  const kind = HIGHLIGHT_KINDS[highlight.kind] ? highlight.kind : 'other';
  const type = `${HIGHLIGHT_KINDS[highlight.kind] || highlight.kind}: ${highlight.label}`;
  const words = el('span', {class: 'hl-text'});
  fillWords(words);
  return el('mark', {class: `hl hl-${kind}`, 'data-kind': highlight.kind, 'data-label': highlight.label, title: type},
    words, el('span', {class: 'visually-hidden', text: ` (${type})`}));
}

export function highlightLegend() {
  return el('ul', {class: 'legend', 'aria-label': 'What the highlights mean'},
    Object.entries(HIGHLIGHT_KINDS).map(([kind, name]) => el('li', {}, el('mark', {class: `hl hl-${kind}`, text: name}))),
    el('li', {class: 'muted', text: 'A highlight may hold another, e.g. a topic\'s word within an intent. ' +
      'Screen readers read each one\'s type after its words.'}));
}
