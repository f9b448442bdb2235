/* How many of each regulation's rules the policy tests exercise. */
import {api} from './api.js';
import {el, note, sectionBody, table, unavailable} from './dom.js';

export async function loadCoverage(sectionNode) {
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
