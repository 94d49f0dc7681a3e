"""The roles of DESIGN.md §1, as Django groups created by a migration."""

from enum import StrEnum


class Rol(StrEnum):
    INDICATIESTELLER = "indicatiesteller"
    CASUSREGISSEUR = "casusregisseur"
    BESLISSER = "beslisser"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder"
    PRIVACYFUNCTIONARIS = "privacyfunctionaris"


ROL_LABELS = {
    Rol.INDICATIESTELLER: "Indicatiesteller",
    Rol.CASUSREGISSEUR: "Casusregisseur",
    Rol.BESLISSER: "Beslisser",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
    Rol.PRIVACYFUNCTIONARIS: "Privacyfunctionaris",
}

# Roles that work with case files. A functioneel beheerder sees configuration, not case files.
CASUS_ROLLEN = frozenset({Rol.INDICATIESTELLER, Rol.CASUSREGISSEUR, Rol.BESLISSER})
