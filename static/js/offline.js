/* Offline reading, page side: registers the service worker (static/js/sw.js, served at /sw.js),
   and fills in a page's offline box (templates/includes/offline_status.html): when this copy
   was saved, whether the site lists a newer version or the review date has passed, and the
   "Save for offline reading" button. Everything is read from and written to this browser's own
   caches: no request says what a reader saved. Without service workers nothing is shown. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.caches || !window.Promise) { return; }

  var PAGES = "portal-pages-v1";
  var RECENT = "portal-recent-v1";
  var ASSETS = "portal-assets-v1";
  var VERSIONS = "/offline/versions.json";
  var path = window.location.pathname;

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});

  function longDate(value) {
    var date = new Date(value);
    if (isNaN(date.getTime())) { return ""; }
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function show(element, text) {
    if (!element) { return; }
    if (text !== undefined) { element.textContent = text; }
    element.hidden = false;
  }

  function hide(element) { if (element) { element.hidden = true; } }

  function siteList() {
    return caches.match(VERSIONS, { cacheName: ASSETS }).then(function (response) {
      return response ? response.json() : null;
    }).catch(function () { return null; });
  }

  function savedCopy() {
    return caches.open(PAGES).then(function (cache) { return cache.match(path); });
  }

  // A copy of this page for the device: the one the service worker kept as it came in, so
  // saving sends nothing; if there is none (the very first visit), the page is fetched again,
  // a request like any reload.
  function pageCopy() {
    return caches.open(RECENT).then(function (cache) { return cache.match(path); })
      .then(function (found) { return found || fetch(path, { credentials: "omit" }); })
      .then(function (response) {
        if (!response || !response.ok) { throw new Error("not saved"); }
        return response.text().then(function (body) {
          var headers = new Headers(response.headers);
          headers.set("X-Saved-At", new Date().toISOString());
          var box = document.querySelector("[data-offline-status]");
          if (box) { headers.set("X-Page-Version", box.getAttribute("data-version")); }
          return new Response(body, { status: 200, headers: headers });
        });
      });
  }

  function setUpBox(box) {
    var saved = box.querySelector("[data-offline-saved]");
    var newer = box.querySelector("[data-offline-newer]");
    var overdue = box.querySelector("[data-offline-overdue]");
    var hint = box.querySelector("[data-offline-hint]");
    var save = box.querySelector("[data-offline-save]");
    var remove = box.querySelector("[data-offline-remove]");
    var announce = box.querySelector("[data-offline-announce]");
    var essential = box.hasAttribute("data-essential");
    var version = box.getAttribute("data-version");
    var nextReview = box.getAttribute("data-next-review");

    function say(text) { if (announce) { announce.textContent = text; } }

    function render(copy, list) {
      if (copy) {
        var when = longDate(copy.headers.get("X-Saved-At"));
        show(saved, (essential ? "Kept on this device for emergencies. " : "Saved on this device. ") +
          "This copy was saved on " + when + ".");
        hide(hint); hide(save);
        if (remove) { show(remove); }
      } else {
        hide(saved); hide(remove);
        if (hint) { show(hint); }
        if (save) { show(save); }
      }
      var entry = list && list.pages ? list.pages[path] : null;
      if (copy && entry && entry.version !== version) {
        show(newer, "There is a newer version of this page" +
          (entry.updated ? " (updated " + longDate(entry.updated) + ")" : "") +
          ". When you have a signal, reload the page to read it.");
      } else { hide(newer); }
      var today = new Date().toISOString().slice(0, 10);
      if (copy && nextReview && nextReview < today) {
        show(overdue, "This page was due to be checked again on " + longDate(nextReview) +
          ". Some of it may be out of date: check with your team.");
      } else { hide(overdue); }
    }

    function refresh() {
      return Promise.all([savedCopy(), siteList()]).then(function (found) {
        render(found[0], found[1]);
      });
    }

    if (save) {
      save.addEventListener("click", function () {
        save.disabled = true;
        pageCopy().then(function (copy) {
          return caches.open(PAGES).then(function (cache) { return cache.put(path, copy); });
        }).then(refresh).then(function () {
          say("Saved. You can read this page on this device without a signal.");
          if (remove) { remove.focus(); }
        }).catch(function () {
          say("Sorry, this page could not be saved on this device.");
        }).then(function () { save.disabled = false; });
      });
    }
    if (remove) {
      remove.addEventListener("click", function () {
        caches.open(PAGES).then(function (cache) { return cache.delete(path); })
          .then(refresh).then(function () {
            say("Removed from this device.");
            if (save) { save.focus(); }
          });
      });
    }
    return refresh().then(function () { box.hidden = false; });
  }

  // "Pages saved on this device" (templates/pages/offline.html).
  function setUpList(list) {
    var none = document.querySelector("[data-offline-none]");
    hide(document.querySelector("[data-offline-unsupported]"));
    if (path !== "/offline/") { show(document.querySelector("[data-offline-missing]")); }
    Promise.all([caches.open(PAGES).then(function (cache) { return cache.keys(); }), siteList()])
      .then(function (found) {
        var essential = (found[1] && found[1].essential) || [];
        var pages = (found[1] && found[1].pages) || {};
        found[0].forEach(function (request) {
          var address = new URL(request.url).pathname;
          if (essential.indexOf(address) >= 0) { return; }
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = address;
          link.textContent = pages[address] ? pages[address].title : address;
          item.appendChild(link);
          list.appendChild(item);
        });
        if (list.children.length) { show(list); hide(none); }
      });
  }

  function start() {
    var box = document.querySelector("[data-offline-status]");
    if (box) { setUpBox(box); }
    var list = document.querySelector("[data-offline-list]");
    if (list) { setUpList(list); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
