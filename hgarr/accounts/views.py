"""Login: password (with django-axes lockout), then a TOTP code (django-otp); session timeout helpers."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from hgarr.web.doorsturen import veilige_terugweg
from hgarr.web.foutoverzicht import foutoverzicht

from . import tweefactor
from .forms import TokenForm
from .middleware import BEWAARDE_INVOER_SLEUTEL, BewaarInvoerMiddleware, tweede_factor_vrij

logger = logging.getLogger(__name__)


@login_not_required
def start(request):
    """The start page: the login page for anonymous users, the household list for the others."""
    if request.user.is_authenticated:
        if request.user.werkt_met_casussen:
            return redirect("huishoudens:lijst")
        if request.user.heeft_rol("privacyfunctionaris"):
            return redirect("audit:toegangslog")
        return redirect("admin:index")
    return InlogView.as_view()(request)


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    return veilige_terugweg(request, volgende, resolve_url(settings.LOGIN_REDIRECT_URL))


def _met_next(naam: str, volgende: str) -> str:
    return f"{reverse(naam)}?{urlencode({'next': volgende})}"


class InlogView(auth_views.LoginView):
    """Step 1: user name and password. Django's login() gives the session a new key (rotation)."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        if tweefactor.is_verplicht() and not tweefactor.is_geverifieerd(self.request):
            return redirect(_met_next("tweede_factor", self.get_success_url()))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["oidc_aan"] = getattr(settings, "HGARR_OIDC_AAN", False)
        # Why the user is here. The signed last-user cookie outlives the session but not the browser, and
        # logging out removes it: so with it and no login, the session ran out (idle timeout). Whether
        # typed input was kept is only said when BewaarInvoerMiddleware really kept a form.
        if self.request.method == "GET" and not self.request.user.is_authenticated:
            context["sessie_verlopen"] = BewaarInvoerMiddleware._vorige_gebruiker(self.request) is not None
            context["invoer_bewaard"] = BEWAARDE_INVOER_SLEUTEL in self.request.session
        return context


@never_cache
@tweede_factor_vrij
def tweede_factor(request):
    """Step 2: the code from the user's authenticator app."""
    volgende = _volgende(request)
    if tweefactor.is_geverifieerd(request):
        return redirect(volgende)
    device = tweefactor.bevestigd_apparaat(request.user)
    if device is None:
        return redirect(_met_next("totp_koppelen", volgende))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        toegestaan, _ = device.verify_is_allowed()
        if toegestaan and device.verify_token(form.cleaned_data["token"]):
            tweefactor.markeer_geverifieerd(request, device)
            return redirect(volgende)
        logger.warning("Tweede factor mislukt voor gebruiker %s", request.user.pk)
        form.add_error(
            "token",
            "Deze code klopt niet of is verlopen. Vul de code in die uw app nu toont."
            if toegestaan
            else "Te veel onjuiste codes. Wacht even en probeer het dan opnieuw.",
        )
    return render(
        request,
        "accounts/tweede_factor.html",
        {
            "form": form,
            "next": volgende,
            "forms_with_errors": (fouten := foutoverzicht(form)),
            "error_count": len(fouten),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@tweede_factor_vrij
def totp_koppelen(request):
    """First login: link an authenticator app by scanning a QR code and typing one code."""
    volgende = _volgende(request)
    if tweefactor.is_geverifieerd(request):
        return redirect(volgende)
    if tweefactor.bevestigd_apparaat(request.user) is not None:
        # An unverified session never replaces a linked app; a beheerder resets it.
        return redirect(_met_next("tweede_factor", volgende))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-id").first()
    if device is None:
        device = tweefactor.nieuw_apparaat(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            tweefactor.markeer_geverifieerd(request, device)
            messages.success(
                request, "Uw authenticator-app is gekoppeld. Vanaf nu vraagt HG-arrangementen om een code."
            )
            return redirect(volgende)
        form.add_error("token", "Deze code klopt niet. Scan de QR-code opnieuw of controleer de tijd op uw telefoon.")
    return render(
        request,
        "accounts/totp_koppelen.html",
        {
            "form": form,
            "next": volgende,
            "qr_code": tweefactor.qr_data_uri(device),
            "geheim": tweefactor.geheim_base32(device),
            "forms_with_errors": (fouten := foutoverzicht(form)),
            "error_count": len(fouten),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def sessie_verlengen(request):
    """The idle-timeout warning's "stay logged in": any request extends the session (SESSION_SAVE_EVERY_REQUEST)."""
    request.session.modified = True
    return HttpResponse(status=204)


@require_GET
@never_cache
def invoer_herstellen(request):
    """After logging in again: offer the form the user was sending when their session expired."""
    bewaard = request.session.pop(BEWAARDE_INVOER_SLEUTEL, None)
    if not bewaard or bewaard.get("gebruiker") != request.user.pk:
        return redirect("start")
    velden = [(naam, waarde) for naam, waarden in bewaard["data"].items() for waarde in waarden]
    return render(request, "accounts/invoer_herstellen.html", {"actie": bewaard["pad"], "velden": velden})


class UitlogView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "U bent uitgelogd.")  # shown on the login page it redirects to
        return response


uitloggen = tweede_factor_vrij(UitlogView.as_view())


def geblokkeerd(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): Dutch, with the cool-off in minutes."""
    minuten = round(float(settings.AXES_COOLOFF_TIME) * 60)
    return render(request, "registration/geblokkeerd.html", {"minuten": minuten}, status=429)
