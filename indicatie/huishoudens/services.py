"""Write path for household intake: one transaction per business action."""

from django.db import transaction

from .models import Gezinslid, Huishouden


@transaction.atomic
def sla_huishouden_op(*, user, huishouden_form, leden_formset) -> Huishouden:
    """Save a household with its members (create or edit). The forms have been validated."""
    huishouden: Huishouden = huishouden_form.save(commit=False)
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
                form.instance.delete()
            continue
        lid: Gezinslid = form.save(commit=False)
        lid.huishouden = huishouden
        lid.volgorde = volgorde
        volgorde += 1
        lid.save()
    return huishouden
