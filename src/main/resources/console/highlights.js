/* The decision's text with its evidence marked: personal data, topics and intents. */
import {el} from './dom.js';
import {HIGHLIGHT_KINDS} from './vocabulary.js';

export function maskedText(text, highlights) {
  const p = el('p', {id: 'masked-text', class: 'masked-text'});
  let at = 0;
  const usable = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start < h.end && h.end <= text.length)
    .sort((a, b) => a.start - b.start);
  for (const h of usable) {
    if (h.start < at) continue;
    if (h.start > at) p.append(text.slice(at, h.start));
    const kind = HIGHLIGHT_KINDS[h.kind] ? h.kind : 'other';
    p.append(el('mark', {class: `hl hl-${kind}`, 'data-kind': h.kind, 'data-label': h.label,
      title: `${HIGHLIGHT_KINDS[h.kind] || h.kind}: ${h.label}`}, text.slice(h.start, h.end)));
    at = h.end;
  }
  p.append(text.slice(at));
  return p;
}

export function highlightLegend() {
  return el('ul', {class: 'legend', 'aria-label': 'Highlight colours'},
    Object.entries(HIGHLIGHT_KINDS).map(([kind, name]) => el('li', {}, el('mark', {class: `hl hl-${kind}`, text: name}))),
    el('li', {class: 'muted', text: 'Hover a highlight for its type.'}));
}
