// The caller's bearer token, kept for the browser tab only (sessionStorage), and the authorization code flow with
// PKCE against the identity provider named by /console/settings. The console has no credentials of its own: the
// Graph API checks the token on every request as it does for any client.
const TOKEN = 'opensync.console.token';
const PENDING = 'opensync.console.pkce';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/** The token's claims, read only to show who is signed in and when the token ends; the API verifies it. */
export function claims() {
  try {
    const payload = token().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}

export function expired() {
  const c = claims();
  return !c || (c.exp && c.exp * 1000 < Date.now());
}

function redirectUri() {
  return `${location.origin}/console/`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function discovery(authority) {
  const response = await fetch(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`The identity provider's discovery document answered ${response.status}`);
  }
  return response.json();
}

/** Sends the browser to the provider's sign-in page with a fresh PKCE verifier and state. */
export async function beginSignIn(oidc) {
  const provider = await discovery(oidc.authority);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, issuer: provider.issuer,
    tokenEndpoint: provider.token_endpoint }));
  const query = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(),
    scope: oidc.scope, state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/**
 * On the way back from the provider: exchanges the code for the access token. False when there is nothing to do.
 * The provider answers on the query string, with a code or an error (the admin cancelled, the client is refused).
 */
export async function completeSignIn(oidc) {
  const params = new URLSearchParams(location.search);
  if (!oidc || !(params.has('code') || params.has('error'))) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri());
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('The sign-in answer does not belong to this tab (state mismatch); sign in again.');
  }
  // A provider that names itself in the answer (iss) must be the one the sign-in began with: a code from another
  // provider is not for this exchange
  if (params.has('iss') && params.get('iss') !== pending.issuer) {
    throw new Error(`The sign-in answer comes from ${params.get('iss')}, not from ${pending.issuer}; sign in again.`);
  }
  if (params.has('error')) {
    throw new Error(`The identity provider refused the sign-in: ${params.get('error_description')
      || params.get('error')}`);
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: redirectUri(), client_id: oidc.clientId, code_verifier: pending.verifier }),
  });
  const answer = await response.json();
  if (!response.ok || !answer.access_token) {
    throw new Error(`The identity provider refused the sign-in: ${answer.error_description || answer.error}`);
  }
  setToken(answer.access_token);
  return true;
}
