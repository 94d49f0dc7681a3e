// Idle timeout (issue 7): warn before the session ends, let the user stay logged in, and say what
// happens to typed input. A file, no inline script and no eval (strict CSP).
(function () {
  "use strict";
  var body = document.body;
  var totaal = parseInt(body.getAttribute("data-sessie-seconden"), 10);
  var waarschuwing = parseInt(body.getAttribute("data-sessie-waarschuwing"), 10);
  var verlengUrl = body.getAttribute("data-sessie-verlengen-url");
  var dialoog = document.getElementById("sessie-waarschuwing");
  if (!totaal || !verlengUrl || !dialoog) return;
  waarschuwing = Math.min(waarschuwing || 300, Math.floor(totaal / 2));

  var waarschuwTimer = null;
  var verloopTimer = null;

  function csrfToken() {
    try {
      return JSON.parse(body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

  function toon(selector, zichtbaar) {
    var el = dialoog.querySelector(selector);
    if (el) el.classList.toggle("app-hidden", !zichtbaar);
  }

  function open() {
    if (!dialoog.open) {
      if (typeof dialoog.showModal === "function") dialoog.showModal();
      else dialoog.setAttribute("open", "");
    }
  }

  function sluit() {
    if (dialoog.open && typeof dialoog.close === "function") dialoog.close();
    else dialoog.removeAttribute("open");
  }

  function waarschuw() {
    toon("[data-sessie-tekst]", true);
    toon("[data-sessie-verlopen]", false);
    toon("[data-sessie-verlengen]", true);
    toon("[data-sessie-sluiten]", false);
    open();
  }

  function verlopen() {
    var titel = dialoog.querySelector("[data-sessie-titel]");
    if (titel) titel.textContent = "U bent uitgelogd";
    toon("[data-sessie-tekst]", false);
    toon("[data-sessie-verlopen]", true);
    toon("[data-sessie-verlengen]", false);
    toon("[data-sessie-sluiten]", true);
    open();
  }

  function start() {
    clearTimeout(waarschuwTimer);
    clearTimeout(verloopTimer);
    waarschuwTimer = setTimeout(waarschuw, (totaal - waarschuwing) * 1000);
    verloopTimer = setTimeout(verlopen, totaal * 1000);
  }

  function verleng() {
    fetch(verlengUrl, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" }
    }).then(function (antwoord) {
      if (antwoord.status === 204) {
        sluit();
        start();
      } else {
        verlopen();
      }
    }, verlopen);
  }

  dialoog.addEventListener("click", function (event) {
    var knop = event.target.closest("button");
    if (!knop || !dialoog.contains(knop)) return;
    if (knop.hasAttribute("data-sessie-verlengen")) verleng();
    if (knop.hasAttribute("data-sessie-sluiten")) sluit();
  });
  // Every htmx request reaches the server and so extends the session.
  document.addEventListener("htmx:afterRequest", function () {
    if (!dialoog.open) start();
  });
  start();
})();
