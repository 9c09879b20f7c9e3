// Warns the seller, while typing, when the quote misses the need (the server warns again
// before sending; the page works without this script).
document.querySelectorAll("form[data-quote-check]").forEach((form) => {
  const box = form.querySelector("[data-gap-box]");
  const list = form.querySelector("[data-gap-list]");
  if (!box || !list) return;
  const number = (name) => {
    const raw = (form.elements[name]?.value || "").replace(/Rp/gi, "").replace(/[.\s]/g, "");
    return /^\d+$/.test(raw) ? parseInt(raw, 10) : null;
  };
  const check = () => {
    const gaps = [];
    const need = parseInt(form.dataset.needQuantity, 10);
    const ceiling = form.dataset.budgetCeiling ? parseInt(form.dataset.budgetCeiling, 10) : null;
    const price = number("unit_price");
    const quantity = number("quantity");
    const delivery = form.elements.delivery_date?.value || "";
    if (ceiling && price !== null && price * need > ceiling) gaps.push(["over_budget", form.dataset.msgOverBudget]);
    if (quantity !== null && quantity < need) gaps.push(["partial", form.dataset.msgPartial]);
    if (form.dataset.neededBy && delivery && delivery > form.dataset.neededBy) gaps.push(["late", form.dataset.msgLate]);
    const confirm = form.querySelector("[data-testid=confirm-gaps]");
    list.replaceChildren(...gaps.map(([kind, text]) => {
      const item = document.createElement("li");
      item.dataset.gap = kind;
      item.textContent = text;
      return item;
    }));
    box.hidden = gaps.length === 0;
    if (confirm) confirm.closest("label").hidden = gaps.length === 0;
  };
  form.addEventListener("input", check);
  form.addEventListener("change", check);
});
