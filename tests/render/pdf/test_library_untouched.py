"""govreport never changes a library's behaviour: after building PDFs, reportlab's modules hold what
reportlab put there, and the one speed-up on our own font streams decodes to reportlab's own bytes."""

from __future__ import annotations

import io
import zlib

from factories import make_report
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas

from govreport.document import outline
from govreport.fonts import FontSet
from govreport.render.pdf import pdf_bytes
from govreport.render.pdf.fonts import _FONT_FLATE

_WATCHED = (
    (pdfdoc, ("PDFZCompress", "pdfdocEnc", "PDFName", "PDFStreamFilterZCompress")),
    (ttfonts, ("makeToUnicodeCMap", "TTFont", "TTFontFace")),
    (pdfmetrics, ("registerFont", "getFont")),
)


def _snapshot() -> dict[str, object]:
    seen: dict[str, object] = {f"{m.__name__}.{n}": getattr(m, n) for m, names in _WATCHED for n in names}
    seen["rl_config.useA85"] = rl_config.useA85
    return seen


def test_building_pdfs_leaves_reportlab_as_documented(fonts: FontSet) -> None:
    before = _snapshot()
    pdf_bytes(outline(make_report()), fonts)
    assert _snapshot() == before
    # the names still hold reportlab's own objects, defined in reportlab's modules
    assert type(pdfdoc.PDFZCompress) is pdfdoc.PDFStreamFilterZCompress
    assert pdfdoc.pdfdocEnc.__module__ == "reportlab.pdfbase.pdfdoc"
    assert ttfonts.makeToUnicodeCMap.__module__ == "reportlab.pdfbase.ttfonts"
    # and a plain reportlab document made after ours still uses reportlab's defaults
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 72, "hello")
    canvas.save()
    assert (b"/ASCII85Decode" in out.getvalue()) == bool(rl_config.useA85)


def test_our_font_stream_filter_decodes_to_the_same_bytes() -> None:
    for data in (b"\x00\x01glyf" * 5000, "/CIDInit /ProcSet findresource begin" * 300):
        packed = _FONT_FLATE.encode(data)
        raw = data.encode("utf8") if isinstance(data, str) else data
        assert zlib.decompress(packed) == raw == pdfdoc.PDFZCompress.decode(pdfdoc.PDFZCompress.encode(data))
        assert _FONT_FLATE.encode(data) is packed  # the second time from the per-process cache
