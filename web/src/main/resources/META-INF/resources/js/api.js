// Calls to the four services with the user's token. A problem+json answer becomes an ApiProblem the pages show
// in words (and next to the fields it names); a 401 means the session is over.
import { accessToken } from './auth.js';
import { language, t } from './i18n.js';

let services = {};
let onExpired = () => {};

export function configure(config, expired) {
  services = config.services;
  onExpired = expired;
}

export class ApiProblem extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || t('error.title'));
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.violations = problem.violations || [];
  }
}

export class SessionExpired extends Error {
}

export function url(service, path, query) {
  const params = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v != null && v !== '')) : null;
  return `${services[service]}${path}${params && [...params].length ? `?${params}` : ''}`;
}

/** Authorization and language headers for a call (the feed uses them too). */
export async function headers(extra = {}) {
  const token = await accessToken();
  if (!token) {
    onExpired();
    throw new SessionExpired();
  }
  return { Authorization: `Bearer ${token}`, 'Accept-Language': language(), ...extra };
}

export async function call(service, path, { method = 'GET', query, body, ifMatch, accept = 'application/json', more = {} } = {}) {
  const extra = { Accept: accept, ...more };
  if (body !== undefined) extra['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) extra['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(url(service, path, query), {
      method, headers: await headers(extra), body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof SessionExpired) throw e;
    throw new ApiProblem({ title: t('error.network') });
  }
  if (response.status === 401) {
    onExpired();
    throw new SessionExpired();
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const problem = type.includes('json') ? await response.json().catch(() => ({})) : {};
    throw new ApiProblem({ status: response.status, title: problem.title || response.statusText, ...problem });
  }
  if (accept !== 'application/json') return response;
  return response.status === 204 ? null : response.json();
}

export const get = (service, path, query) => call(service, path, { query });
export const post = (service, path, body, options = {}) => call(service, path, { method: 'POST', body, ...options });
