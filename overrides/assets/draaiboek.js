/* Trainer page: pick the start time of your workshop and the session plan shows your clock times.
   Loaded only on the trainer pages. Without JavaScript the plan shows the times from the configured
   start (extra.workshop_start). Nothing is stored. */
(() => {
"use strict";
const holder = document.querySelector("[data-nk-starttijd]");
if (!holder) return;
const table = holder.nextElementSibling && holder.nextElementSibling.querySelector
  ? (holder.nextElementSibling.matches("table") ? holder.nextElementSibling : holder.nextElementSibling.querySelector("table"))
  : null;
if (!table) return;
const label = document.createElement("label");
label.htmlFor = "nk-starttijd";
label.textContent = "Starttijd van je workshop: ";
const input = document.createElement("input");
input.type = "time";
input.id = "nk-starttijd";
input.step = 300;
input.value = holder.dataset.nkStarttijd;
holder.append(label, input);
holder.hidden = false;
const two = (n) => String(n).padStart(2, "0");
function update() {
  const m = /^(\d{1,2}):(\d{2})/.exec(input.value);
  if (!m) return;
  const start = Number(m[1]) * 60 + Number(m[2]);
  for (const cell of table.querySelectorAll("[data-nk-offset]")) {
    const t = (start + Number(cell.dataset.nkOffset)) % (24 * 60);
    cell.textContent = `${two(Math.floor(t / 60))}:${two(t % 60)}`;
  }
}
input.addEventListener("input", update);
input.addEventListener("change", update);
})();
