"""Bytes to text: UTF-8, UTF-16/32 with a BOM, and legacy 8-bit encodings found in saved pages."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from missiondesk.corpus.document import UnreadableFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of characters that must be letters, digits, spaces or punctuation for a decoding to count as text.
_MIN_PRINTABLE = 0.95


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes, or raise UnreadableFile saying why it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:4096]:  # NUL is valid UTF-8, but text files hold none unless they are UTF-16
        order = _bomless_utf16(data)
        if order is None:
            raise UnreadableFile("this is a binary file, not text; open the original article instead")
        return _checked(data.decode(order, errors="replace"))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        # A page pasted together from two sources: UTF-8 with some bytes of the Windows code page (smart
        # quotes, accents). Each part is read in its own encoding rather than the whole file in a wrong one.
        return _checked(data.decode("utf-8", errors=_WINDOWS_FALLBACK))
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile("its bytes are not text in any known encoding; open it in a text editor and "
                             "save it again as UTF-8")
    if best.encoding in _WESTERN:
        # Short samples make the detector hesitate between Latin code pages; in English news the
        # Windows code page is by far the likeliest, and it is a superset of Latin-1's printable range.
        try:
            return _checked(data.decode("cp1252"))
        except UnicodeDecodeError:
            return _checked(data.decode("latin-1"))
    return _checked(str(best))


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None."""
    best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be"]).best()
    if best is not None:
        return "utf-16-le" if best.encoding == "utf_16_le" else "utf-16-be"
    # The detector wants a longer sample than a short note gives; ASCII-range text in UTF-16 shows itself
    # by every other byte being zero.
    return _utf16_order(data) if _looks_utf16(data) else None


# A valid UTF-8 sequence of two to four bytes. Legacy 8-bit text almost never holds one by chance ("Ã©"), so a
# file with several of them and some invalid bytes is UTF-8 with pieces of another encoding.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(data: bytes) -> bool:
    found = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    invalid = high - sum(map(len, found))
    return len(found) >= 2 and len(found) >= invalid / 4


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _windows_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    chunk = error.object[error.start:error.end]
    return chunk.decode("cp1252", errors="replace"), error.end


_WINDOWS_FALLBACK = "missiondesk-cp1252"
codecs.register_error(_WINDOWS_FALLBACK, _windows_bytes)


_WESTERN = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_9", "cp1254", "mac_roman",
            "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_16", "cp1257",
            "mac_latin2", "cp850", "cp437", "cp858"}


def _utf16_order(data: bytes) -> str:
    sample = data[:4096]
    return "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be"


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-range text is zero."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def _checked(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile("the file holds no text, only blank lines; check it is the article you meant")
    sample = text[:20000]
    if not sample.replace("\n", "").replace("\t", "").isprintable() \
            and sum(1 for ch in sample if ch.isprintable() or ch in "\n\t") < _MIN_PRINTABLE * len(sample):
        raise UnreadableFile("this looks like a binary file, not text; open the original article instead")
    return unicodedata.normalize("NFC", text)
