// The coordinator's deadline list: unmet deadlines of referrals under the protocols their organisation coordinates.
import { h, field, select, replace } from '../dom.js';
import { get } from '../api.js';
import { t, label, formatDateTime } from '../i18n.js';
import { pageTitle, showProblem } from '../ui.js';
import { serviceNames } from '../services.js';

export async function render(main, { query }) {
  const state = ['overdue', 'escalated', 'open'].includes(query.get('state')) ? query.get('state') : 'overdue';
  const form = h('form', { class: 'filters' },
    field(t('deadlines.state'), select('state', ['overdue', 'escalated', 'open'].map(s => [s, t(`deadlines.state.${s}`)]), state)),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('common.apply'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    location.hash = `#/deadlines?state=${form.elements.state.value}`;
  });
  const box = h('section', { 'aria-live': 'polite' });
  replace(main, pageTitle(t('deadlines.title')), h('div', { class: 'panel' }, form), box);
  try {
    const page = await get('referrals', '/deadlines', { state, size: 100 });
    const names = await serviceNames(page.items.map(d => d.serviceId));
    replace(box, page.items.length === 0 ? h('p', {}, t('common.none')) : h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('deadlines.deadline'), t('deadlines.due'), t('desk.service'), t('desk.priority'), t('desk.status')]
        .map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, page.items.map(d => h('tr', {},
        h('td', {}, `${label('deadline', d.deadline)} · ${d.protocolName || ''}`),
        h('td', {}, formatDateTime(d.dueAt)),
        h('td', {}, names.get(d.serviceId)),
        h('td', {}, label('priority', d.priority)),
        h('td', {}, label('status', d.status))))))));
  } catch (e) {
    showProblem(box, e);
  }
}
