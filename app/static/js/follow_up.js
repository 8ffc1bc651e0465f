// Follow-up taps on the people met, and the details my matches get: always as the server answers.
import { callMe, failure } from "./api.js";
import { fullName, h, setText } from "./dom.js";

/** Keep my taps as the server last answered, and every toggle on the page in step with them. */
export class FollowUps {
  constructor(token, t, onChange) {
    this.token = token;
    this.t = t;
    this.onChange = onChange;
    this.tapped = new Set();
    this.busy = new Set();
    this.errors = new Map();
  }

  /** Fetch my taps (at start and after a reconnect); offline, keep what is shown. */
  async load() {
    try {
      const people = await callMe(this.token, "/interests");
      this.tapped = new Set(people.map((person) => person.id));
      this.paint();
    } catch {
      // the next reconnect loads them again
    }
  }

  /** Build the "Follow up" toggle of one person, with room for what went wrong. */
  control(person) {
    const button = h("button", "follow-up", this.t.follow_up);
    button.type = "button";
    button.addEventListener("click", () => this.flip(person.id));
    const error = h("p", "tap-error");
    error.setAttribute("role", "alert");
    const box = h("div", "tap", button, error);
    box.dataset.person = person.id;
    this.paintOne(box);
    return box;
  }

  async flip(id) {
    if (this.busy.has(id)) return;
    const wanted = !this.tapped.has(id);
    this.busy.add(id);
    this.errors.delete(id);
    this.paint(id);
    try {
      const path = `/interests/${id}`;
      const answer = await callMe(this.token, path, { method: wanted ? "PUT" : "DELETE" });
      if (answer.interested) this.tapped.add(id);
      else this.tapped.delete(id);
      this.onChange();
    } catch (error) {
      this.errors.set(id, error.status === 409 ? this.t.not_met_yet : failure(error, this.t));
    } finally {
      this.busy.delete(id);
      this.paint(id);
    }
  }

  /** Show the pressed, busy and error states of one person's toggles, or everyone's. */
  paint(id) {
    const selector = id == null ? ".tap" : `.tap[data-person="${id}"]`;
    document.querySelectorAll(selector).forEach((box) => this.paintOne(box));
  }

  paintOne(box) {
    const id = Number(box.dataset.person);
    const [button, error] = box.children;
    button.setAttribute("aria-pressed", String(this.tapped.has(id)));
    button.setAttribute("aria-busy", String(this.busy.has(id)));
    setText(error, this.errors.get(id) || "");
  }
}

/** List everyone met in the rounds held so far, latest first and once each, with a toggle. */
export function metPeople(itinerary, held, followUps) {
  const met = new Map();
  for (const entry of [...itinerary].reverse()) {
    if (entry.round > held) continue;
    for (const person of entry.with) if (!met.has(person.id)) met.set(person.id, person);
  }
  return [...met.values()].map((person) =>
    h("li", "met-person",
      h("div", "met-who", h("p", "met-name", fullName(person)), h("p", "company", person.company)),
      followUps.control(person)));
}

/** Wire the "What I share" checkboxes to the server; give the function that loads them. */
export function sharingPanel(form, token, t) {
  const boxes = [...form.querySelectorAll("input[type=checkbox]")];
  const status = form.querySelector(".share-status");
  const say = (message, isError = false) => {
    setText(status, message);
    status.classList.toggle("is-error", isError);
  };
  const show = (sharing, message) => {
    for (const box of boxes) {
      box.checked = sharing[box.name];
      box.disabled = false;
    }
    say(message);
  };
  form.addEventListener("change", async ({ target }) => {
    target.disabled = true;
    try {
      const body = { [target.name]: target.checked };
      show(await callMe(token, "/sharing", { method: "PUT", body }), t.saved);
    } catch (error) {
      target.checked = !target.checked;
      target.disabled = false;
      say(failure(error, t), true);
    }
  });
  return async () => {
    try {
      show(await callMe(token, "/sharing"), "");
    } catch (error) {
      say(failure(error, t), true);
    }
  };
}
