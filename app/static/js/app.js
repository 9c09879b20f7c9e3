// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const toggle = event.target.closest("[data-select-all]");
  if (!toggle) return;
  const form = ("scoped" in toggle.dataset && toggle.closest("[data-select-scope]")) || toggle.form || document;
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
// Panels marked data-open-wide (the search filters) start closed on phones, open on wider screens.
const openWide = () => {
  if (!window.matchMedia("(min-width: 900px)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach((panel) => { panel.open = true; });
};

// Tables marked .stack become one card per row on phones; each cell is labelled by its column.
const labelStackedCells = () => {
  document.querySelectorAll("table.stack").forEach((table) => {
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    table.querySelectorAll("tbody tr").forEach((row) => {
      [...row.children].forEach((cell, n) => {
        if (headers[n] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", headers[n]);
      });
    });
  });
};

// A table wider than the screen scrolls in its .table-scroll box: keyboard users can reach it.
const focusableScrollers = () => {
  document.querySelectorAll(".table-scroll").forEach((box) => {
    if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
    else if (box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
  });
};

const enhance = () => { openWide(); labelStackedCells(); focusableScrollers(); };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhance);
else enhance();
window.addEventListener("resize", focusableScrollers);
document.addEventListener("toggle", focusableScrollers, true);
