// Small behaviour that htmx does not cover, as a file (no inline script, no eval: strict CSP).
// Removing a member row: tick its DELETE box and hide it; without JavaScript the box is visible.
document.addEventListener("click", function (event) {
  var knop = event.target.closest("[data-verwijder-lid]");
  if (!knop) return;
  event.preventDefault();
  var rij = knop.closest("[data-lid-rij]");
  var vinkje = rij && rij.querySelector("input[name$='-DELETE']");
  if (vinkje) vinkje.checked = true;
  if (rij) {
    rij.classList.add("app-hidden");
    rij.setAttribute("aria-hidden", "true");
  }
  var status = document.getElementById("leden-status");
  if (status) status.textContent = "Gezinslid verwijderd.";
});
// The error summary gets focus, so a screen reader user hears it first.
document.addEventListener("DOMContentLoaded", function () {
  var samenvatting = document.getElementById("foutoverzicht");
  if (samenvatting) samenvatting.focus();
});
