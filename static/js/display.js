/* Display choices: the reader's theme (light, dark or the device's own) and larger text.
   Loaded in <head> without defer, so the choice is on <html> before anything is drawn: no flash
   of the wrong theme. Remembered only in this browser's localStorage, never in a cookie, and
   never sent anywhere. Without this script the site follows the device's setting. */
(function () {
  "use strict";
  var root = document.documentElement;
  var CHOICES = {
    theme: { key: "portal-theme", attribute: "data-theme", values: ["light", "dark"] },
    text: { key: "portal-text", attribute: "data-text", values: ["large"] }
  };

  function read(choice) {
    var value = null;
    try { value = window.localStorage.getItem(choice.key); } catch (e) { /* storage blocked */ }
    return choice.values.indexOf(value) >= 0 ? value : "";
  }

  function write(choice, value) {
    try {
      if (value) { window.localStorage.setItem(choice.key, value); }
      else { window.localStorage.removeItem(choice.key); }
    } catch (e) { /* storage blocked: the choice lasts for this page only */ }
  }

  function apply(choice, value) {
    if (value) { root.setAttribute(choice.attribute, value); }
    else { root.removeAttribute(choice.attribute); }
  }

  Object.keys(CHOICES).forEach(function (name) { apply(CHOICES[name], read(CHOICES[name])); });

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-display-choices]");
    if (!box) { return; }
    Object.keys(CHOICES).forEach(function (name) {
      var choice = CHOICES[name];
      var current = read(choice);
      box.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
        input.checked = input.value === current;
        input.addEventListener("change", function () {
          if (!input.checked) { return; }
          write(choice, input.value);
          apply(choice, input.value);
        });
      });
    });
    box.hidden = false;
  });
})();
