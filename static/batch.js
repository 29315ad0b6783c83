// Polls the export's status once a second and updates the progress bar until it is done.
(function () {
  "use strict";
  var box = document.querySelector("[data-batch-status]");
  if (!box) { return; }
  var bar = box.querySelector("[data-progress]");
  var fill = bar.querySelector(".progress-bar");
  var text = box.querySelector("[data-progress-text]");
  var failed = box.querySelector("[data-failed]");
  var link = box.querySelector("[data-download]");
  function update() {
    fetch(box.getAttribute("data-batch-status"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        bar.setAttribute("aria-valuenow", String(state.percent));
        fill.style.width = state.percent + "%";
        fill.textContent = state.percent + "%";
        text.textContent = state.status_display + ": " + state.done + " / " + state.total;
        failed.textContent = state.failed.map(function (row) { return row.organisation + ": " + row.error; }).join("; ");
        if (state.download) { link.classList.remove("d-none"); link.href = state.download; }
        if (state.status !== "done" && state.status !== "failed") { window.setTimeout(update, 1000); }
      })
      .catch(function () { window.setTimeout(update, 3000); });
  }
  update();
})();
