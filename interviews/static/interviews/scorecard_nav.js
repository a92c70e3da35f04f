// Scorecard helpers: the question navigator marks a number as rated as soon as a rating is
// chosen, and on wide screens note boxes grow with their text where the browser has no
// CSS field-sizing. The page works the same without this script.
(function () {
  "use strict";
  var nav = document.querySelector(".question-nav");
  var form = document.getElementById("questions");
  if (!form) { return; }
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!nav || input.type !== "radio" || !/^q\d+-rating$/.test(input.name)) { return; }
    var link = nav.querySelector('a[href="#' + input.name.replace(/-rating$/, "") + '"]');
    if (link) { link.classList.remove("missing"); link.classList.add("answered"); }
  });
  if (window.CSS && CSS.supports && CSS.supports("field-sizing", "content")) { return; }
  var wide = window.matchMedia("(min-width: 900px)");
  function grow(box) {
    if (!wide.matches) { box.style.height = ""; return; }
    box.style.height = "auto";
    box.style.height = Math.min(box.scrollHeight + 2, 480) + "px";
  }
  var boxes = form.querySelectorAll(".sar textarea");
  Array.prototype.forEach.call(boxes, grow);
  form.addEventListener("input", function (event) {
    if (event.target.matches(".sar textarea")) { grow(event.target); }
  });
}());
