// A revealed password is shown for data-hide-after seconds, then taken out of the page.
(function () {
  "use strict";
  function arm(root) {
    (root || document).querySelectorAll("[data-hide-after]:not([data-armed])").forEach(function (el) {
      el.setAttribute("data-armed", "");
      var left = parseInt(el.dataset.hideAfter, 10) || 30;
      var counter = el.querySelector("[data-countdown]");
      var timer = setInterval(function () {
        left -= 1;
        if (counter) counter.textContent = String(Math.max(left, 0));
        if (left > 0) return;
        clearInterval(timer);
        var note = document.createElement("div");
        note.className = "small text-secondary vault-hidden";
        note.textContent = el.dataset.hiddenText || "";
        el.replaceWith(note);
      }, 1000);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { arm(document); });
  document.addEventListener("htmx:afterSwap", function () { arm(document); });
})();
