"""The task and agency lists' cache keys (portal.fragments.canonical_query, page_number): what the filters mean and
the page shown, never the query string as typed. A parameter the form does not know, or another spelling of one
value, reads the entry already there (a signed-in user must not bypass the cache nor fill Redis with ?x=1, ?x=2…);
different filters never share an entry. Both backends."""

import re
import unicodedata

import pytest
from django.urls import reverse

from portal import agencies as agency_views
from portal import fragments
from portal import views
from reports import cache as figures_cache
from testing.cache_backends import backend_fixture

backend = backend_fixture()

TASKS, AGENCIES = reverse("portal:task-list"), reverse("portal:agency-list")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture
def renders(monkeypatch):
    """The bodies rendered (a cached body is not): the templates' names, in order."""
    names = []
    real = fragments.rendered

    def counted(template, context):
        names.append(template)
        return real(template, context)

    monkeypatch.setattr(fragments, "rendered", counted)
    return names


def page(client, address):
    """The page's main part (the header around it links back to the address as requested: the language form)."""
    response = client.get(address)
    assert response.status_code == 200, address
    html = CSRF.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())
    return html[html.index("<main"):html.index("</main>")]


def titles(html):
    return re.findall(r'<article class="task-card">\s*<h3><a href="[^"]*" lang="vi">[^ ]+\. ([^<]+)</a>', html)


NFD = unicodedata.normalize("NFD", "truyền thông")


@pytest.mark.parametrize("variants", [
    [f"{TASKS}?agency=so-tu-phap", f"{TASKS}?agency=so-tu-phap&x=1", f"{TASKS}?x=2&agency=so-tu-phap&y=",
     f"{TASKS}?agency=so-tu-phap&page=1", f"{TASKS}?agency=so-tu-phap&page=abc", f"{TASKS}?agency=so-tu-phap&page=999",
     f"{TASKS}?agency=so-tu-phap&q=&plan=&overdue=false"],
    [f"{TASKS}?q=truy%E1%BB%81n+th%C3%B4ng", f"{TASKS}?q=++truy%E1%BB%81n+th%C3%B4ng+", f"{TASKS}?q={NFD}",
     f"{TASKS}?q=truy%E1%BB%81n+th%C3%B4ng&junk=%E1%BB%9F"],
    [f"{TASKS}?due_within=30&overdue=on", f"{TASKS}?due_within=30.0&overdue=true", f"{TASKS}?overdue=1&due_within=030"],
    [f"{TASKS}", f"{TASKS}?x=1", f"{TASKS}?page=2", f"{TASKS}?sort="],
    [f"{AGENCIES}?q=so", f"{AGENCIES}?q=so&x=1", f"{AGENCIES}?q=+so+&kind=", f"{AGENCIES}?kind=&q=so&page=7"],
    [f"{AGENCIES}", f"{AGENCIES}?x=1", f"{AGENCIES}?page=-1", f"{AGENCIES}?q="],
], ids=["agency", "text", "deadlines", "none", "agency search", "agencies"])
def test_a_junk_parameter_or_another_spelling_reads_the_same_entry(client, viewer, world, renders, variants):
    first = page(client, variants[0])
    assert len(renders) == 1
    for address in variants[1:]:
        assert page(client, address) == first, address
    assert len(renders) == 1, renders  # one body rendered, every other request read it


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "TASKS_PER_PAGE", 2)
    monkeypatch.setattr(agency_views, "AGENCIES_PER_PAGE", 1)


def test_a_page_past_the_end_is_the_last_page_and_shares_its_entry(client, viewer, world, renders, small_pages):
    last = page(client, f"{TASKS}?page=3")  # 6 tasks, 2 a page
    assert titles(last) == ["Rà soát văn bản", "TRUYỀN THÔNG trên mạng xã hội"] and "Trang 3/3" in last
    assert page(client, f"{TASKS}?page=999") == last and page(client, f"{TASKS}?page=0") == last
    assert page(client, f"{TASKS}?page=abc") == page(client, f"{TASKS}?page=1") != last
    assert len(renders) == 2
    assert page(client, f"{AGENCIES}?page=999") == page(client, f"{AGENCIES}?page=3")  # 3 agencies, 1 a page
    assert len(renders) == 3


def test_the_body_shows_the_canonical_query_never_what_was_typed(client, viewer, world, small_pages):
    """The first request's junk never reaches the page of the next one (the same entry): the links hold the
    filters the body was rendered for, in one spelling."""
    html = page(client, f"{TASKS}?zz=evil&timeframe=+deadline+&sort=deadline&overdue=")
    assert "evil" not in html and "zz=" not in html
    assert 'href="?sort=deadline&amp;timeframe=deadline&amp;page=2"' in html
    html = page(client, f"{TASKS}?zz=evil&due_within=0400.0")
    assert "evil" not in html and 'value="400"' in html
    html = page(client, f"{TASKS}?zz=evil&q=+{NFD}+")
    assert "evil" not in html and 'value="truyền thông"' in html


def test_different_filters_never_share_an_entry(client, viewer, world, small_pages):
    """Each address rendered afresh (every generation moved), then all read back from the cache: each shows its own
    rows."""
    addresses = {
        f"{TASKS}?agency=so-tu-phap": ["Tổ chức truyền thông chính sách về pháp luật mới", "Bố trí cán bộ đầu mối"],
        f"{TASKS}?agency=so-tu-phap&page=2": ["Rà soát văn bản"],
        f"{TASKS}?agency=so-noi-vu": ["Phổ biến pháp luật", "Bố trí cán bộ đầu mối"],
        f"{TASKS}?agency=so-tu-phap&role=lead": ["Tổ chức truyền thông chính sách về pháp luật mới", "Rà soát văn bản"],
        f"{TASKS}?agency=so-tu-phap&sort=deadline": ["Rà soát văn bản", "Bố trí cán bộ đầu mối"],
        f"{TASKS}?q=truy%E1%BB%81n+th%C3%B4ng": ["Tổ chức truyền thông chính sách về pháp luật mới",
                                                 "TRUYỀN THÔNG trên mạng xã hội"],
        f"{TASKS}?overdue=on": ["Bố trí cán bộ đầu mối"],
        f"{TASKS}?due_within=30": ["Hướng dẫn vị trí việc làm"],
        f"{TASKS}?plan={world.plan_b.pk}": ["TRUYỀN THÔNG trên mạng xã hội"],
        f"{TASKS}?section={world.s2.pk}": ["Bố trí cán bộ đầu mối", "Hướng dẫn vị trí việc làm"],
        f"{TASKS}?timeframe=annual": ["Phổ biến pháp luật"],
        f"{TASKS}?page=2": ["Bố trí cán bộ đầu mối", "Hướng dẫn vị trí việc làm"],
    }
    fresh = {}
    for address in addresses:
        figures_cache.bump_everything()
        fresh[address] = page(client, address)
    for address, expected in addresses.items():
        html = page(client, address)
        assert html == fresh[address], address
        assert titles(html) == expected, address
    agencies = {f"{AGENCIES}?q=noi": "Sở Nội vụ", f"{AGENCIES}?q=tu+phap": "Sở Tư pháp",
                f"{AGENCIES}?kind=district": "UBND huyện Việt Yên", f"{AGENCIES}?page=2": "Sở Tư pháp"}
    for address in agencies:
        figures_cache.bump_everything()
        fresh[address] = page(client, address)
    for address, name in agencies.items():
        html = page(client, address)
        assert html == fresh[address] and re.findall(r"<td[^>]*><a [^>]*>([^<]+)</a>", html)[:1] == [name], address


def test_an_invalid_value_has_its_own_entry_and_its_message(client, viewer, world, renders):
    one = page(client, f"{TASKS}?agency=khong-co&x=1")
    two = page(client, f"{TASKS}?agency=khac-nua")
    assert "khong-co" in one and "khac-nua" not in one and "khac-nua" in two
    assert page(client, f"{TASKS}?agency=+khong-co+&y=2") == one
    assert len(renders) == 2


@pytest.mark.parametrize("address, name", [(TASKS, "tasks"), (AGENCIES, "agencies")])
def test_a_count_read_before_a_change_never_files_its_body_under_the_newer_data(client, viewer, world, monkeypatch,
                                                                                address, name):
    """The count and the body are read in two steps: when a change lands between them, the body paginated with the
    older count must not be the entry every later reader gets."""
    client.force_login(viewer)
    real = fragments.page_number
    stale = {"once": True}

    def count_read_before_the_change(list_name, parts, count, per_page, requested, today=None):
        total, number = real(list_name, parts, count, per_page, requested, today)
        if stale.pop("once", False):
            return total + 7, number  # what the count was before the change
        return total, number

    monkeypatch.setattr(fragments, "page_number", count_read_before_the_change)
    first = page(client, address)
    second = page(client, address)
    assert second != first
    monkeypatch.setattr(fragments, "page_number", real)
    assert page(client, address) == second


def test_agency_suggestions_are_searched_once_for_the_same_words_and_follow_a_new_agency(client, viewer, world,
                                                                                          django_assert_num_queries):
    from testing.factories import make_agency

    client.force_login(viewer)
    suggest = reverse("portal:suggest")
    first = client.get(suggest, {"q": "so tu"}).json()
    assert any(r["code"] == "so-tu-phap" for r in first["results"])
    with django_assert_num_queries(3):  # the user, once per request: the same words (as the search reads them) are one entry
        for typed in ("Sở Tư", "tu  so", "SO TU so"):
            assert client.get(suggest, {"q": typed}).json() == first
    make_agency(code="so-tu-lieu-thu", name="Sở Tư liệu thử", kind="department")
    again = client.get(suggest, {"q": "so tu"}).json()
    assert any(r["code"] == "so-tu-lieu-thu" for r in again["results"])
    assert client.get(suggest, {"q": "ubnd"}).json() != again  # other words, their own entry
