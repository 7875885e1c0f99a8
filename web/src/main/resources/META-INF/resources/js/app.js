// The shell: configuration, sign-in, navigation by role, the language switch and the hash router.
import * as auth from './auth.js';
import * as api from './api.js';
import { h, replace } from './dom.js';
import { LANGUAGES, language, setLanguage, t } from './i18n.js';
import { showProblem } from './ui.js';

const main = document.getElementById('main');
let cleanup = null;
let showing = 0;

const PAGES = [
  { path: 'dashboard', nav: 'nav.dashboard', roles: ['analyst', 'coordinator', 'network-admin', 'org-admin'], load: () => import('./pages/dashboard.js') },
  { path: 'directory', nav: 'nav.directory', roles: null, load: () => import('./pages/directory.js') },
  { path: 'services', roles: null, load: () => import('./pages/service.js') },
  { path: 'desk', nav: 'nav.desk', roles: ['case-worker'], load: () => import('./pages/desk.js') },
  { path: 'referrals', roles: ['case-worker'], load: () => import('./pages/referral.js') },
  { path: 'cases', nav: 'nav.cases', roles: ['case-worker'], load: () => import('./pages/cases.js') },
  { path: 'deadlines', nav: 'nav.deadlines', roles: ['coordinator', 'network-admin'], load: () => import('./pages/deadlines.js') },
];

function allowed(page, roles) {
  return !page.roles || page.roles.some(r => roles.includes(r));
}

function route() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  return { name, rest, query: new URLSearchParams(query) };
}

function renderChrome() {
  document.documentElement.lang = language();
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('lang-label').textContent = t('app.language');
  const select = document.getElementById('lang');
  replace(select, LANGUAGES.map(([code, name]) =>
    h('option', { value: code, lang: code, selected: code === language() ? true : null }, name)));
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav.label'));
  const signout = document.getElementById('signout');
  const user = auth.user();
  if (!user) {
    replace(nav);
    document.getElementById('user').textContent = '';
    signout.hidden = true;
    return;
  }
  const current = route().name;
  replace(nav, h('ul', {}, PAGES.filter(p => p.nav && allowed(p, user.roles)).map(p =>
    h('li', {}, h('a', { href: `#/${p.path}`, 'aria-current': isCurrent(p.path, current) ? 'page' : null }, t(p.nav))))));
  document.getElementById('user').textContent = user.name;
  signout.textContent = t('signout');
  signout.hidden = false;
}

function isCurrent(path, current) {
  return path === current || (path === 'desk' && current === 'referrals') || (path === 'directory' && current === 'services');
}

function home(roles) {
  return roles.includes('case-worker') ? '#/desk' : roles.some(r => PAGES[0].roles.includes(r)) ? '#/dashboard' : '#/directory';
}

function signInPage(expired) {
  document.title = 'RefNet BiH';
  replace(main, h('div', { class: 'centre' },
    h('h1', {}, t('signin.title')),
    expired ? h('p', { class: 'notice', role: 'status' }, t('signin.expired')) : null,
    h('p', {}, t('signin.lead')),
    h('button', { type: 'button', id: 'signin', onclick: () => auth.signIn(language()) }, t('signin.button'))));
}

async function show() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  showing += 1;
  renderChrome();
  const user = auth.user();
  if (!user) {
    signInPage(sessionStorage.getItem('refnet.expired') === '1');
    return;
  }
  sessionStorage.removeItem('refnet.expired');
  const { name, rest, query } = route();
  const page = PAGES.find(p => p.path === name);
  if (!page) {
    location.replace(home(user.roles));
    return;
  }
  if (!allowed(page, user.roles)) {
    replace(main, h('p', { class: 'problem', role: 'alert' }, t('error.forbidden')));
    return;
  }
  // each showing renders into a view of its own: one still loading when the route changes writes into a view that
  // is no longer on the page, and its cleanup runs as soon as it is done
  const shown = ++showing;
  const view = h('div', {}, h('p', { class: 'muted' }, t('common.loading')));
  replace(main, view);
  let result;
  try {
    const module = await page.load();
    result = await module.render(view, { rest, query, user });
  } catch (e) {
    // a page that fails says so instead of loading for ever
    const box = h('div');
    replace(view, box);
    showProblem(box, e);
  }
  if (shown === showing) cleanup = typeof result === 'function' ? result : null;
  else if (typeof result === 'function') result();
}

/** Called on a 401 or a failed refresh: the forms keep their drafts; the user signs in again and comes back here. */
function expired() {
  auth.forget();
  sessionStorage.setItem('refnet.return-to', location.hash || '#/');
  sessionStorage.setItem('refnet.expired', '1');
  showing += 1;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  renderChrome();
  signInPage(true);
}

async function start() {
  const config = await (await fetch('/config.json')).json();
  auth.configure(config);
  api.configure(config, expired);
  document.getElementById('lang').addEventListener('change', e => {
    setLanguage(e.target.value);
    show();
  });
  document.getElementById('signout').addEventListener('click', () => auth.signOut());
  // the skip link moves the focus, not the route (the hash is the router's)
  document.getElementById('skip-link').addEventListener('click', e => {
    e.preventDefault();
    main.focus();
  });
  const back = await auth.completeSignIn();
  if (back) location.hash = back;
  window.addEventListener('hashchange', () => {
    show();
    main.focus({ preventScroll: true });
  });
  await show();
}

start();
