// "Where can I refer": the directory's search by text (Latin or Cyrillic, with or without diacritics), support
// type, municipality, target group, age and intake status.
import { h, field, select, replace } from '../dom.js';
import { get } from '../api.js';
import { t, label } from '../i18n.js';
import { codes, labels, pageTitle, showProblem } from '../ui.js';

const FILTERS = ['q', 'supportType', 'municipality', 'targetGroup', 'age', 'intake'];

export async function render(main, { query }) {
  const [supportTypes, targetGroups, municipalities] = await Promise.all([
    codes('/support-types'), codes('/target-groups'), codes('/administrative-units', { kind: 'municipality' }),
  ]);
  const any = ['', t('common.any')];
  const form = h('form', { class: 'filters', role: 'search', 'aria-labelledby': 'page-title' },
    field(t('dir.q'), h('input', { name: 'q', type: 'search', value: query.get('q') || '', autocomplete: 'off' })),
    field(t('dir.supportType'), select('supportType', [any, ...supportTypes.map(s => [s.code, s.label])], query.get('supportType') || '')),
    field(t('dir.municipality'), select('municipality', [any, ...municipalities.map(m => [m.code, m.label])], query.get('municipality') || '')),
    field(t('dir.targetGroup'), select('targetGroup', [any, ...targetGroups.map(g => [g.code, g.label])], query.get('targetGroup') || '')),
    field(t('dir.age'), h('input', { name: 'age', type: 'number', min: 0, max: 120, inputmode: 'numeric', value: query.get('age') || '' })),
    field(t('dir.intake'), select('intake', [any, ...['accepting', 'waitlist', 'not_accepting'].map(c => [c, label('intake', c)])], query.get('intake') || '')),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('dir.search'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value) params.set(name, form.elements[name].value);
    location.hash = `#/directory?${params}`;
  });
  const results = h('section', { 'aria-live': 'polite', id: 'results' });
  replace(main, pageTitle(t('dir.title')), h('div', { class: 'panel' }, form), results);

  const searched = FILTERS.some(name => query.get(name));
  try {
    const page = await get('registry', '/services', {
      ...Object.fromEntries(FILTERS.map(name => [name, query.get(name)])), size: 50,
    });
    const typeLabels = new Map(supportTypes.map(s => [s.code, s.label]));
    const places = await labels('/administrative-units');
    replace(results,
      h('h2', {}, searched ? t('dir.results', { n: page.totalItems }) : t('dir.results', { n: page.totalItems })),
      page.items.length === 0 ? h('p', {}, t('dir.noResults')) : h('ul', { class: 'cards' }, page.items.map(s =>
        h('li', {},
          h('h3', {}, h('a', { href: `#/services/${s.id}` }, s.name)),
          h('div', {}, s.organizationName),
          h('div', { class: 'muted' }, s.supportTypes.map(code => typeLabels.get(code) || code).join(', ')),
          h('div', {}, h('span', { class: 'badge status' }, label('intake', s.intakeStatus)),
            s.freePlaces != null ? ` ${t('svc.freePlaces', { n: s.freePlaces })}` : null,
            s.areaCodes && s.areaCodes.length ? ` · ${s.areaCodes.map(c => places.get(c) || c).join(', ')}` : null)))));
  } catch (e) {
    showProblem(results, e, form);
  }
}
