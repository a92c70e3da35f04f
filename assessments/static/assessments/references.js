// Referee's questionnaire: autosave as they type. Without this script the Save button does
// the same work. Each save carries the time it was taken ("stamp"); the server ignores a
// save older than the newest it applied, and only one save is in flight at a time.
(function () {
  "use strict";
  var form = document.getElementById("ref-form");
  var status = document.getElementById("ref-status");
  if (!form || !status || !window.fetch) { return; }
  var pending = null, busy = false, again = false, last = 0;

  function stamp() {
    var now = Date.now();
    last = now > last ? now : last + 1;  // strictly increasing, even within one millisecond
    return String(last);
  }

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var data = new FormData(form);
    data.set("action", "save");
    data.set("stamp", stamp());
    status.textContent = "Saving…";
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin",
                                         headers: { "X-Autosave": "1" } })
      .then(function (response) {
        return response.json().then(function (body) { return [response, body]; });
      })
      .then(function (pair) {
        var response = pair[0], body = pair[1];
        if (body.ok) {
          status.textContent = "Saved at " + body.saved_at + ". You can close this page and come back.";
        } else {
          status.textContent = body.title + ": " + body.error;
          if (response.status === 410) {
            window.setTimeout(function () { window.location.reload(); }, 2500);
          }
        }
      })
      .catch(function () {
        status.textContent = "Not saved: no connection. Your answers stay on this page; " +
          "press Save when you are back online.";
      })
      .then(function () {
        busy = false;
        if (again) { again = false; save(); }
      });
  }

  function later(ms) {
    window.clearTimeout(pending);
    pending = window.setTimeout(save, ms);
  }
  form.addEventListener("change", function () { later(250); });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") { later(1200); }
  });
})();
