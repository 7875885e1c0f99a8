// The case worker's cases, and a referral sent from one of them to a service found in the directory.
import { h, field, select, replace, uid } from '../dom.js';
import { get, post } from '../api.js';
import { t, label, formatDateTime } from '../i18n.js';
import { labels, keepDraft, pageTitle, showProblem } from '../ui.js';

function familyName(c) {
  const people = c.members || [];
  const named = people.filter(m => m.givenName || m.familyName).map(m => [m.givenName, m.familyName].filter(Boolean).join(' '));
  return named.length ? named.join(', ') : c.id.slice(0, 8);
}

export async function render(main, params) {
  if (params.rest[0]) return renderCase(main, params);
  const refer = params.query.get('refer');
  const box = h('div');
  replace(main, pageTitle(t('cases.title')), box);
  try {
    const [page, places, service] = await Promise.all([
      get('cases', '/cases', { size: 100 }), labels('/administrative-units'),
      refer ? get('registry', `/services/${encodeURIComponent(refer)}`) : null,
    ]);
    replace(box,
      service ? h('p', { class: 'notice' }, t('cases.chooseFor', { service: `${service.name} (${service.organizationName})` })) : null,
      page.items.length === 0 ? h('p', {}, t('cases.empty')) : h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('cases.members')), h('th', { scope: 'col' }, t('cases.municipality')),
          h('th', { scope: 'col' }, t('cases.opened')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('common.open'))))),
        h('tbody', {}, page.items.map(c => h('tr', { dataset: { caseId: c.id } },
          h('td', {}, familyName(c)), h('td', {}, places.get(c.municipalityCode) || c.municipalityCode),
          h('td', {}, formatDateTime(c.openedAt)),
          h('td', {}, h('a', { href: `#/cases/${c.id}${refer ? `?service=${refer}` : ''}`, 'aria-label': `${refer ? t('cases.refer') : t('common.open')}: ${familyName(c)}` },
            refer ? t('cases.refer') : t('common.open')))))))));
  } catch (e) {
    showProblem(box, e);
  }
  return null;
}

async function renderCase(main, { rest, query }) {
  const caseId = rest[0];
  const serviceId = query.get('service');
  const box = h('div');
  replace(main, pageTitle(t('send.case')), box);
  try {
    const [c, referrals, service, places] = await Promise.all([
      get('cases', `/cases/${encodeURIComponent(caseId)}`), get('cases', `/cases/${encodeURIComponent(caseId)}/referrals`),
      serviceId ? get('registry', `/services/${encodeURIComponent(serviceId)}`) : null, labels('/administrative-units'),
    ]);
    replace(main, pageTitle(`${t('send.case')}: ${familyName(c)}`),
      h('dl', { class: 'facts' },
        h('dt', {}, t('cases.municipality')), h('dd', {}, places.get(c.municipalityCode) || c.municipalityCode),
        h('dt', {}, t('cases.opened')), h('dd', {}, formatDateTime(c.openedAt))),
      h('h2', {}, t('nav.desk')),
      referrals.length === 0 ? h('p', { class: 'muted' }, t('desk.empty')) : h('ul', {}, referrals.map(r =>
        h('li', {}, h('a', { href: `#/referrals/${r.referralId}` }, `${label('status', r.status)} · ${formatDateTime(r.requestedAt)}`)))),
      h('h2', { id: 'send-title' }, t('send.title')),
      service ? sendForm(c, service) : h('p', {}, h('a', { href: '#/directory' }, t('send.chooseService'))));
  } catch (e) {
    showProblem(box, e);
  }
}

function sendForm(c, service) {
  const result = h('div', { id: 'send-result', tabindex: '-1' });
  const membersId = uid('members');
  const form = h('form', { class: 'form', 'aria-labelledby': 'send-title', novalidate: true },
    h('div', { class: 'field wide' }, h('span', { class: 'muted' }, `${t('send.service')}: `), h('strong', {}, `${service.name} (${service.organizationName})`)),
    h('fieldset', { class: 'field wide', 'aria-describedby': `${membersId}-error` },
      h('legend', {}, t('send.members')),
      c.members.map(m => h('label', {}, h('input', { type: 'checkbox', name: 'memberIds', value: m.id, checked: true }),
        [m.givenName, m.familyName].filter(Boolean).join(' ') || m.role)),
      h('div', { class: 'error', id: `${membersId}-error`, 'data-error-for': 'memberIds' })),
    field(t('send.priority'), select('priority', ['routine', 'urgent', 'emergency'].map(p => [p, label('priority', p)]), 'routine')),
    field(t('send.senderContact'), h('input', { name: 'senderContact', maxlength: 300, autocomplete: 'off' })),
    field(t('send.reason'), h('textarea', { name: 'reason', maxlength: 4000, required: true }), { wide: true }),
    h('input', { type: 'hidden', name: 'idempotencyKey', value: crypto.randomUUID() }),
    h('div', { class: 'field wide' }, h('button', { type: 'submit', id: 'send' }, t('send.submit'))));
  const draft = keepDraft(form, `send-${c.id}-${service.id}`);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const body = {
        caseId: c.id, serviceId: service.id, priority: form.elements.priority.value,
        reason: form.elements.reason.value, senderContact: form.elements.senderContact.value || null,
        memberIds: [...form.querySelectorAll('input[name=memberIds]:checked')].map(i => i.value),
      };
      const referral = await post('referrals', '/referrals', body, { more: { 'Idempotency-Key': form.elements.idempotencyKey.value } });
      draft.clear();
      location.hash = `#/referrals/${referral.id}?sent=1`;
    } catch (err) {
      const heading = h('div');
      showProblem(heading, err, form);
      replace(result, h('h3', {}, t('send.refused')), heading);
      result.focus();
      // nothing was stored: a corrected form is a new request
      if (err.status >= 400 && err.status < 500) form.elements.idempotencyKey.value = crypto.randomUUID();
    } finally {
      button.disabled = false;
    }
  });
  return [result, form];
}
