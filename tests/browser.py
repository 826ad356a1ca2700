"""Headless Chromium for the tests of the HTML views: read what the browser built, take screenshots.

No Python driver is needed: ``chromium --headless --dump-dom`` loads a page, runs its scripts and
prints the DOM. A test opens a copy of a report with :data:`CHECK_SCRIPT` added (and the report's
Content-Security-Policy, which forbids scripts, taken out of the copy only): the script reads every
``<mark>`` as the browser parsed it, its text, its place in its article's text (counted by a DOM
Range, in code points as Python counts them), whether it is laid out, and writes that as JSON into
the page, where :func:`browser_marks` finds it in the dump.

Run as a script to take a screenshot: ``python -m tests.browser report.html shot.png [WIDTH HEIGHT]``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

CHECK_SCRIPT = """<script>
(() => {
  const out = {articles: {}, scripts: document.querySelectorAll("script").length, title: document.title};
  for (const box of document.querySelectorAll(".gm-text[data-article]")) {
    const marks = [];
    for (const mark of box.querySelectorAll("mark[data-record]")) {
      const before = document.createRange();
      before.setStart(box, 0);
      before.setEndBefore(mark);
      const rect = mark.getBoundingClientRect();
      marks.push({
        record: mark.dataset.record, kind: mark.dataset.kind, part: mark.dataset.part || "",
        start: Number(mark.dataset.start), end: Number(mark.dataset.end), title: mark.title,
        at: Array.from(before.toString()).length, text: mark.textContent,
        shown: mark.textContent === "" || (rect.width > 0 && rect.height > 0),
        background: getComputedStyle(mark).backgroundColor,
      });
    }
    out.articles[box.dataset.article] = {text: box.textContent, marks: marks};
  }
  const pre = document.createElement("pre");
  pre.id = "gm-check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""

_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
_RESULT = re.compile(r'<pre id="gm-check">(.*?)</pre>', re.DOTALL)


def chromium() -> str | None:
    """The Chromium (or Chrome) on the PATH, if any."""
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def chromium_missing_reason() -> str:
    return "needs headless Chromium (apt-get install chromium; .ci/run installs it), not found on the PATH"


def _run(arguments: list[str], page: Path) -> str:
    browser = chromium()
    assert browser is not None, chromium_missing_reason()
    with tempfile.TemporaryDirectory(prefix="gm-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-sandbox",  # tests run as root in CI containers, where the sandbox cannot start
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *arguments,
            page.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def browser_marks(report: Path) -> dict[str, Any]:
    """What Chromium built of ``report``: each article's text and marks, the scripts in the page
    (the check's own one only, when nothing in the report was taken for a script) and its title."""
    page = report.read_text("utf-8")
    checked = _POLICY.sub("", page).replace("</body>", CHECK_SCRIPT + "</body>")
    copy = report.with_name(f"{report.stem}.checked.html")
    copy.write_text(checked, "utf-8")
    found = _RESULT.search(_run(["--dump-dom"], copy))
    assert found is not None, "the check script wrote nothing: did the page load?"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def screenshot(report: Path, png: Path, width: int = 1000, height: int = 1400) -> Path:
    """A PNG of the top of ``report`` as Chromium shows it, ``width`` by ``height`` pixels."""
    _run([f"--screenshot={png.resolve()}", f"--window-size={width},{height}", "--hide-scrollbars"], report)
    return png


def mark_problems(found: dict[str, Any], expected: Iterable[tuple[str, str, list[Any]]]) -> list[str]:
    """How the marks Chromium shows differ from the records: ``expected`` is each article's prefix,
    its text and its records. Each record must be marked on exactly its characters: its pieces,
    in order and end to end, start at its span's start and hold ``text[start:end]``; each article's
    text must be whole in the DOM, and no mark may be there without its record."""
    problems: list[str] = []
    for prefix, text, records in expected:
        article = found["articles"].get(prefix)
        if article is None:
            problems.append(f"{prefix}: no text in the page")
            continue
        if article["text"] != text:
            problems.append(f"{prefix}: the text in the DOM is not the article's text")
        pieces: dict[str, list[dict[str, Any]]] = {}
        for mark in article["marks"]:
            pieces.setdefault(mark["record"], []).append(mark)
        for number, record in enumerate(records):
            key = f"{prefix}-{number}"
            marks = pieces.pop(key, [])
            start, end = record.span.start, record.span.end
            where = f"{key} ({record.kind} {record.text!r} at {start}..{end})"
            if not marks:
                problems.append(f"{where}: no mark")
                continue
            at = start
            for mark in marks:
                if mark["at"] != at:
                    problems.append(f"{where}: a piece starts at {mark['at']}, not {at}")
                at = mark["at"] + len(mark["text"])
            marked = "".join(mark["text"] for mark in marks)
            if marked != text[start:end] or at != end:
                problems.append(f"{where}: marks {marked!r}")
            if (marks[0]["start"], marks[0]["end"], marks[0]["kind"]) != (start, end, record.kind):
                problems.append(f"{where}: its data attributes say {marks[0]['kind']} {marks[0]['start']}..")
            if not all(mark["shown"] for mark in marks):
                problems.append(f"{where}: a mark is not laid out")
        problems.extend(f"{prefix}: a mark {key} with no record" for key in pieces)
    return problems


if __name__ == "__main__":
    size = [int(value) for value in sys.argv[3:5]]
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]), *size)
