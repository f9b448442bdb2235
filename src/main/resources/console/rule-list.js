/* The rules in force, filtered by words and grouped by file, policy or regulation. */
import {api} from './api.js';
import {el, note, problemAlert, replace, sectionBody} from './dom.js';

export async function loadRules(sectionNode) {
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
