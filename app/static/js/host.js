// The host panel: keyboard shortcuts, the live countdown and a feed that keeps every panel current.
(function () {
  "use strict";
  const main = document.querySelector("[data-event-id]");
  if (!main) return;
  const eventId = main.dataset.eventId;
  let offset = 0; // server clock minus ours, from the lowest round-trip ping
  let bestRoundTrip = Infinity;

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

  // Keep the server's notion of "now": assume half the round trip on each leg.
  function learnOffset(sentAt, serverNow) {
    const roundTrip = Date.now() - sentAt;
    if (roundTrip <= bestRoundTrip) {
      bestRoundTrip = roundTrip;
      offset = serverNow - (sentAt + roundTrip / 2);
    }
  }

  function tick() {
    const live = document.getElementById("live");
    const display = document.getElementById("countdown");
    if (!live || !display) return;
    let remaining = Number(live.dataset.remainingMs || 0);
    if (live.dataset.deadlineMs) remaining = Number(live.dataset.deadlineMs) - (Date.now() + offset);
    const seconds = Math.max(0, Math.ceil(remaining / 1000));
    const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    if (display.textContent !== text) display.textContent = text;
  }
  setInterval(tick, 200);

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
    if (bestRoundTrip === Infinity) offset = state.server_now_ms - Date.now();
    if (live && Number(live.dataset.version) !== state.version) refresh(`/events/${eventId}/host/live`, "#live");
    const plan = document.getElementById("plan");
    if (plan && Number(plan.dataset.planVersion) !== state.plan_version) {
      htmx.trigger(document.body, "plan-changed");
      htmx.trigger(document.body, "people-changed");
    }
    htmx.trigger(document.body, "state-changed");
  }

  function connect(delay) {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws/events/${eventId}?kind=host`);
    let pinger;
    socket.onopen = () => {
      delay = 500;
      const ping = () => socket.send(JSON.stringify({ type: "ping", t: Date.now() }));
      ping();
      pinger = setInterval(ping, 30000);
    };
    socket.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.type === "state") onState(data);
      else if (data.type === "pong") learnOffset(data.t, data.server_now_ms);
      else if (data.type === "banner" && !document.getElementById("banner-text")?.value) {
        refresh(`/events/${eventId}/host/banner`, "#banner");
      }
    };
    socket.onclose = () => {
      clearInterval(pinger);
      setTimeout(() => connect(Math.min(delay * 2, 10000)), delay);
    };
  }

  document.addEventListener("htmx:afterSwap", () => { markCurrentRound(); tick(); });
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
  connect(500);
})();
