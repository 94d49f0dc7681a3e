"""Helpers for tests (pytest and the Playwright end-to-end tests) under two-factor login.

- ``totp_apparaat(user)``: the user's confirmed TOTP device (created when missing).
- ``totp_code(user)``: the code the user's app would show now. It also forgets the last used time
  step, so a test may log the same user in twice within 30 seconds (django-otp refuses a reused code).
- ``log_in_geverifieerd(client, user)``: ``force_login`` plus the second factor in the session, the
  way django-otp records it.

End-to-end login: fill ``username`` and ``password`` on /inloggen/, submit, then fill ``token`` on
/inloggen/code/ with ``totp_code(user)`` and submit.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_apparaat(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)
    return device


def totp_code(user) -> str:
    device = totp_apparaat(user)
    if device.last_t != -1 or device.throttling_failure_count:
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0,
                                                       throttling_failure_timestamp=None)
        device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def markeer_sessie_geverifieerd(client, user) -> None:
    """Record in the client's session that ``user`` gave the second factor (django-otp's session key)."""
    device = totp_apparaat(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def log_in_geverifieerd(client, user):
    """Log ``client`` in as ``user`` with the second factor done. Returns the client."""
    client.force_login(user)
    markeer_sessie_geverifieerd(client, user)
    return client
