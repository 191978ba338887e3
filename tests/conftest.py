"""Shared fixtures: write outlines into a temporary folder and collect what the pipeline reports."""
from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from deckbuilder.audience import ResolvedDeck, resolve
from deckbuilder.errors import BuildError, Diagnostic, Diagnostics
from tests.samples import STORY


@pytest.fixture(scope="session", autouse=True)
def no_user_cache(tmp_path_factory: pytest.TempPathFactory):
    """Nothing in the test run, not even a module's or the session's fixtures, writes into the user's real cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DECKBUILDER_CACHE", str(tmp_path_factory.mktemp("session-cache")))
        yield


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps deckbuilder's cache in a temporary folder of its own."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("DECKBUILDER_CACHE", str(folder))
    return folder


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """write(name, text) puts a dedented UTF-8 file in tmp_path (the current folder) and returns its path.

    Working inside tmp_path makes diagnostics name files as users see them: 'story.yaml:3:5'."""
    monkeypatch.chdir(tmp_path)

    def _write(name: str, text: str | bytes = "") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def story(write) -> Path:
    """A valid story with five slides and the two audiences its only/except name (funders, commissioners)."""
    write("funders.yaml", "extends: story.yaml\n")
    write("commissioners.yaml", "extends: story.yaml\n")
    return write("story.yaml", STORY)


def _diags_of(path: Path) -> list[Diagnostic]:
    """Everything resolving the outline at `path` reports, whether collected or raised."""
    diags = Diagnostics()
    try:
        resolve(path, diags)
    except BuildError as exc:
        diags.extend(exc.diagnostics)
    return list(diags)


def _resolved(path: Path) -> ResolvedDeck:
    """The deck an outline resolves to, failing the test if anything is an error."""
    diags = Diagnostics()
    deck = resolve(path, diags)
    assert not diags.has_errors, "\n".join(str(d) for d in diags)
    return deck


def _raised(action: Callable[[], object]) -> list[Diagnostic]:
    """The diagnostics of the BuildError `action` raises (failing the test if it does not raise)."""
    with pytest.raises(BuildError) as caught:
        action()
    return caught.value.diagnostics


def _one(diags: list[Diagnostic], code: str | None = None) -> Diagnostic:
    """The single diagnostic (with `code`, if given), failing with the whole list otherwise."""
    found = [d for d in diags if code is None or d.code == code]
    assert len(found) == 1, "\n".join(str(d) for d in diags) or "no diagnostics"
    return found[0]


# The helpers as fixtures, so that test modules in any folder use them without importing conftest.
@pytest.fixture
def diags_of():
    return _diags_of


@pytest.fixture
def resolved():
    return _resolved


@pytest.fixture
def raised():
    return _raised


@pytest.fixture
def one():
    return _one


def pytest_collection_modifyitems(config, items) -> None:
    """Tests marked soffice are slow, and skipped with a reason where LibreOffice is not installed."""
    missing = shutil.which("soffice") is None and shutil.which("libreoffice") is None
    for item in items:
        if item.get_closest_marker("soffice"):
            item.add_marker(pytest.mark.slow)
            if missing:
                item.add_marker(pytest.mark.skip(reason="LibreOffice (soffice) is not installed"))


LO_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
LO_NAMES = ("Vivid", "Piano", "Midnightblue", "Vintage")


@pytest.fixture(scope="session")
def libreoffice_templates(tmp_path_factory) -> dict[str, Path]:
    """LibreOffice's own Impress templates (several masters each; Vintage is 4:3), saved as .pptx by LibreOffice."""
    if shutil.which("soffice") is None or not LO_TEMPLATES.is_dir():
        pytest.skip("LibreOffice and its templates are not installed")
    out = tmp_path_factory.mktemp("lo-templates")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{out}/profile", "--headless", "--convert-to", "pptx",
                    "--outdir", str(out), *(str(LO_TEMPLATES / f"{n}.otp") for n in LO_NAMES)],
                   check=True, capture_output=True, timeout=240)
    return {n: out / f"{n}.pptx" for n in LO_NAMES}
