from django.conf import settings


def sessie(request):
    """Values for the idle-timeout warning (static/js/sessie.js)."""
    return {
        "sessie_seconden": settings.SESSION_COOKIE_AGE,
        "sessie_minuten": settings.SESSION_COOKIE_AGE // 60,
        "sessie_waarschuwing_seconden": getattr(settings, "HGARR_SESSIE_WAARSCHUWING_SECONDEN", 300),
    }
