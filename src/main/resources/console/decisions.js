/* Decisions: stored decisions searched by filters kept in the address; one opens with its explanation. */
import {api, query, state} from './api.js';
import {badge, el, heading, note, problemAlert, replace, setStatus, table} from './dom.js';
import {decisionPage} from './decision.js';
import {pushQuery} from './routing.js';
import {fromLocalInput, timeEl, toLocalInput} from './time.js';
import {ACTION_TYPES, QUEUES} from './vocabulary.js';

const DECISION_FILTERS = ['brand', 'action', 'queue', 'policy', 'from', 'to', 'limit'];

export function decisionsPage(page, current) {
  if (current.args.length) {
    decisionPage(page, current.args[0]);
    return;
  }
  const params = current.params;
  const input = (id, label, attrs) => el('div', {}, el('label', {for: id, text: label}), el('input', {id, name: id, ...attrs}));
  const form = el('form', {id: 'decisions-filter', class: 'filters', 'aria-label': 'Filter decisions'},
    el('div', {class: 'field-row'},
      input('filter-brand', 'Brand', {value: params.get('brand') || '', maxlength: '100', placeholder: 'e.g. acme-bank'}),
      el('div', {}, el('label', {for: 'filter-action', text: 'Action'}), el('select', {id: 'filter-action', name: 'filter-action'},
        el('option', {value: '', text: 'Any'}),
        Object.keys(ACTION_TYPES).map((t) => el('option', {value: t, text: t, selected: t === params.get('action')})))),
      input('filter-queue', 'Queue', {value: params.get('queue') || '', list: 'known-queues'}),
      el('datalist', {id: 'known-queues'}, QUEUES.map((q) => el('option', {value: q}))),
      input('filter-policy', 'Policy', {value: params.get('policy') || '', placeholder: 'e.g. escalate-regulated'}),
      input('filter-from', 'From (local time)', {type: 'datetime-local', value: toLocalInput(params.get('from'))}),
      input('filter-to', 'To (local time)', {type: 'datetime-local', value: toLocalInput(params.get('to'))}),
      input('filter-limit', 'At most', {type: 'number', min: '1', max: '500', step: '1', value: params.get('limit') || '50'})),
    el('div', {class: 'form-actions'},
      el('button', {type: 'submit', id: 'search-button', text: 'Search'}),
      el('button', {type: 'button', id: 'clear-button', class: 'secondary outline', text: 'Clear filters',
        onclick: () => clearFilters(form)})));
  const results = el('section', {id: 'decisions-results', 'aria-label': 'Matching decisions'});
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const filters = decisionFilters(form);
    state.lastDecisionsHash = pushQuery('decisions', filters);
    searchDecisions(filters, results);
  });
  page.append(heading('Decisions'),
    note('Stored decisions, newest first. The filters are kept in the address, so a search can be bookmarked.', 'lead'),
    form, results);
  const filters = Object.fromEntries(DECISION_FILTERS.map((name) => [name, params.get(name) || '']));
  state.lastDecisionsHash = location.hash || '#/decisions';
  searchDecisions(filters, results);
}

/** Empties every filter (a reset would restore the filters of the address the page opened with). */
function clearFilters(form) {
  for (const name of DECISION_FILTERS) form.querySelector(`#filter-${name}`).value = '';
  form.querySelector('#filter-limit').value = '50';
  form.querySelector('#filter-brand').focus();
  setStatus('Filters cleared; press Search to list the newest decisions.');
}

function decisionFilters(form) {
  const value = (id) => form.querySelector(`#${id}`).value.trim();
  return {brand: value('filter-brand'), action: value('filter-action'), queue: value('filter-queue'),
    policy: value('filter-policy'), from: fromLocalInput(value('filter-from')), to: fromLocalInput(value('filter-to')),
    limit: value('filter-limit')};
}

async function searchDecisions(filters, results) {
  results.setAttribute('aria-busy', 'true');
  try {
    const list = await api(`decisions${query(filters)}`);
    if (!results.isConnected) return;
    const decisions = list.decisions || [];
    if (decisions.length === 0) {
      replace(results, el('p', {id: 'decisions-empty', class: 'empty', text: 'No decisions match these filters.'}));
      setStatus('No decisions match these filters.');
      return;
    }
    const limit = Number(filters.limit || 50);
    replace(results,
      note(`${decisions.length} decision${decisions.length === 1 ? '' : 's'}, newest first` +
        (decisions.length >= limit ? ` — only the newest ${limit}; narrow the filters or raise "At most".` : '.'), 'muted'),
      decisionsTable(decisions));
    setStatus(`${decisions.length} decisions found.`);
  } catch (error) {
    if (!results.isConnected) return;
    replace(results, problemAlert(error, 'decisions-error'));
    setStatus('The search failed.');
  }
}

function decisionsTable(decisions) {
  const unique = (values) => [...new Set(values.filter(Boolean))];
  const rows = decisions.map((d) => {
    const actions = d.actions || [];
    const sentiment = (d.analysis && d.analysis.sentiment) || {};
    const href = `#/decisions/${encodeURIComponent(d.decisionId)}`;
    const row = el('tr', {class: 'decision-row', 'data-decision-id': d.decisionId},
      el('th', {scope: 'row'}, el('a', {href, class: 'decision-link', title: `Open decision ${d.decisionId}`}, timeEl(d.evaluatedAt))),
      el('td', {text: d.brand}),
      el('td', {}, el('code', {text: (d.analysis && d.analysis.language) || '—'})),
      el('td', {}, badge(sentiment.label || '—', `sentiment-${sentiment.label}`)),
      el('td', {class: 'snippet', title: d.maskedText, text: shorten(d.maskedText || '', 90)}),
      el('td', {}, actions.map((a) => badge(`${a.type} ${a.priority}`, `action-badge priority-${a.priority}`))),
      el('td', {text: unique(actions.map((a) => a.queue)).join(', ')}),
      el('td', {text: unique(actions.flatMap((a) => (a.reasons || []).map((r) => r.policy))).join(', ')}));
    row.addEventListener('click', (event) => {
      if (!event.target.closest('a') && !window.getSelection().toString()) location.hash = href;
    });
    return row;
  });
  return table({id: 'decisions-table', caption: 'Decisions matching the filters (times in local time)', rows,
    columns: ['Evaluated at', 'Brand', 'Language', 'Sentiment', 'Masked text', 'Actions', 'Queues', 'Policies']});
}

function shorten(text, length) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
