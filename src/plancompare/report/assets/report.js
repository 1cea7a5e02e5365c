
(function () {
  "use strict";
  var state = { verdict: "all", axis: "", below: 1.01, order: "document" };
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.proposal"));
  cards.forEach(function (card, index) { card.dataset.position = String(index); });
  var shown = document.getElementById("shown-count");
  function apply() {
    var count = 0;
    cards.forEach(function (card) {
      var ok = (state.verdict === "all" || card.dataset.verdict === state.verdict) &&
               (state.axis === "" || card.dataset.axis === state.axis) &&
               Number(card.dataset.confidence) < state.below;
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
  document.getElementById("confidence-filter").addEventListener("change", function (event) {
    state.below = Number(event.target.value);
    apply();
  });
  // Least certain first (within each priority), or back to the document's order.
  document.getElementById("order").addEventListener("change", function (event) {
    state.order = event.target.value;
    document.querySelectorAll("section.group").forEach(function (group) {
      var own = Array.prototype.slice.call(group.querySelectorAll("article.proposal"));
      own.sort(function (a, b) {
        if (state.order === "confidence") {
          var d = Number(a.dataset.confidence) - Number(b.dataset.confidence);
          if (d !== 0) { return d; }
        }
        return Number(a.dataset.position) - Number(b.dataset.position);
      });
      own.forEach(function (card) { group.appendChild(card); });
    });
  });
  apply();
})();
