"""Word (.docx) files: the zip is checked before python-docx parses anything, so a zip bomb (a small file that
unpacks to gigabytes) is refused after reading at most MAX_UNPACKED bytes, and any broken part is reported
in words, never as a Python exception."""

from __future__ import annotations

import io
import zipfile

from missiondesk.corpus.document import UnreadableFile

# A Word article with its pictures unpacks to a few MB; 100 MB is far above any real one and far below what
# would strain the machine. Stated in the README.
MAX_UNPACKED = 100 * 1024 * 1024
MAX_MEMBERS = 10_000  # parts in the package; Word writes a few dozen
_CHUNK = 1024 * 1024

_RESAVE = "open it in Word and save it again"


def read_word(data: bytes) -> tuple[str, str | None, str | None]:
    """A .docx file's text, title and author; raises UnreadableFile saying what is wrong and what to do."""
    check_package(data)
    return _parse(data)


def check_package(data: bytes) -> None:
    """Refuse a package whose parts declare, or actually unpack to, more than MAX_UNPACKED bytes in all."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise UnreadableFile(f"this is not a valid Word (.docx) document ({_why(exc)}); {_RESAVE}") from None
    with package:
        members = package.infolist()
        if len(members) > MAX_MEMBERS:
            raise UnreadableFile(f"the Word document has {len(members):,} parts, far more than any real one "
                                 f"(a damaged or malicious file); {_RESAVE}")
        declared = sum(m.file_size for m in members)
        if declared > MAX_UNPACKED:
            raise UnreadableFile(_too_large(declared))
        unpacked = 0
        for member in members:  # the declared sizes may lie: count what each part really unpacks to
            try:
                with package.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED:
                            raise UnreadableFile(_too_large(unpacked, at_least=True))
            except UnreadableFile:
                raise
            except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError, RuntimeError) as exc:
                # a bad checksum, an unknown compression, an encrypted part, a truncated file
                raise UnreadableFile(f"a part of the Word document ({member.filename}) is damaged "
                                     f"({_why(exc)}); {_RESAVE}") from None


def _parse(data: bytes) -> tuple[str, str | None, str | None]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in document.paragraphs)
        props = document.core_properties
        title, author = props.title or None, props.author or None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError) as exc:
        raise UnreadableFile(f"this is not a valid Word (.docx) document ({_why(exc)}); {_RESAVE}") from None
    except etree.XMLSyntaxError:
        # also where entity tricks end: python-docx's parser resolves no entities and libxml2 stops runaway
        # expansion, so a "billion laughs" or an external entity (XXE) is never expanded or fetched, only reported
        raise UnreadableFile("the Word document's text is damaged, or built to expand without end, and cannot "
                             f"be read; {_RESAVE}") from None
    except Exception:  # python-docx assumes a well-formed package and fails in its own ways when not
        raise UnreadableFile(f"the Word document is damaged: a part of it is not what Word writes; {_RESAVE}") \
            from None
    return text, title, author


def _why(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return message or type(exc).__name__


def _too_large(size: int, at_least: bool = False) -> str:
    amount = f"{'more than ' if at_least else ''}{size / 2**20:,.0f} MB"
    return (f"the Word document unpacks to {amount}, above the {MAX_UNPACKED // 2**20} MB limit (a real article "
            "is a few MB; this may be a 'zip bomb'); if it is a genuine article, save its text as a smaller file")
