"""The zh-Hans and Greek catalogs are complete, compiled, and up to date with the sources.

A string added to a template or to Python without `make messages`, a msgid left untranslated
or fuzzy, or a .po not compiled to its .mo: each fails here, saying what to run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("zh_Hans", "el")
HOW = (
    "Run `make messages` (makemessages, then scripts/translations.py fills the catalogs, then "
    "compilemessages) and add each missing translation to a table in scripts/i18n/ "
    "(T = {msgid: (Simplified Chinese, Greek)}), then commit locale/."
)
# The arguments `make messages` gives makemessages (Makefile).
MAKEMESSAGES = [
    "makemessages", "-l", "zh_Hans", "-l", "el", "--ignore", ".venv/*", "--ignore", "bench/*",
    "--ignore", "steward/*/tests/*", "--ignore", "test-artifacts/*", "--ignore", "scripts/*",
]  # fmt: skip


def _po(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _msgids(catalog: Catalog) -> set[str]:
    return {_key(m.id) for m in catalog if m.id}


def _key(msgid: object) -> str:
    return str(msgid[0] if isinstance(msgid, (tuple, list)) else msgid)


def _strings(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (str(value),)


def incomplete(catalog: Catalog) -> tuple[list[str], list[str]]:
    """(untranslated, fuzzy) msgids, as msgfmt --statistics counts them."""
    untranslated, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        msgid = str(message.id[0] if isinstance(message.id, tuple) else message.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            fuzzy.append(msgid)
        elif not all(strings):
            untranslated.append(msgid)
    return untranslated, fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language: str) -> None:
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    untranslated, fuzzy = incomplete(_po(path))
    assert not untranslated and not fuzzy, (
        f"{path.relative_to(ROOT)}: {len(untranslated)} untranslated {untranslated[:20]}, "
        f"{len(fuzzy)} fuzzy {fuzzy[:20]}. {HOW}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_holds_every_translation(language: str) -> None:
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as f:
        compiled = {_key(m.id): _strings(m.string) for m in read_mo(f)}
    source = _po(folder / "django.po")
    stale = [_key(m.id) for m in source if m.id and compiled.get(_key(m.id)) != _strings(m.string)]
    assert not stale, (
        f"{folder.relative_to(ROOT)}/django.mo is older than its .po: {stale[:10]}. {HOW}"
    )


def test_a_fuzzy_or_empty_entry_is_caught() -> None:
    catalog = Catalog(locale="el")
    catalog.add("Time and scope", "Χρόνος και εύρος")
    catalog.add("Stop timer", "")
    catalog.add("Start timer", "Έναρξη", flags=["fuzzy"])
    catalog.add(("%(n)s entry", "%(n)s entries"), ("%(n)s καταγραφή", ""))
    assert incomplete(catalog) == (["Stop timer", "%(n)s entry"], ["Start timer"])


@pytest.mark.slow
def test_the_catalogs_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    # makemessages into a copy of the tree's locale/: the sources are linked, not copied, and
    # the copy is merged as `make messages` would merge it.
    for name in ("steward", "templates", "manage.py"):
        (tmp_path / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    subprocess.run(
        [sys.executable, "manage.py", *MAKEMESSAGES, "--symlinks"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        po = Path("locale") / language / "LC_MESSAGES" / "django.po"
        fresh, committed = _msgids(_po(tmp_path / po)), _msgids(_po(ROOT / po))
        missing, gone = sorted(fresh - committed), sorted(committed - fresh)
        assert not missing and not gone, (
            f"{po} is out of date with the sources: new strings {missing[:20]}, strings no "
            f"longer used {gone[:20]}. {HOW}"
        )
