"""Speaker notes: the first notes page is made by python-pptx, the others copied from it (much faster)."""
from __future__ import annotations

import copy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import NotesSlidePart


class Notes:
    """Writes notes pages for one presentation."""

    def __init__(self) -> None:
        self.model = None  # the first notes page's XML, with the notes master's placeholders cloned

    def write(self, slide, text: str) -> None:
        if self.model is None:
            slide.notes_slide.notes_text_frame.text = text
            self.model = slide.notes_slide.part._element
            return
        package = slide.part.package
        part = NotesSlidePart(package.next_partname("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE,
                              package, copy.deepcopy(self.model))
        part.relate_to(package.presentation_part.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        part.notes_slide.notes_text_frame.text = text
