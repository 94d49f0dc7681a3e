"""Keep each role's model permissions in step after every migrate (idempotent).

Case-file permissions go to the case roles; configuration (catalogue, tariffs, aanbieders) goes to
the functioneel beheerder, who never gets case-file permissions."""

from django.contrib.auth.models import Group, Permission

from .roles import Rol

BEHEER_APPS = {"pakketten", "tarieven"}
BEHEER_MODELLEN = {
    ("indicaties", "aanbieder"), ("accounts", "team"), ("accounts", "user"),
    # Unlink a lost phone's authenticator app; lift a lockout (issue 7).
    ("otp_totp", "totpdevice"), ("axes", "accessattempt"),
}


def sync_rol_rechten(sender=None, **kwargs) -> None:
    # The groups come from migration 0002; recreating them here keeps them present after a flush
    # (transactional tests), which emits post_migrate but does not re-run data migrations.
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    beheer = Group.objects.get(name=Rol.FUNCTIONEEL_BEHEERDER)
    perms = Permission.objects.select_related("content_type").filter(
        content_type__app_label__in=BEHEER_APPS | {a for a, _ in BEHEER_MODELLEN}
    )
    toegestaan = [
        p for p in perms
        if p.content_type.app_label in BEHEER_APPS
        or (p.content_type.app_label, p.content_type.model) in BEHEER_MODELLEN
    ]
    beheer.permissions.add(*toegestaan)
