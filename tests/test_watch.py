"""Watching: the files a build read, changes to them noticed by polling, and a rebuild after each change."""
from __future__ import annotations

import time
from pathlib import Path

from PIL import Image

from deckbuilder.api import Options, build
from deckbuilder.watch import Watcher

TALK = "deck: {title: Hope, theme: brand.yaml}\nslides:\n  - {id: a, layout: image-text, title: Today, image: sea}\n"
THEME = "name: Brand\ncolors: {primary: '#0F5C63'}\n"
REGISTER = "sea:\n  file: sea.png\n  alt: A calm blue sea.\n  author: Me\n  licence: LicenseRef-Own\n"
TIMEOUT_S = 10


def project(write) -> Path:
    """A talk with a theme file and one image from a register: everything a build reads."""
    write("pyproject.toml", "")  # marks the project root, so the register and image are inside it
    write("brand.yaml", THEME)
    write("assets/images.yaml", REGISTER)
    Image.new("RGB", (64, 48), (40, 90, 160)).save("assets/sea.png")
    return write("talk.yaml", TALK)


def test_a_build_reports_every_file_it_read(write):
    talk = project(write)
    [result] = build([talk], Options(write=False))
    assert result.ok, [str(d) for d in result.diagnostics]
    assert {p.resolve() for p in result.inputs} == {p.resolve() for p in (
        talk, Path("brand.yaml"), Path("assets/images.yaml"), Path("assets/sea.png"))}


def test_the_inputs_of_a_story_include_the_outlines_it_extends(story):
    [result] = build([Path("funders.yaml")], Options(write=False))
    outlines = [p.resolve() for p in result.inputs if p.name != "default.yaml"]
    assert outlines == [Path("funders.yaml").resolve(), story.resolve()]


def test_changes_additions_and_removals_are_noticed(write):
    write("story.yaml", "deck: {title: Hope}\n")
    watcher = Watcher([Path(".")])
    assert not watcher.changed()
    write("story.yaml", "deck: {title: Hope again}\n")
    assert watcher.changed() and not watcher.changed()
    write("funders.yaml", "extends: story.yaml\n")  # a new outline in a watched folder
    assert watcher.changed()
    Path("funders.yaml").unlink()
    assert watcher.changed()
    write("notes.txt", "not an outline")
    assert not watcher.changed()


def test_after_a_build_its_theme_register_and_images_are_watched(write):
    talk = project(write)
    watcher = Watcher([talk])
    watcher.follow(build([talk], Options(write=False)), {})
    assert {p.name for p in watcher.paths()} == {"talk.yaml", "brand.yaml", "images.yaml", "sea.png"}
    for change in (lambda: write("brand.yaml", THEME + "footer: Hope\n"),
                   lambda: Image.new("RGB", (64, 50), (0, 0, 0)).save("assets/sea.png"),
                   lambda: write("assets/images.yaml", REGISTER + "  title: The sea\n")):
        change()
        assert watcher.changed()


def test_a_failed_build_keeps_watching_what_the_last_good_one_read(write):
    talk = project(write)
    watcher = Watcher([talk])
    watcher.follow(build([talk], Options(write=False)), {})
    write("talk.yaml", "deck: {title: Hope\n")  # unreadable: the build stops before the theme
    [failed] = build([talk], Options(write=False))
    assert not failed.ok
    watcher.follow([failed], {})
    assert {p.name for p in watcher.paths()} == {"talk.yaml", "brand.yaml", "images.yaml", "sea.png"}


def test_run_rebuilds_after_each_change_and_goes_on_after_an_error(write, tmp_path):
    talk = write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Today}\n")
    edits = [lambda: write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, titel: T}\n"),
             lambda: write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Now}\n")]
    builds: list[list] = []
    deadline = time.monotonic() + TIMEOUT_S

    def stop() -> bool:
        if edits and len(builds) == 3 - len(edits):  # the previous edit was built: make the next
            edits.pop(0)()
        return len(builds) == 3 or time.monotonic() > deadline

    Watcher([talk], interval=0.05).run(lambda: build([talk], Options(out=tmp_path / "out")), stop, builds.append)
    assert [[r.ok for r in results] for results in builds] == [[True], [False], [True]]
    assert [d.code for d in builds[1][0].diagnostics] == ["unknown-field"]
    assert (tmp_path / "out" / "talk.pptx").is_file()


def test_run_stops_when_asked_without_building_again(write):
    talk = write("talk.yaml", "deck: {title: Hope}\nslides:\n  - {id: a, layout: section, title: Today}\n")
    builds: list = []
    Watcher([talk], interval=0.01).run(lambda: build([talk], Options(write=False)), lambda: True, builds.append)
    assert len(builds) == 1
