import codecs

import pytest

from missiondesk.corpus.decode import decode_text
from missiondesk.corpus.document import UnreadableFile

TEXT = "NATO’s “enhanced Forward Presence” – 4,000 troops in Tapa, Estonia; café Señor Müller."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"])
def test_common_encodings_decode_to_the_same_text(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_text(data).lstrip("\ufeff") == TEXT


def test_latin1_accents_survive():
    text = "Les soldats français déployés à Gao sont partis en été; Noël à Tombouctou."
    assert decode_text(text.encode("latin-1")) == text


def test_cyrillic_legacy_code_page():
    text = "Миротворцы НАТО остаются в Косово, заявили в штабе миссии в Приштине."
    assert decode_text(text.encode("cp1251")) == text


def test_utf16_without_bom():
    text = "Troops remain in Kosovo, the mission said on Friday."
    assert decode_text(text.encode("utf-16-le")) == text


def test_windows_line_endings_become_newlines():
    assert decode_text(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15]) * 100, "binary"),
    (b"   \n\t  \n", "no text"),
])
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode_text(data)
