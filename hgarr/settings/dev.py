"""Development: pre-sets variables for a local machine, then reads base."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_DEBUG", "1")
# Two-factor login is off on a developer's machine so the printed demo accounts work at once;
# HGARR_2FA_VERPLICHT=1 switches it on (first login then shows the QR code to link an app).
os.environ.setdefault("HGARR_2FA_VERPLICHT", "0")

import warnings  # noqa: E402

from .base import *  # noqa: E402,F403

# WhiteNoise warns that STATIC_ROOT does not exist until collectstatic runs; here the finders serve.
warnings.filterwarnings("ignore", "No directory at", UserWarning)
