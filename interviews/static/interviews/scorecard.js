// Scorecard autosave: posts the form ~800 ms after the last change, with the version the
// page holds. A 409 means another tab saved first: stop, show the saved text beside the
// fields, and leave the decision to the interviewer (Save overwrites, reload discards).
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave-url]");
  if (!form || !window.fetch) { return; }
  var status = document.getElementById("autosave-status");
  var version = form.querySelector("input[name=version]");
  var stopped = form.getAttribute("data-autosave") === "off";
  var timer = null, busy = false, again = false, dirty = false;

  function say(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", !!isError);
  }

  function showSaved(name, value) {
    var box = form.querySelector('[data-saved-for="' + name + '"]');
    if (!box) { return; }
    var field = form.elements[name];
    var mine = field ? (field.value || "") : "";
    var theirs = value === null || value === undefined ? "" : String(value);
    if (mine === theirs) { box.hidden = true; return; }
    box.querySelector(".saved-text").textContent = theirs || "(empty)";
    box.hidden = false;
  }

  function showConflict(data) {
    stopped = true;
    var current = data.current || {};
    say((data.error || "Saved elsewhere.") + " Your text is kept here; the saved text is " +
        "shown beside each field that differs. Press Save to keep yours, or reload.", true);
    var answers = current.answers || {};
    Object.keys(answers).forEach(function (qid) {
      var fields = answers[qid];
      Object.keys(fields).forEach(function (name) { showSaved("q" + qid + "-" + name, fields[name]); });
    });
    showSaved("recommendation", current.recommendation);
    showSaved("rationale", current.rationale);
    if (current.version !== undefined) { version.value = current.version; }
  }

  function save() {
    timer = null;
    if (stopped || !dirty) { return; }
    if (busy) { again = true; return; }
    busy = true; dirty = false;
    var body = new URLSearchParams(new FormData(form));
    say("Saving…");
    fetch(form.getAttribute("data-autosave-url"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) {
          version.value = data.version;
          say("Saved " + data.saved_at);
        } else if (response.status === 409) {
          showConflict(data);
        } else {
          dirty = true;
          say("Not saved: " + (data.error || "error " + response.status) +
              " Use the Save button.", true);
        }
      });
    }).catch(function () {
      dirty = true;
      say("Not saved: no connection. Your text is still here; try Save.", true);
    }).then(function () {
      busy = false;
      if (again) { again = false; save(); }
    });
  }

  function changed() {
    if (stopped) { return; }
    dirty = true;
    say("Unsaved changes");
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(save, 800);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    if (timer) { clearTimeout(timer); }
    stopped = true;
  });
})();
