// Repeatable rows: "toevoegen" clones the formset's empty form. And a warning before leaving
// a step with unsaved changes, so nothing typed is lost by a stray click.
(function () {
  "use strict";
  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    button.addEventListener("click", function () {
      var prefix = button.getAttribute("data-add-row");
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var index = parseInt(total.value, 10);
      var template = document.getElementById(prefix + "-template");
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
      var row = holder.firstElementChild;
      var legend = row.querySelector("legend");
      if (legend) { legend.textContent = legend.textContent.trim() + " " + (index + 1); }
      document.querySelector('[data-formset-rows="' + prefix + '"]').appendChild(row);
      total.value = String(index + 1);
      row.dispatchEvent(new CustomEvent("wizard:row-added", { bubbles: true }));
      var first = row.querySelector("input:not([type=hidden]), textarea, select");
      if (first) { first.focus(); }
    });
  });

  // Only what applies: a field with data-show-when shows when the field it names (in the same
  // form) has one of data-show-values (none listed: any value; "!X": any but X) and is itself
  // shown (generator/wizard/forms/base.py, shown_when). A field
  // with an error or a checker finding always shows. Without JavaScript every field shows.
  function currentValues(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      var box = input.closest("[data-show-when]");
      if (box && box.hidden) { return; }
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) { values.push(input.value); }
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }
  function applyConditions(form) {
    // In page order: a controlling field comes before the fields it shows.
    form.querySelectorAll("[data-show-when]").forEach(function (box) {
      if (box.closest("template")) { return; }
      var wanted = (box.getAttribute("data-show-values") || "").split(" ").filter(Boolean);
      var have = currentValues(form, box.getAttribute("data-show-when"));
      // "!X" values: shown for any value but those.
      var not = wanted.filter(function (v) { return v.charAt(0) === "!"; }).map(function (v) { return v.slice(1); });
      var only = wanted.filter(function (v) { return v.charAt(0) !== "!"; });
      var match = have.length > 0 &&
        (!only.length || have.some(function (v) { return only.indexOf(v) >= 0; })) &&
        !have.some(function (v) { return not.indexOf(v) >= 0; });
      var flagged = box.querySelector(".is-invalid, .field-finding");
      box.hidden = !(match || flagged);
    });
  }

  var form = document.querySelector("[data-wizard-form]");
  if (!form) { return; }
  applyConditions(form);
  form.addEventListener("change", function () { applyConditions(form); });
  form.addEventListener("wizard:row-added", function () { applyConditions(form); });
  // Shown again after the server refused it (an error, a conflict): what was typed is only
  // in this page until it is saved.
  var dirty = form.hasAttribute("data-unsaved");
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
