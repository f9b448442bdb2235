/* Rule-set versions that were active; an admin can activate one again (roll back or forward). */
import {api, isAdmin} from './api.js';
import {badge, el, note, problemAlert, sectionBody, setStatus, table} from './dom.js';
import {problemList} from './rule-reload.js';
import {timeEl} from './time.js';

export async function loadVersions(sectionNode, refresh) {
  const body = sectionBody(sectionNode);
  try {
    const list = await api('rules/versions');
    const rows = (list.versions || []).map((v) => {
      const active = v.version === list.activeVersion;
      return el('tr', {class: active ? 'version-row active-version' : 'version-row', 'data-version': v.version},
        el('th', {scope: 'row'}, el('code', {text: v.version}), active ? [' ', badge('active', 'result-activated')] : null),
        el('td', {class: 'num', text: String(v.fileCount)}),
        el('td', {}, timeEl(v.firstActivatedAt)), el('td', {}, timeEl(v.lastActivatedAt)),
        el('td', {text: v.lastTrigger}),
        isAdmin() ? el('td', {}, active ? '' : el('button', {type: 'button', class: 'secondary outline compact activate-button',
          'data-version': v.version, 'aria-label': `Activate version ${v.version}`, text: 'Activate',
          onclick: (event) => activate(v.version, event.currentTarget, sectionNode, refresh)})) : null);
    });
    const columns = ['Version', 'Files', 'First activated', 'Last activated', 'Last trigger'];
    if (isAdmin()) columns.push('Roll back or forward');
    body.set(rows.length ? table({id: 'versions-table', caption: 'Rule-set versions that were active, newest activation first',
      columns, rows}) : note('No version is stored yet.'));
  } catch (error) {
    body.set(problemAlert(error));
  }
}

async function activate(version, button, sectionNode, refresh) {
  if (!window.confirm(`Activate rule-set version ${version}? It is checked (compile and every policy test) ` +
    'and then replaces the active rules for every new mention.')) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const outcome = await api(`rules/versions/${encodeURIComponent(version)}/activate`, {method: 'POST'});
    setStatus(`Version ${outcome.activeVersion} is active (${outcome.result}).`);
    refresh();
  } catch (error) {
    setStatus(`Activating ${version} failed.`);
    const problems = error.problem && error.problem.ruleProblems;
    sectionBody(sectionNode).set(problemAlert(error), problems ? problemList(problems, null) : null,
      el('button', {type: 'button', class: 'secondary', text: 'Show the versions again', onclick: refresh}));
  }
}
