// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const toggle = event.target.closest("[data-select-all]");
  if (!toggle) return;
  const form = toggle.form || document;
  form.querySelectorAll(`input[type=checkbox][name="${toggle.dataset.selectAll}"]`).forEach((box) => {
    box.checked = toggle.checked;
  });
});

// Forms with data-confirm ask first; the server asks again (a confirmation page) without JavaScript.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (!form || form.querySelector("input[name=confirm]")) return;
  if (!window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  const confirmed = document.createElement("input");
  confirmed.type = "hidden";
  confirmed.name = "confirm";
  confirmed.value = "yes";
  form.appendChild(confirmed);
});
