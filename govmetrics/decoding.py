"""Bytes into text: the encodings Chinese corpora come in, and files that are no text at all.

Government text is saved as UTF-8, GB18030/GBK or Big5, rarely with a declaration; :func:`decode`
finds which, and refuses (by signature, or NUL bytes) a file that is no text, so a PDF or an
image never turns into records made of its binary streams.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from govmetrics.errors import InputError

# Characters common in Chinese prose, in both scripts: the decoding that yields more of them is
# the right one (GB18030 decodes most Big5 bytes too, into nonsense).
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "這為個國們時來會對發動產種過說現實於經與關開體機當從業應內數區點長門問間進員報"
)


def _common_share(text: str) -> float:
    chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON for ch in chinese) / len(chinese) if chinese else 0.0


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Text from bytes: UTF-8 (with or without a BOM), GB18030/GBK or Big5, or the ``encoding`` given.

    Without an encoding, UTF-8 is tried first; failing that, GB18030 and Big5 are both tried and
    the one whose text is more like Chinese prose wins. Undecodable input is an :class:`InputError`
    that names the file and the offset of the first bad byte.

    A file that is no text at all (a PDF, an image, an archive) is refused before any decoding, by
    its signature or by the NUL bytes no text in these encodings holds: GB18030 decodes nearly any
    bytes, and a PDF read as text gave records (1.3%) made of its binary streams.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise InputError(f"{name}: {kind}, not text; govmetrics reads text files and JSON Lines")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not {encoding}: {_bad_byte(exc)}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not UTF-16 despite its byte-order mark: {_bad_byte(exc)}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    readings = []
    for candidate in ("gb18030", "big5"):
        try:
            readings.append((_common_share(text := data.decode(candidate)), candidate == "gb18030", text))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise InputError(f"{name}: cannot decode: not UTF-8 ({_bad_byte(first_error)}), GB18030 or Big5")
    return max(readings)[2]


#: File signatures of formats users keep beside their text, which no text file starts with.
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
)


def binary_kind(data: bytes) -> str | None:
    """What a file that is no text is (``"a PDF file"``), or None for text. UTF-16, with its
    byte-order mark, is text; otherwise a NUL byte in the first 8 KB says binary."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    return "a binary file" if b"\x00" in data[:8192] else None


def _bad_byte(error: UnicodeDecodeError) -> str:
    return f"byte 0x{error.object[error.start]:02x} at offset {error.start}"


def read_text(path: str | PathLike[str], encoding: str | None = None) -> str:
    """A text file's contents (see :func:`decode`), or :class:`InputError` naming the file."""
    return decode(read_bytes(path), str(path), encoding)


def read_bytes(path: str | PathLike[str]) -> bytes:
    """A file's bytes, or :class:`InputError` naming the file and why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
