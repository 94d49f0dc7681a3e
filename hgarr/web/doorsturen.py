"""Safe return addresses ('next', 'terug') from user input."""

from django.utils.http import url_has_allowed_host_and_scheme


def veilige_terugweg(request, waarde: str | None, standaard: str) -> str:
    """``waarde`` when it is a path on this site, else ``standaard``.

    Only absolute paths ('/…') are accepted: anything else would be read by ``redirect()`` as a URL
    pattern name (a 500 on hostile input) or could lead off the site."""
    if (
        waarde
        and waarde.startswith("/")
        and not waarde.startswith("//")
        and url_has_allowed_host_and_scheme(
            waarde, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return waarde
    return standaard
