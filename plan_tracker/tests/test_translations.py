"""The translation catalogues stay complete.

The project's gettext source strings are Vietnamese; locale/en (and notifications/locale/en) give
their English. locale/vi is the other direction: Vietnamese for the English strings of third-party
packages (django-import-export, django-simple-history, django-filter, django-axes) and for the gaps in Django's
own Vietnamese catalogues. See README, Translations.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from plan_tracker.i18n import BASE_DIR, catalogues
from testing.tools import require_tool

# The command of README, Translations (and its ignores), run by the template-coverage test.
MAKEMESSAGES_EN = ["makemessages", "-l", "en", "--ignore", ".venv/*", "--ignore", "*/tests/*",
                   "--ignore", "browser_tests/*"]
THIRD_PARTY = ["import_export", "simple_history", "django_filters", "axes"]

# Placeholders that must survive translation: %(name)s, %s/%d, %%, {}/{name}, {{ name }}.
NAMED = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|\{\{\s*\w+\s*\}\}|\{[A-Za-z_]\w*\}")
POSITIONAL = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifrxX%]|\{\}")


def placeholders(text, percent=True):
    """The placeholders of a string; "%" ones only where gettext flagged the entry python-format."""
    named = {token for token in NAMED.findall(text) if percent or not token.startswith("%")}
    stripped = NAMED.sub("", text)
    return named, Counter(t for t in POSITIONAL.findall(stripped) if percent or not t.startswith("%"))


def entry_key(entry):
    return (entry.msgctxt, entry.msgid)


def where(entry):
    places = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r} ({places or 'no source'})"


def project_catalogues():
    return [path.relative_to(BASE_DIR).as_posix() for path in catalogues()]


def test_the_project_has_the_expected_catalogues():
    found = set(project_catalogues())
    assert {
        "locale/en/LC_MESSAGES/django.po",
        "locale/vi/LC_MESSAGES/django.po",
        "locale/vi/LC_MESSAGES/djangojs.po",
        "notifications/locale/en/LC_MESSAGES/django.po",
    } <= found


@pytest.mark.parametrize("relpath", project_catalogues())
def test_every_entry_of_the_catalogue_is_translated_and_none_is_fuzzy(relpath):
    catalogue = polib.pofile(str(BASE_DIR / relpath))
    assert len(catalogue.translated_entries()) > 0
    untranslated = [where(e) for e in catalogue.untranslated_entries()]
    fuzzy = [where(e) for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"{relpath}: {len(untranslated)} untranslated:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{relpath}: {len(fuzzy)} fuzzy (check them, then drop the flag):\n" + "\n".join(fuzzy)
    assert not catalogue.metadata_is_fuzzy, f"{relpath}: the header is marked fuzzy"


@pytest.mark.parametrize("relpath", project_catalogues())
def test_placeholders_are_kept_in_every_translation(relpath):
    catalogue = polib.pofile(str(BASE_DIR / relpath))
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata["Plural-Forms"]).group(1))
    wrong = []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            forms = [(entry.msgstr_plural[i], entry.msgid if i == 0 and nplurals > 1 else entry.msgid_plural)
                     for i in range(nplurals)]
        else:
            forms = [(entry.msgstr, entry.msgid)]
        percent = "python-format" in entry.flags
        for translation, source in forms:
            if placeholders(translation, percent) != placeholders(source, percent):
                wrong.append(f"{where(entry)} -> {translation!r}")
            elif percent:
                # A stray "%" would make the translation crash where the source works.
                positional = placeholders(source)[1]
                names = {m.group(1) for m in re.finditer(r"%\(([^)]+)\)", source)}
                try:
                    if names:
                        translation % dict.fromkeys(names, 1)
                    else:
                        translation % tuple([1] * (sum(positional.values()) - positional["%%"]))
                except (TypeError, ValueError, KeyError) as error:
                    wrong.append(f"{where(entry)} -> {translation!r}: {error}")
    assert not wrong, f"{relpath}: placeholders differ from the source:\n" + "\n".join(wrong)


def test_english_plurals_have_both_forms():
    for relpath in project_catalogues():
        catalogue = polib.pofile(str(BASE_DIR / relpath))
        if catalogue.metadata.get("Language") != "en":
            continue
        assert catalogue.metadata["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n!=1);"
        for entry in catalogue:
            if entry.msgid_plural:
                assert entry.msgstr_plural.get(0) and entry.msgstr_plural.get(1), where(entry)


def test_the_vietnamese_catalogue_only_holds_english_source_strings():
    """Catches an accidental `makemessages -l vi`: it adds the project's Vietnamese msgids here."""
    catalogue = polib.pofile(str(BASE_DIR / "locale/vi/LC_MESSAGES/django.po"))
    vietnamese = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
    pulled_in = [where(e) for e in catalogue if vietnamese.search(e.msgid)]
    assert not pulled_in, "Vietnamese msgids in locale/vi (was makemessages -l vi run?):\n" + "\n".join(pulled_in[:20])
    assert "DO NOT run `manage.py makemessages -l vi`" in catalogue.header


# --- Checks that extract strings from the sources: they need GNU gettext (xgettext, msgmerge).

def require_gettext():
    """makemessages runs xgettext, msguniq, msgmerge and msgattrib: skip without them, fail in CI."""
    require_tool("xgettext", "msguniq", "msgmerge", "msgattrib", install="GNU gettext: apt-get install gettext")


def copy_tree(src, dst):
    skip = {".venv", ".git", "__pycache__", ".pytest_cache", "media", ".test-media", "staticfiles",
            "screenshots", "node_modules"}
    shutil.copytree(src, dst, ignore=lambda d, names: [n for n in names if n in skip or n.endswith((".mo", ".pyc"))
                                                      or n.startswith("db.sqlite3")])


def run_django(args, cwd, settings_module=None):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    if settings_module:
        env["DJANGO_SETTINGS_MODULE"] = settings_module
    return subprocess.run([sys.executable, "-m", "django", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_makemessages_finds_no_string_left_untranslated(tmp_path):
    """A string added to a template or module but not to the English catalogue fails here, with its place."""
    require_gettext()
    tree = tmp_path / "tree"
    copy_tree(BASE_DIR, tree)
    result = run_django(MAKEMESSAGES_EN, cwd=tree, settings_module="plan_tracker.settings")
    assert result.returncode == 0, result.stderr
    catalogues_en = sorted(tree.glob("**/locale/en/LC_MESSAGES/django.po"))
    assert tree / "locale/en/LC_MESSAGES/django.po" in catalogues_en
    problems = []
    for path in catalogues_en:
        catalogue = polib.pofile(str(path))
        relpath = path.relative_to(tree).as_posix()
        problems += [f"{relpath}: untranslated {where(e)}" for e in catalogue.untranslated_entries()]
        problems += [f"{relpath}: fuzzy {where(e)}" for e in catalogue.fuzzy_entries()]
    assert not problems, (
        "Strings without English: run makemessages -l en (README, Translations) and translate them:\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize("package", THIRD_PARTY)
def test_every_string_of_the_third_party_packages_has_vietnamese(tmp_path, package):
    """After an upgrade of django-import-export, simple-history, django-filter or django-axes, new strings show here."""
    require_gettext()
    import importlib

    source = Path(importlib.import_module(package).__file__).parent
    copy = tmp_path / package
    copy_tree(source, copy)
    shutil.rmtree(copy / "locale", ignore_errors=True)
    (copy / "locale").mkdir()  # makemessages writes next to the sources, never into the project
    result = run_django(["makemessages", "-l", "vi"], cwd=copy)
    assert result.returncode == 0, result.stderr
    extracted = polib.pofile(str(copy / "locale/vi/LC_MESSAGES/django.po"))
    assert len(extracted) > 10

    known = {entry_key(e) for e in polib.pofile(str(BASE_DIR / "locale/vi/LC_MESSAGES/django.po")).translated_entries()}
    django_dir = Path(importlib.import_module("django").__file__).parent
    for po in django_dir.glob("**/locale/vi/LC_MESSAGES/django.po"):
        known |= {entry_key(e) for e in polib.pofile(str(po)).translated_entries()}
    missing = [where(e) for e in extracted if entry_key(e) not in known]
    assert not missing, f"{package}: strings with no Vietnamese; add them to locale/vi by hand:\n" + "\n".join(missing)


# --- Pages as people see them.

def visible_text(response):
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_language_switcher_sets_english(client, seed):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    text = visible_text(client.get("/", follow=True))
    assert "Skip to content" in text and "Bỏ qua, tới nội dung" not in text


def test_home_page_in_english_shows_english_navigation_and_d_m_y_dates(admin_client, seed):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = admin_client.get("/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    text = visible_text(response)
    for english_word in ("Home", "Tasks", "Agencies", "Plans", "Reports", "Sign out", "Language"):
        assert english_word in text
    for vietnamese_word in ("Trang chủ", "Đăng xuất", "Ngôn ngữ", "Tra cứu"):
        assert vietnamese_word not in text
    assert re.search(r"today is \d{2}/\d{2}/\d{4}\.", text)


def test_plan_page_in_english_keeps_the_plan_text_and_d_m_y_dates(english, seed):
    from tasks.models import Plan

    plan = Plan.objects.get(number="151/KH-UBND")
    text = visible_text(english.get(plan.get_absolute_url()))
    assert "Issue date" in text and "Ngày ban hành" not in text
    assert "14/09/2023" in text  # d/m/Y, not "Sept. 14, 2023"
    assert "Sept." not in text and "September" not in text
    assert "before 15/11 every year" in text
    # Data is not translated: the plan's own words stay Vietnamese.
    assert "Sở Thông tin và Truyền thông" in text


def test_the_same_pages_stay_vietnamese_by_default(admin_client, seed):
    text = visible_text(admin_client.get("/"))
    assert "Trang chủ" in text and "Đăng xuất" in text
    assert "Sign out" not in text


def test_admin_import_page_shows_import_export_strings_in_vietnamese(admin_client, seed):
    text = visible_text(admin_client.get("/admin/tasks/task/import/"))
    for vietnamese in ("Nhập từ tệp", "Các trường sau sẽ được nhập", "Tệp cần nhập", "Định dạng"):
        assert vietnamese in text
    for english_word in ("This importer will import", "File to import", "Format:"):
        assert english_word not in text


def test_admin_import_page_in_english_keeps_the_library_strings(admin_client, seed):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = visible_text(admin_client.get("/admin/tasks/task/import/"))
    assert "This importer will import the following fields" in text and "File to import" in text


def test_admin_history_page_shows_simple_history_strings_in_vietnamese(admin_client, seed):
    from tasks.models import Task

    task = Task.objects.order_by("pk").first()
    task.title += " (sửa)"
    task.save()
    text = visible_text(admin_client.get(reverse("admin:tasks_task_history", args=[task.pk])))
    for vietnamese in ("Chọn một thời điểm trong danh sách dưới đây", "Người thay đổi", "Lý do thay đổi", "Lịch sử"):
        assert vietnamese in text
    for english_word in ("Choose a date from the list", "Changed by", "Change reason"):
        assert english_word not in text


@pytest.mark.parametrize("relpath", project_catalogues())
def test_the_compiled_catalogue_matches_its_po_file(relpath):
    """Django reads the .mo files: a stale one shows old or missing translations."""
    po_path = BASE_DIR / relpath
    mo_path = po_path.with_suffix(".mo")
    hint = "run `python -m plan_tracker.i18n` (make does it)"
    assert mo_path.exists(), f"{mo_path.relative_to(BASE_DIR)} is missing: {hint}"
    compiled = {entry_key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path)) if e.msgid}
    source = {entry_key(e): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(po_path)).translated_entries()}
    assert compiled == source, f"{mo_path.relative_to(BASE_DIR)} is out of date: {hint}"
