// Pushed alerts: ServerEvents reads the server-sent events of a stream (fetch with the bearer
// token, as the wallboard does) and calls handlers[name](data) for each event with a handler.
// Reconnects after a drop; stops on 401/403 or close(). Every stream of the server beats: a comment
// ': ping N' when it opens and every N seconds (onenumber.sse.heartbeat-seconds); a stream that sends
// no byte for SILENT_BEATS heartbeats (a proxy or a network that dropped it without closing) is
// given up and opened again. onState(state, status), if given, hears 'live' (open), 'silent' (no
// byte for three heartbeats: reconnecting), 'reconnecting' (cut or refused), 'denied' (401/403, with
// the status; no retry). A stream is let go when its page is hidden (pagehide) and opened again if the
// page comes back from the back/forward cache. CaseAlerts: /api/v1/case-alerts/stream,
// onAlert({caseId, department, status, at}) per case as it goes overdue (the department portal: staff
// their department's; the wallboard: supervisors every department's), onCallInvite({contactId,
// from, fromName, mode, at}) when an operator invites the department's staff into a call, and
// onLowRating({kind: 'LOW_RATING', caseId, department, status, at}) when a citizen rates an answer 1-2.
// IssueAlerts: emerging issues from /api/v1/analytics/issues/stream (the wallboard and the hotspot page).
'use strict';
window.ServerEvents = {
  SILENT_BEATS: 3,
  open(url, handlers, token, onState, retryMs) {
    let abort = null;
    let closed = false;
    let heartbeatMs = 15000; // until the stream's first ': ping N' says its period
    let lastByte = 0;
    let silent = false;
    const state = (s, status) => { if (onState && !closed) onState(s, status); };
    const watchdog = setInterval(() => {
      if (abort && lastByte && Date.now() - lastByte > window.ServerEvents.SILENT_BEATS * heartbeatMs) {
        silent = true;
        lastByte = 0;
        abort.abort();
      }
    }, 1000);
    async function run() {
      while (!closed) {
        abort = new AbortController();
        silent = false;
        try {
          const res = await fetch(url, {headers: {Authorization: 'Bearer ' + token,
            Accept: 'text/event-stream'}, signal: abort.signal});
          if (res.status === 401 || res.status === 403) { clearInterval(watchdog); state('denied', res.status); return; }
          if (res.ok) {
            lastByte = Date.now();
            state('live');
            await read(res.body.getReader());
          }
        } catch (e) { if (closed) return; }
        lastByte = 0;
        state(silent ? 'silent' : 'reconnecting');
        await new Promise(resolve => setTimeout(resolve, retryMs || 5000));
      }
    }
    async function read(reader) {
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) return;
        lastByte = Date.now();
        buffer += decoder.decode(value, {stream: true});
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut).split('\n');
          buffer = buffer.slice(cut + 2);
          const ping = block.map(l => /^: ?ping (\d+)/.exec(l)).find(m => m);
          if (ping && Number(ping[1]) > 0) heartbeatMs = 1000 * Number(ping[1]);
          const name = (block.find(l => l.startsWith('event:')) || '').slice(6).trim();
          const data = block.filter(l => l.startsWith('data:')).map(l => l.slice(5).replace(/^ /, '')).join('\n');
          if (handlers[name]) handlers[name](JSON.parse(data));
        }
      }
    }
    // A page left for another (a reload in another language, a link) may stay alive in the browser's
    // back/forward cache with its streams open: at six connections per host (HTTP/1.1) the next page's
    // last streams then waited until those closed (the board's partitions panel ~45 s). Hidden, the
    // page lets its stream go; shown again from that cache, the loop opens it anew (as after a cut).
    const release = () => { if (abort) abort.abort(); };
    window.addEventListener('pagehide', release);
    run();
    return { close() { closed = true; clearInterval(watchdog); window.removeEventListener('pagehide', release);
      if (abort) abort.abort(); } };
  }
};
window.CaseAlerts = {
  open: (token, onAlert, onCallInvite, onLowRating, onState) => window.ServerEvents.open('/api/v1/case-alerts/stream',
    Object.assign({'overdue': onAlert}, onCallInvite ? {'call-invite': onCallInvite} : {},
      onLowRating ? {'low-rating': onLowRating} : {}), token, onState)
};
window.IssueAlerts = {
  open: (token, onIssue, onState) => window.ServerEvents.open('/api/v1/analytics/issues/stream', {'issue': onIssue},
    token, onState)
};
