// The server's clock as the console sees it. Answers that carry serverTime are samples: the
// server's time lies between the request's sending and the answer's arrival, so the offset is
// taken at the midpoint, and the sample with the shortest round trip among the recent ones wins
// (a slow answer says little about the clock). Countdowns (offer, wrap-up) are the server's
// deadline minus this server time, so a browser whose clock is off still shows the server's seconds.
const KEEP = 20;
let samples = [];
let offsetMs = 0;

export const serverClock = {
  /** One answer's serverTime (ISO-8601), with when its request left and its answer came (Date.now()). */
  sample(serverTime, sentAt, receivedAt) {
    const at = Date.parse(serverTime ?? '');
    if (Number.isNaN(at)) return;
    samples = samples.concat({ rtt: receivedAt - sentAt, offset: at - (sentAt + receivedAt) / 2 }).slice(-KEEP);
    offsetMs = samples.reduce((best, s) => (s.rtt < best.rtt ? s : best)).offset;
  },
  now() { return Date.now() + offsetMs; },
  /** Whole seconds until an ISO deadline (never negative), or null without one. */
  secondsUntil(deadline) {
    const at = Date.parse(deadline ?? '');
    if (Number.isNaN(at)) return null;
    return Math.max(0, Math.ceil((at - this.now()) / 1000));
  },
};
