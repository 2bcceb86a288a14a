// HTTP helpers for the console: JSON in and out, the operator's bearer token and roles, errors as
// exceptions carrying the server's {"error","message"} body. The access token is short-lived: it is
// renewed silently with the refresh token before it expires (and once on a 401), each refresh
// answering the next refresh token (the server spends the old one, so only one refresh runs at a time).
import { serverClock } from './clock.js';

const TOKEN = 'onenumber.console.token';
const AGENT = 'onenumber.console.agent';
const ROLES = 'onenumber.console.roles';
const REFRESH = 'onenumber.console.refresh';
const RENEW_AT = 'onenumber.console.renewAt';

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
    clearTimeout(renewTimer);
    [TOKEN, AGENT, ROLES, REFRESH, RENEW_AT].forEach((k) => sessionStorage.removeItem(k));
  },
};

let renewTimer;
let renewing = null;

/** Keeps the tokens of a login or refresh answer and plans the next renewal at ¾ of the lifetime. */
function keepTokens(data) {
  sessionStorage.setItem(TOKEN, data.access_token);
  if (!data.refresh_token) return;
  sessionStorage.setItem(REFRESH, data.refresh_token);
  sessionStorage.setItem(RENEW_AT, String(Date.now() + (data.expires_in ?? 900) * 750));
  planRenewal();
}

function planRenewal() {
  clearTimeout(renewTimer);
  const at = Number(sessionStorage.getItem(RENEW_AT) || 0);
  if (at) renewTimer = setTimeout(() => renew().catch(() => {}), Math.max(0, at - Date.now()));
}

/** Renews the access token with the refresh token; true when it worked. One renewal at a time. */
export function renew() {
  const refreshToken = sessionStorage.getItem(REFRESH);
  if (!refreshToken) return Promise.resolve(false);
  renewing ??= fetch('/api/v1/session/refresh', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ refresh_token: refreshToken }),
  }).then(async (response) => {
    if (!response.ok) return false;
    keepTokens(await response.json());
    return true;
  }).finally(() => { renewing = null; });
  return renewing;
}

planRenewal();

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
  }
}

export async function api(method, path, body, renewed = false) {
  const headers = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = Date.now();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && !renewed && session.token && await renew()) return api(method, path, body, true);
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
  keepTokens(data);
  return data;
}

/** The signed-in agent's own API path. */
export const agentPath = (suffix = '') => `/api/v1/agents/${encodeURIComponent(session.agent)}${suffix}`;
