"""Every command through the CLI runner, on the story-of-hope decks: output, files written and exit codes."""
from __future__ import annotations

import _thread
import csv
import io
import json
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import jsonschema
import pytest
import yaml
from PIL import Image
from pptx import Presentation
from typer.testing import CliRunner

from deckbuilder.api import Options, build
from deckbuilder.cli import EXIT_CHECK, EXIT_INPUT, EXIT_OK, app
from deckbuilder.layout.text import Measurer

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "decks" / "story-of-hope"
AUDIENCES = ["commissioners", "funders", "politicians"]
TIMEOUT_S = 10
COMMANDS = ["build", "check", "preview", "credits", "layouts", "schema", "new", "diff", "watch", "assets add",
            "cache path", "cache clear", "explain", "pull"]


def run(*args: str, **kw):
    return CliRunner().invoke(app, [str(a) for a in args], **kw)


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """Run in an empty temporary folder, so nothing (not even the image cache) is written into the project."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- build ---------------------------------------------------------------------------------------------------


def test_build_writes_one_deck_per_audience_in_order(here):
    result = run("build", STORY, "--out", "out")
    assert result.exit_code == EXIT_OK, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"built out/story-of-hope-{a}.pptx" for a in AUDIENCES]
    assert all(" 0 warning(s), talk ≈ " in line for line in lines)
    for audience in AUDIENCES:
        assert (here / "out" / f"story-of-hope-{audience}.pptx").read_bytes()[:2] == b"PK"


def test_parallel_builds_give_the_decks_of_one_by_one_in_order_with_progress(here):
    calls: list[tuple[int, int]] = []
    parallel = build([STORY], Options(write=False), progress=lambda done, total: calls.append((done, total)))
    in_turn = build([STORY], Options(write=False), Measurer())  # given a measurer: one after the other
    assert [r.name for r in parallel] == [r.name for r in in_turn] == [f"story-of-hope-{a}" for a in AUDIENCES]
    assert [r.data for r in parallel] == [r.data for r in in_turn]
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_build_one_audience_as_json(here):
    result = run("build", STORY, "--audience", "funders", "--out", "out", "--format", "json")
    assert result.exit_code == EXIT_OK
    [report] = json.loads(result.stdout)
    assert (report["deck"], report["output"], report["diagnostics"]) == \
        ("story-of-hope-funders", "out/story-of-hope-funders.pptx", [])


def test_build_of_a_deck_that_breaks_a_licence_rule_exits_1(here):
    shutil.copytree(STORY, "decks/story-of-hope")
    Path("decks/story-of-hope/funders.yaml").write_text("extends: story.yaml\ndeck: {use: fundraising}\n"
                                                 "slides: [why-not-babies]\n", encoding="utf-8")
    shutil.copytree(ROOT / "assets", "assets")
    result = run("build", "decks/story-of-hope/funders.yaml", "--out", "out")
    assert result.exit_code == EXIT_CHECK, result.output
    assert "error[noncommercial]" in result.stderr and "held-hands" in result.stderr
    assert not Path("out/story-of-hope-funders.pptx").exists()


def test_build_draft_shows_pictures_whose_credits_are_todo_marked_and_says_draft(here):
    shutil.copytree(ROOT / "assets", "assets")
    register = Path("assets/images.yaml")
    entries = yaml.safe_load(register.read_text(encoding="utf-8"))
    entries["held-hands"].update(author="TODO", licence="TODO: the credit line read 'Photo: Jane'")
    register.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")
    Path("talk.yaml").write_text("deck: {title: Talk}\nslides:\n  - {layout: image, title: Hands, image: held-hands}\n"
                                 "  - {layout: image, title: Balloons, image: balloons}\n", encoding="utf-8")
    refused = run("build", "talk.yaml", "--out", "out")
    assert refused.exit_code == EXIT_INPUT and "error[todo]" in refused.stderr
    result = run("build", "talk.yaml", "--out", "out", "--draft")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr.count("warning[credit-needed]") == 1 and "image 'held-hands': author, licence" in \
        result.stderr
    prs = Presentation("out/talk.pptx")
    assert prs.core_properties.title == "DRAFT: Talk" and "DRAFT" in prs.core_properties.keywords
    marks = [[s.text_frame.text for s in slide.shapes if s.name == "Credit needed"] for slide in prs.slides]
    assert marks[:2] == [["Credit needed"], []]  # on the picture still TODO only
    assert any("credit needed (still TODO in the image register)" in s.text_frame.text
               for s in prs.slides[0].shapes if s.has_text_frame)


# --- check ---------------------------------------------------------------------------------------------------


def test_check_passes_every_story_of_hope_deck_and_writes_nothing(here):
    result = run("check", STORY)
    assert result.exit_code == EXIT_OK
    assert result.stdout.splitlines() == [
        "ok story-of-hope-commissioners: 14 slides, 0 error(s), 0 warning(s)",
        "ok story-of-hope-funders: 14 slides, 0 error(s), 0 warning(s)",
        "ok story-of-hope-politicians: 16 slides, 0 error(s), 0 warning(s)",
    ]
    assert not list(here.glob("**/*.pptx"))


def test_check_as_json_and_strict(here):
    result = run("check", STORY, "--audience", "funders", "--format", "json", "--strict")
    assert result.exit_code == EXIT_OK
    assert [(r["deck"], r["output"], r["diagnostics"]) for r in json.loads(result.stdout)] == \
        [("story-of-hope-funders", None, [])]


def test_strict_fails_on_a_warning(here):
    Path("brand.yaml").write_text("name: Brand\ncolors: {primary: '#0F5C63'}\nfonts: {heading: Papyrus, body: "
                                  "Papyrus}\n", encoding="utf-8")
    Path("talk.yaml").write_text("deck: {title: Hope, theme: brand.yaml}\nslides:\n  - {layout: section, title: "
                                 "Today}\n", encoding="utf-8")
    relaxed, strict = run("check", "talk.yaml"), run("check", "talk.yaml", "--strict", "--format", "json")
    assert (relaxed.exit_code, strict.exit_code) == (EXIT_OK, EXIT_CHECK)
    assert "warning[font-not-measured]" in relaxed.stderr
    assert {d["code"] for d in json.loads(strict.stdout)[0]["diagnostics"]} == {"font-not-measured"}


@pytest.mark.soffice
def test_check_with_libreoffice_rendering(here):
    result = run("check", STORY, "--audience", "funders", "--render")
    assert result.exit_code == EXIT_OK, result.output
    assert result.stdout == "ok story-of-hope-funders: 14 slides, 0 error(s), 0 warning(s)\n"


# --- preview -------------------------------------------------------------------------------------------------


@pytest.mark.soffice
def test_preview_writes_a_pdf_a_png_per_slide_and_a_contact_sheet(here):
    result = run("preview", STORY, "--audience", "politicians", "--out", "shown")
    assert result.exit_code == EXIT_OK, result.output
    folder = Path("shown/story-of-hope-politicians")
    slides = len(Presentation("shown/story-of-hope-politicians.pptx").slides)
    pngs = sorted(folder.glob("story-of-hope-politicians-[0-9][0-9].png"))
    assert len(pngs) == slides and slides > 10
    assert (folder / "story-of-hope-politicians.pdf").read_bytes()[:5] == b"%PDF-"
    with Image.open(folder / "story-of-hope-politicians-sheet.png") as sheet:
        assert sheet.width > 1000
    assert result.stdout == (f"previewed story-of-hope-politicians: {slides} slide PNGs in {folder}/, contact "
                             f"sheet {folder}/story-of-hope-politicians-sheet.png, PDF "
                             f"{folder}/story-of-hope-politicians.pdf\n")


def test_preview_without_libreoffice_says_how_to_install_it(here):
    (here / "bin").mkdir()
    result = run("preview", STORY, "--out", "shown", env={"PATH": str(here / "bin")})
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == ("error: LibreOffice (soffice) is not installed; install it with: "
                             "apt-get install -y libreoffice-impress\n")
    assert not Path("shown").exists()  # nothing built before saying so


# --- credits, layouts, schema --------------------------------------------------------------------------------


def test_credits_in_every_format(here):
    outline = STORY / "funders.yaml"
    table, markdown, comma, data = (run("credits", outline, "--format", fmt) for fmt in
                                    ("table", "markdown", "csv", "json"))
    assert {table.exit_code, markdown.exit_code, comma.exit_code, data.exit_code} == {EXIT_OK}
    rows = json.loads(data.stdout)
    assert [(r["deck"], r["image"]) for r in rows] == [("story-of-hope-funders", key) for key in
                                                       ("hope-logo", "together", "balloons")]
    assert [r["image"] for r in csv.DictReader(io.StringIO(comma.stdout))] == ["hope-logo", "together", "balloons"]
    assert table.stdout.splitlines()[0].split() == ["deck", "image", "credit"]
    assert "“Balloons rising” by deckbuilder contributors is licensed under CC BY-ND 4.0" in table.stdout
    assert "[CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/)" in markdown.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_credits_of_a_folder_is_one_table_with_a_deck_column(here, fmt):
    result = run("credits", STORY, "--format", fmt)
    assert result.exit_code == EXIT_OK
    decks = [f"story-of-hope-{a}" for a in AUDIENCES for _ in range(3)]
    if fmt == "csv":
        assert result.stdout.count("deck,image,credit,links,notes") == 1  # one header row
        assert [r["deck"] for r in csv.DictReader(io.StringIO(result.stdout))] == decks
    elif fmt == "json":
        assert [r["deck"] for r in json.loads(result.stdout)] == decks
    else:
        lines = result.stdout.splitlines()
        header, rows = (lines[0], lines[2:]) if fmt == "markdown" else (lines[0], lines[1:])
        assert header.replace("|", " ").split()[:3] == ["deck", "image", "credit"]
        assert [row.strip("| ").split()[0] for row in rows] == decks


def test_credits_help_says_what_it_does_and_a_wrong_format_is_refused(here):
    assert "one table of the image credits" in " ".join(run("credits", "--help").stdout.split())
    wrong = run("credits", STORY, "--format", "xlsx")
    assert (wrong.exit_code, wrong.stderr) == (EXIT_INPUT, "error: no format 'xlsx' (hint: choose one of: table, "
                                                           "markdown, csv, json)\n")


def test_layouts_lists_every_layout_or_one():
    every, chart, wrong = run("layouts"), run("layouts", "chart"), run("layouts", "chrat")
    assert every.exit_code == chart.exit_code == EXIT_OK
    for name in ("title", "bullets", "stat", "chart", "steps", "credits"):
        assert f"\n{name}\n" in f"\n{every.stdout}"
    assert chart.stdout.startswith("chart\n") and "\nbullets\n" not in chart.stdout
    assert wrong.exit_code == EXIT_INPUT and "no layout 'chrat'" in wrong.stderr


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as editors' YAML servers do: 2023-11-23 stays text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def schema_of(kind: str) -> dict:
    result = run("schema", kind)
    assert result.exit_code == EXIT_OK
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def errors(schema: dict, path: Path) -> list[str]:
    document = yaml.load(path.read_text(encoding="utf-8"), Yaml12Loader)
    return [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(document)]


@pytest.mark.parametrize("outline", ["story.yaml", *(f"{a}.yaml" for a in AUDIENCES)])
def test_the_outline_schema_validates_the_story_of_hope_outlines(outline):
    assert errors(schema_of("outline"), STORY / outline) == []


def test_the_outline_schema_catches_a_misspelt_layout(here):
    Path("bad.yaml").write_text("deck: {title: x}\nslides:\n  - {id: a, layout: bulets, title: T}\n")
    assert errors(schema_of("outline"), Path("bad.yaml"))


def test_the_theme_and_register_schemas_validate_the_sample_files():
    assert errors(schema_of("theme"), ROOT / "assets" / "brand" / "theme.yaml") == []
    assert errors(schema_of("register"), ROOT / "assets" / "images.yaml") == []


def test_an_unknown_schema():
    result = run("schema", "slides")
    assert result.exit_code == EXIT_INPUT
    assert result.stderr == "error: no schema 'slides'; choose one of: outline, theme, register\n"


# --- new, assets add -----------------------------------------------------------------------------------------


def test_new_scaffolds_a_story_that_builds(here):
    made = run("new", "my-talk", "--audiences", "politicians,funders")
    assert made.exit_code == EXIT_OK
    assert made.stdout.splitlines() == ["created my-talk/story.yaml", "created my-talk/politicians.yaml",
                                        "created my-talk/funders.yaml", "next: deckbuilder build my-talk"]
    built = run("build", "my-talk", "--out", "out")
    assert built.exit_code == EXIT_OK, built.output
    assert sorted(p.name for p in Path("out").glob("*.pptx")) == ["my-talk-funders.pptx", "my-talk-politicians.pptx"]


def test_assets_add_starts_a_register_entry(here):
    Path("assets/photos").mkdir(parents=True)
    Path("assets/images.yaml").write_text("# The image register\n", encoding="utf-8")
    Image.new("RGB", (60, 40), (200, 120, 40)).save("assets/photos/harbour.jpg")
    result = run("assets", "add", "assets/photos/harbour.jpg", "--key", "harbour-dawn")
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith("Added 'harbour-dawn' to assets/images.yaml (file: photos/harbour.jpg)\n")
    entry = yaml.safe_load(Path("assets/images.yaml").read_text(encoding="utf-8"))["harbour-dawn"]
    assert entry["file"] == "photos/harbour.jpg" and entry["licence"] == "TODO"


# --- diff ----------------------------------------------------------------------------------------------------


def test_diff_shows_how_the_funders_deck_is_tailored(here):
    result = run("diff", STORY / "politicians.yaml", STORY / "funders.yaml")
    assert result.exit_code == EXIT_OK
    text = result.stdout
    assert text.startswith("A: story-of-hope-politicians\nB: story-of-hope-funders\n")
    assert "  use: “public” → “fundraising”\n" in text
    assert "slides only in B (6):\n  updated-story\n" in text
    assert "  need-400: text: “We need 400 teams, not 40” → “We need 400 not 40!”\n" in text
    assert "  babies-numbers: stats: only in A: “60,000 babies leave hospital each year and live in fear, or…”" in text


def test_diff_as_json(here):
    result = run("diff", STORY / "politicians.yaml", STORY / "funders.yaml", "--format", "json")
    assert result.exit_code == EXIT_OK
    data = json.loads(result.stdout)
    assert data["same"] is False and data["moved"] == [{"slide": "conferences", "a": 12, "b": 7}]
    assert {"slide": "babies-numbers", "field": "stats", "only_b": [],
            "only_a": ["60,000 babies leave hospital each year and live in fear, or terror"]} in data["items"]


def test_diff_of_a_deck_with_itself(here):
    result = run("diff", STORY / "funders.yaml", STORY / "funders.yaml")
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (EXIT_OK, "no differences")


def test_diff_of_bad_input_exits_2(here):
    Path("bad.yaml").write_text("extends: story.yaml\n", encoding="utf-8")
    missing = run("diff", STORY / "funders.yaml", "nope.yaml")
    broken = run("diff", "bad.yaml", STORY / "funders.yaml")
    assert missing.exit_code == broken.exit_code == EXIT_INPUT
    assert missing.stderr.startswith("nope.yaml: error[file-not-found]")
    assert broken.stderr.startswith("bad.yaml:1:10: error[file-not-found]")


# --- watch ---------------------------------------------------------------------------------------------------

TALK = "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: %s}\n"


def printed() -> str:
    """What the command running in the CLI runner has printed so far (read from another thread)."""
    try:
        return sys.stdout.buffer.getvalue().decode()
    except (AttributeError, ValueError):  # not (or no longer) the runner's output
        return ""


def interrupt_when(ready) -> threading.Thread:
    """A thread that presses Ctrl-C once ready() is true, or after TIMEOUT_S."""
    def wait() -> None:
        deadline = time.monotonic() + TIMEOUT_S
        try:
            while not ready() and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            _thread.interrupt_main()

    thread = threading.Thread(target=wait)
    thread.start()
    return thread


@pytest.mark.slow
def test_watch_rebuilds_after_a_change_until_interrupted(here):
    Path("talk.yaml").write_text(TALK % "Today", encoding="utf-8")

    def rebuilt() -> bool:
        if printed().count("watching") == 1 and "Today" in Path("talk.yaml").read_text(encoding="utf-8"):
            Path("talk.yaml").write_text(TALK % "Tomorrow", encoding="utf-8")
        return printed().count("watching") == 2

    helper = interrupt_when(rebuilt)
    result = run("watch", "talk.yaml", "--out", "out")
    helper.join()
    assert result.exit_code == EXIT_OK
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["built out/talk.pptx", "watching 2 files (Ctrl-C to stop)",
                                                      "built out/talk.pptx", "watching 2 files (Ctrl-C to stop)",
                                                      "stopped watching"]  # 2 files: the outline and the theme
    assert Presentation("out/talk.pptx").slides[0].shapes.title.text == "Tomorrow"


@pytest.mark.slow
def test_watch_in_a_real_process_reports_an_error_keeps_going_and_stops_on_ctrl_c(here):
    Path("talk.yaml").write_text(TALK % "Today", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "deckbuilder", "watch", "talk.yaml", "--out", "out"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()

    def until_watching() -> list[str]:
        seen = []
        while not seen or not seen[-1].startswith("watching"):
            seen.append(lines.get(timeout=TIMEOUT_S).rstrip("\n"))
        return seen

    try:
        assert until_watching()[0].startswith("built out/talk.pptx")
        Path("talk.yaml").write_text((TALK % "Today").replace("title: Today", "titel: Today"), encoding="utf-8")
        broken = until_watching()
        assert broken[0].startswith("talk.yaml:3:30: error[unknown-field]")
        assert broken[1] == "failed talk.yaml: 1 error(s), no deck written"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=TIMEOUT_S) == EXIT_OK
        assert lines.get(timeout=TIMEOUT_S) == "stopped watching\n"
    finally:
        proc.kill()


@pytest.mark.soffice
def test_watch_preview_renders_after_a_good_build(here):
    Path("talk.yaml").write_text(TALK % "Today", encoding="utf-8")
    helper = interrupt_when(lambda: "watching" in printed())
    result = run("watch", "talk.yaml", "--out", "out", "--preview")
    helper.join()
    assert result.exit_code == EXIT_OK
    assert "previewed talk: 1 slide PNGs in out/preview/talk/" in result.stdout
    assert Path("out/preview/talk/talk-01.png").is_file() and Path("out/preview/talk/talk.pdf").is_file()


@pytest.mark.soffice
def test_watch_preview_needs_libreoffice_and_says_so_at_once(here):
    (here / "bin").mkdir()
    Path("talk.yaml").write_text(TALK % "Today", encoding="utf-8")
    result = run("watch", "talk.yaml", "--preview", env={"PATH": str(here / "bin")})
    assert result.exit_code == EXIT_INPUT and "apt-get install -y libreoffice-impress" in result.stderr


# --- pull ----------------------------------------------------------------------------------------------------


@pytest.fixture
def edited_deck(here) -> Path:
    """A copy of the project, its politicians deck built and its third slide's title edited."""
    for folder in ("decks", "assets"):
        shutil.copytree(ROOT / folder, here / folder)
    (here / "pyproject.toml").write_text("")
    assert run("build", "decks/story-of-hope", "--audience", "politicians").exit_code == EXIT_OK
    prs = Presentation(str(here / "build" / "story-of-hope-politicians.pptx"))
    prs.slides[2].shapes.title.text_frame.paragraphs[0].runs[0].text = "Babies suffer now"
    prs.save(str(here / "edited.pptx"))
    return here / "edited.pptx"


def test_pull_shows_the_diff_and_where_each_change_went_then_writes_it(edited_deck):
    outline = edited_deck.parent / "decks" / "story-of-hope" / "politicians.yaml"
    before = outline.read_text()
    dry = run("pull", edited_deck, "--dry-run")
    assert dry.exit_code == EXIT_OK and outline.read_text() == before
    assert "+  - use: babies-suffering\n+    title: Babies suffer now\n" in dry.stdout
    assert "slide 3: title 'Babies are suffering now and need help' → 'Babies suffer now' (decks/story-of-hope/" \
           "politicians.yaml, use: babies-suffering)\ndry run: nothing written\n" in dry.stdout
    done = run("pull", edited_deck)
    assert done.exit_code == EXIT_OK and done.stdout.endswith(
        "wrote decks/story-of-hope/politicians.yaml; build again to see the deck\n")
    assert "title: Babies suffer now" in outline.read_text()


def test_pull_refuses_a_foreign_deck_in_one_line_and_an_unknown_target(here):
    Presentation().save(str(here / "foreign.pptx"))
    result = run("pull", "foreign.pptx")
    assert result.exit_code == EXIT_INPUT and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("foreign.pptx: error[pull-foreign-deck]: foreign.pptx was not built by deckbuilder")
    wrong = run("pull", "foreign.pptx", "--to", "everyone")
    assert wrong.exit_code == EXIT_INPUT and wrong.stderr.startswith("error: --to everyone: choose audience or story")


# --- help ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run(*command.split(), "--help")
    assert result.exit_code == EXIT_OK
    assert "Example" in result.stdout and f"deckbuilder {command} " in result.stdout


def test_the_main_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == EXIT_OK and "Example" in result.stdout
    for command in COMMANDS:
        assert f"  {command.split()[0]} " in result.stdout


def test_help_loads_none_of_the_build_machinery():
    script = ("import sys\nfrom deckbuilder.cli import main\nsys.argv = ['deckbuilder', '--help']\ntry:\n    main()\n"
              "except SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)")
    loaded = set(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True).stderr.split())
    assert not {m for m in loaded if m.split(".")[0] in ("pptx", "lxml", "PIL", "yaml", "uharfbuzz", "pydantic")
                or m.startswith(("deckbuilder.api", "deckbuilder.layout", "deckbuilder.render"))}
