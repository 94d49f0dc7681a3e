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
// Reflow (WCAG 1.4.10): a table that is wider than the screen scrolls in its own region, not the page.
// Templates may already render the wrapper; this covers the others and tables htmx swaps in.
function omhulTabellen(wortel) {
  if (!wortel || !wortel.querySelectorAll) return;
  var tabellen = wortel.matches && wortel.matches("table") ? [wortel] : wortel.querySelectorAll("main table");
  Array.prototype.forEach.call(tabellen, function (tabel) {
    if (tabel.parentElement.classList.contains("app-tabel")) return;
    var omhulsel = document.createElement("div");
    omhulsel.className = "app-tabel";
    omhulsel.setAttribute("role", "region");
    omhulsel.setAttribute("tabindex", "0");
    var bijschrift = tabel.querySelector("caption");
    omhulsel.setAttribute("aria-label", bijschrift ? bijschrift.textContent.trim() : "Tabel");
    tabel.parentNode.insertBefore(omhulsel, tabel);
    omhulsel.appendChild(tabel);
  });
}
document.addEventListener("DOMContentLoaded", function () { omhulTabellen(document); });
document.addEventListener("htmx:load", function (event) { omhulTabellen(event.target); });
