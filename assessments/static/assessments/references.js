// Referee's questionnaire: autosave as they type (autosave.js does the saving).
(function () {
  "use strict";
  var form = document.getElementById("ref-form");
  var status = document.getElementById("ref-status");
  if (!form || !status || !window.fetch || !window.SelectionAutosave) { return; }
  var save = window.SelectionAutosave(form, status, {
    saved: function (body) {
      return "Saved at " + body.saved_at + ". You can close this page and come back.";
    },
    offline: "Not saved: no connection. Your answers stay on this page; " +
             "press Save when you are back online."
  });
  var pending = null;
  function later(ms) {
    window.clearTimeout(pending);
    pending = window.setTimeout(save, ms);
  }
  form.addEventListener("change", function () { later(250); });
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") { later(1200); }
  });
})();
