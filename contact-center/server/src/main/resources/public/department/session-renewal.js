// Silent session renewal for the staff pages (console, department portal, wallboard pages) that
// keep their own access token: this script wraps fetch, keeps the refresh token a POST /login answers, renews
// the access token at three quarters of its lifetime (POST /api/v1/session/refresh, which answers the
// next refresh token: one renewal at a time) and puts the current token in place of any superseded
// one a page still sends, in the Authorization header and in the sessionStorage entry that held it.
// A 401 on a request is tried once more after a renewal. SessionRenewal.logout(token) ends the
// session on the server (the access token and the refresh token's family). Each renewal is announced
// as a window event 'onenumber:renewed' (detail.token: the new access token), so a page's open
// sockets send it in-band ({"type":"auth","token":...}) before the server closes them with 4401 at the
// old token's expiry. Load it before the page's own script.
'use strict';
(() => {
  const REFRESH = 'onenumber.refresh';
  const RENEW_AT = 'onenumber.renewAt';
  const CURRENT = 'onenumber.current';
  const plain = window.fetch.bind(window);
  const superseded = new Map(JSON.parse(sessionStorage.getItem('onenumber.superseded') || '[]'));
  let timer = null;
  let renewing = null;

  function keep(data) {
    const before = sessionStorage.getItem(CURRENT);
    if (before && before !== data.access_token) {
      superseded.set(before, data.access_token);
      superseded.forEach((to, from) => { if (to === before) superseded.set(from, data.access_token); });
      sessionStorage.setItem('onenumber.superseded', JSON.stringify([...superseded].slice(-20)));
      for (let i = 0; i < sessionStorage.length; i++) {
        const key = sessionStorage.key(i);
        if (sessionStorage.getItem(key) === before) sessionStorage.setItem(key, data.access_token);
      }
    }
    sessionStorage.setItem(CURRENT, data.access_token);
    if (before && before !== data.access_token) {
      window.dispatchEvent(new CustomEvent('onenumber:renewed', {detail: {token: data.access_token}}));
    }
    if (!data.refresh_token) return;
    sessionStorage.setItem(REFRESH, data.refresh_token);
    sessionStorage.setItem(RENEW_AT, String(Date.now() + (data.expires_in ?? 900) * 750));
    plan();
  }

  function plan() {
    clearTimeout(timer);
    const at = Number(sessionStorage.getItem(RENEW_AT) || 0);
    if (at) timer = setTimeout(() => renew(), Math.max(0, at - Date.now()));
  }

  function renew() {
    const refreshToken = sessionStorage.getItem(REFRESH);
    if (!refreshToken) return Promise.resolve(false);
    renewing ??= plain('/api/v1/session/refresh', {method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({refresh_token: refreshToken})})
      .then(async res => { if (!res.ok) return false; keep(await res.json()); return true; })
      .catch(() => false)
      .finally(() => { renewing = null; });
    return renewing;
  }

  /** The request's headers with a superseded bearer token replaced by the current one. */
  function current(init) {
    const headers = new Headers(init?.headers || {});
    const auth = headers.get('Authorization') || '';
    const sent = auth.startsWith('Bearer ') ? auth.slice(7) : null;
    if (sent && superseded.has(sent)) headers.set('Authorization', 'Bearer ' + superseded.get(sent));
    return Object.assign({}, init, {headers});
  }

  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const response = await plain(input, current(init));
    const login = new URL(url, location.href).pathname === '/login' && (init?.method || 'GET').toUpperCase() === 'POST';
    if (login && response.ok) {
      keep(await response.clone().json());
    } else if (response.status === 401 && new Headers(init?.headers || {}).has('Authorization') && await renew()) {
      return plain(input, current(init));
    }
    return response;
  };

  window.SessionRenewal = {
    /** Revokes {@code token} and the refresh token's family on the server; forgets both here. */
    logout(sent) {
      const token = superseded.get(sent) ?? sent;
      const refreshToken = sessionStorage.getItem(REFRESH);
      clearTimeout(timer);
      [REFRESH, RENEW_AT, CURRENT, 'onenumber.superseded'].forEach(k => sessionStorage.removeItem(k));
      superseded.clear();
      if (!token) return Promise.resolve();
      return plain('/api/v1/session/logout', {method: 'POST',
        headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
        body: JSON.stringify({token, refresh_token: refreshToken})}).catch(() => {});
    },
  };

  plan();
})();
