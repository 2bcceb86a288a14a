// The server's clock as the console sees it: every work view, snapshot and command answer carries
// serverTime, and countdowns (offer, wrap-up) are the server's deadline minus the server's now, so a
// browser whose clock is off still shows the server's seconds.
let offsetMs = 0;

export const serverClock = {
  /** Takes the server's time from an answer (ISO-8601); ignores a missing one. */
  sync(serverTime) {
    const at = Date.parse(serverTime ?? '');
    if (!Number.isNaN(at)) offsetMs = at - Date.now();
  },
  now() { return Date.now() + offsetMs; },
  /** Whole seconds until an ISO deadline (never negative), or null without one. */
  secondsUntil(deadline) {
    const at = Date.parse(deadline ?? '');
    if (Number.isNaN(at)) return null;
    return Math.max(0, Math.ceil((at - this.now()) / 1000));
  },
};
