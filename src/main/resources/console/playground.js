/* Playground: a mention tried against the policies as a dry run, which stores nothing. */
import {api, state} from './api.js';
import {el, heading, note, problemAlert, replace, setStatus} from './dom.js';
import {decisionView} from './explain.js';
import {CHANNELS, LANGUAGES, VISIBILITIES} from './vocabulary.js';

/** One click fills the form with a mention worth trying. */
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

export function playgroundPage(page) {
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