// Autosave for the candidate- and referee-facing forms (the SJT and the reference
// questionnaire). Without it the page's Save button does the same work.
//
// SelectionAutosave(form, status, options) returns a function that saves the form now:
// one save is in flight at a time (a slow earlier request must not land after, and undo,
// a later one), and a change made while one is in flight is saved right after it. Each save
// carries the time it was taken ("stamp", strictly increasing), so the server can ignore a
// save older than the newest it applied. A 410 answer (the link closed) reloads the page.
// options.saved(body) gives the text after a save; options.offline the text when there is
// no connection.
window.SelectionAutosave = function (form, status, options) {
  "use strict";
  var busy = false, again = false, last = 0;

  function stamp() {
    var now = Date.now();
    last = now > last ? now : last + 1;
    return String(last);
  }

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var data = new FormData(form);
    data.set("action", "save");
    data.set("stamp", stamp());
    status.textContent = "Saving…";
    // form.getAttribute, not form.action: buttons named "action" shadow the property.
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin",
                                         headers: { "X-Autosave": "1" } })
      .then(function (response) {
        return response.json().then(function (body) { return [response, body]; });
      })
      .then(function (pair) {
        var response = pair[0], body = pair[1];
        if (body.ok) {
          status.textContent = options.saved(body);
        } else {
          status.textContent = body.title + ": " + body.error;
          if (response.status === 410) {
            window.setTimeout(function () { window.location.reload(); }, 2500);
          }
        }
      })
      .catch(function () { status.textContent = options.offline; })
      .then(function () {
        busy = false;
        if (again) { again = false; save(); }
      });
  }
  return save;
};
