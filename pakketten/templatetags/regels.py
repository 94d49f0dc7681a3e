"""Where a proposal's rule comes from, in the municipality's own documents.

The rule IDs (R2, R18, ...) are the design guide's shorthand; on screen a professional needs the
passage of the seed documents to check it, and "R2" would read as the Jeugd result area R2."""

from django import template

register = template.Library()

B1 = "Bijlage 1"
B3 = "Bijlage 3"

BRONNEN = {
    "R1": f"{B1} §1.2",
    "R2": f"{B1} §1.4",
    "R3": f"{B3} §3.1–3.2",
    "R11": f"{B3} §3.2",
    "R13": f"{B3} §3.1",
    "R18": f"{B1} §1.5, {B3} §2",
    "R19": f"{B1} §1.2",
    "R20": f"{B1} §1.2",
}


@register.filter
def regelbron(regel: str) -> str:
    """The source passage of a rule ID, or an empty string for an unknown one."""
    return BRONNEN.get(str(regel).strip(), "")
