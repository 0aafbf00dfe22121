"""Document -> PDF with reportlab: ``render_pdf`` writes the file, ``pdf_bytes`` returns its bytes.

:mod:`.document` turns blocks into flowables; :mod:`.flow` pages them (the rules platypus would apply to
one frame); :mod:`.page` is the GB/T 9704 page (margins, footer); :mod:`.text`, :mod:`.wrap`,
:mod:`.table` and :mod:`.figure` set paragraphs (避头尾 line breaking), tables and charts; :mod:`.fonts`
registers and subsets the faces chosen by :mod:`govreport.fonts` and checks every character against them.
"""

from .document import pdf_bytes, render_pdf
from .flow import LayoutError
from .fonts import MissingGlyphError

__all__ = ["LayoutError", "MissingGlyphError", "pdf_bytes", "render_pdf"]
