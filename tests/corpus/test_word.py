"""Word files: zip bombs are refused after reading at most the stated limit, entity tricks are never expanded or
fetched, and a broken part is reported in words, by file."""

import io
import re
import struct
import zipfile

import pytest

from missiondesk.corpus import UnreadableFile, load_corpus
from missiondesk.corpus import word
from missiondesk.corpus.readers import read_article

TEXT = "Some 600 NATO troops remain in Kosovo, officials said on Tuesday."


def _docx(text: str = TEXT) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_part(data: bytes, name: str, content: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The package with one part replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item))
        dst.writestr(zipfile.ZipInfo(name), content, compress_type=method)
    return out.getvalue()


def _error(tmp_path, data: bytes, name: str = "article.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    corpus = load_corpus([path])
    assert corpus.documents == [] and [e.path for e in corpus.errors] == [str(path)]
    return corpus.errors[0].error


def test_the_stated_limit_is_100_mb():
    assert word.MAX_UNPACKED == 100 * 1024 * 1024


def test_a_part_that_unpacks_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_UNPACKED", 1024 * 1024)
    bomb = _with_part(_docx(), "word/media/padding.bin", bytes(2 * 1024 * 1024), zipfile.ZIP_BZIP2)
    assert len(bomb) < 100_000
    message = _error(tmp_path, bomb)
    assert re.search(r"unpacks to [23] MB, above the 1 MB limit.*zip bomb", message), message


def test_a_part_that_lies_about_its_size_is_not_unpacked_beyond_it(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_UNPACKED", 1024 * 1024)
    data = bytearray(_with_part(_docx(), "word/media/padding.bin", bytes(4 * 1024 * 1024)))
    # declare 1,000 bytes in both the local header and the central directory: the check sees a small part
    # by its declared size, unpacks no more than that, and finds the contents do not match
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.rfind(signature)
        data[at + offset:at + offset + 4] = struct.pack("<I", 1000)
    message = _error(tmp_path, bytes(data))
    assert "is damaged" in message and "padding.bin" in message and "save it again" in message


def test_too_many_parts(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_MEMBERS", 20)
    data = _docx()
    for i in range(20):
        data = _with_part(data, f"customXml/item{i}.xml", b"<a/>")
    assert "parts" in _error(tmp_path, data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Some 600 NATO troops remain in Kosovo. &lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///SECRET">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Some 600 NATO troops remain in Kosovo. [&secret;]</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entities_in_a_word_part_are_never_expanded(tmp_path, xml):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-a-fetched-entity-would-bring-in")
    path = tmp_path / "entities.docx"
    path.write_bytes(_with_part(_docx(), "word/document.xml", xml.replace(b"/SECRET", bytes(secret))))
    try:
        _, raw = read_article(path)
    except UnreadableFile as exc:
        assert "save it again" in str(exc)
    else:  # read without the entity: the text, and nothing the entity would bring in
        assert "600 NATO troops" in raw.text and "lollol" not in raw.text and len(raw.text) < 1000
        assert "the-secret" not in raw.text


@pytest.mark.parametrize("part, content", [
    ("word/document.xml", b"<?xml version='1.0'?><notword>text</notword>"),
    ("word/document.xml", b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"),
    ("docProps/core.xml", b"<?xml version='1.0'?><cp:coreProperties xmlns:cp='urn:x'><title>"),
    ("[Content_Types].xml", b"<Types/>"),
], ids=["wrong-root", "truncated-xml", "broken-properties", "no-content-types"])
def test_a_malformed_part_is_named_in_words(tmp_path, part, content):
    message = _error(tmp_path, _with_part(_docx(), part, content))
    assert "unexpected" not in message and "Error:" not in message
    assert re.search(r"Word", message) and "save it again" in message, message


def test_a_good_word_file_still_reads():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "good.docx"
        path.write_bytes(_docx())
        _, raw = read_article(path)
    assert raw.text.strip() == TEXT
