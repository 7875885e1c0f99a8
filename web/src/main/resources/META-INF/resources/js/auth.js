// Sign-in with Keycloak: OIDC authorization code with PKCE through the public client (refnet-web). Tokens live in
// sessionStorage (this tab only); a refresh keeps the session while Keycloak's session lasts.
const SESSION = 'refnet.session';
const PENDING = 'refnet.pending';
const RETURN_TO = 'refnet.return-to';

let config;
let refreshing;

export function configure(appConfig) {
  config = appConfig;
}

function endpoint(path) {
  return `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}/protocol/openid-connect/${path}`;
}

function redirectUri() {
  return `${location.origin}/`;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Off to Keycloak's login page; the page the user was on is where they come back to. */
export async function signIn(lang) {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  if (!sessionStorage.getItem(RETURN_TO)) sessionStorage.setItem(RETURN_TO, location.hash || '#/');
  const params = new URLSearchParams({
    client_id: config.clientId, redirect_uri: redirectUri(), response_type: 'code', scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: lang,
  });
  location.assign(`${endpoint('auth')}?${params}`);
}

/** Back from Keycloak with a code: exchange it; returns the hash to show, or null when this was no callback. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  const back = sessionStorage.getItem(RETURN_TO) || '#/';
  sessionStorage.removeItem(RETURN_TO);
  history.replaceState(null, '', `/${back}`);
  if (!pending || query.get('state') !== pending.state || !query.has('code')) return back;
  const response = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code: query.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }),
  });
  if (response.ok) store(await response.json());
  return back;
}

function store(tokens) {
  const now = Date.now();
  sessionStorage.setItem(SESSION, JSON.stringify({
    access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token,
    expiresAt: now + tokens.expires_in * 1000,
  }));
}

function session() {
  return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
}

export function signedIn() {
  return session() != null;
}

/** The access token's claims: roles, org_id, the user's name. */
export function user() {
  const s = session();
  if (!s) return null;
  const claims = JSON.parse(decodeURIComponent(escape(atob(s.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
  return {
    name: claims.preferred_username, organizationId: claims.org_id,
    roles: (claims.realm_access && claims.realm_access.roles) || [],
  };
}

/** A valid access token, refreshed when it is about to expire; null when the session is over. */
export async function accessToken() {
  const s = session();
  if (!s) return null;
  if (s.expiresAt - Date.now() > 30_000) return s.access;
  refreshing = refreshing || refresh(s).finally(() => { refreshing = null; });
  return refreshing;
}

async function refresh(s) {
  try {
    const response = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: s.refresh }),
    });
    if (!response.ok) {
      forget();
      return null;
    }
    store(await response.json());
    return session().access;
  } catch {
    return s.access;
  }
}

export function forget() {
  sessionStorage.removeItem(SESSION);
}

export function signOut() {
  const s = session();
  forget();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (s && s.id) params.set('id_token_hint', s.id);
  location.assign(`${endpoint('logout')}?${params}`);
}
