import pytest
from django.test import RequestFactory

from hgarr.web.doorsturen import veilige_terugweg


@pytest.mark.parametrize(
    "waarde, verwacht",
    [
        ("/huishoudens/?q=a", "/huishoudens/?q=a"),
        ('"><img src=x onerror=alert(1)>', "/standaard/"),  # would be taken for a URL name: a 500
        ("huishoudens:lijst", "/standaard/"),
        ("//elders.example/", "/standaard/"),
        ("https://elders.example/", "/standaard/"),
        ("", "/standaard/"),
        (None, "/standaard/"),
    ],
)
def test_alleen_paden_op_deze_site(waarde, verwacht):
    request = RequestFactory().get("/")
    assert veilige_terugweg(request, waarde, "/standaard/") == verwacht
