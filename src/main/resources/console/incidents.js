/* Incidents: a timeline of when each began and ended, open ones as cards, the newest closed ones as a table. */
import {api, query} from './api.js';
import {badge, el, note, problemAlert, sectionBody, table} from './dom.js';
import {relative, timeEl} from './time.js';
import {incidentTimeline} from './overview-charts.js';

export async function loadIncidents(sectionNode, brand) {
  const body = sectionBody(sectionNode);
  const [open, closed] = await Promise.allSettled([
    api(`incidents${query({status: 'open', brand})}`),
    api(`incidents${query({status: 'closed', brand, limit: 20})}`)]);
  if (!sectionNode.isConnected) return;
  const openPart = open.status === 'fulfilled' ? openIncidents(open.value.incidents || []) : problemAlert(open.reason);
  const closedPart = closed.status === 'fulfilled' ? closedIncidents(closed.value.incidents || []) : problemAlert(closed.reason);
  const known = [open, closed].flatMap((r) => (r.status === 'fulfilled' ? r.value.incidents || [] : []));
  const timeline = known.length > 0 ? incidentTimeline(known) : null;
  body.set(timeline && timeline.node,
    el('div', {id: 'incidents-open', class: 'incidents-open'}, el('h3', {text: 'Open now'}), openPart),
    el('div', {id: 'incidents-closed'}, el('h3', {text: 'Past incidents (newest 20)'}), closedPart));
  if (timeline) timeline.draw();
}

function issueOf(incident) {
  return incident.issue || 'brand-wide';
}

function openIncidents(incidents) {
  if (incidents.length === 0) return note('No incident is open.', 'ok');
  return el('div', {class: 'incident-cards'}, incidents.map((i) => el('article', {class: 'incident open', 'data-incident-id': i.incidentId},
    el('h4', {}, `${i.brand}: ${issueOf(i)} `, badge(i.kind, 'kind-incident')),
    el('dl', {class: 'facts compact'},
      el('dt', {text: 'Opened at'}), el('dd', {}, timeEl(i.openedAt), ` (${relative(i.openedAt)})`),
      el('dt', {text: 'Latest mention'}), el('dd', {}, timeEl(i.lastMentionAt)),
      el('dt', {text: 'Mentions'}), el('dd', {class: 'num-strong', text: String(i.mentions)}),
      el('dt', {text: 'Why'}), el('dd', {class: 'muted', text: i.evidence})))));
}

function closedIncidents(incidents) {
  if (incidents.length === 0) return note('No incident was closed yet.');
  return table({id: 'incidents-closed-table', caption: 'Closed incidents, newest first (local time)',
    columns: ['Brand', 'Issue', 'Kind', 'Opened at', 'Closed at', 'Why closed', 'Mentions'],
    rows: incidents.map((i) => el('tr', {'data-incident-id': i.incidentId},
      el('th', {scope: 'row', text: i.brand}), el('td', {text: issueOf(i)}), el('td', {text: i.kind}),
      el('td', {}, timeEl(i.openedAt)), el('td', {}, timeEl(i.closedAt)), el('td', {text: i.closeReason || ''}),
      el('td', {class: 'num', text: String(i.mentions)})))});
}
