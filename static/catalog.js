// Search-as-you-type in the catalog: choosing a result adds a row (with the page's own
// "toevoegen" button) and fills it with the catalog's facts, which stay editable.
(function () {
  "use strict";
  document.querySelectorAll("[data-catalog-search]").forEach(function (box) {
    var kind = box.getAttribute("data-catalog-search");
    var prefix = box.getAttribute("data-prefix");
    var input = box.querySelector("input");
    var list = box.querySelector("[data-results]");
    var timer = null;

    function fill(result) {
      var add = document.querySelector('[data-add-row="' + prefix + '"]');
      add.click();
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var index = parseInt(total.value, 10) - 1;
      var facts = result.facts;
      Object.keys(facts).forEach(function (field) {
        var element = document.getElementById("id_" + prefix + "-" + index + "-" + field);
        if (element && facts[field] !== null && facts[field] !== undefined) { element.value = facts[field]; element.dispatchEvent(new Event("change", { bubbles: true })); }
      });
      var ref = document.getElementById("id_" + prefix + "-" + index + "-catalog");
      if (ref) { ref.value = JSON.stringify({ key: result.key, facts: facts }); }
      list.innerHTML = "";
      input.value = "";
      var status = box.querySelector("[data-status]");
      status.textContent = result.label + " toegevoegd." + (result.note ? " Let op: " + result.note : "");
    }

    // No result says so, and offers an empty row to fill in by hand.
    var none = box.querySelector("[data-none]");
    none.querySelector("[data-add-own]").addEventListener("click", function () {
      document.querySelector('[data-add-row="' + prefix + '"]').click();
      none.hidden = true;
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var first = document.getElementById("id_" + prefix + "-" + (parseInt(total.value, 10) - 1) + "-name");
      if (first) { first.value = input.value; first.focus(); }
      input.value = "";
    });

    function show(results) {
      list.innerHTML = "";
      none.hidden = results.length > 0 || input.value.trim().length < 2;
      results.forEach(function (result) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-link p-0";
        button.textContent = result.label;
        button.addEventListener("click", function () { fill(result); });
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var url = box.getAttribute("data-url") + "?soort=" + kind + "&q=" + encodeURIComponent(input.value);
        fetch(url, { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) { show(data.results); });
      }, 200);
    });
  });
})();
