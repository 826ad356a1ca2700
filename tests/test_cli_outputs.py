"""What ``govmetrics extract -o FILE`` guarantees about its output and about the inputs it finds:
the output is replaced whole or not at all, and every input it does not read is named on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from govmetrics.cli import RowsTask, main
from govmetrics.documents import Document

TEXT = "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (root / name).write_text(TEXT, encoding="utf-8")
    return root


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".partial"))


class TestAtomicOutput:
    @pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".parquet"])
    def test_a_missing_input_leaves_the_previous_output_intact(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, suffix: str
    ) -> None:
        good = tmp_path / f"good{suffix}"
        assert run(capsys, "extract", str(corpus), "-o", str(good), "--published", "2019-07-01")[0] == 0
        before = good.read_bytes()
        status, _, err = run(capsys, "extract", str(tmp_path / "nosuch.txt"), "-o", str(good))
        assert status == 2 and "nosuch.txt" in err
        assert good.read_bytes() == before
        assert leftovers(tmp_path) == []

    def test_a_finished_run_replaces_the_output_keeping_its_permissions(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("old\n", encoding="utf-8")
        target.chmod(0o640)
        assert run(capsys, "extract", str(corpus), "-o", str(target), "--published", "2019-07-01")[0] == 0
        assert "old" not in target.read_text(encoding="utf-8") and target.stat().st_mode & 0o777 == 0o640
        assert leftovers(tmp_path) == []

    def test_a_partly_failed_run_still_replaces_the_output(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("old\n", encoding="utf-8")
        status, _, err = run(capsys, "extract", str(corpus), str(tmp_path / "nosuch.txt"), "-o", str(target))
        assert status == 2 and "nosuch.txt" in err
        assert "697万平方米" in target.read_text(encoding="utf-8")

    def test_an_interrupted_run_leaves_the_previous_output_and_names_the_partial(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("old\n", encoding="utf-8")
        seen: list[str] = []
        extract = RowsTask.__call__

        def interrupted(self: RowsTask, document: Document, source: str | None) -> tuple[Any, int]:
            seen.append(document.id)
            if len(seen) == 2:
                raise KeyboardInterrupt
            return extract(self, document, source)

        monkeypatch.setattr(RowsTask, "__call__", interrupted)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(target), "--published", "2019-07-01")
        assert status == 130
        assert target.read_text(encoding="utf-8") == "old\n"
        [partial] = leftovers(tmp_path)
        assert partial in err and "interrupted" in err
        assert "a.txt" in (tmp_path / partial).read_text(encoding="utf-8")

    def test_a_crash_mid_run_removes_the_partial_and_keeps_the_output(
        self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.csv"
        target.write_text("old\n", encoding="utf-8")

        def broken(self: object, payload: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("govmetrics.export._TextWriter.write", broken)
        with pytest.raises(OSError):
            main(["extract", str(corpus), "-o", str(target), "--published", "2019-07-01"])
        assert target.read_text(encoding="utf-8") == "old\n"
        assert leftovers(tmp_path) == []

    def test_an_output_refused_at_the_start_leaves_no_partial_file(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(tmp_path / "x.parquet"))
        assert status == 2 and "pyarrow" in err
        assert leftovers(tmp_path) == [] and not (tmp_path / "x.parquet").exists()

    def test_standard_output_is_written_as_it_comes(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        status, out, _ = run(capsys, "extract", str(corpus), "--published", "2019-07-01")
        assert status == 0 and out.count('"text": "697万平方米"') == 3
        assert leftovers(corpus) == [] and leftovers(corpus.parent) == []
