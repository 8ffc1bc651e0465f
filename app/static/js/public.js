// The public tables page: anyone in the room finds their table for this round and the next.
import { Link, project, tick } from "./clock.js";
import { fill, fullName, h, pageData, setText } from "./dom.js";

const data = pageData("page-data");
const t = pageData("strings");
const $ = (id) => document.getElementById(id);
const timing = { talkMs: data.talk_ms, switchMs: data.switch_ms, holdBeforeTalk: data.hold_before_talk };
let people = [];
let shownKey = null;

const link = new Link({
  eventId: data.event_id,
  kind: "public",
  state: data.state,
  offset: data.state.server_now_ms - Date.now(),
  onStatus: (status) => {
    $("link-status").hidden = status === "live" || status === "connecting";
    setText($("link-status"), status === "offline" ? t.offline : t.reconnecting);
  },
}).start();

function focusRound(state) {
  return state.phase === "lobby" ? 1 : state.round;
}

async function grid(round) {
  if (round < 1 || round > link.state.rounds) return null;
  const response = await fetch(`/events/${data.event_id}/grid?round=${round}`);
  return response.ok ? response.json() : null;
}

function seats(grid) {
  const where = new Map();
  for (const table of grid?.tables ?? []) {
    for (const person of table.people) where.set(key(person), { person, label: fill(t.table, { table: table.table }) });
  }
  for (const person of grid?.sitting_out ?? []) where.set(key(person), { person, label: t.out });
  return where;
}

function key(person) {
  return `${person.first_name}\u0000${person.last_name}\u0000${person.company}`;
}

async function refresh() {
  const state = project(link.state, link.serverNow, timing);
  const round = focusRound(state);
  const wanted = `${state.phase === "finished"}:${round}@${link.state.plan_version}`;
  if (wanted === shownKey) return;
  shownKey = wanted;
  if (state.phase === "finished") return show([], t.finished);
  try {
    const [now, next] = await Promise.all([grid(round), grid(round + 1)]);
    const later = seats(next);
    people = [...seats(now).values()].map(({ person, label }) => ({ person, now: label, next: later.get(key(person))?.label }));
    people.sort((a, b) => a.person.last_name.localeCompare(b.person.last_name) || a.person.first_name.localeCompare(b.person.first_name));
    const heading = state.phase === "lobby" ? t.first : next ? t.now_next : t.now_only;
    show(people, people.length ? fill(heading, { round, next: round + 1 }) : t.no_plan);
  } catch {
    shownKey = null; // offline: try again on the next tick
  }
}

function show(list, heading) {
  setText($("rounds"), heading);
  people = list;
  filter();
}

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function filter() {
  const query = fold($("who").value.trim());
  const found = people.filter(({ person }) => !query || fold(`${fullName(person)} ${person.last_name} ${person.first_name} ${person.company}`).includes(query));
  $("directory").replaceChildren(...found.map(({ person, now, next }) =>
    h("li", "",
      h("span", "who", fullName(person)),
      h("span", "where", now, next ? h("small", "", fill(t.then, { where: next })) : null),
      h("span", "co", person.company))));
  $("empty").hidden = found.length > 0 || !query;
  setText($("empty"), t.no_match);
}

$("who").addEventListener("input", filter);
tick(refresh);
