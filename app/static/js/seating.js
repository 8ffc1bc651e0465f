// The projector's seating of a round: table cards while every table fits on one screen, else an
// alphabetical "name → table" list, paged into screens that lie side by side in CSS columns.
import { fill, fullName, h } from "./dom.js";

/** Fill `grid` with the round's seating in the view the room reads fastest. */
export function renderSeating(grid, round, t) {
  grid.dataset.view = "tables";
  grid.replaceChildren(...tableCards(round, t));
  if (fitsOneScreen(grid)) return;
  grid.dataset.view = "names";
  grid.replaceChildren(...nameEntries(round, t));
}

/** Say on which screen each child of `grid` lies, and how far apart the screens are. */
export function screensOf(grid) {
  const style = getComputedStyle(grid);
  const gap = parseFloat(style.columnGap) || 0;
  const columns = parseInt(style.columnCount, 10) || 1;
  const step = grid.getBoundingClientRect().width + gap; // clientWidth rounds: pages would drift
  // A column's left edge is a whole multiple of the column step: rounding absorbs sub-pixel
  // offsets, which made a card at the very start of the second screen count as the first.
  const screenOf = (node) => Math.floor(Math.round(node.offsetLeft / (step / columns)) / columns);
  const screens = [...grid.children].map(screenOf);
  return { step, screens, count: screens.length ? Math.max(...screens) + 1 : 1 };
}

/** Give each screen of the name list the initials it spans, e.g. "A – F" (none for cards). */
export function initialsOf(grid, screens) {
  const ranges = [];
  [...grid.children].forEach((node, index) => {
    const initial = node.dataset.initial;
    if (!initial) return;
    const range = (ranges[screens[index]] ??= { first: initial, last: initial });
    range.last = initial;
  });
  return ranges.map((range) => (range.first === range.last ? range.first : `${range.first} – ${range.last}`));
}

function fitsOneScreen(grid) {
  const height = grid.clientHeight;
  const cards = [...grid.children];
  return screensOf(grid).count === 1 && cards.every((card) => card.offsetTop + card.offsetHeight <= height);
}

function tableCards(round, t) {
  const people = (list) => h("div", "people", ...list.map((person) =>
    h("p", "person", h("span", "name", fullName(person)), h("span", "company", person.company))));
  const cards = round.tables.map((table) => {
    const card = h("article", "card", h("p", "card-table", String(table.table)), people(table.people));
    card.setAttribute("aria-label", fill(t.table, { table: table.table }));
    return card;
  });
  if (round.sitting_out.length) {
    cards.push(h("article", "card card-out", h("p", "card-table", t.sitting_out), people(round.sitting_out)));
  }
  return cards;
}

function nameEntries(round, t) {
  const seats = sortedSeats(round);
  const names = seats.map(({ person }) => fullName(person));
  const namesake = (name) => names.indexOf(name) !== names.lastIndexOf(name);
  return seats.map(({ person, table }) => {
    const name = h("span", "entry-name", h("b", "", person.last_name), ` ${person.first_name}`,
      namesake(fullName(person)) ? h("span", "company", person.company) : null);
    const place = table == null
      ? h("span", "entry-table entry-out", t.sits_out)
      : h("span", "entry-table", String(table));
    const entry = h("p", "entry", name, place);
    // The bare letter, so "Écrivain" sits in the E range as the collator sorts it.
    entry.dataset.initial = person.last_name.normalize("NFD").charAt(0).toLocaleUpperCase();
    return entry;
  });
}

// Sorted by last name, as a printed list is: people look up their own name, not their table.
function sortedSeats(round) {
  const collator = new Intl.Collator(document.documentElement.lang || undefined, { sensitivity: "base" });
  const seats = round.tables.flatMap((table) => table.people.map((person) => ({ person, table: table.table })))
    .concat(round.sitting_out.map((person) => ({ person, table: null })));
  return seats.sort((a, b) => collator.compare(a.person.last_name, b.person.last_name)
    || collator.compare(a.person.first_name, b.person.first_name));
}
