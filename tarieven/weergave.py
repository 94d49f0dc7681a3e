"""The tariff sheet as data for the page and for ``manage.py tariefblad``: the tariffs with their build-up
and every parameter with its value, source label and herkomst (issue 3 §5)."""

import re
from dataclasses import dataclass
from decimal import Decimal

from pakketten.catalogus import Catalogus

from .engine import euro
from .parameters import CAO_NAMEN, LABELS, Parameters
from .selectors import productnaam
from .tariefblad import Tariefblad, procent, rond


def getal(waarde: Decimal) -> str:
    tekst = f"{waarde:,.2f}".rstrip("0").rstrip(".")
    return tekst.replace(",", " ").replace(".", ",").replace(" ", ".")


@dataclass(frozen=True)
class Parameterregel:
    groep: str
    naam: str
    waarde: str
    label: str
    label_tekst: str
    herkomst: str

    @property
    def is_aanname(self) -> bool:
        return self.label == "aanname"


_REGELNUMMERS = re.compile(r"\((R\d+(?:, R\d+)*)\)")


def leesbare_herkomst(herkomst: str) -> str:
    """"(R16)" in a source text becomes "(regel R16 van de regeling)", so nobody reads a Jeugd
    resultaatgebied in it."""

    def vervang(match: re.Match) -> str:
        nummers = match.group(1).split(", ")
        if len(nummers) == 1:
            return f"(regel {nummers[0]} van de regeling)"
        return f"(regels {', '.join(nummers[:-1])} en {nummers[-1]} van de regeling)"

    return _REGELNUMMERS.sub(vervang, herkomst)


def _regel(groep: str, naam: str, waarde: str, item) -> Parameterregel:
    return Parameterregel(groep, naam, waarde, item.label, LABELS[item.label], leesbare_herkomst(item.herkomst))


def parameterregels(p: Parameters, catalogus: Catalogus | None = None) -> list[Parameterregel]:
    r: list[Parameterregel] = []
    g = "Algemeen"
    r.append(_regel(g, "Jaaruren voltijd", getal(p.jaaruren.waarde), p.jaaruren))
    r.append(_regel(g, "Productiviteit (declarabel deel)", procent(p.productiviteit.waarde), p.productiviteit))
    wijze = "opslag op de kostprijs" if p.overhead_wijze.waarde == "opslag" else "aandeel van het tarief"
    r.append(_regel(g, "Overhead gerekend als", wijze, p.overhead_wijze))
    w = p.werkgeverslasten
    g = "Werkgeverslasten"
    r.append(_regel(g, "Sociale premies werkgever", procent(w.sociale_premies.waarde), w.sociale_premies))
    r.append(_regel(g, "Maximumpremieloon", euro(w.max_premieloon.waarde), w.max_premieloon))
    r.append(_regel(g, "Pensioenpremie", procent(w.pensioenpremie.waarde), w.pensioenpremie))
    r.append(_regel(g, "Pensioenfranchise", euro(w.pensioen_franchise.waarde), w.pensioen_franchise))
    r.append(_regel(g, "Werkgeversdeel pensioen", procent(w.pensioen_werkgeversdeel.waarde),
                    w.pensioen_werkgeversdeel))
    for cao in p.cao.values():
        g = f"Cao {cao.naam}"
        r.append(_regel(g, "Vakantiegeld", procent(cao.vakantiegeld.waarde), cao.vakantiegeld))
        eju = procent(cao.eindejaarsuitkering.waarde) + (" (over salaris + vakantiegeld)"
                                                         if cao.eju_over_vakantiegeld else "")
        r.append(_regel(g, "Eindejaarsuitkering", eju, cao.eindejaarsuitkering))
        for schaal, s in cao.schalen.items():
            r.append(_regel(g, f"Maandsalaris {schaal}", euro(s.waarde), s))
    v = p.volwassenen
    g = "Begeleiding volwassenen (Wmo)"
    r.append(_regel(g, "Cao-mix", _verdeling(v.cao_mix.waarden, CAO_NAMEN), v.cao_mix))
    for pakket, mix in v.functiemix.items():
        for cao, verdeling in mix.items():
            r.append(_regel(g, f"Functiemix pakket {pakket}, {CAO_NAMEN[cao]}", _verdeling(verdeling.waarden),
                            verdeling))
    r.append(_regel(g, "Overhead", procent(v.overhead.waarde), v.overhead))
    r.append(_regel(g, "Opslag risico en innovatie", procent(v.risico_opslag.waarde), v.risico_opslag))
    j = p.jeugd
    g = "Begeleiding kinderen (Jeugdwet)"
    r.append(_regel(g, "Cao-mix", _verdeling(j.cao_mix.waarden, CAO_NAMEN), j.cao_mix))
    for pakket, verdeling in j.opleidingsmix.items():
        r.append(_regel(g, f"HBO/WO pakket {pakket}", _verdeling(verdeling.waarden, {"hbo": "HBO", "wo": "WO"}),
                        verdeling))
    for cao, keuze in j.schalen.items():
        r.append(_regel(g, f"HBO- en WO-schaal {CAO_NAMEN[cao]}", f"HBO {keuze.hbo}, WO {keuze.wo}", keuze))
    r.append(_regel(g, "Overhead", procent(j.overhead.waarde), j.overhead))
    r.append(_regel(g, "Opslag risico en innovatie", procent(j.risico_opslag.waarde), j.risico_opslag))
    t = p.tredes
    g = "Treden semi-/intramuraal"
    r.append(_regel(g, "Kosten per dienstuur (zonder overhead)", euro(t.kosten_per_dienstuur.waarde),
                    t.kosten_per_dienstuur))
    r.append(_regel(g, "Toeslag diensturen weekend", procent(t.toeslag_weekend.waarde), t.toeslag_weekend))
    for perceel, plaatsen in t.plaatsen_per_locatie.items():
        r.append(_regel(g, f"Plaatsen per locatie ({perceel})", getal(plaatsen.waarde), plaatsen))
    r.append(_regel(g, "Bezettingsgraad", procent(t.bezettingsgraad.waarde), t.bezettingsgraad))
    g = "Verblijf"
    r.append(_regel(g, "Per volwassen cliënt per week", euro(p.verblijf.per_volwassene_per_week.waarde),
                    p.verblijf.per_volwassene_per_week))
    r.append(_regel(g, "Per meekomend kind per week", euro(p.verblijf.per_kind_per_week.waarde),
                    p.verblijf.per_kind_per_week))
    g = "Maatwerk en nachtelijke ondersteuning"
    for product, tredes in p.maatwerk.items():
        for trede, waarde in tredes.items():
            r.append(_regel(g, f"{_productnaam(product, catalogus)} trede {trede} per week",
                            euro(waarde.waarde), waarde))
    return r


def _productnaam(code: str, catalogus: Catalogus | None) -> str:
    namen = {p.code: p.naam for p in catalogus.producten} if catalogus else {}
    return productnaam(code, namen)


def _verdeling(waarden: dict[str, Decimal], namen: dict[str, str] | None = None) -> str:
    namen = namen or {}
    return " / ".join(f"{procent(v)} {namen.get(k, k)}" for k, v in waarden.items())


@dataclass(frozen=True)
class Tariefbladweergave:
    blad: Tariefblad
    catalogus: Catalogus
    parameterregels: list[Parameterregel]

    @property
    def uurtarieven_volwassenen(self):
        return [self.blad.uurtarieven[("volwassenen", p)] for p in ("1", "2", "3")]

    @property
    def uurtarieven_jeugd(self):
        return [self.blad.uurtarieven[("jeugd", p)] for p in ("1", "2", "3")]

    @property
    def trede_tarieven(self):
        return sorted(self.blad.trede_tarieven.values(), key=lambda t: (t.perceel, t.trede))

    @property
    def maatwerk(self):
        """(product name, trede, amount per week), names from the catalogue."""
        return [(_productnaam(product, self.catalogus), trede, bedrag)
                for (product, trede), bedrag in sorted(self.blad.maatwerk.items())]

    @property
    def aannames(self) -> list[Parameterregel]:
        return [r for r in self.parameterregels if r.is_aanname]

    @property
    def pakketrijen(self):
        """Per perceel and pakket: hours (R4, R8, R9), tredes and the weekly budget of an example household
        of two participating adults with children (extramural or both in the facility)."""
        rijen = []
        b = self.blad
        for perceel in self.catalogus.percelen:
            for pk in perceel.pakketten:
                volw = 2 * rond(pk.uren_per_volwassene * b.uurtarief("volwassenen", pk.code))  # per adult line
                jeugd = rond(pk.uren_kinderen * b.uurtarief("jeugd", pk.code))
                tredes = []
                for product, trede in pk.tredes.items():
                    tredes.append(f"{self.catalogus.product(product).naam} trede {trede}")
                rijen.append({"perceel": perceel.naam, "pakket": pk.code, "uren_volwassene": pk.uren_per_volwassene,
                              "uren_kinderen": pk.uren_kinderen,
                              "totaal_uren": 2 * pk.uren_per_volwassene + pk.uren_kinderen,
                              "tredes": ", ".join(tredes) or "–", "begeleiding_per_week": volw + jeugd})
        return rijen


def maak_weergave(blad: Tariefblad, catalogus: Catalogus) -> Tariefbladweergave:
    return Tariefbladweergave(blad, catalogus, parameterregels(blad.parameters, catalogus))


def als_tekst(weergave: Tariefbladweergave, kop: str) -> str:
    """The plain-text tariff sheet for ``manage.py tariefblad``."""
    b = weergave.blad
    uit: list[str] = [kop, "=" * len(kop), ""]
    uit.append("Waar [Aanname] staat, is de waarde een aanname en nog geen vastgesteld tarief.")
    uit.append("")
    for titel, tarieven in (("Uurtarieven begeleiding volwassenen (Wmo, R15)", weergave.uurtarieven_volwassenen),
                            ("Uurtarieven begeleiding kinderen (Jeugdwet, R16)", weergave.uurtarieven_jeugd)):
        uit += [titel, "-" * len(titel)]
        for t in tarieven:
            onafgerond = str(round(t.onafgerond, 4)).replace(".", ",")
            uit.append(f"Pakket {t.pakket}: {euro(t.tarief)} per uur (onafgerond {onafgerond}; "
                       f"overhead {procent(t.overhead)})")
            for c in t.componenten:
                uit.append(
                    f"  {procent(c.aandeel):>7} {c.cao_naam} {c.schaal}: maandsalaris {euro(c.maandsalaris)}"
                    f" → jaarloon {euro(c.jaarloon)} → werkgeverskosten {euro(c.werkgeverskosten)}"
                    f" → kostprijs {euro(c.kostprijs_per_uur)}/uur → tarief {euro(c.tarief_per_uur)}/uur"
                )
        uit.append("")
    titel = "Uren per pakket en perceel (R4, R8, R9) en begeleiding voor twee volwassenen met kinderen"
    uit += [titel, "-" * len(titel)]
    for r in weergave.pakketrijen:
        uit.append(f"{r['perceel']} pakket {r['pakket']}: {getal(r['uren_volwassene'])} uur per volwassene, "
                   f"{getal(r['uren_kinderen'])} uur kinderen, totaal {getal(r['totaal_uren'])} uur; "
                   f"treden: {r['tredes']}; begeleiding {euro(r['begeleiding_per_week'])} per week")
    uit.append("")
    titel = "Treden semi-/intramuraal per cliënt per week (R10)"
    uit += [titel, "-" * len(titel)]
    for t in weergave.trede_tarieven:
        uit.append(f"{t.perceel} trede {t.trede}: ({t.diensturen_weekdagen} + {t.diensturen_weekend} weekend "
                   f"= {getal(t.gewogen_diensturen)} gewogen diensturen) → {euro(t.kosten_locatie_per_week)} per "
                   f"locatie ÷ {getal(t.plaatsen)} plaatsen = {euro(t.tarief_per_week)} per week")
    uit.append("")
    titel = "Verblijf (R9) en maatwerk per trede per week (R7)"
    uit += [titel, "-" * len(titel)]
    uit.append(f"Verblijf per volwassen cliënt: {euro(b.verblijf_volwassene)} per week")
    uit.append(f"Verblijf per meekomend kind: {euro(b.verblijf_kind)} per week")
    for product, trede, bedrag in weergave.maatwerk:
        uit.append(f"{product} trede {trede}: {euro(bedrag)} per week")
    uit.append("")
    titel = "Parameters"
    uit += [titel, "-" * len(titel)]
    groep = None
    for r in weergave.parameterregels:
        if r.groep != groep:
            groep = r.groep
            uit.append(f"{groep}:")
        uit.append(f"  {r.naam}: {r.waarde} [{r.label_tekst}] – {r.herkomst}")
    uit.append("")
    uit.append(f"Aannames: {len(weergave.aannames)} parameters zijn aannames (zie [Aanname] hierboven).")
    return "\n".join(uit)
