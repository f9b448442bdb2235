/* Overview: mentions, actions and deadlines over a period, what is due soon, and incidents. */
import {api, query} from './api.js';
import {badge, el, heading, loading, note, replace, section, sectionBody, table, unavailable} from './dom.js';
import {actionsChart, deadlinesChart, mentionsChart} from './overview-charts.js';
import {loadIncidents} from './incidents.js';
import {pushQuery, route} from './routing.js';
import {localTime, readerTimeZone, relative, serverNow, timeEl, timeZoneName} from './time.js';

// The keys are sent as 'since': the server counts them back from its own clock.
const RANGES = {'24h': {label: '24 hours'}, '7d': {label: '7 days'}, '30d': {label: '30 days'}};

export function overviewPage(page, current) {
  const rangeKey = RANGES[current.params.get('range')] ? current.params.get('range') : '7d';
  const brand = current.params.get('brand') || '';
  const brandInput = el('input', {id: 'overview-brand', name: 'overview-brand', value: brand, placeholder: 'All brands'});
  const rangeButtons = Object.entries(RANGES).map(([key, range]) => el('button', {type: 'button',
    class: key === rangeKey ? 'compact' : 'compact secondary outline', id: `range-${key}`, 'aria-pressed': String(key === rangeKey),
    text: range.label, onclick: () => go(key)}));
  const go = (key) => {
    const focused = document.activeElement && document.activeElement.id;
    pushQuery('overview', {range: key, brand: brandInput.value.trim()});
    route();
    const again = focused && document.getElementById(focused);
    if (again) again.focus();
  };
  const controls = el('form', {class: 'overview-controls', id: 'overview-controls'},
    el('div', {role: 'group', 'aria-label': 'Time range', class: 'range-buttons'}, rangeButtons),
    el('div', {class: 'brand-filter'}, el('label', {for: 'overview-brand', text: 'Brand'}), brandInput),
    el('button', {type: 'submit', class: 'compact', id: 'overview-apply', text: 'Apply'}));
  controls.addEventListener('submit', (event) => {
    event.preventDefault();
    go(rangeKey);
  });
  const summary = el('p', {id: 'overview-range', class: 'muted'}, loading());
  const mentions = chartSection('Mentions and negatives over time', 'chart-mentions');
  const actions = chartSection('Actions by type', 'chart-actions');
  const deadlines = chartSection('Deadlines', 'chart-deadlines',
    'From each action\'s deadline only: the server does not know whether staff already answered.');
  const dueSoon = section('Due soon', 'due-soon', loading());
  const incidents = section('Incidents', 'incidents', loading());
  page.append(heading('Overview'), controls, summary,
    el('div', {class: 'chart-grid'}, mentions, actions, deadlines), dueSoon, incidents);
  // The period is counted back from the server's clock, which the whole team shares, not this browser's; its
  // days start at midnight where the reader lives.
  loadOverview({since: rangeKey, brand, timeZone: readerTimeZone()}, {summary, mentions, actions, deadlines, dueSoon});
  loadIncidents(incidents, brand);
}

function chartSection(title, canvasId, explanation) {
  return section(title, `${canvasId}-section`, explanation ? note(explanation) : null, loading());
}

async function loadOverview(params, parts) {
  try {
    const overview = await api(`overview${query(params)}`);
    if (!parts.summary.isConnected) return;
    replace(parts.summary, `From ${localTime(overview.from)} to ${localTime(overview.to)}, per ${overview.bucket}, ` +
      `${overview.brand ? `brand ${overview.brand}` : 'all brands'}; times in your local time (${timeZoneName()}).`);
    mentionsChart(parts.mentions, overview);
    actionsChart(parts.actions, overview.actionsByType || []);
    deadlinesChart(parts.deadlines, overview.deadlines || {});
    dueSoonTable(parts.dueSoon, overview.dueSoon || []);
  } catch (error) {
    if (!parts.summary.isConnected) return;
    // One message in place of the charts and the due-soon list; the incidents are read on their own.
    replace(parts.summary, unavailable(error, 'The overview'));
    parts.mentions.closest('.chart-grid').remove();
    parts.dueSoon.remove();
  }
}


function dueSoonTable(sectionNode, due) {
  const now = serverNow();
  sectionBody(sectionNode).set(
    note('Actions of any period whose deadline is within an hour either side of now, soonest first (at most 20). ' +
      'The server does not know whether staff already answered.'),
    due.length === 0 ? note('No deadline within an hour of now.', 'ok') : table({id: 'due-soon-table',
      caption: 'Actions due soon (local time)', columns: ['Due by', 'Action', 'Priority', 'Queue', 'Brand', 'Decision'],
      rows: due.map((a) => {
        const passed = new Date(a.dueBy).getTime() < now;
        return el('tr', {class: passed ? 'due-row overdue' : 'due-row'},
          el('th', {scope: 'row'}, timeEl(a.dueBy), el('br'), el('small', {text: passed ? `passed ${relative(a.dueBy, now)}` : relative(a.dueBy, now)})),
          el('td', {text: a.type}), el('td', {}, badge(a.priority, `priority priority-${a.priority}`)),
          el('td', {text: a.queue}), el('td', {text: a.brand}),
          el('td', {}, el('a', {href: `#/decisions/${encodeURIComponent(a.decisionId)}`, text: 'Open',
            'aria-label': `Open the decision for mention ${a.mentionId}`})));
      })}));
}
