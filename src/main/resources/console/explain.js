/* The explanation of a decision: its text, the analysis, and each action with the rules that asked for it. */
import {badge, el, note, section} from './dom.js';
import {maskedText, highlightLegend} from './highlights.js';
import {relative, timeEl} from './time.js';
import {ACTION_TYPES, LANGUAGES} from './vocabulary.js';

/** Masked text, analysis, actions with reasons: shared by the playground and a stored decision. */
export function decisionView(decision, highlights) {
  return [
    section('Text as the server sees it', 'masked-text-section',
      maskedText(decision.maskedText || '', highlights || []), highlightLegend()),
    section('Analysis', 'analysis', analysisFacts(decision.analysis || {})),
    actionsSection(decision.actions || []),
    el('p', {class: 'muted ruleset'}, 'Decided with rule-set version ',
      el('code', {class: 'ruleset-version', text: decision.rulesetVersion || '—'}), '.'),
  ];
}

function analysisFacts(analysis) {
  const sentiment = analysis.sentiment || {};
  const personal = analysis.personalData || [];
  const topics = analysis.topics || [];
  const intents = analysis.intents || [];
  return el('dl', {class: 'facts', id: 'analysis-facts'},
    el('dt', {text: 'Language'}),
    el('dd', {id: 'analysis-language'}, el('code', {text: analysis.language || '—'}), ' ', LANGUAGES[analysis.language] || ''),
    el('dt', {text: 'Sentiment'}),
    el('dd', {id: 'analysis-sentiment'}, badge(sentiment.label || '—', `sentiment-${sentiment.label}`),
      ` score ${signed(sentiment.score)}, confidence ${number(sentiment.confidence)} (${sentiment.source || '—'})`),
    el('dt', {text: 'Personal data'}),
    el('dd', {id: 'analysis-personal-data'}, personal.length === 0 ? 'none found' : el('ul', {class: 'plain'},
      personal.map((p) => el('li', {}, badge(p.type, 'kind-personal_data'), ' ', el('code', {text: p.maskedValue}))))),
    el('dt', {text: 'Topics'}),
    el('dd', {id: 'analysis-topics'}, topics.length === 0 ? 'none' : el('ul', {class: 'plain'}, topics.map((t) => el('li', {},
      badge(t.id, 'kind-topic'), t.regulated ? [' ', badge('regulated', 'regulated')] : null,
      t.regulation ? el('span', {class: 'muted', text: ` ${t.regulation}`}) : null, evidence(t.evidence))))),
    el('dt', {text: 'Intents'}),
    el('dd', {id: 'analysis-intents'}, intents.length === 0 ? 'none' : el('ul', {class: 'plain'},
      intents.map((i) => el('li', {}, badge(i.id, 'kind-intent'), evidence(i.evidence))))));
}

function evidence(words) {
  if (!Array.isArray(words) || words.length === 0) return null;
  return el('span', {class: 'evidence'}, ' — ', words.map((w, n) => [n ? ', ' : '', el('q', {text: w})]));
}

function signed(value) {
  return typeof value === 'number' ? (value > 0 ? '+' : '') + value.toFixed(2) : '—';
}

function number(value) {
  return typeof value === 'number' ? value.toFixed(2) : '—';
}

function actionsSection(actions) {
  return section(`Recommended actions (${actions.length})`, 'actions',
    actions.length === 0 ? note('No action was recommended.') : el('div', {class: 'actions'}, actions.map(actionCard)));
}

function actionCard(action) {
  const basis = action.dueByBasis || action.deadlineBasis;
  return el('article', {class: `action priority-${action.priority}`, 'data-type': action.type},
    el('header', {class: 'action-header'},
      el('h3', {}, el('span', {class: 'action-type', text: action.type}),
        el('small', {class: 'action-meaning', text: ACTION_TYPES[action.type] || ''})),
      el('div', {class: 'badges'}, badge(action.priority, `priority priority-${action.priority}`),
        action.requiresApproval ? badge('needs approval', 'approval') : null)),
    el('dl', {class: 'facts compact'},
      el('dt', {text: 'Queue'}), el('dd', {class: 'action-queue', text: action.queue}),
      el('dt', {text: 'Due by'}), el('dd', {class: 'action-due'}, action.dueBy
        ? [timeEl(action.dueBy), el('span', {class: 'muted', text: ` (${relative(action.dueBy)})`})] : 'no deadline'),
      basis ? [el('dt', {text: 'Deadline basis'}), el('dd', {class: 'muted', text: basis})] : null,
      action.labels && action.labels.length ? [el('dt', {text: 'Labels'}),
        el('dd', {}, action.labels.map((l) => badge(l, 'label')))] : null),
    action.suggestedReply ? reply('Suggested reply', action.suggestedReply, 'suggested-reply') : null,
    action.statementDrafts && action.statementDrafts.length ? el('details', {class: 'statement-drafts'},
      el('summary', {text: `Statement drafts (${action.statementDrafts.length} languages)`}),
      action.statementDrafts.map((d) => reply('Statement', d, 'statement-draft'))) : null,
    el('h4', {text: 'Why'}),
    el('ul', {class: 'reasons'}, (action.reasons || []).map(reasonItem)));
}

function reply(title, draft, cls) {
  const language = LANGUAGES[draft.language] || draft.language;
  return el('div', {class: cls},
    el('h4', {}, `${title} `, el('small', {class: 'muted', text: `${language}, template ${draft.templateId}`})),
    el('blockquote', {lang: draft.language, text: draft.text}));
}

function reasonItem(reason) {
  return el('li', {class: 'reason'},
    el('p', {class: 'reason-head'}, badge(reason.policy, 'reason-policy'), ' ',
      el('strong', {class: 'reason-rule', text: reason.rule})),
    reason.description ? el('p', {class: 'reason-description', text: reason.description}) : null,
    reason.regulation ? el('p', {class: 'reason-regulation'}, el('strong', {text: 'Regulation: '}), reason.regulation) : null,
    reason.evidence && reason.evidence.length ? el('ul', {class: 'reason-evidence', 'aria-label': 'Evidence'},
      reason.evidence.map((e) => el('li', {text: e}))) : null);
}