"""A hand-made deck in the style of the seed talk, written with python-pptx the way PowerPoint users make them:
placeholders, loose text boxes, a picture with PowerPoint's credit box, a chart, a table, a group, SmartArt,
a video, animations, notes. Nothing here is written by deckbuilder."""
from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

ROOT = Path(__file__).resolve().parents[2]
PHOTO = ROOT / "assets" / "photos" / "held-hands.jpg"
BALLOONS = ROOT / "assets" / "photos" / "balloons.jpg"
SOURCE_PAGE = "https://www.flickr.com/photos/example/5550000"
DEED = "https://creativecommons.org/licenses/by-nc/3.0/"
ALT = "A baby's small hand resting in a parent's open hand"

TITLE_SLIDE, CONTENT, SECTION, TWO, TITLE_ONLY, BLANK = 0, 1, 2, 3, 5, 6


def _notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def _numbered(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    etree.SubElement(ppr, qn("a:buAutoNum"), type="arabicPeriod")


def _bullet(paragraph, char: str = "•") -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", "342900")
    ppr.set("indent", "-342900")
    etree.SubElement(ppr, qn("a:buChar"), char=char)


def _lines(frame, lines: list[tuple[int, str]]) -> None:
    frame.text = lines[0][1]
    frame.paragraphs[0].level = lines[0][0]
    for level, text in lines[1:]:
        p = frame.add_paragraph()
        p.text, p.level = text, level


def _textbox(slide, x, y, w, h, lines: list[str], size: int = 18):
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for p in frame.paragraphs:
        for r in p.runs:
            r.font.size = Pt(size)
    return box


def credit_box(slide, x, y, w) -> None:
    """PowerPoint's own credit box for a picture found through Bing: two links in one line."""
    box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(0.3))
    p = box.text_frame.paragraphs[0]
    for text, link in (("This Photo", SOURCE_PAGE), (" by Unknown Author is licensed under ", None),
                       ("CC BY-NC", DEED)):
        run = p.add_run()
        run.text = text
        run.font.size = Pt(9)
        if link:
            run.hyperlink.address = link


def _smartart(slide, items: list[tuple[int, str]]) -> None:
    """A SmartArt graphic: a graphic frame pointing at a diagram data part holding the items' text."""
    ns = 'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" ' \
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    points = ['<dgm:pt modelId="0" type="doc"><dgm:t><a:bodyPr/><a:p><a:endParaRPr/></a:p></dgm:t></dgm:pt>']
    links, parents = [], {0: "0"}
    for i, (level, text) in enumerate(items, start=1):
        points.append(f'<dgm:pt modelId="{i}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t>'
                      f'</dgm:pt>')
        parents[level + 1] = str(i)
        links.append(f'<dgm:cxn modelId="c{i}" srcId="{parents[level]}" destId="{i}" srcOrd="{i}" destOrd="0"/>')
    blob = (f'<dgm:dataModel {ns}><dgm:ptLst>{"".join(points)}</dgm:ptLst><dgm:cxnLst>{"".join(links)}'
            f'</dgm:cxnLst><dgm:bg/><dgm:whole/></dgm:dataModel>').encode()
    part = Part(PackURI("/ppt/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", slide.part.package, blob)
    rid = slide.part.relate_to(part, RT.DIAGRAM_DATA)
    frame = etree.fromstring(
        '<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvGraphicFramePr><p:cNvPr id="90" name="Diagram 3"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="914400" y="1828800"/><a:ext cx="7315200" cy="3657600"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        f'<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="{rid}" '
        'r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic></p:graphicFrame>')
    slide.shapes._spTree.append(frame)


def _animate(slide, shape_id: int) -> None:
    timing = etree.fromstring(
        '<p:timing xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:tnLst><p:par>'
        '<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst><p:par>'
        f'<p:cTn id="2" presetID="10" presetClass="entr" presetSubtype="0" fill="hold" nodeType="clickEffect">'
        f'<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst><p:set><p:cBhvr><p:cTn id="3" dur="1"/>'
        f'<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl></p:cBhvr></p:set></p:childTnLst></p:cTn>'
        '</p:par></p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>')
    slide._element.append(timing)


def write_seed_deck(path: Path, video: bytes) -> Path:
    """The seed talk as a hand-made deck; returns its path."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    prs.core_properties.title = "Specialised Parent-Infant Relationship Teams"
    prs.core_properties.author = "Keith Reed"
    layouts = prs.slide_layouts

    s = prs.slides.add_slide(layouts[TITLE_SLIDE])
    s.shapes.title.text = "Specialised Parent-Infant Relationship Teams"
    _lines(s.placeholders[1].text_frame, [(0, "A story of hope"), (0, "National Network Day, 23rd November 2023"),
                                          (0, "Keith Reed, CEO"), (0, "@CampaignsKeith")])
    _notes(s, "Thank you for having me. Today I want to share the story we now tell.")

    s = prs.slides.add_slide(layouts[CONTENT])
    s.shapes.title.text = "We've updated the story we tell politicians, officials, partners, funders and commissioners"
    _lines(s.placeholders[1].text_frame, [
        (0, "The baby blindspot is still there"), (0, "New research and learning"),
        (1, "Interviews with commissioners in 14 areas"), (2, "Half commissioned specialised teams"),
        (0, "New team members"), (0, "Building on what has worked"), (0, "A window of opportunity to influence")])
    _notes(s, "We have changed how we talk about these teams.\nThe baby blindspot is still there.")

    s = prs.slides.add_slide(layouts[CONTENT])
    s.shapes.title.text = "Today"
    frame = s.placeholders[1].text_frame
    _lines(frame, [(0, "Feedback from stakeholders and the research in England"),
                   (0, "An urgent, new, story of hope and possibility"), (0, "The impact so far")])
    for p in frame.paragraphs:
        _numbered(p)

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Why doesn't everyone want to support babies?"
    pic = s.shapes.add_picture(str(PHOTO), Inches(0.5), Inches(1.6), Inches(6), Inches(4.5))
    pic._element.find(".//" + qn("p:cNvPr")).set("descr", ALT + "\n\nDescription automatically generated")
    credit_box(s, 0.5, 6.15, 6)
    body = _textbox(s, 7, 1.6, 5.8, 4.5, ["A lack of understanding of the problem", "It's not urgent",
                                          "Uncomfortable to think about babies suffering", "It's hopeless"])
    for p in body.text_frame.paragraphs:
        _bullet(p)
    _notes(s, "Five reasons we hear in England.")

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Half of babies are securely attached to their parents or carers"
    data = CategoryChartData(number_format='0"%"')
    data.categories = ["Securely attached", "Insecurely attached", "Disorganised attachment"]
    data.add_series("Babies", (50, 40, 10))
    s.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, Inches(2), Inches(1.5), Inches(9), Inches(4.8), data)
    _textbox(s, 0.5, 6.6, 12, 0.4, ["Source: Family Hubs and Start for Life programme guide, August 2022"], 10)
    _notes(s, "Approximately half of babies are securely attached.")

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Understanding in the centre of government"
    table = s.shapes.add_table(4, 2, Inches(1), Inches(1.6), Inches(11), Inches(3)).table
    for r, row in enumerate([("What they found", "What they suggested"), ("Reluctance to engage", "Child protection"),
                             ("What are infants? Babies", "Levelling up"), ("It's not urgent", "Learning loss")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    _notes(s, "Connect interviewed dozens of politicians and senior civil servants.")

    s = prs.slides.add_slide(layouts[BLANK])
    _textbox(s, 1, 1.5, 11, 2.5, ["“I welcome this major new report from the Royal College of Psychiatrists into the "
                                  "mental health needs of babies and young children.”"], 32)
    _textbox(s, 1, 4.5, 11, 1, ["— Ben Yeo, on the report, October 2023"], 20)

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Babies are suffering now"
    for x, value, label in ((1.5, "10%", "of babies are at risk of disorganised attachment"),
                            (7.5, "60,000", "babies leave hospital each year and live in fear, or terror")):
        _textbox(s, x, 2, 4.5, 1.5, [value], 80)
        _textbox(s, x, 3.7, 4.5, 1.2, [label], 20)

    s = prs.slides.add_slide(layouts[CONTENT])
    s.shapes.title.text = "Party conferences"
    _lines(s.placeholders[1].text_frame, [(0, "✓ Attended the three party conferences"),
                                          (0, "✓ Asked for words to include in manifestos"),
                                          (0, "✓ Agreed a follow-up round table meeting")])

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "What the research tells us about persuading"
    _textbox(s, 0.7, 1.8, 5.6, 4, ["Don't under-estimate:", "Case studies, personal stories and personal "
                                   "relationships", "What do they want? How do they want to feel?"])
    _textbox(s, 7, 1.8, 5.6, 4, ["What's not highlighted:", "Demonstrating the immediate need and potential "
                                 "short-term impact"])

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "We need 400 not 40!"

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Creating a new simple story"
    _smartart(s, [(0, "Babies are suffering now"), (0, "Parents need help"), (1, "Most parents want to be good "
                                                                                  "parents"),
                  (0, "There are new teams who can help")])

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Partners"
    group = s.shapes.add_group_shape()
    for i, name in enumerate(("Royal College of Psychiatrists", "NCT", "Royal College of Midwives")):
        box = group.shapes.add_textbox(Inches(1 + 4 * i), Inches(3), Inches(3.5), Inches(1))
        box.text_frame.text = name
    line = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(1), Inches(2.5), Inches(11), Emu(38100))
    movie_path = path.parent / "clip.mp4"
    movie_path.write_bytes(video)
    s.shapes.add_movie(str(movie_path), Inches(9), Inches(4.5), Inches(3), Inches(2), mime_type="video/mp4",
                               poster_frame_image=str(BALLOONS))
    _animate(s, line.shape_id)
    _notes(s, "We work with the royal colleges and NCT.")

    s = prs.slides.add_slide(layouts[TITLE_ONLY])
    s.shapes.title.text = "Thank you"
    s.shapes.add_picture(str(PHOTO), Inches(3), Inches(1.6), Inches(6), Inches(4.5))
    s.shapes[-1]._element.find(".//" + qn("p:cNvPr")).set("descr", ALT)
    credit_box(s, 3, 6.15, 6)
    prs.save(str(path))
    return path


