/* "Was this page useful?" in place: progressive enhancement of templates/feedback/form.html.
   Without this script the form posts to /feedback/ and a thank-you page comes back. With it,
   the same post is sent with fetch and the answer is shown where the form was, in a live region
   that screen readers announce, with focus moved to it so keyboard users are not lost. On an
   error the form and the reader's words stay, with the message above the button.
   "Report a mistake" (a link to #feedback) also puts focus in the comment box. No cookie is sent or set. */
(function () {
  "use strict";

  var form = document.getElementById("feedback");
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }
  var box = document.getElementById("feedback-comment");
  var button = form.querySelector("button");
  var FAILED = "Sorry, your feedback could not be sent. Please check your connection and try " +
    "again later.";

  // In the page from the start, so that changing its text is announced.
  var status = document.createElement("p");
  status.className = "feedback-status";
  status.setAttribute("role", "status");
  status.tabIndex = -1;
  form.parentNode.insertBefore(status, form.nextSibling);

  function show(message, done) {
    status.textContent = message;
    status.classList.toggle("feedback-status--error", !done);
    if (done) {
      form.hidden = true;
    }
    status.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
      credentials: "omit",
      // Sends our Origin (not "null", as the site's no-referrer policy would) and no page path.
      referrerPolicy: "origin"
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          show(answer.message || FAILED, response.ok);
        }, function () {
          show(FAILED, false);
        });
      }, function () {
        show(FAILED, false);
      })
      .then(function () {
        button.disabled = false;
      });
  });

  // The whole form in view from its question down, and the comment box ready to type in.
  function focusBox(event) {
    if (event) {
      event.preventDefault();
    }
    form.hidden = false;
    form.scrollIntoView({ block: "start" });
    box.focus({ preventScroll: true });
  }
  var report = document.querySelector(".feedback-report a");
  if (report) {
    report.addEventListener("click", focusBox);
  }
  if (window.location.hash === "#feedback") {
    focusBox();
  }
})();
