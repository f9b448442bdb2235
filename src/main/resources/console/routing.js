/* Pages by the address's hash: #/name/arg?filters, so every page and search can be bookmarked. */
import {query, state} from './api.js';
import {el, heading, note, replace, setStatus} from './dom.js';
import {destroyCharts} from './overview-charts.js';

/** name → {title, render(container, route)}; set once at start. */
let pages = {};
let firstRoute = true;

export function definePages(defined) {
  pages = defined;
}

/** The pages a role may open, for roles that may not open them all: an evaluate key may only try mentions. */
const ROLE_PAGES = {evaluate: ['playground']};

export function mayOpen(name) {
  const only = state.me && Object.hasOwn(ROLE_PAGES, state.me.role) ? ROLE_PAGES[state.me.role] : null;
  return !only || only.includes(name);
}

/** The page an empty address opens. */
export function homePage() {
  return mayOpen('overview') ? 'overview' : ROLE_PAGES[state.me.role][0];
}

/** Shows only the links to pages the signed-in role may open. */
export function showNavLinks() {
  for (const link of document.querySelectorAll('#nav-links a')) link.parentElement.hidden = !mayOpen(link.dataset.page);
}

export function currentRoute() {
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
  return {name: parts[0] || homePage(), args: parts.slice(1), params: new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1))};
}

/** Draws the page the address names, in place of the one shown. */
export function route() {
  if (!state.me) return;
  const current = currentRoute();
  const page = Object.hasOwn(pages, current.name) ? pages[current.name] : null;
  destroyCharts();
  for (const link of document.querySelectorAll('#nav-links a')) {
    if (link.dataset.page === current.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const container = document.getElementById('page');
  replace(container);
  setStatus('');
  const home = pages[homePage()];
  const goHome = el('a', {href: `#/${homePage()}`, text: `Go to the ${home.title.toLowerCase()}`});
  if (!page) {
    replace(container, heading('Page not found'), note(`There is no page '${location.hash}'.`, ''), goHome);
  } else if (!mayOpen(current.name)) {
    // Said once, kindly, instead of asking the API for what it would refuse.
    replace(container, heading(page.title),
      note(`Your key's role, ${state.me.role}, can use the ${home.title} only.`, 'lead role-note'), goHome);
  } else {
    page.render(container, current);
  }
  const h1 = container.querySelector('h1');
  document.title = `${h1 ? h1.textContent : 'Console'} — Response Policy Console`;
  if (!firstRoute) focusHeading();
  firstRoute = false;
}

export function focusHeading() {
  const h1 = document.querySelector('#page h1');
  if (h1) h1.focus();
}

/** Records a page's filters in the address (bookmarkable) without rendering the page again. */
export function pushQuery(name, params) {
  const hash = `#/${name}${query(params)}`;
  if (hash !== location.hash) history.pushState(null, '', hash);
  return hash;
}
