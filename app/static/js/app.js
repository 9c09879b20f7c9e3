// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const toggle = event.target.closest("[data-select-all]");
  if (!toggle) return;
  const form = ("scoped" in toggle.dataset && toggle.closest("[data-select-scope]")) || toggle.form || document;
  form.querySelectorAll(`input[type=checkbox][name="${toggle.dataset.selectAll}"]`).forEach((box) => {
    box.checked = toggle.checked;
  });
});
