"""The app's own XSD copies are byte-identical to the reference (SOURCES.md) and load."""

import hashlib

import pytest

from indicatie.toewijzingen.bericht import Wet
from indicatie.toewijzingen.regels import XSD_MAP, schema

HASHES = {
    "iwmo-3.2/WMO301.xsd": "c47ddc3d66cd4304eeed93d4a7f8c9e976ee0638353eb9567dfbd82f3c04522e",
    "iwmo-3.2/basisschema.xsd": "d03278f3b022f6ad1f56941dd20f3b1ca5172d5363f8a177ed6be3c93d6a2c9d",
    "ijw-3.2/JW301.xsd": "957ab89576e421730748aa286605711d0ab2585b39a48711c878b1d48965cfdb",
    "ijw-3.2/basisschema.xsd": "ac3c1b11d274a89be68cedf12b83a3dfd640c3654bed79b7204d8b9ce7298ed9",
}


@pytest.mark.parametrize("pad,verwacht", HASHES.items())
def test_xsd_kopie_is_byte_identiek(pad, verwacht):
    assert hashlib.sha256((XSD_MAP / pad).read_bytes()).hexdigest() == verwacht


@pytest.mark.parametrize("wet", list(Wet))
def test_schema_laadt_met_lxml(wet):
    assert schema(wet) is not None


@pytest.mark.parametrize("wet", list(Wet))
def test_schema_laadt_met_xmlschema(wet):
    import xmlschema

    from indicatie.toewijzingen.regels import SCHEMA_BESTANDEN

    xsd = xmlschema.XMLSchema(str(SCHEMA_BESTANDEN[wet]))
    assert "Bericht" in {el.local_name for el in xsd.elements.values()}
