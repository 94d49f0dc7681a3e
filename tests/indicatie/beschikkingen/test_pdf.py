"""PDF/A-2a: archival metadata and a tagged structure (issue 6 §3); local fonts only, nothing fetched."""

import io

import pikepdf
import pytest
from weasyprint.urls import URLFetchingError

from indicatie.beschikkingen.brief import Soort
from indicatie.beschikkingen.opstellen import stel_brieven_op
from indicatie.beschikkingen.rendering import AlleenLokaleFonts, combineer_pdfs, html_naar_pdf, render_brief

from .conftest import dossier


@pytest.fixture(scope="module")
def gerenderd():
    brief = next(b for b in stel_brieven_op(dossier(), Soort.TOEKENNING) if b.client_ref == "moeder")
    return brief, render_brief(brief)


def _structuur(knoop, uit):
    soort = knoop.get("/S")
    if soort is not None:
        uit.append(str(soort))
    kinderen = knoop.get("/K")
    if isinstance(kinderen, pikepdf.Array):
        for kind in kinderen:
            if isinstance(kind, pikepdf.Dictionary):
                _structuur(kind, uit)
    elif isinstance(kinderen, pikepdf.Dictionary):
        _structuur(kinderen, uit)
    return uit


def test_helper_returns_html_and_pdf(gerenderd):
    brief, uit = gerenderd
    assert uit.pdf.startswith(b"%PDF-1.7")
    assert brief.kenmerk in uit.html and "<h1>" in uit.html


def test_pdfa_2a_metadata(gerenderd):
    brief, uit = gerenderd
    with pikepdf.open(io.BytesIO(uit.pdf)) as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "2"
        assert meta.get("pdfaid:conformance") == "A"
        assert brief.kenmerk in str(meta.get("dc:title"))
        assert str(pdf.Root.Lang) == "nl"
        assert "/OutputIntents" in pdf.Root  # sRGB output intent required by PDF/A
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"


def test_tagged_structure_with_headings_paragraphs_and_table_headers(gerenderd):
    _, uit = gerenderd
    with pikepdf.open(io.BytesIO(uit.pdf)) as pdf:
        assert bool(pdf.Root.MarkInfo.Marked) is True
        tags = _structuur(pdf.Root.StructTreeRoot, [])
    for tag in ["/Document", "/H1", "/H2", "/P", "/Table", "/Caption", "/THead", "/TH", "/TD", "/L", "/LI"]:
        assert tag in tags, tag


def test_all_fonts_are_embedded(gerenderd):
    _, uit = gerenderd
    with pikepdf.open(io.BytesIO(uit.pdf)) as pdf:
        fonts = []
        for pagina in pdf.pages:
            for font in pagina.Resources.Font.values():
                for afstammeling in font.get("/DescendantFonts", [font]):
                    descriptor = afstammeling.get("/FontDescriptor")
                    fonts.append(descriptor)
        assert fonts
        for descriptor in fonts:
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "Brief-Sans" in str(descriptor.FontName)  # the vendored font (@font-face), not a system font


def test_nothing_is_fetched_from_outside():
    fetcher = AlleenLokaleFonts()
    for url in ["https://voorbeeld.invalid/logo.png", "http://127.0.0.1/x.css", "file:///etc/passwd"]:
        with pytest.raises(URLFetchingError):
            fetcher(url)
    # An external image in the HTML does not stop the render and is not loaded.
    pdf = html_naar_pdf('<html lang="nl"><head><title>t</title></head><body><p>Tekst</p>'
                        '<img src="https://voorbeeld.invalid/x.png" alt="x"></body></html>')
    assert pdf.startswith(b"%PDF")


def test_combining_keeps_every_page_in_order(gerenderd):
    _, uit = gerenderd
    stappen = []
    samen = combineer_pdfs([uit.pdf, uit.pdf, uit.pdf], voortgang=stappen.append)
    with pikepdf.open(io.BytesIO(uit.pdf)) as een, pikepdf.open(io.BytesIO(samen)) as alle:
        per_brief = len(een.pages) + len(een.pages) % 2  # padded to even for double-sided printing
        assert len(alle.pages) == 2 * per_brief + len(een.pages)  # no blank page after the last one
        assert alle.pages[0].mediabox == een.pages[0].mediabox
    assert stappen == [1, 2, 3]


def test_oneven_brief_krijgt_een_lege_achterkant():
    def pdf(pagina_s: int) -> bytes:
        doc = pikepdf.Pdf.new()
        for _ in range(pagina_s):
            doc.add_blank_page(page_size=(595.0, 842.0))
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()

    with pikepdf.open(io.BytesIO(combineer_pdfs([pdf(3), pdf(2), pdf(1), pdf(1)]))) as alle:
        # 3 + blank, 2, 1 + blank, 1: every letter starts on a front side.
        assert len(alle.pages) == 4 + 2 + 2 + 1
        assert [float(x) for x in alle.pages[3].mediabox] == [0, 0, 595.0, 842.0]


def _pagina_inhoud(html):
    """Per page of the laid-out letter, the classes and tags of the elements that start on it."""
    from weasyprint import HTML

    from indicatie.beschikkingen.rendering import FONTS_DIR

    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=AlleenLokaleFonts()).render()
    paginas = []
    for pagina in document.pages:
        gezien = set()
        for box in pagina._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and not isinstance(element.tag, type(None)):
                gezien.add(element.tag)
                gezien.update((element.get("class") or "").split())
                if element.tag == "h2":
                    gezien.add("h2:" + "".join(element.itertext()))
        paginas.append(gezien)
    return paginas


@pytest.mark.parametrize("soort", [Soort.TOEKENNING, Soort.BEEINDIGING, Soort.AFWIJZING])
def test_typical_letter_fits_two_pages_with_the_signature_beside_the_last_paragraph(soort):
    """A third page that holds only the signature is what the layout must prevent. The case has a full
    motivation (taxatie and evaluation), as a real letter does."""
    from datetime import date

    from indicatie.beschikkingen.opstellen import Onderbouwing

    onderbouwing = Onderbouwing(taxatie_datum=date(2026, 11, 1), veiligheid="dreigend", vaardigheden="beperkt",
                                voorstel_perceel="extramuraal", voorstel_pakket="2",
                                evaluatie_datum=date(2026, 11, 10), evaluatie_veiligheid="dreigend",
                                beeindigingsreden="doelen_bereikt")
    for brief in stel_brieven_op(dossier(onderbouwing=onderbouwing, reden="De situatie is nu stabiel veilig."),
                                 soort):
        paginas = _pagina_inhoud(render_brief(brief).html)
        assert len(paginas) == 2, f"{brief.bestandsnaam}: {len(paginas)} pagina's"
        assert "ondertekening" in paginas[-1] and "h2:Heeft u vragen?" in paginas[-1]


def test_signature_never_stands_alone_on_a_page():
    """A long letter (wijziging with two tables) may take three pages, but the signature keeps the last
    paragraph with it: its page also holds the 'Heeft u vragen?' section."""
    from datetime import date
    from decimal import Decimal

    from indicatie.beschikkingen.opstellen import Begrotingsregel

    vorige = [Begrotingsregel(ref="moeder", wet="Wmo", product="begeleiding_volwassenen",
                              uren_per_week=Decimal("0.75"), bedrag_per_week=Decimal("61.40"),
                              bedrag_periode=Decimal("3201.24"))]
    brief = next(b for b in stel_brieven_op(dossier(vorige_regels=vorige, vorige_ingangsdatum=date(2026, 1, 1)),
                                            Soort.WIJZIGING) if b.client_ref == "moeder")
    paginas = _pagina_inhoud(render_brief(brief).html)
    laatste = next(p for p in paginas if "ondertekening" in p)
    assert "h2:Heeft u vragen?" in laatste and "p" in laatste
