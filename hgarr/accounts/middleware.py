"""Two-factor enforcement and keeping typed input across an idle timeout (issue 7 §3)."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from . import tweefactor

BEWAARDE_INVOER_SLEUTEL = "hgarr_bewaarde_invoer"
GEBRUIKER_COOKIE = "hgarr_laatste_gebruiker"
_COOKIE_ZOUT = "hgarr.accounts.laatste_gebruiker"
MAX_BEWAARD = 200_000  # characters of JSON; larger posts are not kept


def tweede_factor_vrij(view):
    """Mark a view that a logged-in user may use before the second factor (the 2FA pages, logout)."""
    view.tweede_factor_vrij = True
    return view


class TweeFactorMiddleware:
    """A logged-in user who has not given the second factor reaches only the 2FA pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not tweefactor.is_verplicht() or not request.user.is_authenticated:
            return None
        if getattr(view_func, "tweede_factor_vrij", False) or not getattr(view_func, "login_required", True):
            return None
        if tweefactor.is_geverifieerd(request):
            return None
        doel = f"{reverse('tweede_factor')}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = doel
            return response
        return redirect(doel)


class BewaarInvoerMiddleware:
    """When a session has expired while the user was typing, the form they send is kept.

    The POST is stored in the new (anonymous) session, the user logs in again and then gets a page
    that sends the same form once more. Only the user who was logged in before gets it back: a signed
    cookie remembers who that was.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "logout":
            response.delete_cookie(GEBRUIKER_COOKIE)
        elif user is not None and user.is_authenticated and self._vorige_gebruiker(request) != user.pk:
            response.set_signed_cookie(
                GEBRUIKER_COOKIE,
                str(user.pk),
                salt=_COOKIE_ZOUT,
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Strict",
            )
        return response

    @staticmethod
    def _vorige_gebruiker(request) -> int | None:
        try:
            return int(request.get_signed_cookie(GEBRUIKER_COOKIE, salt=_COOKIE_ZOUT))
        except (KeyError, ValueError, signing.BadSignature):
            return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.user.is_authenticated:
            return None
        if not getattr(view_func, "login_required", True):
            return None
        vorige = self._vorige_gebruiker(request)
        data = {k: v for k, v in request.POST.lists() if k != "csrfmiddlewaretoken"}
        if vorige is None or not data or len(json.dumps(data)) > MAX_BEWAARD:
            return None
        request.session[BEWAARDE_INVOER_SLEUTEL] = {"pad": request.get_full_path(), "data": data, "gebruiker": vorige}
        return redirect_to_login(reverse("invoer_herstellen"), settings.LOGIN_URL)
