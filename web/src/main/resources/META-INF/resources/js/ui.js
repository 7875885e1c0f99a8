// Shared pieces of the pages: problems in words, drafts that survive a new sign-in, reference data, figures.
import { h, replace } from './dom.js';
import { get, ApiProblem, SessionExpired } from './api.js';
import { label, language, t } from './i18n.js';

/** The API's reason in words above the form, and each field's own message next to that field. */
export function showProblem(container, error, form) {
  if (error instanceof SessionExpired) return;
  if (form) {
    form.querySelectorAll('[data-error-for]').forEach(el => { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  }
  const problem = error instanceof ApiProblem ? error : new ApiProblem({ title: t('error.network') });
  const unplaced = [];
  for (const v of problem.violations) {
    const slot = form && [...form.querySelectorAll('[data-error-for]')]
      .find(el => el.dataset.errorFor && (v.field === el.dataset.errorFor || v.field.endsWith(`.${el.dataset.errorFor}`)));
    if (slot) {
      slot.textContent = v.message;
      const control = form.querySelector(`[aria-describedby="${slot.id}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(`${v.field}: ${v.message}`);
    }
  }
  const heading = label('problem', problem.status);
  const known = heading !== String(problem.status) && heading !== '';
  replace(container, h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, known ? heading : (problem.title || t('error.title'))),
    known && problem.title ? h('span', { class: 'problem-title' }, ` (${problem.title})`) : null,
    problem.detail && problem.detail !== problem.title
      ? h('p', { class: 'problem-detail' }, t('problem.reason', { reason: problem.detail })) : null,
    unplaced.length ? h('ul', {}, unplaced.map(u => h('li', {}, u))) : null));
}

export function showNotice(container, text) {
  replace(container, h('div', { class: 'notice', role: 'status' }, text));
}

/** A form's inputs kept in sessionStorage as they are typed, so a new sign-in does not lose them. */
export function keepDraft(form, key) {
  const storageKey = `refnet.draft.${key}`;
  const saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
  if (saved) {
    for (const el of form.elements) {
      if (!el.name || !(el.name in saved)) continue;
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = saved[el.name].includes(el.value);
      else el.value = saved[el.name];
    }
  }
  const save = () => {
    const values = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox' || el.type === 'radio') {
        values[el.name] = values[el.name] || [];
        if (el.checked) values[el.name].push(el.value);
      } else values[el.name] = el.value;
    }
    sessionStorage.setItem(storageKey, JSON.stringify(values));
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  return { clear: () => sessionStorage.removeItem(storageKey) };
}

const cache = new Map();

/** Reference data of the registry in the current language (support types, target groups, places), kept per tab. */
export function codes(path, query) {
  const key = `${language()}|${path}|${JSON.stringify(query || {})}`;
  if (!cache.has(key)) {
    cache.set(key, get('registry', path, query).catch(e => { cache.delete(key); throw e; }));
  }
  return cache.get(key);
}

export async function labels(path, query) {
  const terms = await codes(path, query);
  return new Map(terms.map(term => [term.code, term.label]));
}

/** A withheld figure (null) reads "<5", never 0. */
export function figure(value) {
  return value == null ? t('common.withheld') : String(value);
}

export function hours(value) {
  return value == null ? t('common.withheld') : value.toFixed(1);
}

export function pageTitle(text) {
  document.title = `${text} · RefNet BiH`;
  return h('h1', { id: 'page-title' }, text);
}
