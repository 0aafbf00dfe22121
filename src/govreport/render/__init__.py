"""Renderers: a :class:`govreport.blocks.Document` to a file, one package per medium.

- :mod:`.docx`: the Word file (``render_docx``, ``docx_bytes``), WordprocessingML written directly into a
  package prepared once with python-docx;
- :mod:`.pdf`: the PDF (``render_pdf``, ``pdf_bytes``), typeset with reportlab's canvas by a small pager of
  our own, every font embedded and subset.

Neither reads the Report or the format, only the Document; import the one you need (each pulls in its
own library). What both share — the colours (:mod:`.palette`) and a chart's axis (:mod:`.chart_scale`) —
lives here; the fonts they are set in come from :mod:`govreport.fonts`.
"""
