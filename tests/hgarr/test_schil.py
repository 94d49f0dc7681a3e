"""The page shell: the current menu item and actions only for roles that may use them."""

import re

import pytest
from django.urls import reverse

from hgarr.accounts.roles import Rol

pytestmark = pytest.mark.django_db


def _menu_huidig(html: str) -> list[tuple[str, str]]:
    nav = html[html.index('aria-label="Hoofdmenu"') : html.index("</nav>")]
    return re.findall(r'<a [^>]*aria-current="(\w+)"[^>]*>([^<]+)', nav)


def test_huidige_pagina_is_gemarkeerd_in_het_menu(client_als, indicatiesteller, huishouden):
    c = client_als(indicatiesteller)
    assert _menu_huidig(c.get(reverse("huishoudens:lijst")).text) == [("page", "Huishoudens")]
    # A page below it marks the section, not as the page itself.
    assert _menu_huidig(c.get(reverse("huishoudens:detail", args=[huishouden.pk])).text) == [("true", "Huishoudens")]
    assert _menu_huidig(c.get(reverse("tarieven:tariefblad")).text) == [("page", "Tariefblad")]


@pytest.mark.parametrize(
    ("rol", "ziet"), [(Rol.INDICATIESTELLER, True), (Rol.CASUSREGISSEUR, True), (Rol.BESLISSER, False)]
)
def test_knoppen_voor_nieuw_en_wijzigen_alleen_voor_wie_dat_mag(client_als, maak_gebruiker, huishouden, rol, ziet):
    c = client_als(maak_gebruiker(rol))
    lijst = c.get(reverse("huishoudens:lijst")).text
    detail = c.get(reverse("huishoudens:detail", args=[huishouden.pk])).text
    assert (reverse("huishoudens:nieuw") in lijst) is ziet
    assert (reverse("huishoudens:wijzigen", args=[huishouden.pk]) in detail) is ziet
    # What the button leads to agrees with whether it is shown.
    assert (c.get(reverse("huishoudens:nieuw")).status_code == 200) is ziet


def test_taxaties_en_geschiedenis_van_een_huishouden_markeren_huishoudens(client_als, indicatiesteller, huishouden):
    """A household's taxatie pages and change history are part of the household: the menu marks
    "Huishoudens" as the current section (aria-current="true"), like the household's own pages."""
    from tests.indicatie.beschikkingen.conftest import maak_taxatie

    taxatie = maak_taxatie(huishouden, indicatiesteller)
    c = client_als(indicatiesteller)
    for url in (reverse("taxaties:overzicht", args=[huishouden.pk]), reverse("taxaties:nieuw", args=[huishouden.pk]),
                reverse("taxaties:detail", args=[huishouden.pk, taxatie.pk]),
                reverse("geschiedenis:huishouden", args=[huishouden.pk])):
        r = c.get(url)
        assert r.status_code == 200, url
        assert _menu_huidig(r.text) == [("true", "Huishoudens")], url


def test_beslistabel_en_volgcijfers_markeren_beslistabel(client_als, indicatiesteller):
    c = client_als(indicatiesteller)
    assert _menu_huidig(c.get(reverse("taxaties:beslistabel")).text) == [("page", "Beslistabel")]
    assert _menu_huidig(c.get(reverse("taxaties:volgcijfers")).text) == [("true", "Beslistabel")]
