// A service's page: what it offers, for whom, where and when, in which languages, and whom to call for intake.
import { h, replace } from '../dom.js';
import { get } from '../api.js';
import { t, label } from '../i18n.js';
import { labels, pageTitle, showProblem } from '../ui.js';

export async function render(main, { rest, user }) {
  const id = rest[0];
  try {
    const service = await get('registry', `/services/${encodeURIComponent(id)}`);
    const [organization, typeLabels, groupLabels, places] = await Promise.all([
      get('registry', `/organizations/${service.organizationId}`),
      labels('/support-types'), labels('/target-groups'), labels('/administrative-units'),
    ]);
    const locations = (organization.locations || [])
      .filter(l => !service.locationIds || service.locationIds.length === 0 || service.locationIds.includes(l.id));
    const intakeContact = (service.contacts || []).find(c => c.referralIntake) || (service.contacts || [])[0];
    const facts = [
      [t('svc.organization'), organization.name],
      [t('svc.supportTypes'), service.supportTypes.map(c => typeLabels.get(c) || c).join(', ')],
      [t('svc.targetGroups'), (service.targetGroups || []).map(c => groupLabels.get(c) || c).join(', ')],
      [t('svc.ages'), service.minimumAge != null || service.maximumAge != null
        ? t('svc.years', { min: service.minimumAge ?? 0, max: service.maximumAge ?? '' }) : ''],
      [t('svc.areas'), (service.areaCodes || []).map(c => places.get(c) || c).join(', ')],
      [t('svc.languages'), (service.languages || []).join(', ')],
      [t('svc.intake'), `${label('intake', service.intakeStatus)}${service.freePlaces != null ? `, ${t('svc.freePlaces', { n: service.freePlaces })}` : ''}`],
      [t('svc.eligibility'), service.eligibility],
      [t('svc.howToApply'), service.howToApply],
      [t('svc.fees'), service.fees],
    ].filter(([, value]) => value);
    replace(main,
      pageTitle(service.name),
      service.description ? h('p', {}, service.description) : null,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('h2', {}, t('svc.contact')),
      intakeContact ? h('p', {}, [intakeContact.name, intakeContact.title, intakeContact.phone, intakeContact.email]
        .filter(Boolean).join(' · ')) : h('p', { class: 'muted' }, t('common.none')),
      h('h2', {}, t('svc.schedule')),
      locations.length === 0 ? h('p', { class: 'muted' }, t('common.none')) : locations.map(l => h('div', { class: 'panel' },
        h('h3', {}, [l.name, l.street, places.get(l.municipalityCode) || l.municipalityCode].filter(Boolean).join(', ')),
        h('ul', {}, (l.schedule || []).map(s => h('li', {}, `${t(`day.${s.weekday}`)}: ${s.opens}–${s.closes}`))))),
      user.roles.includes('case-worker') && service.intakeStatus !== 'not_accepting'
        ? h('p', {}, h('a', { class: 'button', href: `#/cases?refer=${service.id}`, id: 'refer' }, t('svc.refer'))) : null,
      h('p', {}, h('a', { href: '#/directory' }, t('common.back'))));
  } catch (e) {
    const box = h('div');
    replace(main, pageTitle(t('dir.title')), box);
    showProblem(box, e);
  }
}
