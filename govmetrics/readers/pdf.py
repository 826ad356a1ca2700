"""PDF files into text in reading order, with where each character of it was printed.

pypdfium2 (the ``pdf`` extra; fast, Apache-2.0/BSD) gives each character of a page with its box
and type size. :mod:`govmetrics.readers.pdf_layout` rebuilds the page from them: lines, columns
and story blocks found from the layout, blocks separated by blank lines. Pages are joined by a
form feed (``\\f``), which :func:`govmetrics.split_page` takes as a hard break between blocks,
so a PDF's text reads as a page of text does: headlines, bylines, （下转2版）.

:class:`PdfText` keeps, for every character of that text, its box on the page (NaN for the line
and block breaks put in), so any span (a record's, mapped back through ``Article.raw_span``)
can be shown where it was printed: :meth:`PdfText.boxes`.

A page the viewer turns (``/Rotate``, landscape pages) is laid out as it shows, its boxes kept
in the PDF's own coordinates.

A PDF of scanned pages has no text to read: it is refused with a message saying to run OCR on
it, rather than read as an empty document.

A newspaper prints its day at the top of its pages, in the masthead or the running header
(临河日报　2021年4月6日　星期二　第1版): :func:`printed_date` reads it, so a PDF page needs no
publication date from elsewhere.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from array import array
from bisect import bisect_right
from typing import Any

import attrs

from govmetrics.errors import InputError
from govmetrics.extras import require
from govmetrics.published import first_written_day
from govmetrics.readers.pdf_layout import PageChars, PageText, read_page, upright
from govmetrics.reading import reading_text

# Title metadata that names no story: what a tool writes when nobody gave one, or a file name.
_JUNK_TITLE = re.compile(
    r"\s*(?:untitled|unknown|none|null|title|document\d*|microsoft \w+ - .*|.*\.(?:docx?|pdf|indd|qxd|txt|wps|tif))\s*",
    re.IGNORECASE,
)


# A paper's day as its masthead or running header prints it: a full date beside the weekday, the
# page number (第1版) or the lunar date, on the same line, either side.
_DAY = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_BESIDE = r"(?:星期[一二三四五六日天]|周[一二三四五六日天]|第\s*[0-9一二三四五六七八九十]+\s*版|农历)"
_PRINTED_DAY = re.compile(rf"(?P<before>{_DAY})(?=[^\n]{{0,30}}{_BESIDE})|{_BESIDE}[^\n]{{0,30}}?(?P<after>{_DAY})")
#: How far down the first page's text the masthead or running header is looked for.
MASTHEAD_CHARS = 400


@attrs.frozen
class PdfBox:
    """Where a stretch of text is printed: page (1-based) and box in PDF points, origin bottom left."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def _box_array(values: Any) -> array[float]:
    return values if isinstance(values, array) else array("f", values)


def _piece_array(values: Any) -> array[int]:
    return values if isinstance(values, array) else array("i", values)


@attrs.frozen
class PdfText:
    """A PDF's text in reading order, its pages separated by ``\\f``.

    ``page_starts[k]`` is the offset in ``text`` where page ``k + 1`` starts; ``title`` is the
    file's Title metadata when it names something. ``char_boxes`` holds four numbers (x0, y0,
    x1, y1) per character of ``text``, NaN for breaks the reader put in, and ``char_pieces`` the
    printed line piece of each character (-1 for those breaks): compact arrays, so a PdfText of a
    long document is cheap to keep and to send to another process.
    """

    text: str
    page_starts: tuple[int, ...]
    title: str | None
    char_boxes: array[float] = attrs.field(converter=_box_array, repr=False, eq=False)
    char_pieces: array[int] = attrs.field(converter=_piece_array, repr=False, eq=False)

    def page_at(self, offset: int) -> int:
        """The 1-based number of the page ``text[offset]`` is on."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside a text of {len(self.text)} characters")
        return max(1, bisect_right(self.page_starts, offset))

    def boxes(self, start: int, end: int) -> tuple[PdfBox, ...]:
        """Where ``text[start:end]`` is printed: one box per printed line piece it covers (the union
        of its characters' boxes), in text order; ``()`` for a span of only breaks put in."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}-{end} is outside a text of {len(self.text)} characters")
        found: list[PdfBox] = []
        piece, page = -1, 0
        bounds = [0.0, 0.0, 0.0, 0.0]
        for at in range(start, end):
            here = self.char_pieces[at]
            x0, y0, x1, y1 = self.char_boxes[4 * at : 4 * at + 4]
            if here < 0 or math.isnan(x0):
                continue
            if here == piece:
                bounds = [min(bounds[0], x0), min(bounds[1], y0), max(bounds[2], x1), max(bounds[3], y1)]
                continue
            if piece >= 0:
                found.append(PdfBox(page, *bounds))
            piece, page, bounds = here, self.page_at(at), [x0, y0, x1, y1]
        if piece >= 0:
            found.append(PdfBox(page, *bounds))
        return tuple(found)


def _title(metadata: dict[str, str]) -> str | None:
    title = " ".join(metadata.get("Title", "").split())
    return title if title and not _JUNK_TITLE.fullmatch(title) else None


def _page_chars(pdfium: Any, textpage: Any) -> PageChars:
    """A page's characters with their boxes, sizes and whether the library made them up."""
    raw = pdfium.raw
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    # one by one: the library's text of a range may leave out or put in characters, which would
    # part the text from the boxes; its character's code point is the character, in or out of the BMP
    unicode = raw.FPDFText_GetUnicode
    text = "".join([chr(code) if 0 < (code := unicode(handle, i)) < 0x110000 else "\ufffd" for i in range(count)])
    x0: array[float] = array("d", bytes(8 * count))
    y0, x1, y1, size = array("d", x0), array("d", x0), array("d", x0), array("d", x0)
    rect = raw.FS_RECTF()
    loose_box, font_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    for i in range(count):
        loose_box(handle, i, rect)
        x0[i], y0[i], x1[i], y1[i] = rect.left, rect.bottom, rect.right, rect.top
        # the size set by the text operator: type set at size 1 and scaled up by the page's
        # matrix (as many typesetting systems write it) is as big as its box says instead
        points, height = font_size(handle, i), rect.top - rect.bottom
        size[i] = points if 0.6 * points <= height <= 1.6 * points else height
    generated = [char.isspace() and bool(raw.FPDFText_IsGenerated(handle, i)) for i, char in enumerate(text)]
    return PageChars(text, x0, y0, x1, y1, size, generated)


def _load(pdfium: Any, data: bytes, name: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise InputError(f"{name}: the PDF is encrypted with a password; save an unprotected copy") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise InputError(f"{name}: the PDF is protected by a security scheme that cannot be opened") from None
        raise InputError(f"{name}: not a readable PDF (damaged or truncated: {exc})") from None


def _read_page(pdfium: Any, document: Any, index: int, name: str) -> tuple[PageText, PageChars]:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: page {index + 1} of the PDF cannot be read ({exc})") from None
    try:
        textpage = page.get_textpage()
        try:
            chars = _page_chars(pdfium, textpage)
        finally:
            textpage.close()
        seen = upright(chars, page.get_rotation(), *page.get_size())
    finally:
        page.close()
    # the layout is read as the page shows; the boxes kept are the PDF's own
    return read_page(seen), chars


def read_pdf(data: bytes, name: str) -> PdfText:
    """The text of the PDF ``data`` (the file ``name``, for messages) in reading order, with where
    each character was printed.

    Raises :class:`~govmetrics.errors.InputError`, naming the file, for a damaged or encrypted PDF
    and for one whose pages carry no text (scanned pages), and
    :class:`~govmetrics.errors.MissingExtraError` when pypdfium2 is not installed.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        # pdfium would open a str as a path: the reader is given the file's bytes, never a name
        raise InputError(f"{name}: a PDF is read from its bytes, not from a {type(data).__name__}")
    pdfium = require("pypdfium2", "pdf", "reading PDF files")
    document = _load(pdfium, bytes(data), name)
    texts: list[str] = []
    starts: list[int] = []
    boxes: array[float] = array("f")
    pieces: array[int] = array("i")
    length = 0
    first_piece = 0  # line pieces are numbered through the document
    try:
        pages = len(document)
        for index in range(pages):
            if index:
                texts.append("\f")
                boxes.extend((math.nan,) * 4)
                pieces.append(-1)
                length += 1
            page, chars = _read_page(pdfium, document, index, name)
            starts.append(length)
            texts.append(page.text)
            length += len(page.text)
            for source, piece in zip(page.sources, page.pieces, strict=True):
                if piece < 0:
                    boxes.extend((math.nan,) * 4)
                    pieces.append(-1)
                else:
                    boxes.extend((chars.x0[source], chars.y0[source], chars.x1[source], chars.y1[source]))
                    pieces.append(first_piece + piece)
            first_piece += max(page.pieces, default=-1) + 1
        title = _title(document.get_metadata_dict())
    finally:
        document.close()
    text = "".join(texts)
    if not pages:
        raise InputError(f"{name}: the PDF has no pages")
    if not text.strip():
        raise InputError(f"{name}: no text layer (a scanned PDF); run OCR on it first, e.g. ocrmypdf")
    return PdfText(text, tuple(starts), title, boxes, pieces)


def printed_date(pdf: PdfText) -> dt.date | None:
    """The day the first page prints at its top, in the masthead or running header: a full date
    (2021年4月6日) on a line with the weekday (星期二), the page number (第1版) or the lunar date.
    A date in a story is what the story speaks of, and not taken: only the first
    :data:`MASTHEAD_CHARS` characters of the first page are read, and only such a line."""
    end = pdf.page_starts[1] if len(pdf.page_starts) > 1 else len(pdf.text)
    top = reading_text(pdf.text[: min(end, MASTHEAD_CHARS)])
    return first_written_day(match.group("before") or match.group("after") for match in _PRINTED_DAY.finditer(top))
