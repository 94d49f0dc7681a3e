// Indication form: while the user has not changed the end date, it follows the start date
// (start + 1 year - 1 day, the R13 guideline; the same rule as services.standaard_einddatum).
// Without JavaScript the server fills an empty end date the same way (strict CSP: a file, no eval).
(function () {
  function parse(waarde) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde || "");
    return m ? { j: +m[1], m: +m[2], d: +m[3] } : null;
  }
  function iso(datum) {
    return datum.toISOString().slice(0, 10);
  }
  function standaardEinde(waarde) {
    var s = parse(waarde);
    if (!s) return "";
    // One year later, the day clamped to the month (29 February -> 28 February), minus one day.
    var laatsteDag = new Date(Date.UTC(s.j + 1, s.m, 0)).getUTCDate();
    var einde = new Date(Date.UTC(s.j + 1, s.m - 1, Math.min(s.d, laatsteDag)));
    einde.setUTCDate(einde.getUTCDate() - 1);
    return iso(einde);
  }
  function langeDatum(waarde) {
    var s = parse(waarde);
    var maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
      "september", "oktober", "november", "december"];
    return s ? s.d + " " + maanden[s.m - 1] + " " + s.j : waarde;
  }
  function koppel(form) {
    var start = form.querySelector("input[name='ingangsdatum']");
    var einde = form.querySelector("input[name='einddatum']");
    if (!start || !einde) return;
    var status = document.getElementById("einddatum-status");
    var vorigeStart = start.value;
    // Follows only while the end is empty or still the default of the previous start date.
    var volgt = !einde.value || einde.value === standaardEinde(vorigeStart);
    einde.addEventListener("input", function () {
      volgt = false;
    });
    function bijwerken() {
      if (start.value === vorigeStart) return;
      vorigeStart = start.value;
      var nieuw = standaardEinde(start.value);
      if (!volgt || !nieuw || einde.value === nieuw) return;
      einde.value = nieuw;
      if (status) status.textContent = "De einddatum volgt de ingangsdatum: " + langeDatum(nieuw) + ".";
    }
    // On the input itself, so the end is set before the form's htmx preview reads the values.
    start.addEventListener("input", bijwerken);
    start.addEventListener("change", bijwerken);
  }
  // R7: a maatwerk product the chosen perceel does not allow (Nachtelijke ondersteuning is only
  // extramural) is disabled, and enabled again with the trede it had when the perceel changes back.
  // Without JavaScript the server refuses it with a message at the field.
  function koppelMaatwerk(form) {
    var perceel = form.querySelector("select[name='perceel']");
    var velden = form.querySelectorAll("select[data-percelen]");
    if (!perceel || !velden.length) return;
    function bijwerken() {
      for (var i = 0; i < velden.length; i++) {
        var veld = velden[i];
        var toegestaan = !perceel.value || veld.getAttribute("data-percelen").split(" ").indexOf(perceel.value) >= 0;
        if (!toegestaan && !veld.disabled) {
          veld.setAttribute("data-bewaard", veld.value);
          veld.value = "";
          veld.disabled = true;
        } else if (toegestaan && veld.disabled) {
          veld.disabled = false;
          veld.value = veld.getAttribute("data-bewaard") || "";
          veld.removeAttribute("data-bewaard");
        }
      }
    }
    perceel.addEventListener("change", bijwerken);
    bijwerken();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-indicatieformulier]");
    if (form) {
      koppel(form);
      koppelMaatwerk(form);
    }
  });
})();
