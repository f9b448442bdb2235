/*
 * Response Policy Console: a client of the server's REST API (api-spec/openapi.yaml), with no framework and
 * no build step. This entry point signs in and hands the page to the router; each page has its own module.
 * The Content-Security-Policy allows no inline script or style.
 */
import {api, forgetKey, onKeyRefused, problemText, rememberKey, state} from './api.js';
import {el, heading, note, problemAlert, replace, setStatus} from './dom.js';
import {setServerTime, timeZoneName} from './time.js';
import {definePages, focusHeading, route, showNavLinks} from './routing.js';
import {destroyCharts} from './overview-charts.js';
import {overviewPage} from './overview.js';
import {playgroundPage} from './playground.js';
import {rulesPage} from './rules.js';
import {decisionsPage} from './decisions.js';

definePages({
  overview: {title: 'Overview', render: overviewPage},
  playground: {title: 'Playground', render: playgroundPage},
  rules: {title: 'Rules', render: rulesPage},
  decisions: {title: 'Decisions', render: decisionsPage},
});

async function start() {
  document.getElementById('time-zone').textContent = ` (${timeZoneName()})`;
  document.getElementById('sign-out-button').addEventListener('click', signOut);
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    focusHeading();
  });
  window.addEventListener('hashchange', route);
  onKeyRefused(keyRefused);
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
      rememberKey(key);
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
  setServerTime(me.serverTime);
  showNavLinks();
  document.getElementById('nav-links').hidden = false;
  document.getElementById('session').hidden = false;
  document.getElementById('caller-name').textContent = me.name || (me.keyId ? me.keyId : 'local user');
  document.getElementById('caller-role').textContent = me.role;
  document.getElementById('sign-out-button').hidden = !me.keyId;
  route();
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

start();
