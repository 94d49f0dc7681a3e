"""Input models of the engine (re-exported from ``tarieven.engine``)."""

from . import Casus, Lid, Maatwerk, VrijeTrede, controleer, controleer_omgeving, standaard_einddatum

__all__ = ["Casus", "Lid", "Maatwerk", "VrijeTrede", "controleer", "controleer_omgeving", "standaard_einddatum"]
