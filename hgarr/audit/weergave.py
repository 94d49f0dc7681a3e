"""Readable change history: the stored ``{veld: [oud, nieuw]}`` rows of ``Wijziging`` as a user reads them.

Only the display changes; what is stored stays as it was written (it is evidence). Field labels come
from the model's verbose_name, choice keys become their labels, ids of users and other objects become
their names, dates and times are Dutch and local, BSNs masked, and nested JSON becomes short lines.
Objects are looked up in one query per model for the whole page, not per row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst

from hgarr.bsn import maskeer_bsn
from hgarr.datums import lange_datum
from hgarr.web.templatetags.nl import format_bedrag

LEEG = "—"
_SLEUTEL = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")  # snake_case keys such as "financiele_problemen"
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIJDSTIP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# Keys inside JSON snapshots that name a member of the household (Indicatieversie.leden, maatwerk).
LID_SLEUTELS = {"gezinslid_id"}
# Technical keys in snapshots that say nothing to a reader.
VERBORGEN_SLEUTELS = {"ref"}
# Ids inside JSON snapshots (the begroting) of objects a reader knows by name: key -> (model, label).
OBJECT_SLEUTELS = {
    "parameterset_id": ("tarieven.Parameterset", "parameterset"),
    "catalogus_versie_id": ("pakketten.Tabelversie", "catalogusversie"),
}
# JSON fields that are a mapping from a member's id to a text (Taxatie.observaties).
LID_GESLEUTELDE_VELDEN = {"observaties"}
# Amounts of money, in JSON snapshots and decimal fields: shown as € 3.089,68.
_GELD = re.compile(r"(^|_)(bedrag|totaal|budget|weekbudget|per_week|periode|tarief)(_|$)")
_UREN = re.compile(r"(^|_)uren(_|$)")  # "uren_per_week" is hours, not money
_DECIMAAL = re.compile(r"^-?\d+(\.\d+)?$")
MAX_DIEPTE = 2


@dataclass
class Waarde:
    tekst: str = ""
    regels: list[str] = field(default_factory=list)  # nested values, one line each

    def __str__(self) -> str:
        return self.tekst or "; ".join(self.regels)


@dataclass
class Regel:
    veld: str
    oud: Waarde
    nieuw: Waarde


def tijdstip(waarde: datetime) -> str:
    """23 november 2026 16:58, in the local time zone."""
    lokaal = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
    return f"{lange_datum(lokaal.date())} {lokaal:%H:%M}"


def naam_van_gebruiker(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class Opmaak:
    """Formats one page of changes; build it with the page's rows, then ask ``regels(w)`` per row."""

    def __init__(self, wijzigingen):
        self.wijzigingen = list(wijzigingen)
        self._objecten: dict[type, dict] = {}
        self._laad()

    # --- lookups, batched -------------------------------------------------------------------------

    def _model(self, objecttype: str):
        try:
            return apps.get_model(objecttype)
        except (LookupError, ValueError):
            return None

    def _velden(self, model) -> dict[str, models.Field]:
        return {f.attname: f for f in model._meta.concrete_fields} if model else {}

    def _laad(self) -> None:
        nodig: dict[type, set] = defaultdict(set)
        User = get_user_model()
        Gezinslid = self._model("huishoudens.Gezinslid")
        for w in self.wijzigingen:
            if w.gebruiker_id:
                nodig[User].add(w.gebruiker_id)
            model = self._model(w.objecttype)
            if model is not None and w.object_id.isdigit():
                nodig[model].add(int(w.object_id))
            velden = self._velden(model)
            for naam, paar in (w.velden or {}).items():
                veld = velden.get(naam)
                for waarde in paar if isinstance(paar, list) else []:
                    if veld is not None and veld.many_to_one and isinstance(waarde, int):
                        nodig[veld.related_model].add(waarde)
                    elif Gezinslid is not None:
                        nodig[Gezinslid] |= {pk for _, pk in self._ids(waarde, LID_SLEUTELS)}
                        if naam in LID_GESLEUTELDE_VELDEN and isinstance(waarde, dict):
                            nodig[Gezinslid] |= {int(k) for k in waarde if str(k).isdigit()}
                    for sleutel, pk in self._ids(waarde, OBJECT_SLEUTELS):
                        doel = self._model(OBJECT_SLEUTELS[sleutel][0])
                        if doel is not None:
                            nodig[doel].add(pk)
        for model, pks in nodig.items():
            self._objecten[model] = model._base_manager.in_bulk(pks) if pks else {}

    def _ids(self, waarde, sleutels, diepte: int = 0):
        """(key, id) for every key of ``sleutels`` with an integer id inside a snapshot."""
        if diepte > MAX_DIEPTE:
            return
        if isinstance(waarde, dict):
            for sleutel, v in waarde.items():
                if sleutel in sleutels and isinstance(v, int):
                    yield sleutel, v
                else:
                    yield from self._ids(v, sleutels, diepte + 1)
        elif isinstance(waarde, list):
            for v in waarde:
                yield from self._ids(v, sleutels, diepte + 1)

    def _object(self, model, pk):
        return self._objecten.get(model, {}).get(pk) if model is not None else None

    def _objectnaam(self, model, pk) -> str:
        obj = self._object(model, pk)
        if obj is None:
            return f"{model._meta.verbose_name} {pk} (niet meer aanwezig)"
        if isinstance(obj, get_user_model()):
            return naam_van_gebruiker(obj)
        if model._meta.label_lower == "tarieven.parameterset" and getattr(obj, "naam", ""):
            return obj.naam
        if model._meta.label_lower == "indicaties.indicatieversie":
            return self._versienaam(obj)
        return str(obj)

    @staticmethod
    def _versienaam(versie) -> str:
        """As users know a version: 'versie 2 van indicatie 3' (not the row id, nor today's status)."""
        return f"versie {versie.nummer} van indicatie {versie.indicatie_id}"

    # --- per row ----------------------------------------------------------------------------------

    def wie(self, w) -> str:
        user = self._object(get_user_model(), w.gebruiker_id) if w.gebruiker_id else None
        return naam_van_gebruiker(user) or w.gebruikersnaam or "Systeem"

    def wat(self, w) -> str:
        model = self._model(w.objecttype)
        if model is None:
            return capfirst(w.omschrijving)
        obj = self._object(model, int(w.object_id)) if w.object_id.isdigit() else None
        if obj is not None and model._meta.label_lower == "indicaties.indicatieversie":
            return capfirst(self._versienaam(obj))
        naam = getattr(obj, "volledige_naam", "") if obj is not None else ""
        return f"{capfirst(model._meta.verbose_name)}: {naam}" if naam else capfirst(w.omschrijving)

    def regels(self, w) -> list[Regel]:
        model = self._model(w.objecttype)
        velden = self._velden(model)
        uit = []
        for naam, paar in (w.velden or {}).items():
            oud, nieuw = paar if isinstance(paar, list) and len(paar) == 2 else (None, paar)
            veld = velden.get(naam)
            label = capfirst(str(veld.verbose_name)) if veld is not None else capfirst(naam.replace("_", " "))
            uit.append(Regel(label, self.waarde(veld, oud), self.waarde(veld, nieuw)))
        return uit

    # --- values -----------------------------------------------------------------------------------

    def waarde(self, veld, waarde) -> Waarde:
        if waarde in (None, "", [], {}):
            return Waarde(LEEG)
        if veld is not None:
            if veld.choices:
                return Waarde(str(dict(veld.flatchoices).get(waarde, waarde)))
            if veld.many_to_one and isinstance(waarde, int):
                return Waarde(self._objectnaam(veld.related_model, waarde))
            if veld.name == "bsn" and isinstance(waarde, str):
                return Waarde(maskeer_bsn(waarde))
            if isinstance(veld, models.DecimalField):
                return Waarde(self._bedrag(waarde) if self._is_geld(veld.name) else self._getal(waarde))
            if veld.name in LID_GESLEUTELDE_VELDEN and isinstance(waarde, dict):
                return Waarde(regels=[f"{self._lidnaam(k)}: {self._tekst(v, 1)}" for k, v in waarde.items()])
        if isinstance(waarde, list) and any(isinstance(v, dict | list) for v in waarde):
            return Waarde(regels=[self._tekst(v) for v in waarde])
        if isinstance(waarde, dict):
            return Waarde(regels=[self._paar(k, v) for k, v in waarde.items() if k not in self._verborgen(waarde)])
        return Waarde(self._tekst(waarde))

    def _getal(self, waarde) -> str:
        try:
            return f"{Decimal(str(waarde)):f}".replace(".", ",")
        except (InvalidOperation, ValueError):
            return str(waarde)

    @staticmethod
    def _is_geld(naam: str) -> bool:
        return bool(_GELD.search(naam)) and not _UREN.search(naam)

    def _bedrag(self, waarde) -> str:
        try:
            return format_bedrag(Decimal(str(waarde)))
        except (InvalidOperation, ValueError):
            return str(waarde)

    @staticmethod
    def _verborgen(waarde: dict) -> set[str]:
        """Keys of a snapshot not to show: technical ones, and a label the named object gives already
        (the begroting's "parameterset" text beside its parameterset_id)."""
        uit = set(VERBORGEN_SLEUTELS)
        for sleutel, (_, label) in OBJECT_SLEUTELS.items():
            if isinstance(waarde.get(sleutel), int):
                uit.add(label)
        return uit

    def _lidnaam(self, pk) -> str:
        Gezinslid = self._model("huishoudens.Gezinslid")
        if Gezinslid is None or not str(pk).isdigit():
            return str(pk)
        return self._objectnaam(Gezinslid, int(pk))

    def _paar(self, sleutel: str, waarde, diepte: int = 0) -> str:
        if sleutel in OBJECT_SLEUTELS and isinstance(waarde, int):
            label, doel = OBJECT_SLEUTELS[sleutel][1], self._model(OBJECT_SLEUTELS[sleutel][0])
            return f"{label}: {self._objectnaam(doel, waarde) if doel is not None else waarde}"
        if self._is_geld(sleutel) and isinstance(waarde, str | int | float) and _DECIMAAL.match(str(waarde)):
            return f"{sleutel.replace('_', ' ')}: {self._bedrag(waarde)}"
        if isinstance(waarde, str) and "." in waarde and _DECIMAAL.match(waarde):
            return f"{sleutel.replace('_', ' ')}: {self._getal(waarde)}"  # a decimal in a snapshot: 1,50
        return f"{sleutel.replace('_', ' ')}: {self._tekst(waarde, diepte + 1)}"

    def _tekst(self, waarde, diepte: int = 0) -> str:
        """One value as one line of text; deeper structures are summarised, not dumped."""
        if waarde is None or waarde == "":
            return LEEG
        if isinstance(waarde, bool):
            return "ja" if waarde else "nee"
        if isinstance(waarde, int | float):
            return str(waarde).replace(".", ",")
        if isinstance(waarde, str):
            return self._tekenreeks(waarde)
        genest = any(isinstance(v, dict | list) for v in (waarde.values() if isinstance(waarde, dict) else waarde))
        if diepte >= MAX_DIEPTE or (diepte >= 1 and genest):
            return f"({len(waarde)} onderdelen)"
        if isinstance(waarde, list):
            return ", ".join(self._tekst(v, diepte + 1) for v in waarde) or LEEG
        if isinstance(waarde, dict):
            if "regel" in waarde and "tekst" in waarde:
                # A reason of the proposal: the text says it; the rule id is for developers (R18).
                return self._tekst(waarde["tekst"], diepte + 1)
            Gezinslid = self._model("huishoudens.Gezinslid")
            lid = next((v for k, v in waarde.items() if k in LID_SLEUTELS), None)
            verborgen = self._verborgen(waarde) | LID_SLEUTELS
            delen = [self._paar(k, v, diepte) for k, v in waarde.items() if k not in verborgen]
            if lid is not None and Gezinslid is not None:
                return f"{self._objectnaam(Gezinslid, lid)} ({', '.join(delen)})" if delen else self._objectnaam(
                    Gezinslid, lid
                )
            return ", ".join(delen) or LEEG
        return str(waarde)

    def _tekenreeks(self, waarde: str) -> str:
        if _TIJDSTIP.match(waarde):
            moment = parse_datetime(waarde)
            if moment is not None:
                return tijdstip(moment)
        if _DATUM.match(waarde):
            dag = parse_date(waarde)
            if isinstance(dag, date):
                return lange_datum(dag)
        if _SLEUTEL.match(waarde):
            return waarde.replace("_", " ")
        return waarde
