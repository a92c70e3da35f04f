// SJT page: a courtesy countdown and autosave of every change. The server keeps the real
// deadline; without this script the Save and Submit buttons do the same work.
(function () {
  "use strict";
  var form = document.getElementById("sjt-form");
  var box = document.getElementById("sjt-timer");
  if (!form || !box) { return; }
  var shown = document.getElementById("sjt-time-left");
  var status = document.getElementById("sjt-status");
  var endAt = Date.now() + parseInt(box.getAttribute("data-seconds-left") || "0", 10) * 1000;
  var pending = null;  // note: form.action is shadowed by the buttons named "action"
  // One save at a time: a slow earlier request must not land after (and undo) a later one.
  var busy = false, again = false;

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

  function save() {
    if (busy) { again = true; return; }
    busy = true;
    var data = new FormData(form);
    data.set("action", "save");
    status.textContent = "Saving…";
    fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin",
                         headers: { "X-Autosave": "1" } })
      .then(function (response) {
        return response.json().then(function (body) { return [response, body]; });
      })
      .then(function (pair) {
        var response = pair[0], body = pair[1];
        if (body.ok) {
          status.textContent = "Saved at " + body.saved_at + ".";
          endAt = Date.now() + body.seconds_left * 1000;
        } else {
          status.textContent = body.title + ": " + body.error;
          if (response.status === 410) {
            window.setTimeout(function () { window.location.reload(); }, 2500);
          }
        }
      })
      .catch(function () {
        status.textContent = "Not saved: no connection. Your answers stay on this page; " +
          "press Save answers when you are back online.";
      })
      .then(function () {
        busy = false;
        if (again) { again = false; save(); }
      });
  }

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
