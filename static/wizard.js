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
      var first = row.querySelector("input:not([type=hidden]), textarea, select");
      if (first) { first.focus(); }
    });
  });

  var form = document.querySelector("[data-wizard-form]");
  if (!form) { return; }
  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
