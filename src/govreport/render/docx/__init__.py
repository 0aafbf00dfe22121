"""Document -> Word (.docx): ``render_docx`` writes the file, ``docx_bytes`` returns its bytes.

:mod:`.document` writes the body as WordprocessingML (:mod:`.xml` holds the few raw ``w:`` helpers,
:mod:`.styles` the faces and sizes); :mod:`.chart` and :mod:`.chart_data` make the editable chart and its
embedded workbook; :mod:`.template` keeps the package every report starts from (built by
:mod:`.package` with python-docx, its shape in :mod:`.skeleton`), and :mod:`.zip_package` writes the
container.
"""

from .document import docx_bytes, render_docx

__all__ = ["docx_bytes", "render_docx"]
