"""Marked HTML read back as a browser's DOM holds it, with the standard library's parser: the text,
and where each ``<mark>`` (by its ``data-record``) sits in it."""

from __future__ import annotations

import itertools
from html.parser import HTMLParser


class MarkReader(HTMLParser):
    """Reads marked HTML as a browser's DOM holds it: the text, and for each mark element the
    characters of the text it holds, by its ``data-record`` (or its attributes) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.open: list[tuple[str, int]] = []
        self.pieces: dict[str, list[tuple[int, int]]] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            found = dict(attrs)
            self.open.append((found.get("data-record") or "", len(self.text)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            key, start = self.open.pop()
            self.pieces.setdefault(key, []).append((start, len(self.text)))

    def handle_data(self, data: str) -> None:
        self.text += data


def read_marks(markup: str) -> MarkReader:
    reader = MarkReader()
    reader.feed(markup)
    reader.close()
    assert not reader.open, "a mark is left open"
    return reader


def whole_spans(reader: MarkReader) -> dict[str, tuple[int, int]]:
    """Each mark's pieces joined, checking they run end to end."""
    spans = {}
    for key, pieces in reader.pieces.items():
        pieces.sort()
        for (_, end), (start, _) in itertools.pairwise(pieces):
            assert end == start, f"mark {key} has a gap between its pieces: {pieces}"
        spans[key] = (pieces[0][0], pieces[-1][1])
    return spans
