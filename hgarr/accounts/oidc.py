"""Optional single sign-on through OpenID Connect (mozilla-django-oidc), on when OIDC_RP_CLIENT_ID is set.

Users are matched to existing accounts by a claim (default ``preferred_username``); no account is
created, because team and roles are managed in the application. An inactive account cannot log in.
"""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

OIDC_2FA_SESSIE_SLEUTEL = "hgarr_2fa_via_oidc"


class HgOIDCBackend(OIDCAuthenticationBackend):
    def verify_claims(self, claims):
        return bool(claims.get(settings.HGARR_OIDC_GEBRUIKERSNAAM_CLAIM))

    def filter_users_by_claims(self, claims):
        naam = claims.get(settings.HGARR_OIDC_GEBRUIKERSNAAM_CLAIM)
        if not naam:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=naam, is_active=True)

    def create_user(self, claims):
        """Never: an account without team and roles is of no use, and must be made by a beheerder."""
        return None

    def get_or_create_user(self, access_token, id_token, payload):
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None and settings.HGARR_OIDC_TELT_ALS_2FA:
            # The identity provider did the second factor; the session keeps that (cycle_key keeps data).
            self.request.session[OIDC_2FA_SESSIE_SLEUTEL] = True
        return user
