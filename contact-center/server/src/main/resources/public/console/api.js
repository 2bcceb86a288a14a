// HTTP helpers for the console: JSON in and out, the operator's bearer token and roles, errors as
// exceptions carrying the server's {"error","message"} body. The short-lived access token is renewed
// silently by /department/session-renewal.js (loaded first by index.html), which also rewrites the
// stored token, so session.token is always the current one.
import { serverClock } from './clock.js';

const TOKEN = 'onenumber.console.token';
const AGENT = 'onenumber.console.agent';
const ROLES = 'onenumber.console.roles';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get agent() { return sessionStorage.getItem(AGENT); },
  get roles() { return JSON.parse(sessionStorage.getItem(ROLES) || '[]'); },
  set(token, agent, roles) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(AGENT, agent);
    sessionStorage.setItem(ROLES, JSON.stringify(roles ?? []));
  },
  clear() {
    window.SessionRenewal?.logout(null);
    [TOKEN, AGENT, ROLES].forEach((k) => sessionStorage.removeItem(k));
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = Date.now();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (data?.serverTime) serverClock.sample(data.serverTime, sentAt, Date.now());
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);

export async function login(username, password) {
  const data = await post('/login', { username, password });
  session.set(data.access_token, username, data.roles);
  return data;
}

/** The signed-in agent's own API path. */
export const agentPath = (suffix = '') => `/api/v1/agents/${encodeURIComponent(session.agent)}${suffix}`;
