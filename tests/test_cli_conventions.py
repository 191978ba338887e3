"""What a command-line user expects, through the CLI runner: --version, file modes, where the cache lives,
a default target, shell completion."""
from __future__ import annotations

import os
import shutil
import stat
from importlib.metadata import version
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from deckbuilder.cli import EXIT_INPUT, EXIT_OK, app

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "decks" / "story-of-hope"
DECKS = ["story-of-hope-commissioners.pptx", "story-of-hope-funders.pptx", "story-of-hope-politicians.pptx"]


def run(*args, **kw):
    return CliRunner().invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def project(here) -> Path:
    """A copy of the sample project: decks/ and assets/."""
    shutil.copytree(ROOT / "decks", here / "decks")
    shutil.copytree(ROOT / "assets", here / "assets")
    return here


@pytest.fixture
def umask():
    """umask(value) sets the process umask for the test; the old one comes back after it."""
    before = os.umask(0o022)
    yield os.umask
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_version_prints_the_installed_version():
    result = run("--version")
    assert (result.exit_code, result.stdout) == (EXIT_OK, f"deckbuilder {version('deckbuilder')}\n")


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_built_deck_gets_the_mode_the_umask_gives(here, umask, mask, expected):
    umask(mask)
    result = run("build", STORY / "funders.yaml", "--out", "out")
    assert result.exit_code == EXIT_OK, result.output
    assert oct(mode(here / "out" / "story-of-hope-funders.pptx")) == oct(expected)


def test_a_rebuilt_deck_gets_the_umask_mode_too(here, umask):
    Path("out").mkdir()
    Path("out/story-of-hope-funders.pptx").write_bytes(b"an old deck")
    os.chmod("out/story-of-hope-funders.pptx", 0o600)
    assert run("build", STORY / "funders.yaml", "--out", "out").exit_code == EXIT_OK
    assert oct(mode(here / "out" / "story-of-hope-funders.pptx")) == oct(0o644)


def test_the_register_assets_add_writes_gets_the_umask_mode(here, umask):
    Path("assets/photos").mkdir(parents=True)
    Image.new("RGB", (60, 40), (200, 120, 40)).save("assets/photos/harbour.jpg")
    assert run("assets", "add", "assets/photos/harbour.jpg").exit_code == EXIT_OK
    assert oct(mode(here / "assets" / "images.yaml")) == oct(0o644)


def test_only_the_decks_are_written_to_the_output_folder(here, private_cache):
    result = run("build", STORY, "--out", "out")
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in (here / "out").rglob("*")) == DECKS
    assert list(private_cache.rglob("measured-widths.json")) and list(private_cache.rglob("images/*.jpg"))


def test_check_writes_nothing_into_the_project(here):
    assert run("check", STORY).exit_code == EXIT_OK
    assert list(here.iterdir()) == []


@pytest.mark.soffice
def test_with_pdf_the_output_folder_holds_the_deck_and_its_pdf_with_the_umask_mode(here, umask):
    result = run("build", STORY, "--audience", "funders", "--out", "out", "--pdf")
    assert result.exit_code == EXIT_OK, result.output
    assert sorted(p.name for p in (here / "out").rglob("*")) == ["story-of-hope-funders.pdf",
                                                                  "story-of-hope-funders.pptx"]
    assert {oct(mode(p)) for p in (here / "out").iterdir()} == {oct(0o644)}


@pytest.mark.slow  # every deck of the sample project
def test_build_with_no_path_builds_every_deck_in_decks_and_says_so(project):
    result = run("build")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr == "no path given: building every deck in decks/\n"
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == \
        ["built build/gallery.pptx", *(f"built build/{deck}" for deck in DECKS)]
    assert sorted(p.name for p in (project / "build").iterdir()) == ["gallery.pptx", *DECKS]


@pytest.mark.slow  # every deck of the sample project
def test_check_with_no_path_checks_every_deck_in_decks(project):
    result = run("check")
    assert result.exit_code == EXIT_OK, result.output
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == \
        ["ok gallery", "ok story-of-hope-commissioners", "ok story-of-hope-funders", "ok story-of-hope-politicians"]


def test_build_with_no_path_outside_a_project_is_a_usage_error(here):
    result = run("build")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith("error: no path given, and there is no decks/ folder here (hint: give an "
                                    "outline or a folder of outlines")
    assert not (here / "build").exists()


def test_the_cache_lives_in_the_user_cache_folder_one_per_project(project, private_cache):
    shown = run("cache", "path")
    assert shown.exit_code == EXIT_OK
    folder = Path(shown.stdout.strip())
    assert folder.parent == private_cache and folder.name.startswith(f"{project.name}-")
    assert run("cache", "path", "decks/story-of-hope").stdout == shown.stdout  # any path inside the project
    assert run("cache", "path", ROOT).stdout != shown.stdout  # another project, another folder


def test_the_cache_option_moves_the_cache(here):
    result = run("build", STORY / "funders.yaml", "--out", "out", "--cache", "elsewhere")
    assert result.exit_code == EXIT_OK
    assert list(Path("elsewhere").rglob("measured-widths.json"))
    assert run("cache", "path", "--cache", "elsewhere").stdout.startswith(str(Path("elsewhere") / here.name))


def test_cache_clear_empties_the_cache_and_the_next_build_is_the_same(project):
    assert run("build", "decks/story-of-hope/funders.yaml", "--out", "out").exit_code == EXIT_OK
    first = (project / "out" / "story-of-hope-funders.pptx").read_bytes()
    folder = Path(run("cache", "path").stdout.strip())
    assert list(folder.rglob("*.jpg"))
    cleared = run("cache", "clear")
    assert cleared.exit_code == EXIT_OK
    assert cleared.stdout.startswith(f"cleared {folder}: ") and cleared.stdout.endswith(" file(s) removed\n")
    assert not folder.exists()
    assert run("cache", "clear").stdout == f"the cache {folder} is already empty\n"
    again = run("build", "decks/story-of-hope/funders.yaml", "--out", "out")
    assert again.exit_code == EXIT_OK, again.output
    assert (project / "out" / "story-of-hope-funders.pptx").read_bytes() == first
    assert list(folder.rglob("*.jpg"))


def test_shell_completion_is_offered():
    assert "--install-completion" in run("--help").stdout
    script = run("--show-completion", "bash", prog_name="deckbuilder")
    assert script.exit_code == EXIT_OK and "_DECKBUILDER_COMPLETE=complete_bash" in script.stdout


def test_modules_load_with_the_collector_paused_and_it_runs_again_after():
    import gc

    from deckbuilder.cli.loading import loading

    seen = []
    try:
        with pytest.raises(ImportError), loading():
            seen.append(gc.isenabled())
            import deckbuilder.no_such_module  # noqa: F401
        assert seen == [False] and gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
