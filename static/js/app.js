// Small behaviour that htmx does not cover, as a file (no inline script, no eval: strict CSP).
// Household form (templates/huishoudens/formulier.html). Without JavaScript: a "Verwijderen" checkbox per
// member and every address group visible with a hint. With it: a button that removes the row at once,
// and address groups that show only when their checkbox is ticked or they hold a value.
function meld(tekst) {
  var status = document.getElementById("leden-status");
  if (!status) return;
  status.textContent = "";
  // A fresh text node after clearing, so screen readers announce the same message twice in a row too.
  setTimeout(function () { status.textContent = tekst; }, 50);
}
function lidNaam(rij) {
  var velden = ["voornamen", "voorvoegsel", "achternaam"].map(function (naam) {
    var veld = rij.querySelector("input[name$='-" + naam + "']");
    return veld ? veld.value.trim() : "";
  });
  return velden.filter(Boolean).join(" ");
}
function eersteVeld(rij) {
  return rij.querySelector("input:not([type=hidden]):not([type=checkbox]), select, textarea");
}
function werkAdresgroepBij(groep) {
  var vinkje = document.getElementById(groep.getAttribute("data-toon-bij"));
  if (!vinkje) return;
  var heeftWaarde = Array.prototype.some.call(groep.querySelectorAll("input"), function (veld) {
    return veld.value.trim() !== "";
  });
  groep.hidden = !(vinkje.checked || heeftWaarde);
}
function verrijkLeden(wortel) {
  if (!wortel || !wortel.querySelectorAll) return;
  var rijen = wortel.matches && wortel.matches("[data-lid-rij]") ? [wortel] : wortel.querySelectorAll("[data-lid-rij]");
  Array.prototype.forEach.call(rijen, function (rij) {
    var knop = rij.querySelector("[data-verwijder-lid]");
    var vinkjeVeld = rij.querySelector(".app-verwijder-vinkje");
    if (knop && vinkjeVeld) {
      knop.hidden = false;
      vinkjeVeld.hidden = true;
      // A row sent back by the server still marked for removal stays removed, as before sending.
      var vinkje = vinkjeVeld.querySelector("input[type=checkbox]");
      if (vinkje && vinkje.checked) rij.hidden = true;
    }
    Array.prototype.forEach.call(rij.querySelectorAll("[data-toon-bij]"), werkAdresgroepBij);
  });
}
document.addEventListener("click", function (event) {
  var knop = event.target.closest("[data-verwijder-lid]");
  if (!knop) return;
  event.preventDefault();
  var rij = knop.closest("[data-lid-rij]");
  if (!rij) return;
  var vinkje = rij.querySelector("input[name$='-DELETE']");
  if (vinkje) vinkje.checked = true;
  var naam = lidNaam(rij);
  rij.hidden = true;
  // Focus goes to the next member still shown, else to "Gezinslid toevoegen", never to the page body.
  var volgende = rij.nextElementSibling;
  while (volgende && (volgende.hidden || !volgende.matches("[data-lid-rij]"))) volgende = volgende.nextElementSibling;
  var doel = (volgende && eersteVeld(volgende)) || document.getElementById("lid-toevoegen");
  if (doel) doel.focus();
  meld((naam ? naam : "Het gezinslid") + " wordt verwijderd bij opslaan.");
});
document.addEventListener("change", function (event) {
  var veld = event.target;
  if (!veld.id || veld.type !== "checkbox") return;
  var groepen = document.querySelectorAll("[data-toon-bij='" + veld.id + "']");
  Array.prototype.forEach.call(groepen, werkAdresgroepBij);
});
document.addEventListener("DOMContentLoaded", function () { verrijkLeden(document); });
document.addEventListener("htmx:load", function (event) {
  var rij = event.target;
  if (!rij.matches || !rij.matches("[data-lid-rij]")) return;
  verrijkLeden(rij);
  var veld = eersteVeld(rij);
  if (veld) veld.focus();
  var legenda = rij.querySelector("legend");
  meld((legenda ? legenda.textContent.trim() : "Gezinslid") + " is toegevoegd.");
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

// Actions that cannot be undone ask first: a form with data-bevestig="question" is only sent after
// the user agrees. Without JavaScript the form is sent as is (the action is still logged).
document.addEventListener("submit", function (event) {
  var vraag = event.target.getAttribute && event.target.getAttribute("data-bevestig");
  if (vraag && !window.confirm(vraag)) event.preventDefault();
});
