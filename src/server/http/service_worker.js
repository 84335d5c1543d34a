// Campus service worker, generated per build by the server (service_worker.rs fills in the names).
// The app shell (bundle, styles, icons, offline page) is cached under a versioned name; pages always come
// from the network, and when the network is gone the offline page answers instead. The student's own
// timetable pages are the exception: each one loaded is kept (network first), so that a timetable stays
// viewable offline. Log-out clears them (the server sends Clear-Site-Data).
const VERSION = "campus-__VERSION__";
const TIMETABLES = "campus-timetables";
const SHELL = [
  "/offline.html",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/favicon.ico",
  ...__BUNDLE__,
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== VERSION && key !== TIMETABLES).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;

  if (request.mode === "navigate" && url.pathname === "/timetable") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // A redirect to the log-in page is not a timetable worth keeping.
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(TIMETABLES).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() =>
          caches
            .open(TIMETABLES)
            .then((cache) => cache.match(request).then((hit) => hit || cache.match(request, { ignoreSearch: true })))
            .then((hit) => hit || caches.match("/offline.html")),
        ),
    );
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  const isShell =
    SHELL.includes(url.pathname) || url.pathname.startsWith("/pkg/") || url.pathname.startsWith("/icons/");
  if (isShell) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(VERSION).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});

// A background notification (components/live.rs) leads to its page: an open Campus window is focused and
// taken there, or a new one opens.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = typeof event.notification.data === "string" ? event.notification.data : "/notifications";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      // navigate() works only on a window this worker controls; any other opens anew.
      if (open) return open.focus().then((client) => client.navigate(target)).catch(() => self.clients.openWindow(target));
      return self.clients.openWindow(target);
    }),
  );
});
