// The host panel: keyboard shortcuts, the live countdown and a feed that keeps every panel current.
import { startClock } from "./host_clock.js";

const main = document.querySelector("[data-event-id]");
if (main) {
  const eventId = main.dataset.eventId;

  const KEYS = { " ": "primary", ArrowRight: "next", ArrowLeft: "undo", "+": "plus", "=": "plus", "-": "minus", "−": "minus" };

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return closeOverlay();
    const target = event.target;
    const typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (document.querySelector("#overlay .qr-overlay")) return;
    const name = KEYS[event.key];
    if (!name) return;
    const button = document.querySelector(`#live [data-shortcut="${name}"]:not([disabled])`);
    event.preventDefault();
    if (button) button.click();
  });

  function closeOverlay() {
    document.getElementById("overlay").replaceChildren();
  }
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-close-overlay]") || event.target.classList.contains("qr-overlay")) closeOverlay();
    const opener = event.target.closest("[data-open]");
    if (opener) {
      const details = document.getElementById(opener.dataset.open);
      if (details) details.open = true;
    }
  });

  function markCurrentRound() {
    const live = document.getElementById("live");
    document.querySelectorAll(".plan-grid tr.current").forEach((row) => row.classList.remove("current"));
    const row = live && document.getElementById(`round-${live.dataset.round}`);
    if (row) row.classList.add("current");
  }

  function refresh(url, target) {
    return htmx.ajax("GET", url, { target, swap: "outerHTML" });
  }

  function onState(state) {
    const live = document.getElementById("live");
    if (live && Number(live.dataset.version) !== state.version) refresh(`/events/${eventId}/host/live`, "#live");
    const plan = document.getElementById("plan");
    if (plan && Number(plan.dataset.planVersion) !== state.plan_version) {
      htmx.trigger(document.body, "plan-changed");
      htmx.trigger(document.body, "people-changed");
    }
    htmx.trigger(document.body, "state-changed");
  }

  function onMessage(message) {
    if (message.type === "banner" && !document.getElementById("banner-text")?.value) {
      refresh(`/events/${eventId}/host/banner`, "#banner");
    }
  }

  // The same live link as the projector and the phones: offset from ping bursts, a dead link
  // noticed within seconds, reconnection with backoff.
  startClock(eventId, { onState, onMessage, refresh: () => refresh(`/events/${eventId}/host/live`, "#live") });

  document.addEventListener("htmx:afterSwap", markCurrentRound);
  function toast(text) {
    const box = document.getElementById("toast");
    box.textContent = text;
    box.hidden = false;
    setTimeout(() => { box.hidden = true; }, 6000);
  }
  document.addEventListener("htmx:responseError", () => toast(main.dataset.serverError));
  document.addEventListener("htmx:sendError", () => toast(main.dataset.offline));
  document.addEventListener("input", (event) => {
    const counter = document.querySelector(`[data-counter-for="${event.target.id}"]`);
    if (counter) counter.textContent = String(event.target.maxLength - event.target.value.length);
  });
  markCurrentRound();
}
