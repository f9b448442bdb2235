/* One stored decision with its explanation. */
import {api, state} from './api.js';
import {el, heading, loading, problemAlert, replace} from './dom.js';
import {decisionView} from './explain.js';
import {relative, timeEl} from './time.js';

export async function decisionPage(page, decisionId) {
  const body = el('div', {id: 'decision-detail'}, loading());
  page.append(heading('Decision'),
    el('p', {}, el('a', {href: state.lastDecisionsHash, id: 'back-to-decisions', text: '← Back to the decisions'})), body);
  try {
    const explained = await explainedDecision(decisionId);
    if (!body.isConnected) return;
    const d = explained.decision;
    replace(body,
      el('dl', {class: 'facts', id: 'decision-meta'},
        el('dt', {text: 'Decision id'}), el('dd', {}, el('code', {id: 'decision-id', text: d.decisionId})),
        el('dt', {text: 'Mention id'}), el('dd', {}, el('code', {id: 'decision-mention-id', text: d.mentionId})),
        el('dt', {text: 'Brand'}), el('dd', {id: 'decision-brand', text: d.brand}),
        el('dt', {text: 'Evaluated at'}), el('dd', {}, timeEl(d.evaluatedAt), ` (${relative(d.evaluatedAt)})`),
        el('dt', {text: 'Rule-set version'}), el('dd', {}, el('code', {text: d.rulesetVersion})),
        d.incidentId ? [el('dt', {text: 'Incident'}), el('dd', {}, el('code', {id: 'decision-incident', text: d.incidentId}))] : null),
      decisionView(d, explained.highlights));
  } catch (error) {
    if (body.isConnected) replace(body, problemAlert(error, 'decision-error'));
  }
}

/** The decision with its highlights; a server without the explanation endpoint gives the plain decision. */
async function explainedDecision(decisionId) {
  const id = encodeURIComponent(decisionId);
  try {
    return await api(`decisions/${id}/explanation`);
  } catch (error) {
    if (error.status !== 404 || error.problem.code === 'decision_not_found') throw error;
    const decision = await api(`decisions/${id}`);
    return {decision, highlights: personalDataHighlights(decision)};
  }
}

/** Only where the masked value stands at its offsets (a mask may differ in length from what it hides). */
function personalDataHighlights(decision) {
  const text = decision.maskedText || '';
  return ((decision.analysis && decision.analysis.personalData) || [])
    .filter((p) => text.slice(p.start, p.end) === p.maskedValue)
    .map((p) => ({start: p.start, end: p.end, kind: 'personal_data', label: p.type}));
}
