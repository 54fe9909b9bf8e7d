// SLA countdown badges: tick every 30 s from their data-due timestamp; select-all for bulk assign;
// the small behaviours pages ask for with data- attributes (the CSP forbids inline handlers).
(function () {
  "use strict";
  function fmt(ms) {
    var m = Math.round(Math.abs(ms) / 60000), d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), r = m % 60;
    var parts = [];
    if (d) parts.push(d + " d");
    if (h) parts.push(h + " h");
    if (r || !parts.length) parts.push(r + " m");
    return parts.join(" ");
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-due]").forEach(function (el) {
      var left = Date.parse(el.dataset.due) - now;
      var state = left <= 0 ? "overdue" : left <= 2 * 3600 * 1000 ? "soon" : "ok";
      el.classList.remove("sla-ok", "sla-soon", "sla-overdue");
      el.classList.add("sla-" + state);
      var text = left <= 0 ? el.dataset.overdue : el.dataset.left;
      if (text) el.textContent = text.replace("{time}", fmt(left));
    });
  }
  // Delegated from the document, so content htmx swaps in behaves the same.
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (!el.matches) return;
    if (el.matches("[data-autosubmit]") && el.form) el.form.submit();
    if (el.matches("[data-select-all]")) {
      document.querySelectorAll("input[name=tickets]").forEach(function (b) { b.checked = el.checked; });
    }
  });
  document.addEventListener("click", function (e) {
    var demo = e.target.closest && e.target.closest("[data-demo-login]");
    if (demo) {
      // The demo's sign-in page: one click fills in a demo account.
      var login = document.querySelector("input[name=login]"), password = document.querySelector("input[name=password]");
      if (login) login.value = demo.dataset.demoLogin;
      if (password) password.value = demo.dataset.demoPassword;
      var submit = document.querySelector("form button[type=submit]");
      if (submit) submit.focus();
      return;
    }
    var el = e.target.closest && e.target.closest("[data-confirm], [data-copy]");
    if (!el) return;
    if (el.dataset.confirm && !window.confirm(el.dataset.confirm)) e.preventDefault();
    if (el.dataset.copy) {
      var source = document.querySelector(el.dataset.copy);
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.value);
    }
  });
  // A form's parts that apply to one choice only: data-show-if="kind" data-show-values="http tcp".
  function shown() {
    document.querySelectorAll("[data-show-if]").forEach(function (el) {
      var form = el.closest("form");
      if (!form) return;
      var name = el.dataset.showIf;
      var input = form.querySelector('[name="' + name + '"]:checked') ||
        form.querySelector('select[name="' + name + '"], input[name="' + name + '"]:not([type=radio])');
      el.hidden = (el.dataset.showValues || "").split(" ").indexOf(input ? input.value : "") < 0;
    });
  }
  document.addEventListener("change", function (e) {
    if (e.target.name && document.querySelector('[data-show-if="' + e.target.name + '"]')) shown();
  });
  document.addEventListener("DOMContentLoaded", function () { tick(); shown(); setInterval(tick, 30000); });
  document.addEventListener("htmx:afterSwap", tick);
})();
