"""Taxatie: the safety-and-skills assessment of a household (issue 4; R2, R3, R11, R13, R18, R19, R21).

A taxatie is dated history: a new assessment is a new row, an old one is never overwritten. Each row
keeps the proposal the application made at that moment (with the decision-table version it came from)
next to what the professional chose, and the motivation when they deviated (R18, B1 §1.2).
"""

from datetime import date

from django.conf import settings
from django.db import models


class Veiligheid(models.TextChoices):
    """Ordered from least to most safe; the order is the scale of the decision table."""

    ACUUT_ONVEILIG = "acuut_onveilig", "Acuut onveilig"
    STRUCTUREEL_ONVEILIG = "structureel_onveilig", "Structureel onveilig"
    DREIGEND = "dreigend", "Dreigend"
    STABIEL_KWETSBAAR = "stabiel_kwetsbaar", "Stabiel maar kwetsbaar"


VEILIGHEID_OMSCHRIJVING = {
    Veiligheid.ACUUT_ONVEILIG: (
        "Er is nu direct gevaar voor lijf of leven; eerst moet de directe veiligheid worden geregeld."
    ),
    Veiligheid.STRUCTUREEL_ONVEILIG: "Er is herhaald of aanhoudend geweld en de thuissituatie is instabiel.",
    Veiligheid.DREIGEND: "Er is (dreiging van) geweld en de situatie kan escaleren, maar er is geen direct gevaar.",
    Veiligheid.STABIEL_KWETSBAAR: "Het geweld is gestopt en de situatie is stabiel, maar nog kwetsbaar voor terugval.",
}


class Vaardigheden(models.TextChoices):
    """Ordered from most to least capable."""

    VOLDOENDE = "voldoende", "Voldoende"
    BEPERKT = "beperkt", "Beperkt"
    ONTBREKEND = "ontbrekend", "Ontbrekend"


VAARDIGHEDEN_OMSCHRIJVING = {
    Vaardigheden.VOLDOENDE: "De betrokkenen kunnen de-escaleren en tijdig hulp of hun netwerk inschakelen.",
    Vaardigheden.BEPERKT: "De betrokkenen hebben deze vaardigheden deels en zijn leerbaar met steun.",
    Vaardigheden.ONTBREKEND: "De vaardigheden ontbreken; de situatie kan daardoor snel escaleren.",
}


class Perceel(models.TextChoices):
    EXTRAMURAAL = "extramuraal", "Extramuraal"
    SEMIMURAAL = "semimuraal", "Semimuraal"
    INTRAMURAAL = "intramuraal", "Intramuraal"


class Pakket(models.TextChoices):
    PAKKET_1 = "1", "Pakket 1"
    PAKKET_2 = "2", "Pakket 2"
    PAKKET_3 = "3", "Pakket 3"
    VRIJ = "vrij", "Vrije trede"


class Advies(models.TextChoices):
    HG_ARRANGEMENT = "hg-arrangement", "HG-arrangement"
    BASISHULP = "basishulp", "Basishulp door het wijkteam"
    EERST_DIRECTE_VEILIGHEID = "eerst-directe-veiligheid", "Eerst directe veiligheid"


class VerzwarendeFactor(models.TextChoices):
    MULTIPROBLEMATIEK = "multiproblematiek", "Multiproblematiek"
    ERNSTIG_TRAUMA = "ernstig_trauma", "Ernstig trauma"
    VERSLAVING = "verslaving", "Verslaving"
    PSYCHIATRIE = "psychiatrie", "Psychiatrie"
    FINANCIELE_PROBLEMEN = "financiele_problemen", "Financiële problemen"


class Gezinsprofiel(models.TextChoices):
    """Verwey-Jonker profiles, recorded for the municipality's evaluation (R21, B1 §1.7)."""

    INTIEME_TERREUR = "intieme_terreur", "Intieme terreur"
    GEZIN_IN_DE_STRESS = "gezin_in_de_stress", "Gezin in de stress"
    LANGDURIGE_ZORG = "langdurige_zorg", "Langdurige zorg"
    KINDGEDRAG_OPVOEDSTRESS = "kindgedrag_opvoedstress", "Kindgedrag en opvoedstress"
    COMPLEXE_SCHEIDING = "complexe_scheiding", "Complexe scheiding"
    ONBEKEND = "onbekend", "Onbekend"


class Taxatie(models.Model):
    huishouden = models.ForeignKey("huishoudens.Huishouden", on_delete=models.PROTECT, related_name="taxaties")
    datum = models.DateField("taxatiedatum", default=date.today)
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The team at the time of the taxatie, so "how often is the proposal followed per team" stays stable.
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="taxaties")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    # The assessment.
    veiligheid = models.CharField("veiligheidssituatie", max_length=30, choices=Veiligheid.choices)
    vaardigheden = models.CharField("vaardigheden en leerbaarheid", max_length=20, choices=Vaardigheden.choices)
    nabijheid_24_uur = models.BooleanField(
        "24 uur per dag ondersteuning in de nabijheid nodig bij zelfstandig wonen", default=False
    )
    niet_zelfstandig_wonen = models.BooleanField(
        "gezin kan vanwege veiligheid tijdelijk niet zelfstandig wonen", default=False
    )
    bestaande_wmo_verblijf = models.BooleanField(
        "ontvangt al semi-/intramurale Wmo-ondersteuning bij een gecontracteerde aanbieder", default=False
    )
    langdurig_of_specialistisch = models.BooleanField(
        "langdurige (langer dan een jaar) of specialistische hulp nodig", default=True
    )
    vast_pakket_past_niet = models.BooleanField(
        "de vaste pakketten passen niet bij dit huishouden",
        default=False,
        help_text=(
            "Bijvoorbeeld door de samenstelling of een bijzondere situatie; dan wordt een vrije trede voorgesteld."
        ),
    )
    verzwarende_factoren = models.JSONField("verzwarende factoren", default=list, blank=True)
    gezinsprofiel = models.CharField(
        "gezinsprofiel (Verwey-Jonker)", max_length=30, choices=Gezinsprofiel.choices, default=Gezinsprofiel.ONBEKEND
    )
    # {"<gezinslid pk>": "observatie"}; free text per member.
    observaties = models.JSONField("observaties per gezinslid", default=dict, blank=True)

    # The proposal as computed at that moment (R18), with the table version it came from.
    beslistabel = models.ForeignKey(
        "pakketten.Tabelversie", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    voorstel_advies = models.CharField("advies", max_length=30, choices=Advies.choices)
    voorstel_perceel = models.CharField("voorgesteld perceel", max_length=20, choices=Perceel.choices, blank=True)
    voorstel_pakket = models.CharField("voorgesteld pakket", max_length=4, choices=Pakket.choices, blank=True)
    voorstel_redenen = models.JSONField("redenen", default=list, blank=True)
    voorstel_weekbudget = models.DecimalField(
        "weekbudget van het voorstel", max_digits=12, decimal_places=2, null=True, blank=True
    )

    # The professional's choice (R18: professionele eigenzinnigheid). Empty perceel/pakket means:
    # no HG-arrangement (basishulp by the wijkteam).
    gekozen_perceel = models.CharField("gekozen perceel", max_length=20, choices=Perceel.choices, blank=True)
    gekozen_pakket = models.CharField("gekozen pakket", max_length=4, choices=Pakket.choices, blank=True)
    voorstel_gevolgd = models.BooleanField("voorstel gevolgd", default=True)
    afwijking_motivering = models.TextField("motivering van de afwijking", blank=True)

    class Meta:
        ordering = ["-datum", "-aangemaakt_op", "-id"]
        get_latest_by = ["datum", "aangemaakt_op", "id"]
        verbose_name = "taxatie"
        verbose_name_plural = "taxaties"
        indexes = [models.Index(fields=["huishouden", "-datum"], name="taxatie_huishouden_datum")]

    def __str__(self) -> str:
        return f"Taxatie {self.datum:%d-%m-%Y} van {self.huishouden}"

    @property
    def is_afwijking(self) -> bool:
        return not self.voorstel_gevolgd

    @property
    def gekozen_omschrijving(self) -> str:
        return keuze_omschrijving(self.gekozen_perceel, self.gekozen_pakket)

    @property
    def voorstel_omschrijving(self) -> str:
        if self.voorstel_advies == Advies.BASISHULP:
            return "Geen HG-arrangement: basishulp door het wijkteam"
        return keuze_omschrijving(self.voorstel_perceel, self.voorstel_pakket)

    @property
    def verzwarende_factoren_labels(self) -> list[str]:
        return [VerzwarendeFactor(f).label for f in self.verzwarende_factoren if f in VerzwarendeFactor.values]


def keuze_omschrijving(perceel: str, pakket: str) -> str:
    if not perceel and not pakket:
        return "Geen HG-arrangement: basishulp door het wijkteam"
    delen = []
    if perceel:
        delen.append(Perceel(perceel).label)
    if pakket:
        delen.append(Pakket(pakket).label.lower() if pakket == Pakket.VRIJ else Pakket(pakket).label)
    return ", ".join(delen)
