"""Renderers: a :class:`govreport.blocks.Document` to a file. ``docx.render_docx`` writes the Word file,
``pdf.render_pdf`` the PDF. Neither reads the Report or the format, only the Document; import the one
you need (each pulls in its own library)."""
