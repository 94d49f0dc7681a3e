"""Tags for the page shell: the way back from an error page and the current menu item."""

from django import template

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
