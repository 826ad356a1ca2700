"""Reading corpus items: encodings, dates in file names, records of a JSON Lines dump."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govmetrics.documents import as_document, date_in_name, decode, read_text
from govmetrics.errors import InputError

TEXT = "本报讯 7月11日，石景山区人民政府与首开集团签署战略合作协议，涉及居民2万余户。"
TRADITIONAL = "本報訊 7月11日，石景山區人民政府與首開集團簽署戰略合作協議，涉及居民2萬餘戶。"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("gb18030"), TEXT),
        (TEXT.encode("gbk"), TEXT),
        (TRADITIONAL.encode("big5"), TRADITIONAL),
        (TEXT.encode("utf-16"), TEXT),
    ],
    ids=["utf-8", "utf-8 with BOM", "gb18030", "gbk", "big5", "utf-16 with BOM"],
)
def test_encodings_are_detected(data: bytes, text: str) -> None:
    assert decode(data, "page.txt") == text


def test_an_encoding_can_be_named() -> None:
    assert decode(TRADITIONAL.encode("big5"), "page.txt", "big5") == TRADITIONAL


def test_undecodable_bytes_name_the_file_and_the_offset() -> None:
    with pytest.raises(InputError, match=r"page\.txt: not utf-8: byte 0xff at offset 3"):
        decode(b"abc\xff\xfe", "page.txt", "utf-8")


def test_bytes_no_encoding_reads_are_one_error() -> None:
    with pytest.raises(InputError, match=r"bad\.bin: cannot decode: not UTF-8 \(byte 0x\w\w at offset 0\)"):
        decode(b"\x80\xff\x80\xff\xff", "bad.bin")


def test_an_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "page.txt", "no-such-codec")


def test_read_text_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("shijingshan-2019-07-16-page1.txt", dt.date(2019, 7, 16)),
        ("20190716_p1.txt", dt.date(2019, 7, 16)),
        ("pages/2019_07_16.txt", dt.date(2019, 7, 16)),
        ("page-2019-13-40.txt", None),
        ("page1.txt", None),
    ],
)
def test_dates_in_file_names(name: str, day: dt.date | None) -> None:
    assert date_in_name(name) == day


def test_records_of_a_dump_with_their_own_field_names() -> None:
    doc = as_document(
        {"doc": "x1", "date": "2019-07-16", "body": TEXT}, id_field="doc", text_field="body", date_field="date"
    )
    assert (doc.id, doc.published, doc.text) == ("x1", dt.date(2019, 7, 16), TEXT)


@pytest.mark.parametrize(
    "written",
    [
        "2019-07-16",
        " 2019-07-16 ",
        "2019-07-16 10:30:00",
        "2019-07-16T10:30:00+08:00",
        "2019-07-16T23:59:59Z",
        "2019/07/16",
        "2019-7-16",
        "2019.07.16",
        "2019年7月16日",
        "2019年07月16日 10:30",
        "Jul 16, 2019",
        "16 July 2019",
        "16/07/2019",  # 16 is no month: only one reading
    ],
)
def test_publication_dates_as_corpus_dumps_write_them(written: str) -> None:
    """The date field of a scraped corpus is seldom plain ISO; every full date is the same day."""
    assert as_document({"id": "x1", "date": written, "text": TEXT}, date_field="date").published == dt.date(2019, 7, 16)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("07/08/2019", "either way round"),  # 7 August or 8 July
        ("2019-02-30", "no such day"),
        ("2019年7月", "not a date"),  # no day
        ("昨天", "not a date"),  # relative to nothing
        ("yesterday", "not a date"),
        ("20190716", "not a date"),
        ("发布时间：2019-07-16", "not a date"),
    ],
)
def test_publication_dates_that_are_not_one_day_are_refused(written: str, why: str) -> None:
    with pytest.raises(InputError, match=why):
        as_document({"id": "x1", "date": written, "text": TEXT}, date_field="date")


def test_a_record_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no text field"):
        as_document({"id": "x1", "title": "无正文"})


def test_a_path_takes_its_date_from_its_name(tmp_path: Path) -> None:
    path = tmp_path / "news-2020-03-01.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    doc = as_document(path, published=dt.date(1999, 1, 1))
    assert (doc.text, doc.published) == (TEXT, dt.date(2020, 3, 1))


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Length 5>>stream\n1.3% x\nendstream", "a PDF file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        ("累计走访2万余户".encode("gb18030") + b"\x00\x01\x02", "a binary file"),
    ],
    ids=["pdf", "zip", "png", "nul-bytes"],
)
def test_a_file_that_is_no_text_is_refused_not_decoded_into_records(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=f"page.txt: {kind}.*, not text"):
        read_text(path)


def test_utf16_text_with_its_byte_order_mark_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes("累计走访2万余户。".encode("utf-16"))
    assert read_text(path) == "累计走访2万余户。"
