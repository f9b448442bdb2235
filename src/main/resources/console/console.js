'use strict';

/*
 * Response Policy Console: a client of the server's REST API (api-spec/openapi.yaml), with no framework and
 * no build step. The page is built with createElement and text nodes only, never innerHTML: mention text,
 * author names and rule texts come from outside. The Content-Security-Policy allows no inline script or style.
 */
(() => {
  const KEY_STORAGE = 'rps.console.apiKey';
  /** Relative to /console/, so the console also works behind a path prefix. */
  const API_BASE = '../v1/';

  const state = {
    key: sessionStorage.getItem(KEY_STORAGE),
    me: null,
    charts: [],
    firstRoute: true,
    playground: null,
    lastDecisionsHash: '#/decisions',
    statusTimer: 0,
  };

  // ------------------------------------------------------------------ vocabulary (from openapi.yaml)

  const CHANNELS = ['twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'linkedin', 'forum', 'review', 'other'];
  const VISIBILITIES = ['public', 'private'];
  const LANGUAGES = {en: 'English', pl: 'Polish', uk: 'Ukrainian', ru: 'Russian', hu: 'Hungarian', und: 'undetermined'};
  const ACTION_TYPES = {
    RESPOND_PUBLICLY: 'Reply in the thread',
    HOLDING_REPLY: 'Holding reply (outside staffed hours)',
    THANK: 'Thank the author',
    ESCALATE: 'Hand over to the queue\'s team',
    MOVE_TO_PRIVATE: 'Continue in private messages',
    HIDE_PUBLIC_POST: 'Hide the post (it exposes personal data)',
    FORWARD_TO_PRODUCT: 'Pass the suggestion to product',
    PIN_STATEMENT: 'Pin one public statement',
    NO_ACTION: 'Nothing to do',
  };
  const QUEUES = ['social-care', 'compliance', 'fraud', 'product', 'crisis', 'on-call'];
  const HIGHLIGHT_KINDS = {personal_data: 'personal data', topic: 'topic', intent: 'intent'};
  const RANGES = {'24h': {label: '24 hours', ms: 24 * 3600e3}, '7d': {label: '7 days', ms: 7 * 24 * 3600e3},
    '30d': {label: '30 days', ms: 30 * 24 * 3600e3}};

  const EXAMPLES = [
    {id: 'example-pl-card', label: 'Polish complaint with a card number', language: '', channel: 'twitter',
      text: 'Zablokowaliście mi kartę 4111 1111 1111 1111, skandal! Od rana nie mogę zapłacić.',
      author: 'Anna Nowak', followers: 5400},
    {id: 'example-uk-credit', label: 'Ukrainian question about a credit', language: '', channel: 'facebook',
      text: 'Добрий день! Чи можу я достроково погасити кредит без комісії? Підкажіть, будь ласка.',
      author: 'Олена Коваленко', followers: 320},
    {id: 'example-hu-praise', label: 'Hungarian praise', language: '', channel: 'instagram',
      text: 'Köszönöm a gyors segítséget, nagyon elégedett vagyok az új mobilbankkal! Szuper csapat.',
      author: 'Kovács Péter', followers: 1200},
    {id: 'example-en-outage', label: 'English outage complaint', language: '', channel: 'twitter',
      text: 'Your app has been down all morning, I cannot log in or pay anyone. Third outage this month!',
      author: 'Jane Doe', followers: 15000},
  ];

  // ------------------------------------------------------------------ DOM helpers

  /** el('p', {class: 'x', text: 'y', onclick: fn, 'aria-label': 'z'}, child, 'text', [more]) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    return append(node, children);
  }

  function append(node, children) {
    for (const child of [children].flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function heading(text) {
    return el('h1', {tabindex: '-1', text});
  }

  /** A page section titled by an h2, labelled by it for assistive technology. */
  function section(title, id, ...children) {
    const headingId = `${id}-heading`;
    return el('section', {id, 'aria-labelledby': headingId}, el('h2', {id: headingId, text: title}), children);
  }

  function loading(text = 'Loading…') {
    return el('p', {class: 'loading', 'aria-busy': 'true', text});
  }

  function note(text, cls = 'muted') {
    return el('p', {class: cls, text});
  }

  function badge(text, cls = '') {
    return el('span', {class: `badge ${cls}`.trim(), text});
  }

  /** A problem as people read it: "title: detail", with the invalid fields listed. */
  function problemAlert(error, id) {
    const problem = error.problem || {title: 'Error', detail: String(error.message || error)};
    const box = el('div', {class: 'alert', role: 'alert', id}, el('p', {text: problemText(problem)}));
    if (Array.isArray(problem.errors) && problem.errors.length) {
      box.append(el('ul', {}, problem.errors.map((e) => el('li', {}, el('code', {text: e.field}), ' ', e.message))));
    }
    if (problem.errorId) box.append(note(`Error id to quote: ${problem.errorId}`));
    return box;
  }

  /** What a section says when its call failed; 404 means this server does not offer it (yet). */
  function unavailable(error, what) {
    if (error.status === 404 && (!error.problem.code || error.problem.code === 'not_found')) {
      return note(`${what} is not available on this server.`, 'muted not-available');
    }
    return problemAlert(error);
  }

  function table({id, caption, columns, rows, cls}) {
    return el('div', {class: 'table-wrap'},
      el('table', {id, class: cls},
        caption ? el('caption', {text: caption}) : null,
        el('thead', {}, el('tr', {}, columns.map((c) => el('th', {scope: 'col', text: c})))),
        el('tbody', {}, rows)));
  }

  /** Announces a short message (aria-live) and shows it for a few seconds. */
  function setStatus(text) {
    const status = document.getElementById('status');
    clearTimeout(state.statusTimer);
    status.textContent = '';
    if (!text) return;
    requestAnimationFrame(() => { status.textContent = text; });
    state.statusTimer = setTimeout(() => { status.textContent = ''; }, 8000);
  }

  function replace(node, ...children) {
    node.removeAttribute('aria-busy');
    node.replaceChildren();
    return append(node, children);
  }

  // ------------------------------------------------------------------ time

  const dateTimeFormat = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
  const relativeFormat = new Intl.RelativeTimeFormat('en', {numeric: 'auto'});

  function localTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date);
  }

  function timeEl(iso, cls) {
    if (!iso) return el('span', {class: 'muted', text: '—'});
    return el('time', {datetime: iso, title: iso, class: cls, text: localTime(iso)});
  }

  function serverNow() {
    return Date.now() + (state.clockOffset || 0);
  }

  function relative(iso, now = serverNow()) {
    const minutes = Math.round((new Date(iso).getTime() - now) / 60000);
    if (Number.isNaN(minutes)) return '';
    if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
    const hours = Math.round(minutes / 60);
    if (Math.abs(hours) < 48) return relativeFormat.format(hours, 'hour');
    return relativeFormat.format(Math.round(hours / 24), 'day');
  }

  /** A datetime-local value (local time, minutes) for an instant, and back. */
  function toLocalInput(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  function fromLocalInput(value) {
    const date = new Date(value);
    return value && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
  }

  function timeZoneName() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
  }

  // ------------------------------------------------------------------ API

  class ApiError extends Error {
    constructor(problem) {
      super(problemText(problem));
      this.problem = problem;
      this.status = problem.status;
    }
  }

  function problemText(problem) {
    if (problem.title && problem.detail) return `${problem.title}: ${problem.detail}`;
    return problem.detail || problem.title || `HTTP ${problem.status}`;
  }

  /** Calls the API with the signed-in key; resolves to the JSON body, rejects with an ApiError (a problem). */
  async function api(path, {method = 'GET', body, key = state.key} = {}) {
    const headers = {Accept: 'application/json, application/problem+json'};
    if (key) headers['X-API-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(API_BASE + path, {method, headers, cache: 'no-store', credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body)});
    } catch (e) {
      throw new ApiError({status: 0, title: 'No answer', detail: `The server could not be reached (${e.message}).`});
    }
    const data = await response.json().catch(() => null);
    if (response.ok) return data;
    const problem = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
    problem.status = problem.status || response.status;
    problem.title = problem.title || response.statusText || 'Request failed';
    problem.detail = problem.detail || `The server answered HTTP ${response.status}.`;
    const error = new ApiError(problem);
    if (response.status === 401 && state.me && key === state.key) keyRefused(error);
    throw error;
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') search.set(name, value);
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  }

  // ------------------------------------------------------------------ sign-in

  async function start() {
    document.getElementById('time-zone').textContent = ` (${timeZoneName()})`;
    document.getElementById('sign-out-button').addEventListener('click', signOut);
    document.getElementById('skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      focusHeading();
    });
    window.addEventListener('hashchange', route);
    try {
      signedIn(await api('me'));
    } catch (error) {
      if (error.status === 401) {
        const hadKey = Boolean(state.key);
        forgetKey();
        showSignIn(hadKey ? 'Your saved key is no longer accepted; sign in again.' : null);
      } else {
        showStartFailure(error);
      }
    }
  }

  function showStartFailure(error) {
    const page = document.getElementById('page');
    replace(page, heading('Response Policy Console'), problemAlert(error),
      el('button', {type: 'button', onclick: () => location.reload(), text: 'Try again'}));
  }

  function showSignIn(message) {
    state.me = null;
    destroyCharts();
    document.getElementById('nav-links').hidden = true;
    document.getElementById('session').hidden = true;
    const input = el('input', {type: 'password', id: 'api-key', name: 'api-key', required: true,
      autocomplete: 'current-password', spellcheck: 'false', 'aria-describedby': 'api-key-help'});
    const button = el('button', {type: 'submit', id: 'sign-in-button', text: 'Sign in'});
    const messages = el('div', {id: 'sign-in-messages'});
    if (message) messages.append(el('p', {id: 'sign-in-error', role: 'alert', class: 'alert', text: message}));
    const form = el('form', {id: 'sign-in-form', class: 'sign-in'},
      el('label', {for: 'api-key', text: 'API key'}), input,
      el('small', {id: 'api-key-help', text: 'A key starting with rps_, from your administrator. It is kept only in this browser tab.'}),
      button, messages);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) return;
      button.setAttribute('aria-busy', 'true');
      button.disabled = true;
      try {
        const me = await api('me', {key});
        state.key = key;
        sessionStorage.setItem(KEY_STORAGE, key);
        signedIn(me);
      } catch (error) {
        const text = error.status === 401 ? error.problem.detail : problemText(error.problem);
        replace(messages, el('p', {id: 'sign-in-error', role: 'alert', class: 'alert', text}));
        button.disabled = false;
        button.removeAttribute('aria-busy');
        input.focus();
      }
    });
    const page = document.getElementById('page');
    replace(page, el('article', {class: 'sign-in-card'}, heading('Sign in'),
      note('This server needs an API key. Your role decides what you can see and do.', ''), form));
    document.title = 'Sign in — Response Policy Console';
    input.focus();
  }

  function signedIn(me) {
    state.me = me;
    // Deadlines are the server's: "due in 10 minutes" is counted on its clock, whatever this computer's says.
    const serverTime = Date.parse(me.serverTime);
    state.clockOffset = Number.isNaN(serverTime) ? 0 : serverTime - Date.now();
    document.getElementById('nav-links').hidden = false;
    document.getElementById('session').hidden = false;
    document.getElementById('caller-name').textContent = me.name || (me.keyId ? me.keyId : 'local user');
    document.getElementById('caller-role').textContent = me.role;
    document.getElementById('sign-out-button').hidden = !me.keyId;
    route();
  }

  function forgetKey() {
    state.key = null;
    sessionStorage.removeItem(KEY_STORAGE);
  }

  function signOut() {
    forgetKey();
    state.playground = null;
    showSignIn(null);
    setStatus('Signed out.');
  }

  /** The key stopped working while the console was open (revoked): ask for one again. */
  function keyRefused(error) {
    forgetKey();
    showSignIn(`Your key is no longer accepted (${error.problem.detail}). Sign in again.`);
  }

  function isAdmin() {
    return state.me && state.me.role === 'admin';
  }

  // ------------------------------------------------------------------ routing

  const PAGES = {
    overview: {title: 'Overview', render: overviewPage},
    playground: {title: 'Playground', render: playgroundPage},
    rules: {title: 'Rules', render: rulesPage},
    decisions: {title: 'Decisions', render: decisionsPage},
  };

  function currentRoute() {
    const hash = location.hash.replace(/^#\/?/, '');
    const cut = hash.indexOf('?');
    const path = cut < 0 ? hash : hash.slice(0, cut);
    const parts = path.split('/').filter(Boolean).map((part) => {
      try {
        return decodeURIComponent(part);
      } catch (e) {
        return part;
      }
    });
    return {name: parts[0] || 'overview', args: parts.slice(1), params: new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1))};
  }

  function route() {
    if (!state.me) return;
    const current = currentRoute();
    const page = PAGES[current.name];
    destroyCharts();
    for (const link of document.querySelectorAll('#nav-links a')) {
      if (link.dataset.page === current.name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const container = document.getElementById('page');
    replace(container);
    setStatus('');
    if (page) page.render(container, current);
    else replace(container, heading('Page not found'), note(`There is no page '${location.hash}'.`, ''),
      el('a', {href: '#/overview', text: 'Go to the overview'}));
    const h1 = container.querySelector('h1');
    document.title = `${h1 ? h1.textContent : 'Console'} — Response Policy Console`;
    if (!state.firstRoute) focusHeading();
    state.firstRoute = false;
  }

  function focusHeading() {
    const h1 = document.querySelector('#page h1');
    if (h1) h1.focus();
  }

  /** Records a page's filters in the address (bookmarkable) without rendering the page again. */
  function pushQuery(name, params) {
    const hash = `#/${name}${query(params)}`;
    if (hash !== location.hash) history.pushState(null, '', hash);
    return hash;
  }

  // ------------------------------------------------------------------ the explanation of a decision

  /** Masked text, analysis, actions with reasons: shared by the playground and a stored decision. */
  function decisionView(decision, highlights) {
    return [
      section('Text as the server sees it', 'masked-text-section',
        maskedText(decision.maskedText || '', highlights || []), highlightLegend()),
      section('Analysis', 'analysis', analysisFacts(decision.analysis || {})),
      actionsSection(decision.actions || []),
      el('p', {class: 'muted ruleset'}, 'Decided with rule-set version ',
        el('code', {class: 'ruleset-version', text: decision.rulesetVersion || '—'}), '.'),
    ];
  }

  function maskedText(text, highlights) {
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

  function highlightLegend() {
    return el('ul', {class: 'legend', 'aria-label': 'Highlight colours'},
      Object.entries(HIGHLIGHT_KINDS).map(([kind, name]) => el('li', {}, el('mark', {class: `hl hl-${kind}`, text: name}))),
      el('li', {class: 'muted', text: 'Hover a highlight for its type.'}));
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

  // ------------------------------------------------------------------ playground

  function playgroundPage(page) {
    const saved = state.playground || {};
    const values = saved.values || {text: '', channel: 'twitter', visibility: 'public', brand: 'acme-bank',
      author: '', followers: '', language: ''};
    const field = (id, label, control, cls) => el('div', {class: cls}, el('label', {for: id, text: label}), control);
    const select = (id, options, value) => el('select', {id, name: id},
      options.map(([v, text]) => el('option', {value: v, text, selected: v === value})));

    const text = el('textarea', {id: 'mention-text', name: 'mention-text', rows: '4', required: true, maxlength: '20000',
      placeholder: 'Paste or type a social-media mention'});
    text.value = values.text;
    const form = el('form', {id: 'playground-form', class: 'playground-form'},
      field('mention-text', 'Mention text', text, 'wide'),
      el('div', {class: 'field-row'},
        field('mention-channel', 'Channel', select('mention-channel', CHANNELS.map((c) => [c, c]), values.channel)),
        field('mention-visibility', 'Visibility', select('mention-visibility', VISIBILITIES.map((v) => [v, v]), values.visibility)),
        field('mention-language', 'Language', select('mention-language',
          [['', 'Detect automatically'], ...['en', 'pl', 'uk', 'ru', 'hu'].map((l) => [l, `${l} — ${LANGUAGES[l]}`])], values.language)),
        field('mention-brand', 'Brand', el('input', {id: 'mention-brand', name: 'mention-brand', required: true,
          maxlength: '100', value: values.brand})),
        field('mention-author', 'Author name', el('input', {id: 'mention-author', name: 'mention-author',
          maxlength: '200', autocomplete: 'off', value: values.author})),
        field('mention-followers', 'Followers', el('input', {id: 'mention-followers', name: 'mention-followers',
          type: 'number', min: '0', step: '1', inputmode: 'numeric', value: values.followers}))),
      el('div', {class: 'form-actions'},
        el('button', {type: 'submit', id: 'evaluate-button', text: 'Evaluate (dry run)'}),
        el('span', {class: 'muted', text: 'Nothing is stored.'})));
    const examples = el('div', {class: 'examples', role: 'group', 'aria-labelledby': 'examples-label'},
      el('span', {id: 'examples-label', class: 'examples-label', text: 'Try an example:'}),
      EXAMPLES.map((example) => el('button', {type: 'button', id: example.id, class: 'secondary outline compact example-button',
        'data-example': example.id, text: example.label, onclick: () => fillExample(form, example)})));
    const result = el('section', {id: 'playground-result', 'aria-label': 'Dry-run result'});

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      evaluate(form, result);
    });
    page.append(heading('Playground'),
      note('Write a mention and see what the policies would decide, and why. A dry run stores nothing and ' +
        'ignores the author\'s history and incidents under way.', 'lead'),
      examples, form, result);
    if (saved.response) showDryRun(result, saved.response);
    else result.append(note('The decision will appear here.'));
  }

  function fillExample(form, example) {
    form.querySelector('#mention-text').value = example.text;
    form.querySelector('#mention-channel').value = example.channel;
    form.querySelector('#mention-visibility').value = 'public';
    form.querySelector('#mention-language').value = example.language;
    form.querySelector('#mention-author').value = example.author;
    form.querySelector('#mention-followers').value = String(example.followers);
    form.querySelector('#mention-text').focus();
    setStatus(`Filled in the example: ${example.label}.`);
  }

  function playgroundValues(form) {
    const value = (id) => form.querySelector(`#${id}`).value;
    return {text: value('mention-text'), channel: value('mention-channel'), visibility: value('mention-visibility'),
      brand: value('mention-brand').trim(), author: value('mention-author').trim(),
      followers: value('mention-followers').trim(), language: value('mention-language')};
  }

  function mentionOf(values) {
    const mention = {id: `console-${Date.now()}`, brand: values.brand, channel: values.channel,
      visibility: values.visibility, text: values.text};
    if (values.language) mention.language = values.language;
    const author = {};
    if (values.author) author.displayName = values.author;
    if (values.followers !== '') author.followers = Number(values.followers);
    if (Object.keys(author).length) mention.author = author;
    return mention;
  }

  async function evaluate(form, result) {
    const button = form.querySelector('#evaluate-button');
    const values = playgroundValues(form);
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    result.setAttribute('aria-busy', 'true');
    try {
      const response = await api('mentions/dry-run', {method: 'POST', body: mentionOf(values)});
      state.playground = {values, response};
      if (!result.isConnected) return;
      showDryRun(result, response);
      const actions = response.decision.actions.map((a) => a.type).join(', ');
      setStatus(`Dry run done: ${response.decision.actions.length} actions (${actions}).`);
    } catch (error) {
      state.playground = {values};
      if (!result.isConnected) return;
      replace(result, problemAlert(error, 'playground-error'));
      setStatus('The dry run failed.');
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  function showDryRun(result, response) {
    const decision = response.decision || {};
    replace(result, el('h2', {class: 'result-title', text: 'What the policies would decide'}),
      decisionView(decision, response.highlights));
  }

  // ------------------------------------------------------------------ rules

  function rulesPage(page) {
    const version = el('p', {id: 'active-version', class: 'lead'}, loading());
    const reload = section('Last reload', 'last-reload', loading());
    const coverage = section('Test coverage by regulation', 'coverage', loading());
    const rules = section('Rules in force', 'rules-list', loading());
    const versions = section('Earlier versions', 'rule-versions', loading());
    page.append(heading('Rules'), version, reload, coverage, rules, versions);
    const refresh = async () => {
      const error = await loadRuleStatus(reload, version);
      if (error && error.status === 403) {
        // One message for the page, not the same refusal in every section.
        replace(version, problemAlert(error, 'rules-forbidden'));
        for (const part of [reload, coverage, rules, versions]) part.remove();
        return;
      }
      loadCoverage(coverage);
      loadRules(rules);
      loadVersions(versions, refresh);
    };
    refresh();
  }

  function sectionBody(sectionNode) {
    const h2 = sectionNode.querySelector('h2');
    return {
      set(...children) {
        sectionNode.removeAttribute('aria-busy');
        sectionNode.replaceChildren(h2);
        append(sectionNode, children);
      },
    };
  }

  /** Resolves to the error when the status could not be read. */
  async function loadRuleStatus(sectionNode, versionLine) {
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
        el('dt', {text: 'Result'}), el('dd', {}, badge(attempt.result, `result result-${attempt.result}`),
          attempt.version ? [' version ', el('code', {text: attempt.version})] : null),
        el('dt', {text: 'Trigger'}), el('dd', {id: 'reload-trigger', text: attempt.trigger}),
        el('dt', {text: 'At'}), el('dd', {id: 'reload-time'}, timeEl(attempt.at), ` (${relative(attempt.at)})`),
        el('dt', {text: 'Policy tests'}), el('dd', {text: `${attempt.testsRun ?? '—'} run, ${attempt.testsFailed ?? '—'} failed`})));
      if (attempt.result === 'rejected') body.push(problemList(attempt.problems || [], attempt.activeVersion || activeVersion));
    }
    sectionBody(sectionNode).set(body);
  }

  function problemList(problems, activeVersion) {
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

  async function loadCoverage(sectionNode) {
    const body = sectionBody(sectionNode);
    try {
      const report = await api('rules/coverage');
      // The figures may sit at the top level or under "coverage", as in a validation report.
      const coverage = {...report, ...(report.coverage || {})};
      const rows = (coverage.byRegulation || []).map((r) => {
        const total = (r.rules || []).length;
        const tested = (r.testedRules || []).length;
        const untested = (r.rules || []).filter((name) => !(r.testedRules || []).includes(name));
        return el('tr', {class: tested < total ? 'coverage-row partly' : 'coverage-row'},
          el('th', {scope: 'row', text: r.regulation}),
          el('td', {class: 'num', text: `${tested} of ${total}`}),
          el('td', {class: 'num', text: String(r.cases ?? '—')}),
          el('td', {}, el('meter', {min: '0', max: String(Math.max(total, 1)), value: String(tested),
            'aria-label': `${tested} of ${total} rules tested`}),
          untested.length ? el('small', {class: 'muted', text: ` untested: ${untested.join(', ')}`}) : null));
      });
      const untestedRules = coverage.untestedRules || [];
      const untestedRegulations = coverage.untestedRegulations || [];
      body.set(
        note(`Policy tests: ${coverage.testsRun ?? '—'} run, ${coverage.testsFailed ?? '—'} failed; ` +
          `${coverage.rules ?? '—'} rules in version ${coverage.version || '—'}.`, ''),
        rows.length ? table({id: 'coverage-table', caption: 'Rules exercised by policy tests, per regulation',
          columns: ['Regulation', 'Rules tested', 'Test cases', 'Coverage'], rows}) : note('No rule cites a regulation.'),
        el('h3', {text: 'Untested rules'}),
        untestedRules.length ? el('ul', {id: 'untested-rules'}, untestedRules.map((r) => el('li', {}, el('code', {text: r}))))
          : note('Every rule is exercised by at least one policy test.', 'ok'),
        untestedRegulations.length ? [el('h3', {text: 'Regulations no test exercises'}),
          el('ul', {id: 'untested-regulations'}, untestedRegulations.map((r) => el('li', {text: r})))] : null);
    } catch (error) {
      body.set(unavailable(error, 'Test coverage'));
    }
  }

  async function loadRules(sectionNode) {
    const body = sectionBody(sectionNode);
    try {
      const active = await api('rules');
      const rules = active.rules || [];
      const filter = el('input', {type: 'search', id: 'rules-filter', name: 'rules-filter',
        placeholder: 'Name, policy, words of the description, regulation or file'});
      const groupBy = el('select', {id: 'rules-group'},
        [['file', 'File'], ['policy', 'Policy'], ['regulation', 'Regulation']].map(([v, t]) => el('option', {value: v, text: t})));
      const count = el('p', {id: 'rules-count', class: 'muted', 'aria-live': 'polite'});
      const holder = el('div');
      const draw = () => {
        const words = filter.value.trim().toLowerCase();
        const shown = rules.filter((r) => !words ||
          [r.name, r.policy, r.description, r.regulation, r.file].some((v) => (v || '').toLowerCase().includes(words)));
        replace(holder, rulesTable(shown, groupBy.value));
        count.textContent = `Showing ${shown.length} of ${rules.length} rules.`;
      };
      filter.addEventListener('input', draw);
      groupBy.addEventListener('change', draw);
      const ruleCounts = new Map();
      for (const r of rules) ruleCounts.set(r.file, (ruleCounts.get(r.file) || 0) + 1);
      body.set(
        el('details', {class: 'files'}, el('summary', {text: `Files of version ${active.version} (${(active.files || []).length})`}),
          el('ul', {id: 'rule-files', class: 'columns'}, (active.files || []).map((f) => el('li', {}, el('code', {text: f}),
            ruleCounts.get(f) ? el('span', {class: 'muted', text: ` ${ruleCounts.get(f)} rules`}) : null)))),
        el('div', {class: 'field-row narrow'},
          el('div', {}, el('label', {for: 'rules-filter', text: 'Filter rules'}), filter),
          el('div', {}, el('label', {for: 'rules-group', text: 'Group by'}), groupBy)),
        count, holder);
      draw();
    } catch (error) {
      body.set(problemAlert(error));
    }
  }

  function rulesTable(rules, groupKey) {
    if (rules.length === 0) return note('No rule matches the filter.');
    const groups = new Map();
    for (const rule of rules) {
      const key = rule[groupKey] || `(no ${groupKey})`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(rule);
    }
    const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b));
    // Grouped by file, the group's heading already names the file.
    const byFile = groupKey === 'file';
    const columns = ['Rule', 'Policy', 'Description', 'Regulation'].concat(byFile ? [] : ['File']);
    return el('div', {class: 'table-wrap'}, el('table', {id: 'rules-table', class: 'rules-table'},
      el('caption', {text: `Rules grouped by ${groupKey}`}),
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', {scope: 'col', text: c})))),
      keys.map((key) => el('tbody', {},
        el('tr', {class: 'group-row'}, el('th', {scope: 'rowgroup', colspan: String(columns.length)}, key,
          el('span', {class: 'muted', text: ` (${groups.get(key).length})`}))),
        groups.get(key).sort((a, b) => a.name.localeCompare(b.name)).map((r) => el('tr', {class: 'rule-row', 'data-rule': r.name},
          el('th', {scope: 'row', text: r.name}), el('td', {text: r.policy}), el('td', {text: r.description}),
          el('td', {text: r.regulation || ''}), byFile ? null : el('td', {}, r.file ? el('code', {text: r.file}) : '')))))));
  }

  async function loadVersions(sectionNode, refresh) {
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

  // ------------------------------------------------------------------ decisions

  const DECISION_FILTERS = ['brand', 'action', 'queue', 'policy', 'from', 'to', 'limit'];

  function decisionsPage(page, current) {
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

  async function decisionPage(page, decisionId) {
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

  // ------------------------------------------------------------------ overview

  const COLORS = {total: '#5b7db1', negative: '#c62828', positive: '#2e7d32', passed: '#c62828', dueWithinHour: '#ef6c00',
    later: '#1565c0', none: '#9e9e9e', action: '#455a9c'};

  function overviewPage(page, current) {
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
    // The period is counted back from the server's clock, which the whole team shares, not this browser's.
    loadOverview({since: rangeKey, brand}, {summary, mentions, actions, deadlines, dueSoon});
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
    state.charts.push(new window.Chart(canvas, config));
  }

  function destroyCharts() {
    for (const chart of state.charts) chart.destroy();
    state.charts = [];
  }

  function bucketLabel(iso, bucket) {
    const date = new Date(iso);
    return bucket === 'hour'
      ? date.toLocaleString(undefined, {weekday: 'short', hour: '2-digit', minute: '2-digit'})
      : date.toLocaleDateString(undefined, {weekday: 'short', day: 'numeric', month: 'short'});
  }

  function mentionsChart(sectionNode, overview) {
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
      rows: buckets.map((b) => el('tr', {}, el('th', {scope: 'row'}, timeEl(b.start)), el('td', {class: 'num', text: String(b.total)}),
        el('td', {class: 'num', text: String(b.negative)}), el('td', {class: 'num', text: String(b.positive)})))}));
  }

  function actionsChart(sectionNode, byType) {
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

  function deadlinesChart(sectionNode, deadlines) {
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

  async function loadIncidents(sectionNode, brand) {
    const body = sectionBody(sectionNode);
    const [open, closed] = await Promise.allSettled([
      api(`incidents${query({status: 'open', brand})}`),
      api(`incidents${query({status: 'closed', brand, limit: 20})}`)]);
    if (!sectionNode.isConnected) return;
    const openPart = open.status === 'fulfilled' ? openIncidents(open.value.incidents || []) : problemAlert(open.reason);
    const closedPart = closed.status === 'fulfilled' ? closedIncidents(closed.value.incidents || []) : problemAlert(closed.reason);
    body.set(el('div', {id: 'incidents-open', class: 'incidents-open'}, el('h3', {text: 'Open now'}), openPart),
      el('div', {id: 'incidents-closed'}, el('h3', {text: 'Past incidents (newest 20)'}), closedPart));
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

  start();
})();
