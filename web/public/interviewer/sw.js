/* The interviewer app's service worker: keeps the app shell and its assets on the device so that the app
 * opens, with every saved interview, without any network. Interviews themselves live in IndexedDB, not here.
 * Hashed assets never change, so they are served from the cache first; the page is fetched fresh when the
 * network answers (to pick up a new version) and from the cache when it does not. The API is never cached. */
const cacheName = "parallax-interviewer-v1";
const shell = ["/interviewer", "/interviewer/manifest.webmanifest", "/interviewer/icon.svg"];
const pageTimeoutMs = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(shell))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

/** The page lists the assets it loaded; older hashed assets no page uses any more are dropped. */
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === "string" && url.startsWith("/"));
  event.waitUntil(
    caches.open(cacheName).then(async (cache) => {
      for (const url of urls) {
        if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
      }
      const keep = new Set(urls.map((url) => new URL(url, self.location.origin).href));
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path.startsWith("/assets/") && !keep.has(request.url)) await cache.delete(request);
      }
      event.source?.postMessage({ type: "cached", count: urls.length });
    }),
  );
});

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), pageTimeoutMs)),
    ]);
    if (response.ok) await cache.put("/interviewer", response.clone());
    return response;
  } catch {
    return (await cache.match("/interviewer")) ?? Response.error();
  }
}

async function assetFromCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname === "/interviewer" || url.pathname === "/interviewer/") {
    event.respondWith(pageFirstFromNetwork(request));
  } else if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/interviewer/")) {
    event.respondWith(assetFromCache(request));
  }
});
