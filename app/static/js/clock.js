// The event clock in the browser: server-time offset, live link, countdown maths.
// Shared by the projector, the phone and the public tables page.

const BURST = 5;              // pings per offset estimate; the fastest round trip wins
const REFRESH_MS = 30000;     // a new estimate this often (and a liveness check)
const PONG_TIMEOUT_MS = 5000; // no answer by then: the link is dead, reconnect
const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

/** Write milliseconds as m:ss, rounding up so 0:00 shows only at the end. */
export function formatClock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** Tell whether state `a` is fresher than `b`: (version, plan_version) only grow. */
export function isNewer(a, b) {
  if (!b) return true;
  return a.version > b.version || (a.version === b.version && a.plan_version > b.plan_version);
}

/** Give what remains of the current phase at server time `now`, or null without a deadline. */
export function remainingMs(state, now) {
  if (state.phase === "paused") return state.remaining_ms ?? 0;
  if (state.deadline_ms == null) return null;
  return Math.max(0, state.deadline_ms - now);
}

/** Run the automatic transitions the server runs (talk → switch → talk … → finished). */
export function project(state, now, timing) {
  let s = state;
  const running = () => (s.phase === "talk" || s.phase === "switch") && s.deadline_ms != null;
  while (running() && now >= s.deadline_ms) {
    if (s.phase === "switch" && timing.holdBeforeTalk) {
      s = { ...s, deadline_ms: null, waiting_for_host: true };
    } else if (s.phase === "switch") {
      s = { ...s, phase: "talk", deadline_ms: s.deadline_ms + timing.talkMs };
    } else if (s.round < s.rounds) {
      s = { ...s, phase: "switch", round: s.round + 1, deadline_ms: s.deadline_ms + timing.switchMs };
    } else {
      s = { ...s, phase: "finished", deadline_ms: null };
    }
  }
  return s;
}

/** Keep one live connection to an event's feed, with the server-time offset and a status. */
export class Link {
  /** `token` (a phone's own, already in its page's address) counts the phone for its person. */
  constructor({ eventId, kind, token = null, state = null, offset = null, onState, onMessage, onStatus, onOffset }) {
    const query = new URLSearchParams({ kind, ...(token ? { token } : {}) });
    this.url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws/events/${eventId}?${query}`;
    this.state = state;
    this.offset = offset;
    this.status = "connecting";
    this.received = 0;
    this.handlers = { onState, onMessage, onStatus, onOffset };
    this.attempt = 0;
    this.socket = null;
    this.timers = {};
  }

  /** The server's epoch ms, as best this page knows it. */
  get serverNow() {
    return Date.now() + (this.offset ?? 0);
  }

  /** Connect now and whenever the network or the page comes back. */
  start() {
    addEventListener("online", () => this.reconnectNow());
    addEventListener("offline", () => this.abandon());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible") return;
      if (this.socket?.readyState === WebSocket.OPEN) this.burst();
      else this.reconnectNow();
    });
    this.connect();
    return this;
  }

  connect() {
    if (this.socket) return;
    if (navigator.onLine === false) return this.retryLater();
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setStatus("live");
      this.burst();
    };
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.retryLater();
    };
  }

  reconnectNow() {
    clearTimeout(this.timers.retry);
    this.attempt = 0;
    this.connect();
  }

  /** Give up on the current socket (dead or no network) and try again later. */
  abandon() {
    const socket = this.socket;
    this.socket = null;
    socket?.close();
    this.retryLater();
  }

  retryLater() {
    this.clearPings();
    this.setStatus(navigator.onLine === false ? "offline" : "reconnecting");
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.connect(), base * (0.5 + Math.random() / 2));
  }

  receive(message) {
    this.received += 1;
    if (message.type === "pong") return this.sample(message);
    if (message.type !== "state") return this.handlers.onMessage?.(message);
    if (this.offset == null) this.setOffset(message.server_now_ms - Date.now());
    if (!isNewer(message, this.state)) return;
    this.state = message;
    this.handlers.onState?.(message);
  }

  /** Send a burst of pings, one after another; keep the sample with the fastest round trip. */
  burst() {
    this.clearPings();
    this.samples = [];
    this.ping();
  }

  ping() {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify({ type: "ping", t: Date.now() }));
    this.timers.pong = setTimeout(() => this.abandon(), PONG_TIMEOUT_MS);
  }

  sample({ t, server_now_ms: serverNow }) {
    clearTimeout(this.timers.pong);
    const t1 = Date.now();
    this.samples.push({ rtt: t1 - t, offset: serverNow - (t + t1) / 2 });
    if (this.samples.length < BURST) return this.ping();
    const best = this.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    this.setOffset(best.offset);
    this.timers.burst = setTimeout(() => this.burst(), REFRESH_MS);
  }

  clearPings() {
    clearTimeout(this.timers.pong);
    clearTimeout(this.timers.burst);
  }

  setOffset(offset) {
    this.offset = Math.round(offset);
    this.handlers.onOffset?.(this.offset);
  }

  setStatus(status) {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus?.(status);
  }
}

/** Call `draw` every quarter second and when the page becomes visible. */
export function tick(draw) {
  draw();
  setInterval(draw, 250);
  document.addEventListener("visibilitychange", draw);
}
