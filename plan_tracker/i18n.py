"""Compile the project's gettext catalogues (.po -> .mo) in pure Python.

Django's compilemessages needs GNU msgfmt, which a fresh machine lacks; polib does the same job, so
`make run` and `make test` compile the catalogues with `python -m plan_tracker.i18n`. The .mo files
are build output (git-ignored). Fuzzy entries are left out, as msgfmt does.
"""

import sys
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parent.parent


def catalogues():
    """Every django.po of the project (locale/ and each app's locale/), outside the virtualenv."""
    for po in sorted(BASE_DIR.glob("**/locale/*/LC_MESSAGES/*.po")):
        if ".venv" not in po.parts and "site-packages" not in po.parts:
            yield po


def compile_all(verbose=True):
    for po_path in catalogues():
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue.fuzzy_entries():
            catalogue.remove(entry)
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        if verbose:
            print(f"compiled {po_path.relative_to(BASE_DIR)}: {len(catalogue.translated_entries())} messages")


if __name__ == "__main__":
    compile_all(verbose="-q" not in sys.argv)
