"""Which pydantic schema validates which kind of versioned table (pakketten.Tabelversie.soort)."""

from django.utils.module_loading import import_string
from pydantic import BaseModel

SCHEMAS = {
    "catalogus": "pakketten.catalogus.Catalogus",
    "beslistabel": "pakketten.beslistabel.Beslistabel",
}


def schema_voor(soort: str) -> type[BaseModel]:
    return import_string(SCHEMAS[soort])


def valideer(soort: str, data: dict) -> BaseModel:
    """Raises pydantic.ValidationError when ``data`` does not fit the schema of ``soort``."""
    return schema_voor(soort).model_validate(data)
