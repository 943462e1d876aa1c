"""A corpus of hostile inputs, written on demand: each case is a file (or link, pipe...) that once hung the load,
took the machine's memory, crashed the command line or was called by a wrong name. Bombs are written by
streaming compression, so building them takes little memory and about a second."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ARTICLE

MB = 1024 * 1024

# name -> what the outcome must be: "loaded" or a pattern the error must match
EXPECTED: dict[str, str] = {}
_BUILDERS: dict[str, Callable[[Path], None]] = {}


def case(name: str, expected: str):
    def register(builder: Callable[[Path], None]) -> Callable[[Path], None]:
        EXPECTED[name] = expected
        _BUILDERS[name] = builder
        return builder
    return register


def build(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Write the cases (all, or those named) into `folder`; return their paths."""
    paths = []
    for name in names or list(_BUILDERS):
        _BUILDERS[name](folder / name)
        paths.append(folder / name)
    return paths


@case("fifo.txt", "named pipe")
def _fifo(path: Path) -> None:
    os.mkfifo(path)


@case("dev-zero.txt", "a device")
def _zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


@case("loop.txt", "symlink loop")
def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _deflate_stream(chunk: bytes, total: int) -> bytes:
    """Raw deflate of `chunk` repeated up to `total` bytes, made by compressing it once: a block ended by a full
    flush refers to nothing before it, so copies of it in a row are a valid stream."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * (total // len(chunk)) + b"\x03\x00"  # then an empty final block


def _docx(text: str = ARTICLE) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_with(path: Path, name: str, content: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, content if item.filename == name else src.read(item))
    path.write_bytes(out.getvalue())


def _raw_zip_member(name: bytes, packed: bytes, size: int, declared: int) -> tuple[bytes, bytes]:
    """A deflated member written by hand (zipfile would need the whole content in memory): its local part and
    its central directory entry, with `declared` as the uncompressed size it claims."""
    crc = zlib.crc32(bytes(size)) if size <= 16 * MB else 0  # a bomb's checksum is never reached
    import struct

    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(packed), declared, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(packed), declared,
                          len(name), 0, 0, 0, 0, 0, 0)
    return local + name + packed, central + name


def _bomb_docx(path: Path, size: int, declared: int) -> None:
    """A Word file with an extra part of `size` zero bytes that says it holds `declared`."""
    import struct

    base = _docx()
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in members:
            dst.writestr(name, content)
    # append the bomb member: rewrite the central directory after it
    data = out.getvalue()
    end = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", data[end + 12:end + 20])
    entries = struct.unpack("<H", data[end + 10:end + 12])[0]
    local, central = _raw_zip_member(b"word/media/image1.png", _deflate_stream(bytes(MB), size), size, declared)
    body = data[:cd_offset] + local
    directory = data[cd_offset:cd_offset + cd_size] + central[:42] + struct.pack("<I", cd_offset) + central[46:]
    tail = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries + 1, entries + 1, len(directory), len(body), 0)
    path.write_bytes(body + directory + tail)


@case("zip-bomb.docx", "zip bomb")
def _zip_bomb(path: Path) -> None:
    _bomb_docx(path, 400 * MB, 400 * MB)


@case("zip-bomb-lying.docx", "damaged|zip bomb")
def _zip_bomb_lying(path: Path) -> None:
    _bomb_docx(path, 400 * MB, 1000)  # says 1,000 bytes, holds 400 MB


@case("billion-laughs.docx", "loaded|Word")
def _laughs(path: Path) -> None:
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">{lol}]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in ARTICLE.split("\n\n"))
           + "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")
    _docx_with(path, "word/document.xml", xml.encode())


@case("xxe.docx", "loaded|Word")
def _xxe(path: Path) -> None:
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in ARTICLE.split("\n\n"))
           + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    _docx_with(path, "word/document.xml", xml.encode())


def _pdf(path: Path, content: bytes, pages: int = 1) -> None:
    """A minimal PDF whose pages all draw one FlateDecode content stream (`content`, already deflated)."""
    kids = " ".join(f"{6 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Producer (hostile) >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())


def _zlib(chunk: bytes, total: int) -> bytes:
    """`_deflate_stream` with the zlib header and checksum a PDF's FlateDecode expects."""
    import struct

    checksum = 1
    for _ in range(total // len(chunk)):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + _deflate_stream(chunk, total) + struct.pack(">I", checksum)


@case("pdf-bomb.pdf", "PDF")
def _pdf_bomb(path: Path) -> None:
    _pdf(path, _zlib(b" " * MB, 1024 * MB))  # 1 GB of spaces in one content stream


@case("pdf-operators.pdf", "loaded|PDF")
def _pdf_operators(path: Path) -> None:
    text = b"BT /F1 12 Tf 72 720 Td (About 600 troops remain in Kosovo, officials said.) Tj ET\n"
    _pdf(path, _zlib(text * 4096, 70 * MB), pages=50)  # 50 pages, each 70 MB of drawing operators


@case("nested.html", "loaded|HTML|article text|tags")
def _nested(path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    path.write_text(f"<html><body>{'<div>' * 100_000}{paragraphs}{'</div>' * 100_000}</body></html>")


@case("tags.html", "loaded|HTML|article text|limit")
def _tags(path: Path) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    path.write_text(f"<html><body>{paragraphs}{'<b><i></i></b>' * 3_000_000}</body></html>")  # 42 MB


@case("entities.html", "loaded|HTML|article text")
def _html_entities(path: Path) -> None:
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n"))
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{lol}]>'
                    f"<html><body>{paragraphs}<p>&lol9;</p></body></html>")


@case("huge-number.txt", "loaded")
def _huge_number(path: Path) -> None:
    path.write_text(ARTICLE.replace("about 10,000", "about 1" + "0" * 30) + "\nAnother " + "9" * 5000
                    + " soldiers are in Lebanon.\n")


@case("long.txt", "loaded")
def _long(path: Path) -> None:
    path.write_text(ARTICLE + ("Troops remain in the south, officials said. " * 30_000))  # 1.3 million chars


@case("one-line.txt", "loaded|article text|binary")
def _one_line(path: Path) -> None:
    path.write_text("troops " * 5_000_000)  # 35 MB, one line, no sentence end


@case("utf16-no-bom.txt", "loaded")
def _utf16(path: Path) -> None:
    path.write_bytes(ARTICLE.encode("utf-16-le"))


@case("mixed-encodings.txt", "loaded")
def _mixed(path: Path) -> None:
    path.write_bytes(ARTICLE.replace("officials", "Zoë’s officials").encode() + "He said “no”.\n".encode("cp1252"))


@case("malformed.docx", "Word")
def _malformed_docx(path: Path) -> None:
    _docx_with(path, "word/document.xml", b"<?xml version='1.0'?><notword>text</notword>")


@case("many-lines.txt", "lines")
def _many_lines(path: Path) -> None:
    path.write_text("Troops remain in the south.\n" * 1_500_000)  # 42 MB
