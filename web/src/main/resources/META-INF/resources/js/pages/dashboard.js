// The dashboard: funnel, waiting times, beneficiaries, deadline compliance and family group conferences for the
// chosen filters, charts beside accessible tables, figures updated live from the reporting feed, exports.
import { h, field, replace } from '../dom.js';
import { get, call } from '../api.js';
import { t, label, formatTime } from '../i18n.js';
import { codes, figure, hours, pageTitle, showProblem } from '../ui.js';
import { openFeed } from '../feed.js';

const STEPS = ['requested', 'accepted', 'rejected', 'cancelled', 'started', 'completed', 'failed', 'redirected'];
const FILTERS = ['from', 'to', 'place', 'networkId', 'organizationId', 'supportType'];
const BRAND = '#0b4f8a';
const SECOND = '#c25e00';

/** The reports' query: the place filter is one of entity, canton or municipality. */
function reportQuery(query, user) {
  const q = { from: query.get('from'), to: query.get('to'), networkId: query.get('networkId'),
    organizationId: query.get('organizationId'), supportType: query.get('supportType') };
  const place = query.get('place');
  if (place) {
    const [kind, code] = place.split(':');
    q[kind] = code;
  }
  if (onlyOwn(user)) q.organizationId = user.organizationId;
  return q;
}

function onlyOwn(user) {
  return !user.roles.some(r => ['analyst', 'coordinator', 'network-admin'].includes(r));
}

async function filterForm(query, user) {
  const [supportTypes, units, networks, organizations] = await Promise.all([
    codes('/support-types'), codes('/administrative-units'),
    get('registry', '/networks').catch(() => []),
    onlyOwn(user) ? { items: [] } : get('registry', '/organizations', { size: 100 }).catch(() => ({ items: [] })),
  ]);
  const option = (value, text) => h('option', { value }, text);
  const byKind = kinds => units.filter(u => kinds.includes(u.kind));
  const place = h('select', { name: 'place' },
    h('option', { value: '' }, t('common.any')),
    h('optgroup', { label: t('dash.entity') }, byKind(['entity', 'district']).map(u => option(`entity:${u.code}`, u.label))),
    h('optgroup', { label: t('dash.canton') }, byKind(['canton']).map(u => option(`canton:${u.code}`, u.label))),
    h('optgroup', { label: t('dash.municipality') }, byKind(['municipality', 'city']).map(u => option(`municipality:${u.code}`, u.label))));
  place.value = query.get('place') || '';
  const choice = (name, items, text) => {
    const el = h('select', { name }, h('option', { value: '' }, t('common.any')), items.map(([v, l]) => h('option', { value: v }, l)));
    el.value = query.get(name) || '';
    return field(text, el);
  };
  const form = h('form', { class: 'filters', 'aria-label': t('dash.filters') },
    field(t('dash.from'), h('input', { type: 'date', name: 'from', value: query.get('from') || '' })),
    field(t('dash.to'), h('input', { type: 'date', name: 'to', value: query.get('to') || '' })),
    field(`${t('dash.entity')} / ${t('dash.canton')} / ${t('dash.municipality')}`, place, { name: 'entity' }),
    choice('networkId', networks.map(n => [n.id, n.name]), t('dash.network')),
    onlyOwn(user) ? null : choice('organizationId', organizations.items.map(o => [o.id, o.name]), t('dash.organization')),
    choice('supportType', supportTypes.map(s => [s.code, s.label]), t('dash.supportType')),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, t('common.apply'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name] && form.elements[name].value) params.set(name, form.elements[name].value);
    location.hash = `#/dashboard?${params}`;
  });
  return form;
}

function table(id, columns, rows, caption) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => i ? h('td', { class: 'num', ...(cell && cell.attrs) }, cell && cell.text !== undefined ? cell.text : cell)
      : h('th', { scope: 'row' }, cell)))))));
}

function chart(canvas, config) {
  if (!window.Chart) return null;
  return new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
}

class Dashboard {
  constructor(main, query, user) {
    this.main = main;
    this.query = reportQuery(query, user);
    this.sections = {
      funnel: h('section', { 'aria-labelledby': 'funnel-title', class: 'panel' }),
      waits: h('section', { 'aria-labelledby': 'waits-title', class: 'panel' }),
      beneficiaries: h('section', { 'aria-labelledby': 'beneficiaries-title', class: 'panel' }),
      deadlines: h('section', { 'aria-labelledby': 'deadlines-title', class: 'panel' }),
      conferences: h('section', { 'aria-labelledby': 'conferences-title', class: 'panel' }),
    };
    this.live = h('p', { class: 'live off', id: 'live-status', role: 'status' }, t('dash.liveOff'));
    this.problem = h('div');
  }

  async load() {
    try {
      const [funnel, beneficiaries, deadlines, conferences, supportTypes] = await Promise.all([
        get('reporting', '/reports/referrals', this.query), get('reporting', '/reports/beneficiaries', this.query),
        get('reporting', '/reports/deadlines', this.query), get('reporting', '/reports/conferences', this.query),
        codes('/support-types'),
      ]);
      this.typeLabels = new Map(supportTypes.map(s => [s.code, s.label]));
      this.showFunnel(funnel.totals);
      this.showWaits(funnel);
      this.showBeneficiaries(beneficiaries);
      this.showDeadlines(deadlines);
      this.showConferences(conferences);
      replace(this.problem);
    } catch (e) {
      showProblem(this.problem, e);
    }
  }

  showFunnel(totals) {
    const text = STEPS.map(s => `${t(`step.${s}`)} ${figure(totals[s])}`).join(', ');
    if (this.funnelChart) {
      this.funnelChart.data.datasets[0].data = STEPS.map(s => totals[s]);
      this.funnelChart.update();
      this.funnelCanvas.setAttribute('aria-label', t('dash.funnelChart', { figures: text }));
      STEPS.forEach(s => { this.sections.funnel.querySelector(`[data-figure="${s}"]`).textContent = figure(totals[s]); });
      return;
    }
    this.funnelCanvas = h('canvas', { role: 'img', 'aria-label': t('dash.funnelChart', { figures: text }) });
    replace(this.sections.funnel,
      h('h2', { id: 'funnel-title' }, t('dash.funnel')),
      h('div', { class: 'chart' }, this.funnelCanvas),
      table('funnel-table', [t('dash.step'), t('dash.count')],
        STEPS.map(s => [t(`step.${s}`), { text: figure(totals[s]), attrs: { 'data-figure': s } }]), t('dash.funnel')));
    this.funnelChart = chart(this.funnelCanvas, {
      type: 'bar',
      data: { labels: STEPS.map(s => t(`step.${s}`)), datasets: [{ label: t('dash.count'), data: STEPS.map(s => totals[s]), backgroundColor: BRAND }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  showWaits(funnel) {
    const row = (name, d) => [name, hours(d && d.medianHours), hours(d && d.p90Hours), figure(d && d.referrals)];
    replace(this.sections.waits, h('h2', { id: 'waits-title' }, t('dash.waits')),
      table('waits-table', [t('dash.wait'), t('dash.median'), t('dash.p90'), t('dash.waitReferrals')],
        [row(t('dash.toAccept'), funnel.timeToAcceptance), row(t('dash.toComplete'), funnel.timeToCompletion)]));
  }

  showBeneficiaries(report) {
    const rows = [report.total, ...report.bySupportType].filter(Boolean);
    const name = r => (r === report.total ? t('dash.total') : this.typeLabels.get(r.supportType) || r.supportType);
    if (this.beneficiariesChart) this.beneficiariesChart.destroy();
    this.beneficiariesChart = null;
    const canvas = h('canvas', { role: 'img', 'aria-label': t('dash.beneficiariesChart') });
    replace(this.sections.beneficiaries, h('h2', { id: 'beneficiaries-title' }, t('dash.beneficiaries')),
      report.bySupportType.length ? h('div', { class: 'chart' }, canvas) : null,
      table('beneficiaries-table', [t('dash.supportType'), t('dash.households'), t('dash.children'), t('dash.adults'), t('dash.ageUnknown')],
        rows.map(r => [name(r), figure(r.households), figure(r.childrenAndYouth), figure(r.adults), figure(r.ageUnknown)])));
    if (!report.bySupportType.length) return;
    this.beneficiariesChart = chart(canvas, {
      type: 'bar',
      data: {
        labels: report.bySupportType.map(name),
        datasets: [{ label: t('dash.children'), data: report.bySupportType.map(r => r.childrenAndYouth), backgroundColor: BRAND },
          { label: t('dash.adults'), data: report.bySupportType.map(r => r.adults), backgroundColor: SECOND }],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  showDeadlines(report) {
    const rows = list => list.map(c => [c.name || c.id, String(c.referrals), String(c.overdue), String(c.escalated),
      c.compliance == null ? '—' : `${Math.round(c.compliance * 100)} %`]);
    const columns = [t('dash.name'), t('dash.referrals'), t('dash.overdue'), t('dash.escalated'), t('dash.compliance')];
    replace(this.sections.deadlines, h('h2', { id: 'deadlines-title' }, t('dash.deadlines')),
      h('h3', {}, t('dash.byOrganization')),
      report.byOrganization.length ? table('deadlines-organizations', columns, rows(report.byOrganization)) : h('p', { class: 'muted' }, t('common.none')),
      h('h3', {}, t('dash.byNetwork')),
      report.byNetwork.length ? table('deadlines-networks', columns, rows(report.byNetwork)) : h('p', { class: 'muted' }, t('common.none')));
  }

  showConferences(c) {
    replace(this.sections.conferences, h('h2', { id: 'conferences-title' }, t('dash.conferences')),
      table('conferences-table', [t('dash.name'), t('dash.count')], [
        [t('dash.held'), figure(c.held)], [t('dash.families'), figure(c.families)],
        [t('dash.participants'), figure(c.participants)], [t('dash.droppedOut'), figure(c.droppedOut)],
      ]));
  }

  onUpdate(update) {
    if (update.report === 'heartbeat') return;
    this.live.className = 'live';
    this.live.textContent = t('dash.live', { time: formatTime(new Date(update.changedAt || Date.now())) });
    if (update.report === 'referrals' && update.figures) this.showFunnel(update.figures);
    if (update.report === 'conferences' && update.figures) this.showConferences(update.figures);
    // the feed carries the headline figures; the tables beside them follow from the reports
    clearTimeout(this.reload);
    this.reload = setTimeout(() => this.refreshDetails(), 400);
  }

  async refreshDetails() {
    try {
      const [funnel, beneficiaries, deadlines] = await Promise.all([
        get('reporting', '/reports/referrals', this.query), get('reporting', '/reports/beneficiaries', this.query),
        get('reporting', '/reports/deadlines', this.query)]);
      this.showWaits(funnel);
      this.showBeneficiaries(beneficiaries);
      this.showDeadlines(deadlines);
    } catch (e) {
      showProblem(this.problem, e);
    }
  }

  exports() {
    const result = h('div');
    const download = async (path, query, fallbackName) => {
      try {
        const response = await call('reporting', path, { query, accept: '*/*' });
        const disposition = response.headers.get('Content-Disposition') || '';
        const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || fallbackName;
        const link = h('a', { href: URL.createObjectURL(await response.blob()), download: name });
        document.body.append(link);
        link.click();
        link.remove();
      } catch (e) {
        showProblem(result, e);
      }
    };
    const lang = document.documentElement.lang;
    const reports = ['referrals', 'beneficiaries', 'conferences', 'deadlines'];
    const titles = { referrals: t('dash.funnel'), beneficiaries: t('dash.beneficiaries'), conferences: t('dash.conferences'), deadlines: t('dash.deadlines') };
    const network = this.query.networkId;
    return h('section', { class: 'panel', 'aria-labelledby': 'exports-title' },
      h('h2', { id: 'exports-title' }, t('dash.exports')),
      h('div', { class: 'actions' }, reports.flatMap(report => ['csv', 'xlsx'].map(format =>
        h('button', { type: 'button', class: 'secondary', id: `export-${report}-${format}`,
          onclick: () => download(`/exports/${report}`, { ...this.query, format, lang }, `${report}.${format}`) },
        t('dash.export', { report: titles[report], format: format.toUpperCase() })))),
      h('button', { type: 'button', id: 'export-annual', disabled: network ? null : true, 'aria-describedby': network ? null : 'annual-hint',
        onclick: () => download('/exports/annual-report', { networkId: network, year: (this.query.to || '').slice(0, 4) || null, lang }, 'annual-report.pdf') },
      t('dash.annual'))),
      network ? null : h('p', { class: 'muted', id: 'annual-hint' }, t('dash.annualHint')),
      result);
  }

  close() {
    if (this.stopFeed) this.stopFeed();
    clearTimeout(this.reload);
    if (this.funnelChart) this.funnelChart.destroy();
    if (this.beneficiariesChart) this.beneficiariesChart.destroy();
  }
}

export async function render(main, { query, user }) {
  const dashboard = new Dashboard(main, query, user);
  const filters = await filterForm(query, user);
  const s = dashboard.sections;
  replace(main, pageTitle(t('dash.title')), dashboard.live, h('div', { class: 'panel' }, filters), dashboard.problem,
    s.funnel, h('div', { class: 'grid' }, s.waits, s.conferences), s.beneficiaries, s.deadlines, dashboard.exports(),
    h('p', { class: 'muted' }, t('common.withheldNote')));
  await dashboard.load();
  dashboard.stopFeed = openFeed(dashboard.query, {
    onUpdate: update => dashboard.onUpdate(update),
    onState: on => {
      if (!on) {
        dashboard.live.className = 'live off';
        dashboard.live.textContent = t('dash.liveOff');
      }
    },
  });
  return () => dashboard.close();
}
