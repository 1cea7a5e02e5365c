
(function () {
  "use strict";
  var state = { verdict: "all", axis: "" };
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.proposal"));
  var shown = document.getElementById("shown-count");
  function apply() {
    var count = 0;
    cards.forEach(function (card) {
      var ok = (state.verdict === "all" || card.dataset.verdict === state.verdict) &&
               (state.axis === "" || card.dataset.axis === state.axis);
      card.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = String(count);
    // A priority's heading goes with its last visible proposal.
    document.querySelectorAll("section.group").forEach(function (group) {
      group.hidden = group.querySelector("article.proposal:not([hidden])") === null;
    });
  }
  document.querySelectorAll("button[data-verdict]").forEach(function (button) {
    button.addEventListener("click", function () {
      state.verdict = button.dataset.verdict;
      document.querySelectorAll("button[data-verdict]").forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      apply();
    });
  });
  document.getElementById("axis-filter").addEventListener("change", function (event) {
    state.axis = event.target.value;
    apply();
  });
  apply();
})();
