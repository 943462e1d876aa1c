"""Every kind of bad file gives one error naming it, and every other file still loads."""

import io
import os
from pathlib import Path

import pytest

from missiondesk.corpus import load_corpus, readers


def _pdf_bytes(text: str = "Some 600 troops remain in Kosovo.", password: str | None = None) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    if password is None:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n \t\n", "no text"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 8, "binary"),
    "noise.txt": (bytes((i * 7919 + 13) % 254 + 1 for i in range(4000)), "encoding|binary|not text"),
    "zero.pdf": (b"", "empty"),
    "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF", "damaged|could not be read"),
    "scripts.html": (b"<html><head><script>var x = 1;</script><style>p{}</style></head>"
                     b"<body><script>document.write('hi')</script></body></html>", "no article text"),
    "broken.docx": (b"PK\x03\x04 this is not really a zip file", "not a valid Word"),
    "menus.txt": (b"Home\nWorld\nPolitics\nShare on Facebook\nSubscribe\n", "no article text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_by_name_and_the_rest_loads(tmp_path, article_file, name):
    data, reason = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    corpus = load_corpus([article_file, bad])
    assert [d.path for d in corpus.documents] == [str(article_file)]
    assert len(corpus.errors) == 1
    assert corpus.errors[0].path == str(bad)
    assert pytest.approx(0) != len(corpus.errors[0].error)
    import re
    assert re.search(reason, corpus.errors[0].error, re.I), corpus.errors[0].error


def test_encrypted_pdf(tmp_path, article_file):
    bad = tmp_path / "secret.pdf"
    bad.write_bytes(_pdf_bytes(password="s3cret"))
    corpus = load_corpus([article_file, bad])
    assert len(corpus.documents) == 1
    assert "encrypted" in corpus.errors[0].error and corpus.errors[0].path == str(bad)


def test_missing_path(tmp_path, article_file):
    corpus = load_corpus([tmp_path / "nowhere.txt", article_file])
    assert len(corpus.documents) == 1
    assert corpus.errors[0].path.endswith("nowhere.txt")
    assert "no such file" in corpus.errors[0].error


def test_unsupported_format_named_explicitly(tmp_path, article_file):
    bad = tmp_path / "photo.png"
    bad.write_bytes(b"\x89PNG")
    corpus = load_corpus([bad, article_file])
    assert len(corpus.documents) == 1
    assert "not an article format" in corpus.errors[0].error


def test_permission_denied(tmp_path, article_file, monkeypatch):
    bad = tmp_path / "locked.txt"
    bad.write_text("Some text that cannot be read.")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if Path(path) == bad:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    corpus = load_corpus([article_file, bad])
    assert len(corpus.documents) == 1
    assert corpus.errors[0].path == str(bad) and "permission denied" in corpus.errors[0].error


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_permission_denied_for_real(tmp_path, article_file):
    bad = tmp_path / "locked.txt"
    bad.write_text("Some text that cannot be read.")
    bad.chmod(0)
    corpus = load_corpus([article_file, bad])
    assert "permission denied" in corpus.errors[0].error


def test_file_above_the_size_limit(tmp_path, article_file, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Troops remain in Kosovo. " * 200)
    corpus = load_corpus([article_file, big])
    assert [d.path for d in corpus.documents] == [str(article_file)]
    assert "limit" in corpus.errors[0].error and corpus.errors[0].path == str(big)


def test_the_stated_size_limit_is_50_mb():
    assert readers.MAX_BYTES == 50 * 1024 * 1024


def test_same_article_twice_is_one_document(tmp_path, article_file):
    copy = tmp_path / "sub" / "copy.txt"
    copy.parent.mkdir()
    copy.write_bytes(article_file.read_bytes())
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 1 and corpus.errors == []


def test_cancel_stops_between_files(tmp_path):
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Article {i}: some {i + 1},000 troops remain in Kosovo, officials said.")
    seen = []
    corpus = load_corpus([tmp_path], progress=lambda done, total, path: seen.append(done),
                         cancelled=lambda: len(seen) >= 2)
    assert corpus.cancelled and len(corpus.documents) == 2
