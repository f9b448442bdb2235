/* Times as the reader reads them (their locale and time zone), counted on the server's clock. */
import {el} from './dom.js';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const relativeFormat = new Intl.RelativeTimeFormat('en', {numeric: 'auto'});

/** How far the server's clock is ahead of this computer's. */
let clockOffset = 0;

/** Deadlines are the server's: "due in 10 minutes" is counted on its clock, whatever this computer's says. */
export function setServerTime(iso) {
  const serverTime = Date.parse(iso);
  clockOffset = Number.isNaN(serverTime) ? 0 : serverTime - Date.now();
}

export function serverNow() {
  return Date.now() + clockOffset;
}

export function localTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date);
}

export function timeEl(iso, cls) {
  if (!iso) return el('span', {class: 'muted', text: '—'});
  return el('time', {datetime: iso, title: iso, class: cls, text: localTime(iso)});
}

/** "in 5 minutes", "2 hours ago", "yesterday". */
export function relative(iso, now = serverNow()) {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60000);
  if (Number.isNaN(minutes)) return '';
  if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relativeFormat.format(hours, 'hour');
  return relativeFormat.format(Math.round(hours / 24), 'day');
}

/** A datetime-local value (local time, minutes) for an instant, and back. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value) {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}

/** The reader's IANA time zone, e.g. Europe/Warsaw; '' when the browser does not say. */
export function readerTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
}

export function timeZoneName() {
  return readerTimeZone() || 'local';
}
