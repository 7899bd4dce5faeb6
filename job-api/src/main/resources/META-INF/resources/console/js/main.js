// The console's shell: sign-in, then a page per hash route. Pages render into <main> and may return a function that
// stops what they started (polling) when the admin navigates away.
import { claims, completeSignIn, expired, beginSignIn, setToken, signOut, token } from './auth.js';
import { h, replace, notice, failure, field } from './dom.js';
import { onUnauthorized } from './graph.js';
import * as principals from './pages/principals.js';
import * as job from './pages/job.js';
import * as logs from './pages/logs.js';
import * as mappings from './pages/mappings.js';
import * as onDemand from './pages/ondemand.js';

const main = document.getElementById('main');
let settings = { developmentLogin: false, oidc: null };
let leave = null;

const ROUTES = [
  [/^\/jobs\/([^/]+)\/([^/]+)\/mappings$/, mappings],
  [/^\/jobs\/([^/]+)\/([^/]+)\/on-demand$/, onDemand],
  [/^\/jobs\/([^/]+)\/([^/]+)$/, job],
  [/^\/logs$/, logs],
  [/^\/?$/, principals],
];

async function route() {
  if (leave) {
    leave();
    leave = null;
  }
  notice('');
  if (!token() || expired()) {
    showSignIn();
    return;
  }
  const who = claims();
  replace(document.getElementById('who'), `Signed in as ${who?.preferred_username || who?.upn || who?.sub || 'unknown'}`);
  document.getElementById('sign-out').hidden = false;
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(path || '/');
    if (match) {
      replace(main, h('p', {}, 'Loading…'));
      try {
        leave = await page.render(main, match.slice(1).map(decodeURIComponent), new URLSearchParams(search || ''));
      } catch (error) {
        replace(main, h('p', { className: 'error' }, error.message));
      }
      return;
    }
  }
  replace(main, h('p', {}, 'No such page. '), h('a', { href: '#/' }, 'Service principals'));
}

function showSignIn() {
  document.getElementById('sign-out').hidden = true;
  replace(document.getElementById('who'), '');
  const parts = [h('h1', {}, 'Sign in')];
  if (settings.oidc) {
    parts.push(h('p', {}, h('button', { type: 'button', className: 'primary', id: 'sign-in-oidc',
      onclick: () => beginSignIn(settings.oidc).catch(failure) }, 'Sign in with your identity provider')));
  }
  if (settings.developmentLogin) {
    const input = h('textarea', { rows: 4, className: 'code', id: 'dev-token', required: true,
      placeholder: 'eyJhbGciOi…' });
    parts.push(h('form', { id: 'dev-login', onsubmit: (event) => {
      event.preventDefault();
      setToken(input.value);
      route();
    } }, h('h2', {}, 'Development login'),
      h('p', {}, 'Paste a token from ', h('code', {}, 'bin/mint-token AuditLog.Read.All Application.ReadWrite.All '
        + 'Synchronization.ReadWrite.All'), '.'),
      field('Bearer token', input), h('button', { type: 'submit', className: 'primary' }, 'Use this token')));
  }
  if (parts.length === 1) {
    parts.push(h('p', {}, 'No sign-in is configured: set sync.console.oidc.client-id (README "Web console").'));
  }
  replace(main, ...parts);
}

async function start() {
  try {
    settings = await (await fetch('/console/settings')).json();
    await completeSignIn(settings.oidc);
  } catch (error) {
    failure(error);
  }
  onUnauthorized(() => {
    signOut();
    notice('The API refused the token (expired or not valid for it): sign in again.', 'error');
    showSignIn();
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    signOut();
    route();
  });
  window.addEventListener('hashchange', route);
  route();
}

start();
