/* "Listen": reads a topic page aloud with the browser's own speech synthesis, and only with a
   voice that runs on this device (localService), so the text is never sent anywhere. Reads the
   heading, summary and text in order, highlights the sentence being read, and pauses, resumes
   and stops. Without such a voice, or without JavaScript, the control never appears. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var box = document.querySelector("[data-listen]");
  if (!box || !synth || !window.SpeechSynthesisUtterance) { return; }

  var play = box.querySelector("[data-listen-play]");
  var pause = box.querySelector("[data-listen-pause]");
  var stop = box.querySelector("[data-listen-stop]");
  var status = box.querySelector("[data-listen-status]");
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td";
  var SKIP = ".toggletip__bubble, .toggletip__live, [hidden], [aria-hidden='true'], .visually-hidden";
  var HIGHLIGHT = "listen-sentence";
  var canHighlight = !!(window.CSS && CSS.highlights && window.Highlight);

  var voice = null;
  var queue = [];
  var position = 0;
  var state = "stopped"; // "reading", "paused" or "stopped"
  var marked = null;

  function localVoice() {
    var voices = synth.getVoices() || [];
    var local = voices.filter(function (v) { return v.localService === true; });
    function lang(prefix) {
      return local.filter(function (v) { return (v.lang || "").toLowerCase().indexOf(prefix) === 0; })[0];
    }
    return lang("en-gb") || lang("en") || null;
  }

  // The readable blocks, in page order: the innermost of each, so nothing is read twice.
  function blocks() {
    // The page's heading and summary, then its text (the contents list and sources are left out).
    var roots = document.querySelectorAll(".topic > h1, .topic > .lead, [data-listen-text]");
    var found = [];
    Array.prototype.forEach.call(roots, function (root) {
      var candidates = root.matches(BLOCKS) ? [root] : root.querySelectorAll(BLOCKS);
      Array.prototype.forEach.call(candidates, function (el) {
        if (el.closest(SKIP) || el.querySelector(BLOCKS)) { return; }
        found.push(el);
      });
    });
    return found;
  }

  // Each sentence of a block as text plus a Range over the page's own text nodes.
  function sentences(block) {
    var nodes = [];
    var text = "";
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: text.length });
      text += walker.currentNode.data;
    }
    function at(offset) {
      for (var i = nodes.length - 1; i >= 0; i--) {
        if (offset >= nodes[i].start) {
          return { node: nodes[i].node, offset: Math.min(offset - nodes[i].start, nodes[i].node.data.length) };
        }
      }
      return null;
    }
    var result = [];
    // A full stop between digits ("37.5 °C") is part of a number, not the end of a sentence.
    var pattern = /(?:[^.!?]|\.(?=\d))+(?:[.!?]+["'’”)\]]*|$)/g;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      var spoken = match[0].trim();
      if (!spoken) { continue; }
      var lead = match[0].length - match[0].replace(/^\s+/, "").length;
      var start = at(match.index + lead);
      var end = at(match.index + match[0].replace(/\s+$/, "").length);
      var range = null;
      if (start && end) {
        range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
      }
      result.push({ text: spoken, range: range, block: block });
    }
    return result;
  }

  function say(text) { status.textContent = text; }

  function unmark() {
    if (canHighlight) { CSS.highlights.delete(HIGHLIGHT); }
    if (marked) { marked.classList.remove("listen-current"); marked = null; }
  }

  function mark(item) {
    unmark();
    if (canHighlight && item.range) {
      CSS.highlights.set(HIGHLIGHT, new Highlight(item.range));
    } else {
      marked = item.block;
      marked.classList.add("listen-current");
    }
    var rect = item.block.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) {
      item.block.scrollIntoView({ block: "center" });
    }
  }

  function show() {
    play.hidden = state !== "stopped";
    pause.hidden = state === "stopped";
    stop.hidden = state === "stopped";
    pause.textContent = state === "paused" ? "Resume" : "Pause";
    pause.setAttribute("aria-pressed", state === "paused" ? "true" : "false");
  }

  function speakNext() {
    if (state !== "reading") { return; }
    if (position >= queue.length) {
      finish("Finished reading the page.");
      return;
    }
    var item = queue[position];
    var utterance = new SpeechSynthesisUtterance(item.text);
    try { utterance.voice = voice; } catch (e) { /* a stand-in voice */ }
    utterance.lang = voice.lang;
    utterance.onstart = function () { mark(item); };
    utterance.onend = function () {
      if (state === "stopped") { return; }
      position += 1;
      speakNext();
    };
    utterance.onerror = function (event) {
      if (event && (event.error === "interrupted" || event.error === "canceled")) { return; }
      finish("Reading stopped: this device could not read the page aloud.");
    };
    synth.speak(utterance);
  }

  function finish(message) {
    state = "stopped";
    synth.cancel();
    unmark();
    show();
    say(message);
    play.focus();
  }

  play.addEventListener("click", function () {
    voice = localVoice();
    if (!voice) { box.hidden = true; return; }
    queue = [];
    blocks().forEach(function (block) { queue = queue.concat(sentences(block)); });
    position = 0;
    synth.cancel();
    state = "reading";
    show();
    say("Reading the page aloud.");
    pause.focus();
    speakNext();
  });

  pause.addEventListener("click", function () {
    if (state === "reading") {
      state = "paused";
      synth.pause();
      say("Paused.");
    } else if (state === "paused") {
      state = "reading";
      synth.resume();
      say("Reading.");
    }
    show();
  });

  stop.addEventListener("click", function () { finish("Stopped reading."); });

  // Leaving the page stops the voice, so it never reads on over another page.
  window.addEventListener("pagehide", function () { if (state !== "stopped") { synth.cancel(); } });

  function offer() {
    if (localVoice()) {
      box.hidden = false;
      show();
    }
  }
  offer();
  if (box.hidden && synth.addEventListener) {
    synth.addEventListener("voiceschanged", offer);
  }
})();
