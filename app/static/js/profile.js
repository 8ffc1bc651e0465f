// "My profile" on the phone before the first round: pitch, offers, needs, and whom I would like
// (or rather not) to meet, found by a search; saved in one PUT, shown as the server answers.
import { callMe, failure } from "./api.js";
import { fill, fullName, h, setText } from "./dom.js";

const SEARCH_DELAY_MS = 200;
const TEXTS = ["pitch", "offers", "needs"];

/** Wire the profile section; give the function that (re)loads it and shows it while editable. */
export function profilePanel(section, token, t) {
  const form = section.querySelector("form");
  const search = section.querySelector("input[type=search]");
  const found = section.querySelector(".found");
  const status = section.querySelector(".profile-status");
  const lists = { meet: [], avoid: [] };
  let meetMax = 5;
  let searchTimer = null;
  let searchId = 0;

  const say = (message, isError = false) => {
    setText(status, message);
    status.classList.toggle("is-error", isError);
  };

  const counters = TEXTS.map((name) => {
    const box = form.elements[name];
    const counter = box.parentElement.querySelector(".counter");
    const paint = () => setText(counter, fill(t.chars, { n: box.value.length, max: box.maxLength }));
    box.addEventListener("input", paint);
    return paint;
  });

  function show(profile) {
    meetMax = profile.meet_max;
    for (const name of TEXTS) form.elements[name].value = profile[name] || "";
    counters.forEach((paint) => paint());
    lists.meet = profile.meet;
    lists.avoid = profile.avoid;
    drawChosen();
    section.hidden = !profile.editable;
  }

  function drawChosen() {
    for (const kind of ["meet", "avoid"]) {
      const items = lists[kind].map((person) => {
        const remove = h("button", "chip-remove", t.remove);
        remove.type = "button";
        remove.setAttribute("aria-label", `${t.remove} ${fullName(person)}`);
        remove.addEventListener("click", () => {
          lists[kind] = lists[kind].filter((p) => p.id !== person.id);
          drawChosen();
          drawFound();
        });
        return h("li", "chip", h("span", "chip-name", fullName(person)), h("span", "chip-co", person.company), remove);
      });
      const list = section.querySelector(`.chosen[data-kind="${kind}"]`);
      list.replaceChildren(...(items.length ? items : [h("li", "chosen-none", t.none_chosen)]));
    }
    setText(section.querySelector(".meet-full"), lists.meet.length >= meetMax ? t.meet_full : "");
  }

  let results = [];
  function drawFound() {
    const chosen = new Set([...lists.meet, ...lists.avoid].map((p) => p.id));
    const shown = results.filter((person) => !chosen.has(person.id));
    const items = shown.map((person) =>
      h("li", "found-person",
        h("p", "found-name", fullName(person)),
        h("p", "company", [person.company, person.sector].filter(Boolean).join(" · ")),
        person.offers ? h("p", "found-offers", person.offers) : null,
        h("div", "found-actions",
          choose(person, "meet", t.meet_action, lists.meet.length >= meetMax),
          choose(person, "avoid", t.avoid_action, false))));
    if (search.value.trim() && !items.length) items.push(h("li", "found-none", t.nobody_found));
    found.replaceChildren(...items);
  }

  function choose(person, kind, label, disabled) {
    const button = h("button", `choose choose-${kind}`, label);
    button.type = "button";
    button.disabled = disabled;
    button.addEventListener("click", () => {
      lists[kind] = [...lists[kind], person];
      drawChosen();
      drawFound();
    });
    return button;
  }

  async function find() {
    const query = search.value.trim();
    const mine = ++searchId;
    if (!query) {
      results = [];
      drawFound();
      return;
    }
    try {
      const people = await callMe(token, `/people?q=${encodeURIComponent(query)}`);
      if (mine !== searchId) return; // a later search is on its way
      results = people;
      drawFound();
    } catch (error) {
      say(failure(error, t), true);
    }
  }

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(find, SEARCH_DELAY_MS);
  });
  search.addEventListener("keydown", (event) => event.key === "Enter" && event.preventDefault());

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    const body = Object.fromEntries(TEXTS.map((name) => [name, form.elements[name].value]));
    body.meet = lists.meet.map((p) => p.id);
    body.avoid = lists.avoid.map((p) => p.id);
    button.disabled = true;
    say("");
    try {
      show(await callMe(token, "/profile", { method: "PUT", body }));
      say(t.saved);
    } catch (error) {
      if (error.status === 409) say(t.profile_closed, true);
      else if (error.status) say(fill(t.not_saved, { detail: error.message }), true);
      else say(failure(error, t), true);
    } finally {
      button.disabled = false;
    }
  });

  return async () => {
    try {
      const profile = await callMe(token, "/profile");
      if (!form.contains(document.activeElement)) show(profile);
      else section.hidden = !profile.editable; // keep what is being typed
    } catch {
      // offline: keep the section as it is; the next reconnect loads it again
    }
  };
}
