// The only way the console reads or changes anything: the public Graph routes under /beta, with the caller's token.
import { token } from './auth.js';

const BASE = '/beta';

export class GraphError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Listeners told when the API refuses the token (401), so the page can ask for a new one. */
const unauthorized = [];
export function onUnauthorized(listener) {
  unauthorized.push(listener);
}

export async function graph(method, path, body, headers = {}) {
  const init = { method, headers: { Authorization: `Bearer ${token()}`, ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path.startsWith('/') ? BASE + path : path, init);
  if (response.status === 401) {
    unauthorized.forEach((listener) => listener());
  }
  if (!response.ok) {
    let error = {};
    try {
      error = (await response.json()).error || {};
    } catch {
      // not a Graph error body: the status says enough
    }
    throw new GraphError(response.status, error.code, error.message || `${response.status} ${response.statusText}`);
  }
  if (response.status === 204) {
    return null;
  }
  return (response.headers.get('Content-Type') || '').includes('json') ? response.json() : response.text();
}

export const get = (path) => graph('GET', path);
export const post = (path, body) => graph('POST', path, body);

/** A query string; values are percent-encoded, so OData literals keep their quotes and spaces. */
export function query(params) {
  const parts = Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** An OData string literal: quotes doubled. */
export function literal(text) {
  return `'${String(text).replace(/'/g, "''")}'`;
}

export function jobPath(spId, jobId) {
  return `/servicePrincipals/${encodeURIComponent(spId)}/synchronization/jobs/${encodeURIComponent(jobId)}`;
}
