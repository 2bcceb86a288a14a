// HTTP helpers for the console: JSON in and out, the operator's bearer token, errors as exceptions
// carrying the server's {"error","message"} body.
const TOKEN = 'onenumber.console.token';
const AGENT = 'onenumber.console.agent';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  get agent() { return sessionStorage.getItem(AGENT); },
  set(token, agent) { sessionStorage.setItem(TOKEN, token); sessionStorage.setItem(AGENT, agent); },
  clear() { sessionStorage.removeItem(TOKEN); sessionStorage.removeItem(AGENT); },
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
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);

export async function login(username, password) {
  const data = await post('/login', { username, password });
  session.set(data.access_token, username);
  return data;
}
