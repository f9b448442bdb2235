/* Rules: the version in force, the last reload, test coverage, the rules themselves and earlier versions. */
import {el, heading, loading, problemAlert, replace, section} from './dom.js';
import {loadRuleStatus} from './rule-reload.js';
import {loadCoverage} from './rule-coverage.js';
import {loadRules} from './rule-list.js';
import {loadVersions} from './rule-versions.js';

export function rulesPage(page) {
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
