"""Building the Word package every report starts from, out of python-docx's default template.

python-docx's template is a US Letter page whose styles take East Asian text from the theme, and whose
settings name Japanese as the theme's East Asian language: unassigned Chinese text would come out in
ＭＳ 明朝 (spec formatting §5.2). Here the styles are replaced (fixed fonts, no theme attributes), the
settings and the theme say Chinese, the font table carries fallbacks, parts we never use are dropped,
and the page is A4 with the GB/T 9704 margins and the ``— N —`` page number at the foot.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

from . import styles as S
from . import xml as X
from .skeleton import DRAFT_TOKEN, Template

_UNUSED = (
    RT.CUSTOM_XML,
    RT.NUMBERING,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>govreport</Application><DocSecurity>0</DocSecurity></Properties>"
)


def build_template(draft: bool, page_numbers: str = "outer") -> Template:
    """The prepared package (with a header holding ``DRAFT_TOKEN`` when ``draft``; page numbers at the
    outer edges, ``outer``, or centred)."""
    document = docx.Document()
    _drop_unused(document)
    _replace_styles(document)
    _fix_settings(document)
    _fix_theme(document)
    _replace_font_table(document)
    _page_setup(document)
    outer = page_numbers == "outer"
    _page_number_footers(document, outer)
    if draft:
        _draft_headers(document, outer)
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as package:
        members = [(name, package.read(name)) for name in package.namelist()]
    members = [(n, _APP_XML if n == "docProps/app.xml" else b) for n, b in members]
    main = dict(members)["word/document.xml"]
    cut = main.index(b"<w:sectPr")
    return Template(tuple(members), main[:cut], main[cut:])


def _drop_unused(document: docx.document.Document) -> None:
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _UNUSED:
            part.drop_rel(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]


def _replace_styles(document: docx.document.Document) -> None:
    styles = document.styles.element
    for child in list(styles):
        styles.remove(child)
    for child in parse_xml(S.styles_xml()):
        styles.append(child)


def _fix_settings(document: docx.document.Document) -> None:
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    control = settings.find(qn("w:characterSpacingControl"))
    if control is not None:
        # Punctuation at full width, never compressed (Chinese Word's default compresses ，。 and may then
        # set 29 or 30 characters a line): 28 a line as GB/T 9704 and the PDF, which compresses nothing.
        control.set(qn("w:val"), "doNotCompress")
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+ layout: no 兼容模式 banner in current Word
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)


def _fix_theme(document: docx.document.Document) -> None:
    """The theme's major/minor East Asian font: 宋体 instead of empty (which falls to the script list)."""
    theme = document.part.part_related_by(RT.THEME)
    blob = theme.blob.replace(b'<a:ea typeface=""/>', '<a:ea typeface="宋体"/>'.encode())
    _swap_part(document, RT.THEME, Part(theme.partname, theme.content_type, blob, theme.package))


def _replace_font_table(document: docx.document.Document) -> None:
    old = document.part.part_related_by(RT.FONT_TABLE)
    blob = S.font_table_xml().encode("utf-8")
    _swap_part(document, RT.FONT_TABLE, Part(old.partname, CT.WML_FONT_TABLE, blob, old.package))


def _swap_part(document: docx.document.Document, reltype: str, new: Part) -> None:
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == reltype:
            part.drop_rel(rid)
    part.relate_to(new, reltype)


def _page_setup(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(S.PAGE_WIDTH), Twips(S.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(S.MARGIN_TOP), Twips(S.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(S.MARGIN_LEFT), Twips(S.MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(S.HEADER_DISTANCE), Twips(S.FOOTER_DISTANCE)
    section.gutter = Twips(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(S.LINE))


def _page_number_footers(document: docx.document.Document, outer: bool) -> None:
    """``— N —`` in 4号 宋体 with a PAGE field (GB/T 9704 §7.5; the dashes are U+2014): ``outer``, odd
    pages' number at the right and even pages' at the left, one 4号 character in (odd and even footers);
    else centred on every page."""
    section = document.sections[0]
    face = S.PAGE_NUMBER
    runs = X.run("— ", face) + X.field_runs("PAGE", "1", face) + X.run(" —", face)
    section.footer.is_linked_to_previous = False
    if not outer:
        set_content(section.footer._element, X.paragraph(runs, S.STYLE_FOOTER))
        return
    document.settings.odd_and_even_pages_header_footer = True
    one = S.PAGE_NUMBER_INDENT
    odd = X.paragraph(runs, S.STYLE_FOOTER, right=one, align="right")
    set_content(section.footer._element, odd)
    section.even_page_footer.is_linked_to_previous = False
    set_content(section.even_page_footer._element, X.paragraph(runs, S.STYLE_FOOTER, left=one, align="left"))


def _draft_headers(document: docx.document.Document, outer: bool) -> None:
    """A header on every page (odd and even ones when they differ) with the draft mark in red; the
    token is replaced by the mark's text."""
    section = document.sections[0]
    headers = [section.header, section.even_page_header] if outer else [section.header]
    for header in headers:
        header.is_linked_to_previous = False
        set_content(header._element, X.paragraph(X.run(DRAFT_TOKEN, S.DRAFT), S.STYLE_HEADER))


def set_content(container, paragraphs_xml: str) -> None:
    """Replace the block content of a header, footer or body-like element with the given XML."""
    for child in list(container):
        container.remove(child)
    for child in parse_xml(X.fragment(paragraphs_xml)):
        container.append(child)
