// The host's countdown: the same clock as the projector and phones (server offset from ping
// bursts, absolute deadlines, automatic transitions run locally), so every screen agrees.
import { Link, formatClock, isNewer, project, remainingMs, tick } from "./clock.js";

const panel = () => document.getElementById("live");
const stateOf = (live) => JSON.parse(live.dataset.state);
// What the panel was drawn for; the buttons differ by phase, round, and running or not.
const keyOf = (s) => `${s.phase}:${s.round}:${s.deadline_ms == null}`;

/** Keep the live link and draw the countdown; `refresh` redraws the panel when the phase moves. */
export function startClock(eventId, { refresh, ...handlers }) {
  const first = stateOf(panel());
  const timing = JSON.parse(panel().dataset.timing);
  const link = new Link({
    eventId,
    kind: "host",
    state: first,
    offset: first.server_now_ms - Date.now(),
    ...handlers,
  }).start();
  const current = () => project(link.state, link.serverNow, timing);
  let asked = null;

  function draw() {
    const live = panel();
    const display = document.getElementById("countdown");
    if (!live || !display) return;
    const state = current();
    const text = formatClock(remainingMs(state, link.serverNow) ?? 0);
    if (display.textContent !== text) display.textContent = text;
    const key = keyOf(state);
    if (key !== keyOf(stateOf(live)) && key !== asked) {
      asked = key; // once per change: the server has caught up by the time it answers
      refresh();
    }
  }

  // A command's answer carries the state it made, often before the feed does.
  document.addEventListener("htmx:afterSwap", () => {
    const live = panel();
    if (live && isNewer(stateOf(live), link.state)) link.state = stateOf(live);
    draw();
  });
  tick(draw);
  window.tablehopClock = { link, remainingMs: () => remainingMs(current(), link.serverNow) };
  return link;
}
