"""Builds the error summary shown at the top of a form from forms and formsets."""

from django.forms import BaseFormSet


def foutoverzicht(*items) -> list[dict]:
    regels: list[dict] = []
    for item in items:
        if isinstance(item, BaseFormSet):
            for error in item.non_form_errors():
                regels.append({"id": f"{item.prefix}-rijen", "label": "Gezinsleden", "message": error})
            for nummer, form in enumerate(item.forms, start=1):
                regels.extend(_form_regels(form, f"Gezinslid {nummer}"))
        else:
            regels.extend(_form_regels(item, ""))
    return regels


def _form_regels(form, voorvoegsel: str) -> list[dict]:
    if not form.is_bound or not form.errors:
        return []
    regels = []
    for error in form.non_field_errors():
        regels.append({"id": form.prefix or "inhoud", "label": voorvoegsel or "Formulier", "message": error})
    for name, errors in form.errors.items():
        if name == "__all__" or name not in form.fields:
            continue
        label = form.fields[name].label or name
        for error in errors:
            regels.append({
                "id": form[name].id_for_label or form[name].auto_id,
                "label": f"{voorvoegsel} – {label}" if voorvoegsel else label,
                "message": error,
            })
    return regels
