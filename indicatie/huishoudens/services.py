"""Write path for household intake: one transaction per business action."""

from django.apps import apps
from django.db import transaction
from django.db.models import ProtectedError, Q

from .models import Gezinslid, Huishouden


class LedenNietVerwijderbaar(Exception):
    """Members marked for removal that other records still need; nothing has been written."""

    def __init__(self, fouten: dict[int, str]):
        super().__init__(" ".join(fouten.values()))
        self.fouten = fouten  # {gezinslid pk: Dutch message for the field}


def melding_niet_verwijderbaar(lid: Gezinslid) -> str:
    return (
        f"{lid.volledige_naam} kan niet worden verwijderd: er zijn indicaties of beschikkingen voor deze persoon. "
        "Zet 'doet mee' uit als deze persoon niet meer deelneemt; wat is vastgelegd blijft zo bewaard."
    )


def niet_verwijderbare_leden(huishouden: Huishouden, lid_ids) -> set[int]:
    """The members among ``lid_ids`` that a letter or an indication version refers to.

    Letters point at members with a protected foreign key; a version names its members in a JSON
    snapshot (``Indicatieversie.leden``), which the database does not guard, so it is read here.
    Removing such a member would break a decided letter or the recomputation of a version (DESIGN §3).
    """
    ids = {int(i) for i in lid_ids if i}
    if not ids or huishouden.pk is None:
        return set()
    Beschikking = apps.get_model("beschikkingen", "Beschikking")
    Indicatieversie = apps.get_model("indicaties", "Indicatieversie")
    geblokkeerd: set[int] = set()
    for client_id, geadresseerde_id in Beschikking.objects.filter(
        Q(client_id__in=ids) | Q(geadresseerde_id__in=ids)
    ).values_list("client_id", "geadresseerde_id"):
        geblokkeerd |= {client_id, geadresseerde_id} & ids
    for leden in Indicatieversie.objects.filter(indicatie__huishouden=huishouden).values_list("leden", flat=True):
        geblokkeerd |= {lid.get("gezinslid_id") for lid in leden or [] if isinstance(lid, dict)} & ids
    return geblokkeerd


@transaction.atomic
def sla_huishouden_op(*, user, huishouden_form, leden_formset) -> Huishouden:
    """Save a household with its members (create or edit). The forms have been validated.

    Raises LedenNietVerwijderbaar, before anything is written, when a member marked for removal
    still has indications or letters.
    """
    te_verwijderen = [
        form.instance
        for form in leden_formset.forms
        if form.instance.pk and leden_formset.can_delete and leden_formset._should_delete_form(form)
    ]
    huishouden: Huishouden = huishouden_form.instance
    geblokkeerd = niet_verwijderbare_leden(huishouden, [lid.pk for lid in te_verwijderen])
    if geblokkeerd:
        raise LedenNietVerwijderbaar(
            {lid.pk: melding_niet_verwijderbaar(lid) for lid in te_verwijderen if lid.pk in geblokkeerd}
        )
    huishouden = huishouden_form.save(commit=False)
    if huishouden.pk is None:
        huishouden.team_id = user.team_id
        huishouden.aangemaakt_door = user
    huishouden.save()
    leden_formset.instance = huishouden
    volgorde = 0
    for form in leden_formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if leden_formset.can_delete and leden_formset._should_delete_form(form):
            if form.instance.pk:
                lid = form.instance
                try:
                    # A savepoint, so a record added since the check above leaves the transaction usable.
                    with transaction.atomic():
                        lid.delete()
                except ProtectedError:
                    raise LedenNietVerwijderbaar({lid.pk: melding_niet_verwijderbaar(lid)}) from None
            continue
        lid: Gezinslid = form.save(commit=False)
        lid.huishouden = huishouden
        lid.volgorde = volgorde
        volgorde += 1
        lid.save()
    return huishouden
