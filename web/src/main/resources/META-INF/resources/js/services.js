// Names of the services and organisations that referrals name by id, looked up once per tab.
import { get } from './api.js';

const services = new Map();
const organizations = new Map();

function once(map, id, load) {
  if (!id) return Promise.resolve(null);
  if (!map.has(id)) map.set(id, load(id).catch(() => null));
  return map.get(id);
}

export const service = id => once(services, id, i => get('registry', `/services/${i}`));
export const organization = id => once(organizations, id, i => get('registry', `/organizations/${i}`));

export async function serviceNames(ids) {
  const unique = [...new Set(ids.filter(Boolean))];
  const found = await Promise.all(unique.map(service));
  return new Map(unique.map((id, i) => [id, found[i] ? `${found[i].name} (${found[i].organizationName})` : id]));
}
