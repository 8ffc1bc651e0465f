// The participant's phone: where to sit now and next, kept right offline from the saved schedule;
// my profile and wishes before the first round, a follow-up tap on each person met, and the
// mutual matches once the event is over.
import { Link, formatClock, isNewer, project, remainingMs, tick } from "./clock.js";
import { fill, fullName, h, pageData, setText } from "./dom.js";
import { FollowUps, metPeople, sharingPanel } from "./follow_up.js";
import { showMatches } from "./matches.js";
import { profilePanel } from "./profile.js";

const PRESENCE_POLL_MS = 20000;
const data = pageData("phone-data");
const t = pageData("strings");
const KEY = `tablehop:${data.token}`;
const $ = (id) => document.getElementById(id);
const timing = { talkMs: data.talk_ms, switchMs: data.switch_ms, holdBeforeTalk: data.hold_before_talk };
const saved = readSaved();
// A page from the browser's cache carries an old state: then the saved offset is the better one.
const fresh = !saved.state || !isNewer(saved.state, data.state);
let me = newest(saved.me, pageData("me"));
let drawnKey = null;
const followUps = new FollowUps(data.token, t, loadMatches);
const loadSharing = sharingPanel($("sharing"), data.token, t);
const loadProfile = profilePanel($("profile"), data.token, t);
let profileHeld;

const link = new Link({
  eventId: data.event_id,
  kind: "phone",
  token: data.token,
  state: fresh ? data.state : saved.state,
  offset: fresh ? data.state.server_now_ms - Date.now() : saved.offset,
  onState: () => { save(); refetchIfReplanned(); draw(); loadMatches(); reloadProfileOnStart(); },
  onOffset: save,
  onMessage: (message) => message.type === "banner" && showBanner(message.text),
  onStatus: (status) => { showStatus(status); if (status === "live") sync(); },
}).start();
profileHeld = roundsHeld(link.state);
window.tablehopClock = { link, remainingMs: () => remainingMs(current(), link.serverNow) };

function readSaved() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || {};
  } catch {
    return {};
  }
}

function save() {
  try {
    localStorage.setItem(KEY, JSON.stringify({ me, state: link.state, offset: link.offset }));
  } catch {
    // private mode or a full storage: the page still works while it stays open
  }
}

function newest(a, b) {
  return a && a.event.plan_version > b.event.plan_version ? a : b;
}

async function refetchIfReplanned() {
  if (link.state.plan_version <= me.event.plan_version) return;
  await refetch();
}

async function refetch() {
  try {
    // In the page's language, not the browser's: a `?lang=` page says why in the language it shows.
    const lang = encodeURIComponent(document.documentElement.lang);
    const response = await fetch(`/api/me/${data.token}?lang=${lang}`, { cache: "no-store" });
    if (!response.ok) return;
    me = await response.json();
    save();
    draw();
  } catch {
    // offline: keep the saved schedule; the next state message tries again
  }
}

/** Load what may have changed while the link was down: taps, sharing, matches, my profile. */
function sync() {
  followUps.load();
  loadSharing();
  loadMatches();
  loadProfile();
}

/** Ask again whether my profile is editable when a round starts: it closes at the first. */
function reloadProfileOnStart() {
  const held = roundsHeld(link.state);
  if (held !== profileHeld) loadProfile();
  profileHeld = held;
}

function loadMatches() {
  if (link.state.phase === "finished") showMatches($("matches"), data.token, t);
}

/** Count the rounds whose talk has started, as the server does: a round is held from then. */
function roundsHeld(state) {
  const phase = state.phase === "paused" ? state.paused_phase : state.phase;
  return phase === "switch" ? state.round - 1 : state.round;
}

function current() {
  return project(link.state, link.serverNow, timing);
}

function draw() {
  const state = current();
  const remaining = remainingMs(state, link.serverNow);
  const inRound = state.phase !== "lobby" && state.phase !== "finished";
  setText($("round"), inRound ? fill(t.round, { round: state.round, rounds: state.rounds }) : t[state.phase]);
  setText($("phase"), inRound ? phaseLabel(state) : "");
  setText($("countdown"), inRound && remaining != null ? formatClock(remaining) : "");
  $("countdown").classList.toggle("ending", state.phase === "talk" && remaining <= 10000);
  document.body.dataset.phase = state.phase;
  const key = [state.phase, state.round, state.paused_phase, state.waiting_for_host, me.event.plan_version, me.person.status].join();
  if (key === drawnKey) return;
  drawnKey = key;
  setText($("presence"), t[me.person.status] || "");
  $("presence").className = `presence ${me.person.status}`;
  const rounds = new Map(me.itinerary.map((entry) => [entry.round, entry]));
  const focus = state.phase === "lobby" ? 1 : state.round;
  const held = roundsHeld(state);
  $("place").replaceChildren(...place(state, rounds, focus, held));
  const met = metPeople(me.itinerary, held, followUps);
  $("met").hidden = !met.length;
  $("met-list").replaceChildren(...met);
  drawNext(state, rounds.get(focus + 1));
  drawItinerary(state, focus);
}

function phaseLabel(state) {
  if (state.phase === "paused") return t.paused;
  if (state.phase === "switch" && state.deadline_ms == null) return t.waiting;
  return t[state.phase];
}

function place(state, rounds, focus, held) {
  if (state.phase === "finished") return [h("p", "big", t.done), h("p", "hint", t.done_hint)];
  const entry = rounds.get(focus);
  if (entry?.sitting_out) return [h("div", "sitout", h("p", "big", t.sit_out), h("p", "hint", t.sit_out_hint))];
  if (entry) {
    const table = fill(t.table, { table: entry.table });
    return [h("p", "kicker", kicker(state)), h("p", "table", table), people(entry.with, entry.round <= held)];
  }
  if (me.person.status !== "present") return [h("p", "hint", t[me.person.status])];
  const later = me.itinerary.find((e) => e.round > focus);
  if (later) return [h("p", "hint", fill(t.joins_later, { round: later.round }))];
  return [h("p", "hint", me.itinerary.length ? t.no_more : t.no_plan)];
}

function kicker(state) {
  if (state.phase === "lobby") return t.first_table;
  const phase = state.phase === "paused" ? state.paused_phase : state.phase;
  return phase === "switch" ? t.go_to : t.you_are_at;
}

function people(list, met) {
  return h("ul", "people", ...list.map((person) =>
    h("li", "person",
      h("p", "name", fullName(person)),
      h("p", "company", [person.company, person.sector].filter(Boolean).join(" · ")),
      person.pitch ? h("q", "pitch", person.pitch) : null,
      person.why ? h("p", "why", person.why) : null,
      met ? followUps.control(person) : null)));
}

function drawNext(state, entry) {
  $("next").hidden = !entry || state.phase === "finished";
  if (!entry) return;
  const where = entry.sitting_out ? t.sit_out : fill(t.table, { table: entry.table });
  const who = entry.with.map((p) => `${fullName(p)} (${p.company})`).join(", ");
  const lines = [
    h("p", "kicker", `${t.next} · ${fill(t.round_short, { round: entry.round })}`),
    h("p", "next-table", where),
  ];
  if (who) lines.push(h("p", "next-who", `${t.with} ${who}`));
  $("next").replaceChildren(...lines);
}

function drawItinerary(state, focus) {
  const items = me.itinerary.map((entry) => {
    const past = state.phase === "finished" || entry.round < focus;
    const item = h("li", past ? "past" : entry.round === focus ? "current" : "",
      h("span", "it-round", String(entry.round)),
      h("span", "it-table", entry.sitting_out ? t.sitting_out : fill(t.table, { table: entry.table })),
      h("span", "it-who", entry.with.map((p) => `${fullName(p)} — ${p.company}`).join(", ")));
    if (entry.round === focus && !past) item.setAttribute("aria-current", "step");
    return item;
  });
  $("itinerary").replaceChildren(...items);
}

function showBanner(text) {
  setText($("banner"), text || "");
  $("banner").hidden = !text;
}

function showStatus(status) {
  $("link-status").hidden = status === "live" || status === "connecting";
  setText($("link-status"), status === "offline" ? t.offline : t.reconnecting);
  document.body.classList.toggle("is-offline", status === "offline");
}

async function keepAwake() {
  if (document.visibilityState !== "visible" || !navigator.wakeLock) return;
  try {
    await navigator.wakeLock.request("screen");
  } catch {
    // low battery or a browser that refuses: the phone may sleep, nothing breaks
  }
}

document.addEventListener("visibilitychange", keepAwake);
keepAwake();
// A reload in a dead zone shows this page from the last copy (secure contexts only: HTTPS).
navigator.serviceWorker?.register("/p/sw.js").catch(() => {});
setInterval(() => me.person.status !== "present" && refetch(), PRESENCE_POLL_MS);
save();
tick(draw);
