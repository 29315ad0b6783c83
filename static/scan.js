// Polls the scan's status every second and updates the progress bar; when the scan has
// finished (or failed), the page is loaded again to show what it found.
(function () {
  "use strict";
  var box = document.querySelector("[data-scan-status]");
  if (!box) { return; }
  var bar = box.querySelector("[data-progress]");
  var fill = bar.querySelector(".progress-bar");
  var text = box.querySelector("[data-progress-text]");
  function update() {
    fetch(box.getAttribute("data-scan-status"), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        bar.setAttribute("aria-valuenow", String(state.percent));
        fill.style.width = state.percent + "%";
        fill.textContent = state.percent + "%";
        var label = state.status_display.charAt(0).toUpperCase() + state.status_display.slice(1);
        text.textContent = label + ": " + state.done + " / " + state.total;
        if (state.status === "done" || state.status === "failed") { window.location.reload(); return; }
        window.setTimeout(update, 1000);
      })
      .catch(function () { window.setTimeout(update, 3000); });
  }
  update();
})();
