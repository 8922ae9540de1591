/* Suggestions while typing in the search page's own search box.
 *
 * Progressive enhancement only: without JavaScript the form submits as usual. Follows the
 * WAI-ARIA combobox pattern with a listbox popup: arrow keys move through the suggestions
 * (aria-activedescendant), Enter opens the chosen page, Escape closes the list, and a polite
 * status message says how many suggestions there are. Page titles are set with textContent,
 * never as HTML.
 */
(function () {
  "use strict";

  var input = document.querySelector("input[data-suggest]");
  if (!input || !window.fetch || !input.form) {
    return;
  }
  var MIN_LETTERS = 3;
  var MAX_SUGGESTIONS = 5;
  var WAIT_MS = 250;

  var form = input.form;
  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggested pages");
  list.hidden = true;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.appendChild(list);
  form.appendChild(status);
  form.classList.add("search-form--suggest");

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  var results = [];
  var active = -1;
  var timer = null;
  var latest = 0;

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    results = [];
    active = -1;
  }

  function show(found) {
    list.textContent = "";
    results = found.slice(0, MAX_SUGGESTIONS);
    active = -1;
    input.removeAttribute("aria-activedescendant");
    results.forEach(function (result, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var title = document.createElement("span");
      title.className = "suggestions__title";
      title.textContent = result.title;
      option.appendChild(title);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the box until the page changes
      });
      option.addEventListener("click", function () {
        window.location.assign(result.url);
      });
      list.appendChild(option);
    });
    var open = results.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    status.textContent = open
      ? results.length + (results.length === 1 ? " suggestion" : " suggestions") +
        ". Use the up and down arrows to choose one."
      : "";
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function fetchSuggestions() {
    var words = input.value.trim();
    if (words.length < MIN_LETTERS) {
      close();
      return;
    }
    var ticket = ++latest;
    window
      .fetch("/api/search/?q=" + encodeURIComponent(words), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (ticket === latest && document.activeElement === input) {
          show(data.results || []);
        }
      })
      .catch(close);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, WAIT_MS);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && results.length) {
      event.preventDefault();
      highlight(active + 1 < results.length ? active + 1 : 0);
    } else if (event.key === "ArrowUp" && results.length) {
      event.preventDefault();
      highlight(active > 0 ? active - 1 : results.length - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(results[active].url);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
})();
