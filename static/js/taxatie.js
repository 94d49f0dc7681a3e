// Taxatie form: the deviation fields are only shown when "Ik wijk af van het voorstel" is chosen.
// Without JavaScript they stay visible and the form works the same (strict CSP: no inline script).
(function () {
  function bijwerken(form) {
    var afwijken = form.querySelector("input[name='keuze'][value='afwijken']");
    var blok = form.querySelector("[data-afwijking]");
    if (!afwijken || !blok) return;
    blok.classList.toggle("app-hidden", !afwijken.checked);
  }
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("#taxatieformulier");
    if (form && event.target.name === "keuze") bijwerken(form);
  });
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("taxatieformulier");
    if (form) bijwerken(form);
  });
})();
