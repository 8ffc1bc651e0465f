// The projector: lobby, countdown, paging table grid, banner and chime; updates in place.
import { Link, formatClock, project, remainingMs, tick } from "./clock.js";
import { fill, h, pageData, setText } from "./dom.js";
import { chime, enableSound } from "./chime.js";
import { initialsOf, renderSeating, screensOf } from "./seating.js";

const PAGE_MS = 8000;
const MIN_PAGE_MS = 3000; // time to read a page of names and find one's own
const CYCLE_MS = 28000; // every page shown within 30 s, the last one included
const LOBBY_POLL_MS = 5000;
const data = pageData("screen-data");
const t = pageData("strings");
const $ = (id) => document.getElementById(id);
const timing = { talkMs: data.talk_ms, switchMs: data.switch_ms, holdBeforeTalk: data.hold_before_talk };
const grids = new Map();
let shown = { view: null, key: null, gridKey: null, grid: null };
let pager = { page: 0, pages: 1, ms: 0, timer: null };

const link = new Link({
  eventId: data.event_id,
  kind: "screen",
  state: data.state,
  offset: data.state.server_now_ms - Date.now(),
  onState: draw,
  onMessage: (message) => message.type === "banner" && showBanner(message.text),
  onStatus: (status) => ($("link-status").hidden = status === "live" || status === "connecting"),
}).start();
window.tablehopClock = { link, remainingMs: () => remainingMs(current(), link.serverNow) };

function current() {
  return project(link.state, link.serverNow, timing);
}

function viewOf(state) {
  if (state.phase === "lobby" || state.phase === "finished") return state.phase;
  return "live";
}

function draw() {
  const state = current();
  const view = viewOf(state);
  for (const id of ["lobby", "live", "finished"]) $(id).hidden = id !== view;
  const key = `${state.phase}:${state.round}:${state.waiting_for_host}`;
  if (shown.key !== null && key !== shown.key) chime(state.phase);
  shown = { ...shown, view, key };
  if (view === "live") drawLive(state);
  else document.body.dataset.phase = state.phase;
}

function drawLive(state) {
  const phase = state.phase === "paused" ? state.paused_phase : state.phase;
  const waiting = phase === "switch" && state.deadline_ms == null && state.phase !== "paused";
  const remaining = remainingMs(state, link.serverNow);
  setText($("round"), fill(t.round, { round: state.round, rounds: state.rounds }));
  setText($("phase"), state.phase === "paused" ? t.paused : waiting ? t.waiting : t[phase]);
  setText($("countdown"), remaining == null ? "" : formatClock(remaining));
  const note = state.phase === "paused" ? t.note_paused : waiting ? t.note_waiting : t[`note_${phase}`];
  setText($("timer-note"), note);
  document.body.dataset.phase = state.phase === "paused" ? "paused" : phase;
  $("countdown").classList.toggle("ending", phase === "talk" && state.phase !== "paused" && remaining <= 10000);
  setText($("grid-title"), fill(phase === "switch" ? t.grid_switch : t.grid_talk, { round: state.round }));
  showGrid(state.round, link.state.plan_version);
  pace();
  if (phase === "talk" && state.round < state.rounds) loadGrid(state.round + 1, link.state.plan_version);
}

async function loadGrid(round, planVersion) {
  const key = `${round}@${planVersion}`;
  if (!grids.has(key)) {
    grids.set(key, fetch(`/events/${data.event_id}/grid?round=${round}`).then((r) => (r.ok ? r.json() : Promise.reject(r))));
    grids.get(key).catch(() => grids.delete(key));
  }
  return grids.get(key);
}

async function showGrid(round, planVersion) {
  const key = `${round}@${planVersion}`;
  if (shown.gridKey === key) return;
  shown.gridKey = key;
  try {
    const grid = await loadGrid(round, planVersion);
    if (shown.gridKey === key) renderGrid(grid);
  } catch {
    shown.gridKey = null; // try again on the next tick
  }
}

function renderGrid(grid, page = 0) {
  shown.grid = grid;
  renderSeating($("grid"), grid, t);
  $("grid").dataset.round = grid.round;
  startPaging(page);
}

function startPaging(page) {
  clearInterval(pager.timer);
  const grid = $("grid");
  const { step, screens, count } = screensOf(grid);
  pager = { page: 0, pages: count, step, ranges: initialsOf(grid, screens), ms: 0, timer: null };
  turnPage(page % count);
  pace();
}

// Turn pages at the pace the phase needs; called on every draw, it acts only when that changes.
function pace() {
  const ms = pageMs(pager.pages);
  if (pager.pages < 2 || ms === pager.ms) return;
  clearInterval(pager.timer);
  pager.ms = ms;
  pager.timer = setInterval(() => turnPage((pager.page + 1) % pager.pages), ms);
}

// Every page within one cycle of CYCLE_MS, so everyone sees their name within 30 s; during the
// change-over, every page twice within it, if that leaves each page long enough to be read.
function pageMs(pages) {
  const ms = Math.max(MIN_PAGE_MS, Math.min(PAGE_MS, CYCLE_MS / pages));
  if (document.body.dataset.phase !== "switch") return ms;
  return Math.min(ms, Math.max(MIN_PAGE_MS, timing.switchMs / (2 * pages)));
}

function turnPage(page) {
  pager.page = page;
  $("grid").style.transform = `translateX(${-page * pager.step}px)`;
  $("pager").classList.toggle("idle", pager.pages < 2);
  $("pager").replaceChildren(
    ...Array.from({ length: pager.pages }, (_, i) => h("span", i === page ? "dot on" : "dot")),
    h("span", "pager-text", fill(t.page, { page: page + 1, pages: pager.pages })),
    ...(pager.ranges[page] ? [h("span", "pager-range", pager.ranges[page])] : []));
}

function showBanner(text) {
  setText($("banner"), text || "");
  $("banner").hidden = !text;
}

async function refreshLobby() {
  if (shown.view !== "lobby") return;
  try {
    const response = await fetch(`/events/${data.event_id}/screen/lobby`);
    if (response.ok) setText($("checked-in"), String((await response.json()).checked_in));
  } catch {
    // the next poll tries again; the reconnecting mark already tells the room
  }
}

// Browsers allow sound only after a gesture on the page: any click on the screen enables it.
document.addEventListener("click", () => {
  enableSound();
  setText($("sound"), t.sound_on);
  $("sound").classList.add("on");
}, { once: true });
// Lay the seating out again whenever its window changes size (a new screen size, or a band that
// reflows): another size may need the other view, and pages measured before would cut names.
new ResizeObserver(([{ contentRect }]) => {
  if (shown.grid && contentRect.height > 0) renderGrid(shown.grid, pager.page);
}).observe($("grid").parentElement);
setInterval(refreshLobby, LOBBY_POLL_MS);
tick(draw);
