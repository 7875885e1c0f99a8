// A referral's page: its facts, what the consent lets the receiver see, deadlines, history, messages, and every
// step of the loop the viewer's side may take, with the reasons the API asks for.
import { h, field, select, replace } from '../dom.js';
import { get, post } from '../api.js';
import { t, label, formatDateTime } from '../i18n.js';
import { keepDraft, pageTitle, showNotice, showProblem } from '../ui.js';
import { serviceNames } from '../services.js';
import { isOverdue } from './desk.js';

const REJECT_REASONS = ['not_eligible', 'no_capacity', 'outside_service_area', 'insufficient_information', 'duplicate',
  'already_receiving_service', 'other'];
const FAIL_REASONS = ['could_not_contact', 'not_eligible', 'no_capacity', 'client_declined', 'client_moved',
  'client_stopped_attending', 'other'];

const reasonText = () => field(t('field.reason'), h('textarea', { name: 'reason', maxlength: 4000 }), { wide: true });
const reasonCode = codes => field(t('field.reasonCode'), select('reasonCode', [['', '—'], ...codes.map(c => [c, label('reason', c)])], ''));

/** The steps each side may take from each status; the API has the last word (409 with its reason). */
const RECEIVER_STEPS = {
  requested: ['accept', 'reject', 'redirect'],
  accepted: ['start', 'hold', 'fail', 'redirect'],
  in_progress: ['plan', 'complete', 'hold', 'fail', 'redirect'],
  on_hold: ['resume', 'fail'],
};
const SENDER_STEPS = {
  requested: ['cancel'], accepted: ['cancel'], in_progress: ['cancel'], on_hold: ['cancel'],
};

/** Fields of the steps that need a reason; a step not listed here is one click. */
const STEP_FIELDS = {
  reject: () => [reasonCode(REJECT_REASONS), reasonText()],
  hold: () => [reasonText()],
  cancel: () => [reasonText()],
  fail: () => [reasonCode(FAIL_REASONS), reasonText()],
  complete: () => [field(t('field.needMet'), select('needMet', [['', '—'], ...['fully', 'partly', 'not'].map(c => [c, label('needMet', c)])], '')),
    field(t('field.provided'), h('textarea', { name: 'provided', maxlength: 4000 }), { wide: true })],
  redirect: () => [field(t('field.serviceId'), h('input', { name: 'serviceId', autocomplete: 'off' })), reasonText()],
};

function bodyOf(step, form) {
  if (!form) return undefined;
  const value = name => (form.elements[name] && form.elements[name].value) || null;
  switch (step) {
    case 'reject': return { reasonCode: value('reasonCode'), reason: value('reason') };
    case 'fail': return { reasonCode: value('reasonCode'), reason: value('reason') };
    case 'complete': return { provided: value('provided'), needMet: value('needMet') };
    case 'redirect': return { serviceId: value('serviceId'), reason: value('reason') };
    default: return { reason: value('reason') };
  }
}

export async function render(main, { rest, query, user }, notice) {
  const id = rest[0];
  const status = h('div', { id: 'step-result', tabindex: '-1' });
  try {
    const [r, messages] = await Promise.all([
      get('referrals', `/referrals/${encodeURIComponent(id)}`), get('referrals', `/referrals/${encodeURIComponent(id)}/messages`),
    ]);
    const names = await serviceNames([r.serviceId]);
    const receiver = r.receivingOrganizationId === user.organizationId;
    const steps = (receiver ? RECEIVER_STEPS : SENDER_STEPS)[r.status] || [];
    replace(main,
      pageTitle(`${t('ref.title')}: ${names.get(r.serviceId)}`),
      status,
      h('dl', { class: 'facts', id: 'referral-facts' },
        h('dt', {}, t('desk.status')), h('dd', { id: 'referral-status' }, h('span', { class: 'badge status' }, label('status', r.status)),
          isOverdue(r) ? [' ', h('span', { class: 'badge overdue' }, t('desk.overdue'))] : null),
        h('dt', {}, t('desk.priority')), h('dd', {}, label('priority', r.priority)),
        h('dt', {}, t('desk.requested')), h('dd', {}, formatDateTime(r.requestedAt)),
        h('dt', {}, t('ref.consentBasis')), h('dd', {}, label('ref.basis', r.consentBasis)),
        h('dt', {}, t('ref.shared')), h('dd', {}, (r.sharedScope || []).map(s => label('scope', s)).join(', ') || '—'),
        r.senderContact ? [h('dt', {}, t('ref.senderContact')), h('dd', {}, r.senderContact)] : null,
        r.needMet ? [h('dt', {}, t('ref.needMet')), h('dd', {}, label('needMet', r.needMet))] : null,
        r.outcomeProvided ? [h('dt', {}, t('ref.outcome')), h('dd', {}, r.outcomeProvided)] : null,
        r.reasonCode ? [h('dt', {}, t('field.reasonCode')), h('dd', {}, label('reason', r.reasonCode))] : null),
      h('h2', {}, t('ref.reason')),
      r.reason ? h('p', { id: 'referral-reason' }, r.reason) : h('p', { class: 'muted' }, t('ref.reasonHidden')),
      steps.length ? [h('h2', {}, t('ref.actions')), h('div', { class: 'actions', id: 'steps' },
        steps.map(step => stepControl(step, r, status, () => render(main, { rest, query, user }, step))))] : null,
      h('h2', {}, t('ref.deadlines')),
      (r.deadlines || []).length === 0 ? h('p', { class: 'muted' }, t('common.none')) : h('ul', {}, r.deadlines.map(d =>
        h('li', {}, `${label('deadline', d.deadline)}: ${t('ref.due', { at: formatDateTime(d.dueAt) })}`,
          d.metAt ? ` · ${t('ref.met', { at: formatDateTime(d.metAt) })}` : '',
          d.overdueAt ? [' · ', h('span', { class: 'badge overdue' }, t('ref.overdueAt', { at: formatDateTime(d.overdueAt) }))] : ''))),
      h('h2', {}, t('ref.history')),
      h('ol', { id: 'history' }, (r.history || []).map(tr =>
        h('li', {}, `${formatDateTime(tr.at)}: ${tr.from ? `${label('status', tr.from)} → ` : ''}${label('status', tr.to)}`,
          tr.note ? ` (${tr.note})` : ''))),
      messagesSection(r, messages, () => render(main, { rest, query, user })));
    if (notice) {
      showNotice(status, t('act.done', { step: t(`act.${notice}`) }));
    } else if (query.get('sent')) {
      showNotice(status, t('send.sent'));
    }
  } catch (e) {
    replace(main, pageTitle(t('ref.title')), status);
    showProblem(status, e);
  }
}

function stepControl(step, r, status, done) {
  const fields = STEP_FIELDS[step];
  const run = async (form, button) => {
    button.disabled = true;
    try {
      await post('referrals', `/referrals/${r.id}/${step}`, bodyOf(step, form), { ifMatch: r.version });
      if (form) form.dispatchEvent(new CustomEvent('sent'));
      await done();
      document.getElementById('step-result')?.focus();
    } catch (e) {
      showProblem(status, e, form);
      status.focus();
    } finally {
      button.disabled = false;
    }
  };
  if (!fields) {
    const button = h('button', { type: 'button', id: `step-${step}`, class: step === 'cancel' ? 'danger' : null }, t(`act.${step}`));
    button.addEventListener('click', () => run(null, button));
    return button;
  }
  const submit = h('button', { type: 'submit', id: `step-${step}-submit` }, t(`act.${step}`));
  const form = h('form', { class: 'form', novalidate: true, 'aria-label': t(`act.${step}`) }, fields(), h('div', { class: 'field' }, submit));
  const draft = keepDraft(form, `step-${r.id}-${step}`);
  form.addEventListener('sent', () => draft.clear());
  form.addEventListener('submit', e => {
    e.preventDefault();
    run(form, submit);
  });
  return h('details', { class: 'panel', id: `step-${step}` }, h('summary', {}, t(`act.${step}`)), form);
}

function messagesSection(r, messages, done) {
  const result = h('div');
  const form = h('form', { class: 'form', novalidate: true },
    field(t('ref.message'), h('textarea', { name: 'text', maxlength: 4000 }), { wide: true }),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'message-send' }, t('common.send'))));
  const draft = keepDraft(form, `message-${r.id}`);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      await post('referrals', `/referrals/${r.id}/messages`, { text: form.elements.text.value });
      draft.clear();
      await done();
    } catch (err) {
      showProblem(result, err, form);
    }
  });
  return [h('h2', {}, t('ref.messages')),
    messages.length === 0 ? h('p', { class: 'muted' }, t('ref.noMessages')) : h('ul', { id: 'messages' }, messages.map(m =>
      h('li', {}, h('strong', {}, `${m.author || ''} · ${formatDateTime(m.at)}: `), m.text))),
    result, form];
}
