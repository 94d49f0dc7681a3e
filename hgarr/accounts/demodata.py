"""Demo teams and users: invented, one user per role in each team, printed passwords."""

from django.contrib.auth.models import Group

from .models import Team, User
from .roles import ROL_LABELS, Rol

DEMO_WACHTWOORD = "demo-wachtwoord-2026"

TEAMS = [
    ("Wijkteam Noord-Oost", Team.Soort.WIJKTEAM, "noord"),
    ("Stedelijk loket Dak- en thuisloze gezinnen", Team.Soort.STEDELIJK_LOKET, "loket"),
]
PERSONEN = {
    Rol.INDICATIESTELLER: ("Iris", "Indicatie"),
    Rol.CASUSREGISSEUR: ("Cas", "Regie"),
    Rol.BESLISSER: ("Bram", "Besluit"),
    Rol.FUNCTIONEEL_BEHEERDER: ("Fenna", "Beheer"),
    Rol.PRIVACYFUNCTIONARIS: ("Pim", "Privacy"),
}
FUNCTIES = {
    Rol.INDICATIESTELLER: "HG-deskundige",
    Rol.CASUSREGISSEUR: "Casusregisseur",
    Rol.BESLISSER: "Teamleider, gemandateerd beslisser",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
    Rol.PRIVACYFUNCTIONARIS: "Privacyfunctionaris",
}


def laad() -> list[tuple[str, str, str, str]]:
    """Create (or update) the demo teams and users; returns (username, password, role, team)."""
    regels = []
    for naam, soort, code in TEAMS:
        team, _ = Team.objects.update_or_create(naam=naam, defaults={"soort": soort})
        for rol, (voornaam, achternaam) in PERSONEN.items():
            username = f"{code}-{rol.value}"
            user, _ = User.objects.get_or_create(username=username)
            user.first_name = voornaam
            user.last_name = f"{achternaam} ({code})"
            user.team = team
            user.functie = FUNCTIES[rol]
            user.is_staff = rol == Rol.FUNCTIONEEL_BEHEERDER
            user.set_password(DEMO_WACHTWOORD)
            user.save()
            user.groups.set([Group.objects.get(name=rol.value)])
            regels.append((username, DEMO_WACHTWOORD, ROL_LABELS[rol], team.naam))
    return regels
