"""Two-factor login with TOTP (django-otp) for every user (issue 7 §3)."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from .oidc import OIDC_2FA_SESSIE_SLEUTEL


def is_verplicht() -> bool:
    return bool(getattr(settings, "HGARR_2FA_VERPLICHT", True))


def is_geverifieerd(request) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if request.session.get(OIDC_2FA_SESSIE_SLEUTEL):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def bevestigd_apparaat(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def nieuw_apparaat(user) -> TOTPDevice:
    """The unconfirmed device being linked (one per user; a new secret each time linking starts)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


def geheim_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth URI as an SVG QR code in a data: URI (the CSP allows data: images, no inline SVG)."""
    beeld = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    beeld.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def markeer_geverifieerd(request, device: TOTPDevice) -> None:
    """Persist the verified device in the session and give the session a new key."""
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    request.user.otp_device = device
    request.session.cycle_key()
