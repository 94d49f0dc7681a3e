from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import CASUS_ROLLEN, Rol


class Team(models.Model):
    class Soort(models.TextChoices):
        WIJKTEAM = "wijkteam", "Wijkteam"
        STEDELIJK_LOKET = "stedelijk_loket", "Stedelijk loket"

    naam = models.CharField(max_length=100, unique=True)
    soort = models.CharField(max_length=20, choices=Soort.choices, default=Soort.WIJKTEAM)

    class Meta:
        ordering = ["naam"]
        verbose_name = "team"
        verbose_name_plural = "teams"

    def __str__(self) -> str:
        return self.naam


class User(AbstractUser):
    """A user belongs to one team; roles are Django groups (see roles.py)."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="leden")
    functie = models.CharField(
        max_length=100, blank=True, help_text="Functie onder de handtekening van een beschikking."
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def rollen(self) -> set[str]:
        if not hasattr(self, "_rollen_cache"):
            self._rollen_cache = set(self.groups.values_list("name", flat=True))
        return self._rollen_cache

    def heeft_rol(self, *rollen: str) -> bool:
        return bool(self.rollen() & {str(r) for r in rollen})

    @property
    def werkt_met_casussen(self) -> bool:
        return self.is_active and self.team_id is not None and self.heeft_rol(*CASUS_ROLLEN)

    @property
    def is_beheerder(self) -> bool:
        return self.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
