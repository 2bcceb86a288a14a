// HTTP for the staff pages signed in through the wallboard (reform board, quality evaluation): the
// sign-in's bearer token, JSON in and out, a refusal as an Error carrying the server's message.
window.StaffApi = (function () {
  'use strict';
  const token = sessionStorage.getItem('onenumber.token');
  async function call(method, path, body) {
    const res = await fetch(path, { method, body: body ? JSON.stringify(body) : undefined,
      headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' } });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer.message || ('HTTP ' + res.status));
    return answer;
  }
  return { token, call };
})();
