"""UTF-16 without a byte-order mark in any script, files that mix encodings, and error messages that name the
file and say what to do."""

import io
import re
import zipfile

import pytest

from missiondesk.corpus import load_corpus
from missiondesk.corpus.decode import decode_text
from missiondesk.corpus.document import UnreadableFile

ENGLISH = "NATO’s “enhanced Forward Presence” – 4,000 troops in Tapa, Estonia; café Señor Müller. " * 3
RUSSIAN = "Около 10 000 военнослужащих НАТО остаются в Косово, заявили официальные лица во вторник. " * 3
ARABIC = "قال المتحدث إن نحو 10 آلاف جندي من قوات حفظ السلام سيبقون في جنوب لبنان هذا العام. " * 3


@pytest.mark.parametrize("text", [ENGLISH, RUSSIAN, ARABIC, "About 600 troops remain."],
                         ids=["english", "russian", "arabic", "short"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_in_any_script(text, encoding):
    assert decode_text(text.encode(encoding)) == text


def test_utf8_with_windows_pieces_is_read_part_by_part():
    data = ("Zoë’s officials said 4,000 troops remain in Łódź. ".encode("utf-8")
            + "He said “no” to the déjà vu.".encode("cp1252"))
    assert decode_text(data) == "Zoë’s officials said 4,000 troops remain in Łódź. He said “no” to the déjà vu."


def test_a_windows_file_with_one_utf8_word_is_still_a_windows_file():
    text = "Les soldats français déployés à Gao sont partis en été; “Noël” à Tombouctou. " * 3
    assert decode_text(text.encode("cp1252")) == text


def test_binary_with_zero_bytes_is_still_refused():
    with pytest.raises(UnreadableFile, match="binary"):
        decode_text(bytes(range(256)) * 16)


def _docx_with(part: str, content: bytes) -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, content if item.filename == part else src.read(item))
    return patched.getvalue()


BAD = {
    "empty-lines.txt": b"\n\n  \n",
    "binary.txt": bytes(range(256)) * 16,
    "menus.txt": b"Home\nWorld\nShare on Facebook\nSubscribe\n",
    "scripts.html": b"<html><script>x()</script></html>",
    "broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF",
    "notzip.docx": b"PK\x03\x04 not a zip",
    "wrong-root.docx": _docx_with("word/document.xml", b"<notword/>"),
    "photo.png": b"\x89PNG",
}
# a person's next step: every message says what to do, after what is wrong
ACTION = re.compile(r";.*\b(save|open|export|check|add|copy|remove|make|split|run|update|choose|move)\b")


def test_every_error_names_the_file_and_says_what_to_do(tmp_path):
    for name, data in BAD.items():
        (tmp_path / name).write_bytes(data)
    corpus = load_corpus([tmp_path / name for name in BAD])
    assert corpus.documents == []
    assert sorted(e.path for e in corpus.errors) == sorted(str(tmp_path / name) for name in BAD)
    for error in corpus.errors:
        assert ACTION.search(error.error), (error.path, error.error)
        assert not re.search(r"unexpected|Traceback|\w+Error:", error.error), (error.path, error.error)
