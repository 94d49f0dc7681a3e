"""One helper that renders a letter to both HTML and PDF (issue 6 §3), so tests can read the HTML.

PDF/A-2a (archival and tagged) by WeasyPrint from the semantic templates in
``templates/beschikkingen/brief/``. Fonts are local files in ``static/fonts``; the URL fetcher refuses
everything else, so rendering never reaches the network.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from .brief import Brief, Soort

# WeasyPrint reports every layout step at INFO; that is noise in a worker's or command's output.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_VARIANT = "pdf/a-2a"
FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"

TEMPLATES = {
    Soort.TOEKENNING: "beschikkingen/brief/toekenning.html",
    Soort.WIJZIGING: "beschikkingen/brief/wijziging.html",
    Soort.BEEINDIGING: "beschikkingen/brief/beeindiging.html",
    Soort.AFWIJZING: "beschikkingen/brief/afwijzing.html",
}


@dataclass(frozen=True)
class Gerenderd:
    html: str
    pdf: bytes


def afzender() -> dict:
    """Letterhead, objection address and contribution: configuration with defaults (settings)."""
    postadres = tuple(settings.HGARR_BRIEF_POSTADRES)
    return {
        "gemeente": settings.HGARR_GEMEENTE,
        "afdeling": settings.HGARR_BRIEF_AFDELING,
        "postadres": postadres,
        "telefoon": settings.HGARR_BRIEF_TELEFOON,
        "website": settings.HGARR_BRIEF_WEBSITE,
        "bezwaaradres": tuple(settings.HGARR_BEZWAAR_ADRES or postadres),
        "bezwaar_digitaal": settings.HGARR_BEZWAAR_DIGITAAL,
        # Wmo 2015 art. 2.1.4a: maximum monthly contribution, configuration.
        "abonnementstarief": Decimal(str(settings.HGARR_WMO_ABONNEMENTSTARIEF)),
    }


def _vergelijking(brief: Brief) -> list[dict]:
    """Rows old/new per product for a wijziging letter."""
    rijen: dict[tuple[str, str], dict] = {}
    for r in brief.oude_regels:
        rijen.setdefault((r.product, r.voor), {"omschrijving": _label(r), "oud": None, "nieuw": None})["oud"] = r
    for r in brief.regels:
        rijen.setdefault((r.product, r.voor), {"omschrijving": _label(r), "oud": None, "nieuw": None})["nieuw"] = r
    return list(rijen.values())


def _label(r) -> str:
    return f"{r.omschrijving} voor {r.voor}" if r.voor else r.omschrijving


def render_html(brief: Brief) -> str:
    context = {
        "brief": brief,
        "kenmerk_css": "".join(c for c in brief.kenmerk if c not in '"\\\n\r'),
        "afzender": afzender(),
        # Semi-/intramural support is opvang: no contribution (Wmo 2015 art. 2.1.4a lid 4). Someone who
        # does not stay in the facility gets ambulant support and reads nothing about opvang.
        "opvang": brief.noemt_voorziening,
        "vergelijking": _vergelijking(brief) if brief.soort == Soort.WIJZIGING else [],
    }
    return render_to_string(TEMPLATES[brief.soort], context)


class AlleenLokaleFonts:
    """URL fetcher for WeasyPrint: only files inside static/fonts, nothing else (no network)."""

    def __init__(self):
        from weasyprint.urls import URLFetcher

        self._fetcher = URLFetcher(allowed_protocols={"file"})
        # A refused resource is left out (WeasyPrint logs a warning); the render goes on.
        self._fail_on_errors = False
        self._map = FONTS_DIR.resolve()

    def __call__(self, url: str):
        from weasyprint.urls import URLFetchingError

        if not url.startswith("file://"):
            raise URLFetchingError(f"Extern adres geweigerd: {url}")
        from urllib.parse import unquote, urlparse

        pad = Path(unquote(urlparse(url).path)).resolve()
        if self._map not in pad.parents:
            raise URLFetchingError(f"Bestand buiten static/fonts geweigerd: {url}")
        return self._fetcher.fetch(url)


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import HTML

    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=AlleenLokaleFonts())
    return document.write_pdf(pdf_variant=PDF_VARIANT, font_config=_font_config())


def render_brief(brief: Brief) -> Gerenderd:
    html = render_html(brief)
    return Gerenderd(html=html, pdf=html_naar_pdf(html))


def combineer_pdfs(pdfs: Iterable[bytes], *, voortgang=None) -> bytes:
    """One PDF with all letters in order, for printing (not archival: the stored letters are).
    ``voortgang(n)`` is called after each letter.

    A letter with an odd number of pages is followed by a blank page, so that printed double-sided
    the next letter never lands on the back of the previous client's letter."""
    import pikepdf

    uit = pikepdf.Pdf.new()
    bronnen = []  # qpdf copies page streams lazily: the sources stay open until the save
    try:
        for n, data in enumerate(pdfs, start=1):
            bron = pikepdf.Pdf.open(io.BytesIO(data))
            bronnen.append(bron)
            if len(uit.pages) % 2:
                _, _, breedte, hoogte = (float(x) for x in uit.pages[-1].mediabox)
                uit.add_blank_page(page_size=(breedte, hoogte))
            uit.pages.extend(bron.pages)
            if voortgang is not None:
                voortgang(n)
        buffer = io.BytesIO()
        uit.save(buffer)
        return buffer.getvalue()
    finally:
        for bron in bronnen:
            bron.close()
        uit.close()
