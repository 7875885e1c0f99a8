// The referral desk: incoming and outgoing worklists with their counts, the overdue ones first.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { t, label, formatDateTime } from '../i18n.js';
import { pageTitle, showProblem } from '../ui.js';
import { serviceNames } from '../services.js';

const OPEN = new Set(['requested', 'accepted', 'in_progress', 'on_hold']);

export function isOverdue(r) {
  return OPEN.has(r.status) && (r.deadlines || []).some(d => d.overdueAt && !d.metAt && !d.closedAt);
}

export async function render(main, { rest }) {
  const direction = rest[0] === 'outgoing' ? 'outgoing' : 'incoming';
  const box = h('section', { 'aria-labelledby': 'list-title' });
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('desk.title') },
    ['incoming', 'outgoing'].map(d => h('a', { href: `#/desk/${d}`, 'aria-current': d === direction ? 'page' : null, id: `tab-${d}` }, t(`desk.${d}`))));
  replace(main, pageTitle(t('desk.title')), tabs, box);
  try {
    const [overdue, all, counts] = await Promise.all([
      get('referrals', '/referrals', { direction, overdue: true, size: 100 }),
      get('referrals', '/referrals', { direction, size: 100 }),
      get('referrals', '/referrals/counts'),
    ]);
    const seen = new Set(overdue.items.map(r => r.id));
    const items = [...overdue.items, ...all.items.filter(r => !seen.has(r.id))];
    const names = await serviceNames(items.map(r => r.serviceId));
    const { overdue: overdueCount = 0, ...byStatus } = counts[direction] || {};
    const shown = Object.entries(byStatus).filter(([, n]) => n > 0);
    const total = shown.reduce((sum, [, n]) => sum + n, 0);
    replace(box,
      h('h2', { id: 'list-title' }, t(`desk.${direction}`)),
      h('p', { id: 'desk-count' }, t('desk.count', { n: total, overdue: overdueCount }),
        shown.length ? ` · ${shown.map(([s, n]) => `${label('status', s)}: ${n}`).join(', ')}` : ''),
      items.length === 0 ? h('p', {}, t('desk.empty')) : h('div', { class: 'table-wrap' }, h('table', { id: 'worklist' },
        h('thead', {}, h('tr', {},
          [t('desk.requested'), t('desk.service'), t('desk.priority'), t('desk.status')].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, items.map(r => h('tr', { dataset: { referralId: r.id } },
          h('td', {}, h('a', { href: `#/referrals/${r.id}` }, formatDateTime(r.requestedAt))),
          h('td', {}, names.get(r.serviceId)),
          h('td', {}, label('priority', r.priority)),
          h('td', {}, h('span', { class: 'badge status' }, label('status', r.status)),
            isOverdue(r) ? [' ', h('span', { class: 'badge overdue' }, t('desk.overdue'))] : null)))))));
  } catch (e) {
    showProblem(box, e);
  }
}
