// The mailbox form shows the sign-in fields of the chosen method (and provider) only.
(function () {
  "use strict";
  function sync() {
    var auth = document.querySelector("#id_auth_method"), provider = document.querySelector("#id_oauth_provider");
    if (!auth) return;
    document.querySelectorAll("[data-when-auth]").forEach(function (el) { el.hidden = el.dataset.whenAuth !== auth.value; });
    document.querySelectorAll("[data-when-provider]").forEach(function (el) { el.hidden = !provider || el.dataset.whenProvider !== provider.value; });
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("#id_auth_method, #id_oauth_provider")) sync();
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
