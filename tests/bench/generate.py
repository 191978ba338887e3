"""Generated outlines of any length: a deterministic mix of text slide kinds with varied, realistic text."""
from __future__ import annotations

import random
from pathlib import Path

import yaml

KINDS = ("bullets", "stat", "statement", "columns", "quote", "checklist", "chart", "steps")
CHARTS = ("bar", "column", "pie", "doughnut", "line")

WORDS = """
babies parents families health visitors midwives teams services commissioners funding evidence support
relationship infant mental early help local areas councils hospitals nurses workforce training outcomes
children communities partners research savings prevention intervention attachment development brain
school readiness learning childcare protection levelling policy strategy report programme referrals
waiting lists therapists psychologists clinicians practitioners volunteers charities networks budgets
every year months weeks together sooner better stronger safer healthier long-term short-term local
national regional specialist universal targeted perinatal postnatal antenatal wellbeing trauma stress
anxiety depression bonding play sleep feeding language confidence trust relationships caregivers fathers
mothers grandparents homes neighbourhoods evidence-based cost-effective data impact measured reported
""".split()
LINKS = "and to for with in of across through because so that which when while after before".split()
NAMES = ("Amara Okafor", "Rhys Pritchard", "Zofia Nowak", "Siobhan Gallagher", "Imran Siddiqui", "Élodie Martin",
         "Gareth Hughes", "Priya Raman", "Tomasz Wiśniewski", "Hannah Whitfield")
ROLES = ("Director of Public Health", "Health Visitor", "Parent and volunteer", "Consultant Psychologist",
         "Chief Executive, a local charity", "Commissioner, Integrated Care Board")
VALUES = ("10%", "60,000", "£3.5m", "39", "400", "1 in 5", "72%", "£100m", "14", "2,400", "£1.20", "27")

THEME = """\
name: Bench
colors: {primary: "#0F5C63", secondary: "#7A2E5C", accent: "#C2410C", background: "#FFFFFF",
         text: "#1F2933", muted: "#5B6770", surface: "#F5EFE7"}
fonts: {heading: Calibri, body: Calibri}
footer: "A generated deck · benchmark"
slide_numbers: true
"""


class Writer:
    """Random but reproducible text: phrases, sentences and numbers built from a realistic vocabulary."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def phrase(self, low: int, high: int) -> str:
        words = []
        for i in range(self.rng.randint(low, high)):
            pool = LINKS if i and i % 3 == 2 and self.rng.random() < 0.6 else WORDS
            words.append(self.rng.choice(pool))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def sentences(self, count: int) -> str:
        return " ".join(self.phrase(6, 16) + "." for _ in range(count))

    def number(self) -> float:
        return round(self.rng.uniform(5, 400), 1)


def slide(kind: str, index: int, w: Writer) -> dict:
    """One slide of the given kind, with an id and speaker notes."""
    body = MAKERS[kind](w)
    return {"id": f"s{index:04d}", "layout": kind, **body, "notes": w.sentences(w.rng.randint(2, 4))}


def _bullets(w: Writer) -> dict:
    return {"title": w.phrase(3, 8), "bullets": [w.phrase(5, 11) for _ in range(w.rng.randint(3, 5))]}


def _stat(w: Writer) -> dict:
    stats = [{"value": w.rng.choice(VALUES), "label": w.phrase(4, 8).lower()} for _ in range(w.rng.randint(1, 3))]
    return {"title": w.phrase(3, 7), "stats": stats}


def _statement(w: Writer) -> dict:
    body = {"text": w.phrase(4, 8)}
    if w.rng.random() < 0.5:
        body["subtitle"] = w.phrase(6, 12)
    return body


def _columns(w: Writer) -> dict:
    columns = [{"heading": w.phrase(2, 3), "bullets": [w.phrase(2, 5) for _ in range(w.rng.randint(2, 3))]}
               for _ in range(w.rng.randint(2, 3))]
    return {"title": w.phrase(3, 5), "columns": columns}


def _quote(w: Writer) -> dict:
    by = w.rng.choice(NAMES)
    return {"title": f"{by} on {w.phrase(2, 4).lower()}", "text": w.phrase(12, 28), "by": by,
            "role": w.rng.choice(ROLES)}


def _checklist(w: Writer) -> dict:
    items = [{"text": w.phrase(4, 9), "done": w.rng.random() < 0.7} for _ in range(w.rng.randint(3, 6))]
    return {"title": w.phrase(2, 6), "items": items}


def _chart(w: Writer) -> dict:
    kind = w.rng.choice(CHARTS)
    categories = [w.phrase(1, 3) for _ in range(w.rng.randint(3, 6))]
    count = 1 if kind in ("pie", "doughnut") else w.rng.randint(1, 2)
    series = [{"name": w.phrase(1, 3), "values": [w.number() for _ in categories]} for _ in range(count)]
    return {"title": w.phrase(3, 8), "chart": {"type": kind, "categories": categories, "series": series},
            "source": w.phrase(5, 10)}


def _steps(w: Writer) -> dict:
    steps = [{"title": w.phrase(2, 4), "text": w.phrase(5, 10)} for _ in range(w.rng.randint(3, 5))]
    return {"title": w.phrase(3, 7), "steps": steps}


MAKERS = {"bullets": _bullets, "stat": _stat, "statement": _statement, "columns": _columns, "quote": _quote,
          "checklist": _checklist, "chart": _chart, "steps": _steps}


def outline(slides: int, seed: int = 1) -> dict:
    """An outline of `slides` slides cycling through KINDS (the credits slide is not added: no images)."""
    w = Writer(seed)
    return {
        "deck": {"title": f"A generated deck of {slides} slides", "subtitle": "Benchmark", "theme": "theme.yaml",
                 "date": "2024-01-15", "presenter": {"name": "Bench Mark"}, "credits": {"slide": False}},
        "slides": [slide(KINDS[i % len(KINDS)], i, w) for i in range(slides)],
    }


def write_outline(folder: Path, slides: int, seed: int = 1) -> Path:
    """Write `bench-<slides>.yaml` and its theme into `folder`; return the outline's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.yaml").write_text(THEME, encoding="utf-8")
    path = folder / f"bench-{slides}.yaml"
    path.write_text(yaml.safe_dump(outline(slides, seed), sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")
    return path
