/* The portal's service worker, served at /sw.js (portal/pages/offline.py) so it covers the
   whole site. It keeps, on this device only:
   - the emergency pages, the emergency card and the contacts page, fetched once after the
     first visit and refreshed when the site-wide list of versions says they changed;
   - the pages a reader saves (static/js/offline.js puts them in the same cache);
   - the style sheet and scripts those pages need.
   Online, pages always come from the network (a saved copy is refreshed on the way). Offline,
   a saved copy is served, or the "Pages saved on this device" page. No request ever says what
   a reader saved: every request here is one any reader's browser makes. */
"use strict";

var PAGES = "portal-pages-v1";   // saved pages: emergency set and reader's choices
var RECENT = "portal-recent-v1"; // the last few pages read online, so Save needs no request
var ASSETS = "portal-assets-v1"; // style sheet, scripts, and the list of versions
var KEEP = [PAGES, RECENT, ASSETS];
var VERSIONS = "/offline/versions.json";
var OFFLINE = "/offline/";
var RECENT_LIMIT = 5;

// The version a page was rendered at, from its own offline box (templates/includes/
// offline_status.html), so the device can tell when the site has a newer one.
var VERSION_MARK = /data-version="([0-9a-f]+)"/;

function stamped(response) {
  // A copy of the response that remembers when it was saved and which version it is.
  return response.text().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("X-Saved-At", new Date().toISOString());
    var mark = VERSION_MARK.exec(body);
    if (mark) { headers.set("X-Page-Version", mark[1]); }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function fetchVersions() {
  return fetch(VERSIONS, { cache: "no-cache" }).then(function (response) {
    if (!response.ok) { throw new Error("versions " + response.status); }
    var copy = response.clone();
    return caches.open(ASSETS).then(function (cache) {
      return cache.put(VERSIONS, copy);
    }).then(function () { return response.json(); });
  });
}

function savePage(cache, path) {
  return fetch(path, { cache: "no-cache" }).then(function (response) {
    if (!response.ok) { return; }
    return stamped(response).then(function (copy) { return cache.put(path, copy); });
  });
}

// Bring the essential pages and the assets up to the versions the site lists now.
function refreshEssentials(list) {
  return Promise.all([caches.open(PAGES), caches.open(ASSETS)]).then(function (opened) {
    var pages = opened[0];
    var assets = opened[1];
    var jobs = (list.assets || []).map(function (url) {
      return assets.match(url).then(function (found) { return found || assets.add(url); });
    });
    (list.essential || []).forEach(function (path) {
      var entry = list.pages[path];
      var version = entry ? entry.version : "";
      jobs.push(pages.match(path).then(function (found) {
        if (found && version && found.headers.get("X-Page-Version") === version) { return; }
        return savePage(pages, path);
      }));
    });
    return Promise.all(jobs.map(function (job) { return job.catch(function () {}); }));
  });
}

// After each page read online: the list is small and revalidated with its ETag (usually a
// 304 answer), and it keeps the emergency pages on the device current.
function refreshSoon() {
  return fetchVersions().then(refreshEssentials).catch(function () {});
}

self.addEventListener("install", function (event) {
  event.waitUntil(fetchVersions().then(refreshEssentials).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return KEEP.indexOf(name) < 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function remember(path, response) {
  return caches.open(RECENT).then(function (cache) {
    return cache.put(path, response).then(function () { return cache.keys(); })
      .then(function (keys) {
        var extra = keys.slice(0, Math.max(0, keys.length - RECENT_LIMIT));
        return Promise.all(extra.map(function (request) { return cache.delete(request); }));
      });
  });
}

function refreshSaved(path, response) {
  // A saved page read online is saved again, so the copy on the device is the newest.
  return caches.open(PAGES).then(function (cache) {
    return cache.match(path).then(function (found) {
      if (!found) { return; }
      return stamped(response).then(function (copy) { return cache.put(path, copy); });
    });
  });
}

function fromDevice(path, plain) {
  // A saved copy, else "Pages saved on this device".
  return caches.open(PAGES).then(function (cache) {
    return (plain ? cache.match(path) : Promise.resolve(null)).then(function (found) {
      return found || cache.match(OFFLINE).then(function (page) {
        return page || Response.error();
      });
    });
  });
}

function navigate(event, url) {
  var path = url.pathname;
  var plain = !url.search; // never keep an address with a query (a search, a chosen list)
  return fetch(event.request).then(function (response) {
    if (response.ok && plain && response.type === "basic") {
      event.waitUntil(Promise.all([
        remember(path, response.clone()),
        refreshSaved(path, response.clone()),
        refreshSoon()
      ]).catch(function () {}));
    }
    // A server that is down (502, 503) is no worse than no signal: a saved copy helps more.
    if (response.status >= 500 && plain) {
      return caches.open(PAGES).then(function (cache) { return cache.match(path); })
        .then(function (found) { return found || response; });
    }
    return response;
  }).catch(function () { return fromDevice(path, plain); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname === VERSIONS) {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(VERSIONS, { cacheName: ASSETS }).then(function (found) {
        return found || Response.error();
      });
    }));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request, { cacheName: ASSETS }).then(function (found) {
      return found || fetch(request);
    }));
  }
});
