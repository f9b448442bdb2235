/* The overview's charts (Chart.js, a classic script loaded before the modules), each with its figures as a table. */
import {el, note, sectionBody, table} from './dom.js';
import {localTime, serverNow, timeEl} from './time.js';

const COLORS = {total: '#5b7db1', negative: '#c62828', positive: '#2e7d32', passed: '#c62828', dueWithinHour: '#ef6c00',
  later: '#1565c0', none: '#9e9e9e', action: '#455a9c'};

/** Charts drawn on the page; destroyed before another page is drawn. */
let charts = [];

/** A chart with its description for screen readers and its figures as a table. */
function chartBlock(sectionNode, canvasId, description, config, dataTable, explanation) {
  const canvas = el('canvas', {id: canvasId, role: 'img', 'aria-label': description});
  sectionBody(sectionNode).set(explanation ? note(explanation) : null,
    el('div', {class: 'chart-box'}, canvas),
    el('details', {class: 'chart-data'}, el('summary', {text: 'Show the figures as a table'}), dataTable));
  if (!window.Chart) {
    canvas.replaceWith(note('The chart library could not be loaded; the figures are in the table below.'));
    return;
  }
  const options = config.options || {};
  config.options = {animation: false, responsive: true, maintainAspectRatio: false, ...options,
    plugins: {legend: {position: 'bottom'}, ...(options.plugins || {})}};
  charts.push(new window.Chart(canvas, config));
}

export function destroyCharts() {
  for (const chart of charts) chart.destroy();
  charts = [];
}

function bucketLabel(iso, bucket) {
  const date = new Date(iso);
  return bucket === 'hour'
    ? date.toLocaleString(undefined, {weekday: 'short', hour: '2-digit', minute: '2-digit'})
    : date.toLocaleDateString(undefined, {weekday: 'short', day: 'numeric', month: 'short'});
}

/** A step's start in the figures: its local hour, or for a day (midnight where the reader lives) its date. */
function stepStart(iso, bucket) {
  if (bucket === 'hour') return timeEl(iso);
  return el('time', {datetime: iso, title: iso, text: new Date(iso).toLocaleDateString(undefined, {dateStyle: 'medium'})});
}

export function mentionsChart(sectionNode, overview) {
  const buckets = overview.mentions || [];
  const labels = buckets.map((b) => bucketLabel(b.start, overview.bucket));
  const sum = (key) => buckets.reduce((n, b) => n + (b[key] || 0), 0);
  const busiest = buckets.reduce((best, b) => (!best || b.total > best.total ? b : best), null);
  const description = `Chart of mentions per ${overview.bucket}: ${sum('total')} mentions in total, ` +
    `${sum('negative')} negative, ${sum('positive')} positive` +
    (busiest && busiest.total ? `; the busiest ${overview.bucket} was ${bucketLabel(busiest.start, overview.bucket)} with ${busiest.total}.` : '.');
  chartBlock(sectionNode, 'chart-mentions', description, {
    type: 'bar',
    data: {labels, datasets: [
      {label: 'All mentions', data: buckets.map((b) => b.total), backgroundColor: COLORS.total, order: 2},
      {label: 'Negative', type: 'line', data: buckets.map((b) => b.negative), borderColor: COLORS.negative,
        backgroundColor: COLORS.negative, pointRadius: 2, order: 1},
      {label: 'Positive', type: 'line', data: buckets.map((b) => b.positive), borderColor: COLORS.positive,
        backgroundColor: COLORS.positive, pointRadius: 2, borderDash: [4, 3], order: 1}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}, x: {ticks: {maxRotation: 0, autoSkipPadding: 12}}}},
  }, table({caption: `Mentions per ${overview.bucket} (local time)`,
    columns: [overview.bucket === 'hour' ? 'Hour starting' : 'Day', 'All', 'Negative', 'Positive'],
    rows: buckets.map((b) => el('tr', {}, el('th', {scope: 'row'}, stepStart(b.start, overview.bucket)), el('td', {class: 'num', text: String(b.total)}),
      el('td', {class: 'num', text: String(b.negative)}), el('td', {class: 'num', text: String(b.positive)})))}));
}

export function actionsChart(sectionNode, byType) {
  const sorted = [...byType].sort((a, b) => b.count - a.count);
  if (sorted.length === 0) {
    sectionBody(sectionNode).set(note('No actions in this period.'));
    return;
  }
  const description = `Bar chart of recommended actions by type: ${sorted.map((a) => `${a.type} ${a.count}`).join(', ')}.`;
  chartBlock(sectionNode, 'chart-actions', description, {
    type: 'bar',
    data: {labels: sorted.map((a) => a.type), datasets: [{label: 'Actions', data: sorted.map((a) => a.count),
      backgroundColor: COLORS.action}]},
    options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: {beginAtZero: true, ticks: {precision: 0}}}},
  }, table({caption: 'Actions by type', columns: ['Type', 'Count'],
    rows: sorted.map((a) => el('tr', {}, el('th', {scope: 'row', text: a.type}), el('td', {class: 'num', text: String(a.count)})))}));
}

export function deadlinesChart(sectionNode, deadlines) {
  const parts = [['passed', 'Passed'], ['dueWithinHour', 'Due within the hour'], ['later', 'Later'], ['none', 'No deadline']];
  const description = `Bar chart of action deadlines: ${parts.map(([key, label]) => `${label.toLowerCase()} ${deadlines[key] || 0}`).join(', ')}.`;
  chartBlock(sectionNode, 'chart-deadlines', description, {
    type: 'bar',
    data: {labels: parts.map(([, label]) => label), datasets: [{label: 'Actions', data: parts.map(([key]) => deadlines[key] || 0),
      backgroundColor: parts.map(([key]) => COLORS[key])}]},
    options: {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}},
  }, table({caption: 'Actions by deadline', columns: ['Deadline', 'Actions'],
    rows: parts.map(([key, label]) => el('tr', {}, el('th', {scope: 'row', text: label}),
      el('td', {class: 'num', text: String(deadlines[key] || 0)})))}),
  'From each action\'s deadline only: the server does not know whether staff already answered.');
}

/**
 * When each incident began and how long it ran, oldest first: one bar per incident, open ones (red) up to now.
 * Returns the block and a function that draws the chart once the block is on the page.
 */
export function incidentTimeline(incidents) {
  const shown = [...incidents].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
  const now = serverNow();
  const open = shown.filter((i) => !i.closedAt).length;
  const description = `Timeline of ${shown.length} incidents, ${open} still open: ` +
    shown.map((i) => `${i.brand} ${i.issue || 'brand-wide'} from ${localTime(i.openedAt)}` +
      (i.closedAt ? ` to ${localTime(i.closedAt)}` : ' until now')).join('; ') + '.';
  const canvas = el('canvas', {id: 'chart-incidents', role: 'img', 'aria-label': description});
  const box = el('div', {class: 'chart-box incident-timeline'}, canvas);
  box.style.height = `${60 + 30 * shown.length}px`; // one row per incident
  const node = el('div', {id: 'incidents-timeline'}, el('h3', {text: 'When each incident began and ended'}), box);
  const spans = shown.map((i) => [Date.parse(i.openedAt), i.closedAt ? Date.parse(i.closedAt) : now]);
  const first = Math.min(...spans.map((x) => x[0]));
  const last = Math.max(...spans.map((x) => x[1]));
  const margin = Math.max((last - first) * 0.05, 30 * 60e3);
  const draw = () => {
    if (!window.Chart || shown.length === 0) return;
    const dayHour = (ms) => new Date(ms).toLocaleString(undefined, {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'});
    charts.push(new window.Chart(canvas, {
      type: 'bar',
      data: {labels: shown.map((i) => `${i.brand}: ${i.issue || 'brand-wide'} (${i.kind})`),
        datasets: [{label: 'Incident', minBarLength: 6,
          data: spans,
          backgroundColor: shown.map((i) => (i.closedAt ? '#90a4ae' : COLORS.negative))}]},
      options: {animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y',
        // From just before the first incident to just after the last, not from 1970.
        scales: {x: {type: 'linear', beginAtZero: false, min: first - margin, max: last + margin,
          ticks: {callback: (value) => dayHour(value), maxRotation: 0, autoSkipPadding: 16}}},
        plugins: {legend: {display: false}, tooltip: {callbacks: {
          label: (context) => `${dayHour(context.raw[0])} – ${shown[context.dataIndex].closedAt ? dayHour(context.raw[1]) : 'now'}`}}}},
    }));
  };
  return {node, draw};
}
