"""Tags for the page shell: the way back from an error page and the current menu item."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from hgarr.web.doorsturen import veilige_terugweg

register = template.Library()


@register.simple_tag(takes_context=True)
def vorige_pagina(context) -> str:
    """The page the user came from, when it is a page of this site (Referer); else ''."""
    request = context.get("request")
    if request is None:
        return ""
    verwijzer = request.META.get("HTTP_REFERER", "")
    host = f"{request.scheme}://{request.get_host()}"
    if not verwijzer.startswith(host + "/"):
        return ""
    pad = verwijzer[len(host):]
    return "" if pad == request.get_full_path() else veilige_terugweg(request, pad, "")


# Pages that belong to a menu item without living under its path: a household's taxaties and its change
# history are part of the household (menu "Huishoudens"); the follow figures are part of the decision table.
SECTIES: dict[str, frozenset[str]] = {
    "huishoudens:lijst": frozenset({
        "taxaties:overzicht", "taxaties:nieuw", "taxaties:voorstel", "taxaties:detail", "geschiedenis:huishouden",
    }),
    "taxaties:beslistabel": frozenset({"taxaties:volgcijfers"}),
}


@register.simple_tag(takes_context=True)
def huidig(context, url_naam: str, *, sectie: bool = True) -> str:
    """``aria-current`` for a menu link: "page" on the page itself, "true" on a page below it (a
    household under "Huishoudens", or a page listed in ``SECTIES``), else nothing. Use inside the <a>
    tag: ``<a href=… {% huidig 'x' %}>``."""
    request = context.get("request")
    if request is None:
        return ""
    try:
        pad = reverse(url_naam)
    except NoReverseMatch:
        return ""
    if request.path == pad:
        return mark_safe(' aria-current="page"')  # noqa: S308 (a constant)
    if not sectie:
        return ""
    if pad != "/" and request.path.startswith(pad):
        return mark_safe(' aria-current="true"')  # noqa: S308 (a constant)
    gevonden = getattr(request, "resolver_match", None)
    if gevonden is not None and gevonden.view_name in SECTIES.get(url_naam, ()):
        return mark_safe(' aria-current="true"')  # noqa: S308 (a constant)
    return ""
