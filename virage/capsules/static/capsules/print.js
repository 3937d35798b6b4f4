/* Virage capsules: a "Print" button on certificates (progressive enhancement, no inline script). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll(".js-print");
  if (!buttons.length || typeof window.print !== "function") { return; }
  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll(".print-hint").forEach(function (hint) { hint.hidden = true; });
})();
