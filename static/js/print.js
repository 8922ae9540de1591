// Progressive enhancement for print sheets: shows the Print button and makes it print.
// Without JavaScript the sheet says how to use the browser's own Print command instead.
// This file never sends anything: what a reader types stays in the page.
(function () {
  "use strict";
  if (typeof window.print !== "function") {
    return;
  }
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
