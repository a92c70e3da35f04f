// Redraws the requirements table above a role profile's requirement panels as HR edits
// them: weight, share of the total weight, target, knock-out; warns when one requirement
// carries more than half of the total. No build step; the table is already right without it.
(function () {
  "use strict";
  const box = document.querySelector("[data-requirements-overview]");
  const form = box && box.closest("form");
  if (!form) return;
  const limit = Number(box.dataset.dominantPercent || 50);

  function field(prefix, name) {
    return form.querySelector(`[name="${prefix}-${name}"]`);
  }

  function chosenText(select) {
    if (!select || !select.value) return "";
    const option = select.options[select.selectedIndex];
    return option ? option.text : "";
  }

  function plain(number) {
    return String(Math.round(number * 100) / 100);
  }

  function requirements() {
    const total = field("requirements", "TOTAL_FORMS");
    const count = total ? Number(total.value) : 0;
    const rows = [];
    for (let n = 0; n < count; n += 1) {
      const prefix = `requirements-${n}`;
      const deleted = field(prefix, "DELETE");
      if (deleted && (deleted.value === "1" || deleted.checked)) continue;
      const name = chosenText(field(prefix, "dimension"));
      const weight = Number((field(prefix, "weight") || {}).value);
      if (!name || !(weight > 0)) continue;
      rows.push({
        name: name,
        weight: weight,
        target: chosenText(field(prefix, "target_level")) || "–",
        knockOut: chosenText(field(prefix, "knock_out_minimum")).replace(/^-+.*-+$/, "") || "–",
      });
    }
    return rows;
  }

  function cell(text) {
    const td = document.createElement("td");
    td.textContent = text;
    return td;
  }

  function redraw() {
    const rows = requirements();
    const total = rows.reduce((sum, row) => sum + row.weight, 0);
    const body = box.querySelector("[data-overview-rows]");
    body.replaceChildren();
    const heavy = [];
    rows.forEach((row) => {
      const share = total ? (row.weight / total) * 100 : 0;
      const tr = document.createElement("tr");
      if (share > limit) {
        tr.className = "requirements-overview__dominant";
        heavy.push(row.name);
      }
      [row.name, plain(row.weight), `${Math.round(share)} %`, row.target, row.knockOut]
        .forEach((text) => tr.appendChild(cell(text)));
      body.appendChild(tr);
    });
    if (!rows.length) {
      const tr = document.createElement("tr");
      const td = cell("No requirement yet: add the competencies and traits the role needs below.");
      td.colSpan = 5;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    box.querySelector("[data-overview-total]").textContent = plain(total);
    const warning = box.querySelector("[data-overview-warning]");
    warning.hidden = heavy.length === 0;
    box.querySelector("[data-overview-warning-text]").textContent =
      `${heavy.join(", ")} carries more than ${limit} % of the total weight`;
  }

  form.addEventListener("input", redraw);
  form.addEventListener("change", redraw);
  const list = document.getElementById("id_requirements-FORMS");
  if (list) new MutationObserver(redraw).observe(list, { childList: true, subtree: true, attributes: true, attributeFilter: ["value", "class"] });
  redraw();
})();
