// The editors' desk editor: live preview and autosave. Without this script the form still
// saves (the Save draft button) and the page shows the preview and checks from the server.
(function () {
  "use strict";
  var form = document.getElementById("editor-form");
  if (!form || !window.fetch) return;
  var text = document.getElementById("id_text");
  var note = document.getElementById("id_change_note");
  var version = document.getElementById("id_version");
  var status = document.getElementById("save-status");
  var preview = document.getElementById("preview");
  var problems = document.getElementById("problems");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var PREVIEW_PAUSE = 250; // ms after the last key press (bench/desk.py measures from here)
  var SAVE_PAUSE = 3000;
  var KEEPALIVE_LIMIT = 60000; // browsers refuse keepalive bodies over 64 KiB
  var previewTimer = null, saveTimer = null, previewSeq = 0;
  var dirty = false, saving = false, blocked = false, lastSaved = text.value + "\u0000" + note.value;

  function say(message, link) {
    if (!status) return;
    status.textContent = message;
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = "See both versions and choose";
      status.appendChild(document.createTextNode(" "));
      status.appendChild(a);
    }
  }

  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: body
    });
  }

  function showProblems(list) {
    var ul = problems.querySelector("ul");
    ul.textContent = "";
    if (!list.length) {
      var none = document.createElement("li");
      none.className = "desk-problem--none";
      none.textContent = "No problems found.";
      ul.appendChild(none);
      return;
    }
    list.forEach(function (p) {
      var li = document.createElement("li");
      li.className = p.error ? "desk-problem--error" : "desk-problem--warning";
      var strong = document.createElement("strong");
      strong.textContent = (p.line ? "Line " + p.line : "Page") + ": " + (p.error ? "error" : "warning");
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" (" + p.id + "). " + p.message + " "));
      if (p.hint) {
        var hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = "How to fix: " + p.hint;
        li.appendChild(hint);
      }
      ul.appendChild(li);
    });
  }

  // The preview first (what the editor is looking at), then the slower content checks.
  function refreshPreview() {
    var seq = ++previewSeq;
    var body = JSON.stringify({ page: form.dataset.page, text: text.value });
    post(form.dataset.preview, body)
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (seq !== previewSeq || !data.html) return; // a newer preview is on its way
        preview.innerHTML = data.html; // our own server's sanitised rendering
        if (data.problems && data.problems.length) { showProblems(data.problems); return; }
        return post(form.dataset.checks, body)
          .then(function (response) { return response.json(); })
          .then(function (checked) {
            if (seq === previewSeq && checked.problems) showProblems(checked.problems);
          });
      })
      .catch(function () { /* the next pause tries again */ });
  }

  function payload() {
    return JSON.stringify({ text: text.value, version: Number(version.value), change_note: note.value });
  }

  function save(keepalive) {
    var current = text.value + "\u0000" + note.value;
    if (blocked || current === lastSaved) { dirty = false; return; }
    if (saving && !keepalive) { schedule(SAVE_PAUSE); return; }
    var body = payload();
    if (keepalive && body.length > KEEPALIVE_LIMIT) keepalive = false;
    saving = true;
    say("Saving…");
    post(form.dataset.autosave, body, keepalive)
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        saving = false;
        if (result.status === 200) {
          version.value = result.data.version;
          lastSaved = current;
          dirty = text.value + "\u0000" + note.value !== current;
          var state = document.getElementById("draft-state");
          if (state) state.textContent = "Draft version " + result.data.version + ", last saved by you.";
          say("Draft saved (version " + result.data.version + ") at " + new Date().toLocaleTimeString("en-GB") + ".");
          form.dispatchEvent(new CustomEvent("desk:saved"));
        } else if (result.status === 409) {
          blocked = true; // stop saving over: the person must look at both texts first
          say(result.data.error, result.data.conflict);
        } else {
          say("Not saved: " + (result.data.error || "the desk did not answer") + " Trying again soon.");
          schedule(SAVE_PAUSE * 2);
        }
      })
      .catch(function () {
        saving = false;
        say("Not saved: the desk cannot be reached. Your text is still here; trying again soon.");
        schedule(SAVE_PAUSE * 2);
      });
  }

  function schedule(delay) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () { save(false); }, delay);
  }

  function changed() {
    dirty = true;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, PREVIEW_PAUSE);
    schedule(SAVE_PAUSE);
  }

  text.addEventListener("input", changed);
  note.addEventListener("input", function () { dirty = true; schedule(SAVE_PAUSE); });
  text.addEventListener("blur", function () { if (dirty) save(false); });
  // A closing tab or a crash of the browser loses nothing already typed a moment ago.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && dirty) save(true);
  });
  window.addEventListener("pagehide", function () { if (dirty) save(true); });
  form.addEventListener("submit", function () { blocked = true; clearTimeout(saveTimer); });
})();
