/* Glossary toggletips: progressive enhancement of the glossary words marked at load time
   (portal/content/rendering/glossary.py). Without this script each word stays a plain link to its
   entry on /glossary/. With it, each becomes a button that shows the definition in place, in
   a live region so screen readers announce it. Works with mouse, touch and keyboard: Enter or
   Space opens and closes, Escape closes, focus stays on the word. No inline code (strict CSP). */
(function () {
  "use strict";

  var links = document.querySelectorAll("a.glossary-term[data-definition]");
  if (!links.length || !window.addEventListener || !document.body.append) {
    return;
  }

  var HINT_ID = "glossary-hint";
  var current = null; // the open toggletip: {wrapper, button, live}
  var pending = 0;

  // Hidden, yet still read out as each button's description: aria-describedby takes the text
  // of hidden elements too, and a hidden one takes no place in the layout or the landmarks.
  var hint = document.createElement("span");
  hint.id = HINT_ID;
  hint.hidden = true;
  hint.textContent = "Glossary word: shows what it means";
  (document.querySelector("main") || document.body).append(hint);

  function close() {
    if (!current) {
      return;
    }
    window.clearTimeout(pending);
    current.button.setAttribute("aria-expanded", "false");
    current.live.textContent = "";
    current = null;
  }

  // Keep the bubble inside the window on narrow screens.
  function fit(bubble) {
    bubble.style.left = "0px";
    var margin = 8;
    var rect = bubble.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var shift = 0;
    if (rect.right > width - margin) {
      shift = width - margin - rect.right;
    }
    if (rect.left + shift < margin) {
      shift = margin - rect.left;
    }
    bubble.style.left = shift + "px";
  }

  function open(tip, term, definition, href) {
    close();
    current = tip;
    tip.button.setAttribute("aria-expanded", "true");
    tip.live.textContent = "";
    // Filled a moment later, so assistive technology notices the change and reads it out.
    pending = window.setTimeout(function () {
      var bubble = document.createElement("span");
      bubble.className = "toggletip__bubble";
      var name = document.createElement("strong");
      name.textContent = term + ": ";
      var more = document.createElement("a");
      more.href = href;
      more.textContent = "More in the glossary";
      bubble.append(name, definition + " ", more);
      tip.live.append(bubble);
      fit(bubble);
    }, 60);
  }

  Array.prototype.forEach.call(links, function (link, index) {
    var term = link.textContent;
    var definition = link.getAttribute("data-definition");
    var href = link.getAttribute("href");

    var wrapper = document.createElement("span");
    wrapper.className = "toggletip";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "toggletip__button";
    button.textContent = term;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-describedby", HINT_ID);
    var live = document.createElement("span");
    live.className = "toggletip__live";
    live.id = "toggletip-" + index;
    live.setAttribute("role", "status");
    button.setAttribute("aria-controls", live.id);
    wrapper.append(button, live);
    link.replaceWith(wrapper);

    var tip = { wrapper: wrapper, button: button, live: live };
    // Tabbing on past the word (and its "More" link) closes it, so nothing stays open unseen.
    wrapper.addEventListener("focusout", function (event) {
      if (current === tip && event.relatedTarget && !wrapper.contains(event.relatedTarget)) {
        close();
      }
    });
    button.addEventListener("click", function () {
      if (current === tip) {
        close();
      } else {
        open(tip, term, definition, href);
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (current && (event.key === "Escape" || event.key === "Esc")) {
      var tip = current;
      var inside = tip.wrapper.contains(document.activeElement);
      close();
      if (inside) {
        tip.button.focus();
      }
    }
  });

  // A tap or click anywhere else closes the open definition.
  document.addEventListener("click", function (event) {
    if (current && !current.wrapper.contains(event.target)) {
      close();
    }
  });
})();
