// The phone's service worker: a reload without network still shows the participant's page.
// Network first, so a page or asset is never older than the server's while online; the last
// good copy answers when the network fails or stalls. The page then takes the newest saved state
// from localStorage and keeps the countdown from the saved schedule.

const CACHE = "tablehop-phone-v1";
const STALL_MS = 4000; // a stadium Wi-Fi that neither answers nor fails: use the copy

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin) return;
  const page = request.mode === "navigate" && url.pathname.startsWith("/p/");
  if (page || url.pathname.startsWith("/static/")) event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request, { ignoreVary: true });
  try {
    const response = await withDeadline(fetch(request), copy ? STALL_MS : null);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    if (copy) return copy;
    throw error;
  }
}

function withDeadline(promise, ms) {
  if (ms == null) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the network stalled")), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
