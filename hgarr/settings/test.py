"""Tests: pre-sets variables, then reads base. DATABASE_URL still chooses the database."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DJANGO_DEBUG", "0")

import warnings  # noqa: E402

from .base import *  # noqa: E402,F403

# WhiteNoise warns that STATIC_ROOT does not exist until collectstatic runs; here the finders serve.
warnings.filterwarnings("ignore", "No directory at", UserWarning)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; tests invent passwords
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
