// SJT page: a courtesy countdown and autosave of every change. The server keeps the real
// deadline; without this script the Save and Submit buttons do the same work. The saving
// itself is autosave.js, shared with the reference questionnaire.
(function () {
  "use strict";
  var form = document.getElementById("sjt-form");
  var box = document.getElementById("sjt-timer");
  if (!form || !box || !window.SelectionAutosave) { return; }
  var shown = document.getElementById("sjt-time-left");
  var status = document.getElementById("sjt-status");
  var endAt = Date.now() + parseInt(box.getAttribute("data-seconds-left") || "0", 10) * 1000;
  var pending = null;

  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function format(s) { return Math.floor(s / 60) + ":" + pad(s % 60); }

  function tick() {
    var left = Math.max(0, Math.round((endAt - Date.now()) / 1000));
    shown.textContent = format(left);
    if (left === 300 || left === 60) { status.textContent = format(left) + " left."; }
    if (left <= 0) {
      window.clearInterval(clock);
      status.textContent = "Time is up. Your saved answers are being scored.";
      window.setTimeout(function () { window.location.reload(); }, 2500);
    }
  }

  var save = window.SelectionAutosave(form, status, {
    saved: function (body) {
      endAt = Date.now() + body.seconds_left * 1000;
      return "Saved at " + body.saved_at + ".";
    },
    offline: "Not saved: no connection. Your answers stay on this page; " +
             "press Save answers when you are back online."
  });

  var answered = document.getElementById("sjt-answered");
  function count() {
    if (!answered) { return; }
    var n = 0, fields = form.querySelectorAll("select");
    for (var i = 0; i < fields.length; i++) { if (fields[i].value !== "") { n += 1; } }
    answered.textContent = String(n);
  }

  form.addEventListener("change", function () {
    count();
    window.clearTimeout(pending);
    pending = window.setTimeout(save, 250);
  });
  var clock = window.setInterval(tick, 1000);
  tick();
})();
