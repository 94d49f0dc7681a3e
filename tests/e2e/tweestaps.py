"""The second login step for end-to-end tests under two-factor login (TOTP, django-otp).

The test user gets a confirmed TOTP device before logging in, so the login form leads to the code
page; the code is what the user's authenticator app would show now."""

from hgarr.accounts.testing import totp_apparaat, totp_code


def voor_login(user) -> None:
    totp_apparaat(user)


def tweede_stap(page, user) -> None:
    if "/inloggen/code/" not in page.url:
        return
    page.fill("input[name='token']", totp_code(user))
    page.locator("main form button[type='submit']").first.click()
    page.wait_for_load_state()
