"""The .docx container: an ordinary zip archive that zipfile reads back member by member."""

from __future__ import annotations

import io
import zipfile

import pytest

from govreport.render.docx.zip_package import archive, pack, pack_shared

MEMBERS = [
    ("[Content_Types].xml", b"<Types/>"),
    ("word/document.xml", "<w:document>政府信息公开</w:document>".encode() * 200),
    ("empty.xml", b""),
]


def test_zipfile_reads_every_member_back_in_order() -> None:
    data = archive((name, pack(content, 3)) for name, content in MEMBERS)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert [(i.filename, zf.read(i)) for i in zf.infolist()] == MEMBERS
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_the_same_members_give_the_same_bytes_and_shared_parts_are_deflated_once() -> None:
    first = archive((name, pack_shared(content, 3)) for name, content in MEMBERS)
    assert archive((name, pack(content, 3)) for name, content in MEMBERS) == first
    assert pack_shared(MEMBERS[1][1], 3) is pack_shared(MEMBERS[1][1], 3)


def test_a_name_outside_ascii_is_refused() -> None:
    with pytest.raises(UnicodeEncodeError):
        archive([("报告.xml", pack(b"x", 3))])
