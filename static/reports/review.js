// The review page: "Add an action" appends a blank row to the actions formset.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("review-add-action");
  const template = document.getElementById("review-action-template");
  const rows = document.getElementById("review-actions");
  const total = document.querySelector("input[name$='-TOTAL_FORMS']");
  if (!button || !template || !rows || !total) return;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    rows.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const input = rows.lastElementChild.querySelector("input[type='text']");
    if (input) input.focus();
  });
});
