"""Output models of the engine (re-exported from ``tarieven.engine``)."""

from . import Bedragen, Begroting, Regel

__all__ = ["Bedragen", "Begroting", "Regel"]
