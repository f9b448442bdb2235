/* The last reload of the rules folder, its problems, and (for admins) reloading now. */
import {api, isAdmin} from './api.js';
import {badge, el, note, problemAlert, replace, sectionBody, setStatus} from './dom.js';
import {route} from './routing.js';
import {relative, timeEl} from './time.js';

/** Resolves to the error when the status could not be read. */
export async function loadRuleStatus(sectionNode, versionLine) {
  try {
    const status = await api('rules/status');
    replace(versionLine, 'Active rule-set version: ', el('code', {id: 'active-version-id', text: status.activeVersion}));
    showReload(sectionNode, status.lastAttempt, status.activeVersion);
    return null;
  } catch (error) {
    replace(versionLine);
    sectionBody(sectionNode).set(problemAlert(error));
    return error;
  }
}

function showReload(sectionNode, attempt, activeVersion) {
  const body = [];
  if (isAdmin()) body.push(reloadButton(sectionNode));
  if (!attempt) {
    body.push(note('No reload was attempted since the server started.', ''));
  } else {
    body.push(el('dl', {class: 'facts'},
      el('dt', {text: 'Result'}), el('dd', {id: 'reload-result'}, badge(attempt.result, `result result-${attempt.result}`),
        versionOf(attempt, attempt.activeVersion || activeVersion)),
      el('dt', {text: 'Trigger'}), el('dd', {id: 'reload-trigger', text: attempt.trigger}),
      el('dt', {text: 'At'}), el('dd', {id: 'reload-time'}, timeEl(attempt.at), ` (${relative(attempt.at)})`),
      el('dt', {text: 'Policy tests'}), el('dd', {text: attempt.result === 'unchanged' ? 'not run: nothing changed'
        : `${attempt.testsRun ?? '—'} run, ${attempt.testsFailed ?? '—'} failed`})));
    if (attempt.result === 'rejected') body.push(problemList(attempt.problems || [], attempt.activeVersion || activeVersion));
  }
  sectionBody(sectionNode).set(body);
}

/**
 * The version an attempt is about. When unchanged, its version is the folder's, not a new one (after a rollback
 * it may differ from the active one), and the active version went on serving.
 */
function versionOf(attempt, activeVersion) {
  if (attempt.result !== 'unchanged') return attempt.version ? [' version ', el('code', {text: attempt.version})] : null;
  return [': nothing new to load; the active version ', el('code', {text: activeVersion || '—'}), ' keeps serving',
    attempt.version && attempt.version !== activeVersion
      ? [' (the folder still holds version ', el('code', {text: attempt.version}), ')'] : null, '.'];
}

export function problemList(problems, activeVersion) {
  return el('div', {id: 'reload-problems', role: 'alert', class: 'alert reload-problems'},
    el('p', {}, el('strong', {text: `The changed rules were rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}).`}),
      ' The active version ', el('code', {text: activeVersion || '—'}), ' keeps serving.'),
    el('ul', {}, problems.map((p) => el('li', {class: 'rule-problem'},
      el('code', {class: 'problem-location', text: p.line > 0 ? `${p.file}:${p.line}` : p.file}), ' ',
      el('span', {class: 'problem-message', text: p.message})))));
}

function reloadButton(sectionNode) {
  const button = el('button', {type: 'button', id: 'reload-button', text: 'Reload rules now'});
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    let outcome;
    try {
      outcome = await api('rules/reload', {method: 'POST'});
      setStatus(`Reload: ${outcome.result}; version ${outcome.activeVersion} is active.`);
    } catch (error) {
      if (error.status === 422 && Array.isArray(error.problem.ruleProblems)) {
        outcome = {result: 'rejected', trigger: 'api', at: new Date().toISOString(), problems: error.problem.ruleProblems};
        setStatus(`Reload rejected with ${outcome.problems.length} problems; the active version keeps serving.`);
      } else {
        sectionBody(sectionNode).set(reloadButton(sectionNode), problemAlert(error));
        return;
      }
    }
    if (!sectionNode.isConnected) return;
    showReload(sectionNode, outcome, outcome.activeVersion);
    // The status, the rules and the versions as the server now has them.
    if (outcome.result === 'activated') route();
    else await loadRuleStatus(sectionNode, document.getElementById('active-version'));
    const again = document.getElementById('reload-button');
    if (again) again.focus();
  });
  return el('p', {}, button);
}
