"""What ``govmetrics extract -o FILE`` guarantees about its output and about the inputs it finds:
the output is replaced whole or not at all, and every input it does not read is named on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govmetrics.cli import RowsTask, main
from govmetrics.documents import Document
from govmetrics.errors import BatchError
from govmetrics.pool import map_documents
from govmetrics.serialize import from_json

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

    def test_a_run_whose_workers_died_before_any_document_keeps_the_output(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("old\n", encoding="utf-8")

        def died(*args: Any, **kwargs: Any) -> Any:
            raise BatchError("a worker process died (killed, or out of memory?)")
            yield  # a generator, as map_documents is

        monkeypatch.setattr("govmetrics.cli.map_documents", died)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(target), "--published", "2019-07-01")
        assert status == 1 and "worker process died" in err
        assert target.read_text(encoding="utf-8") == "old\n" and leftovers(tmp_path) == []

    def test_a_full_disk_mid_run_removes_the_partial_and_keeps_the_output(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "out.csv"
        target.write_text("old\n", encoding="utf-8")

        def broken(self: object, payload: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("govmetrics.export._TextWriter.write", broken)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(target), "--published", "2019-07-01")
        assert status == 2 and "No space left on device" in err
        assert target.read_text(encoding="utf-8") == "old\n"
        assert leftovers(tmp_path) == []

    def test_an_output_refused_at_the_start_leaves_no_partial_file(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(tmp_path / "x.parquet"))
        assert status == 2 and "pyarrow" in err
        assert leftovers(tmp_path) == [] and not (tmp_path / "x.parquet").exists()

    def test_a_device_as_output_is_written_to_not_replaced(
        self, capsys: pytest.CaptureFixture[str], corpus: Path
    ) -> None:
        assert run(capsys, "extract", str(corpus), "-o", "/dev/null", "--format", "jsonl")[0] == 0
        assert Path("/dev/null").is_char_device()
        assert not [name for name in os.listdir("/dev") if name.endswith(".partial")]

    def test_standard_output_is_written_as_it_comes(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        status, out, _ = run(capsys, "extract", str(corpus), "--published", "2019-07-01")
        assert status == 0 and out.count('"text": "697万平方米"') == 3
        assert leftovers(corpus) == [] and leftovers(corpus.parent) == []


class TestTheOutputIsNeverAnInput:
    """An input that is the output file, however it was found, is reported in its place and not read."""

    def test_found_in_a_directory(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        inside = corpus / "out.jsonl"
        inside.write_text('{"id": "stale", "text": "建成12个驿站。"}\n', encoding="utf-8")
        status, _, err = run(capsys, "extract", str(corpus), "-o", str(inside), "--published", "2019-07-01")
        assert status == 2
        assert err.splitlines() == [f"govmetrics: {inside}: the output file is also an input; not read"]
        written = inside.read_text(encoding="utf-8")
        assert "stale" not in written and written.count('"text": "697万平方米"') == 3

    def test_found_by_a_glob(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        inside = corpus / "out.txt"
        inside.write_text("stale", encoding="utf-8")
        status, _, err = run(capsys, "extract", str(corpus / "*.txt"), "-o", str(inside), "--format", "jsonl")
        assert status == 2 and "out.txt: the output file is also an input" in err
        assert inside.read_text(encoding="utf-8").count('"text": "697万平方米"') == 3

    def test_named_through_a_symlink_leaves_the_output_as_it_was(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        output = tmp_path / "out.jsonl"
        output.write_text('{"id": "x", "text": "建成12个驿站。"}\n', encoding="utf-8")
        (tmp_path / "link.jsonl").symlink_to(output)
        status, _, err = run(capsys, "extract", str(tmp_path / "link.jsonl"), "-o", str(output))
        assert status == 2 and "link.jsonl: the output file is also an input" in err
        assert output.read_text(encoding="utf-8") == '{"id": "x", "text": "建成12个驿站。"}\n'


class TestEverySkipIsReported:
    def test_an_unreadable_subdirectory_is_reported_like_an_unreadable_file(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        locked = corpus / "locked"
        locked.mkdir()
        (locked / "d.txt").write_text(TEXT, encoding="utf-8")
        scandir = os.scandir

        def denied(path: Any = ".") -> Any:
            if os.fspath(path) == str(locked):  # as chmod 000 would, also for root
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(os, "scandir", denied)
        for pattern in (str(corpus), str(corpus / "**" / "*.txt")):
            status, out, err = run(capsys, "extract", pattern, "--published", "2019-07-01")
            assert status == 2, pattern
            assert err.splitlines() == [f"govmetrics: {locked}: cannot read the directory: Permission denied"]
            assert out.count('"text": "697万平方米"') == 3

    def test_a_symlinked_directory_is_not_followed_by_a_walk_or_a_glob_and_is_reported(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
    ) -> None:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "d.txt").write_text(TEXT, encoding="utf-8")
        (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
        for pattern in (str(corpus), str(corpus / "**" / "*.txt"), str(corpus / "*")):
            status, out, err = run(capsys, "extract", pattern, "--published", "2019-07-01")
            assert status == 2, pattern
            reason = "a symlinked directory, not followed (name it to read it)"
            assert err.splitlines() == [f"govmetrics: {corpus / 'linked'}: {reason}"], pattern
            assert "d.txt" not in out and out.count('"text": "697万平方米"') == 3
        status, out, err = run(capsys, "extract", str(corpus / "linked"), "--published", "2019-07-01")
        assert (status, err) == (0, "") and "d.txt" in out

    def test_a_glob_still_finds_what_it_found(
        self, capsys: pytest.CaptureFixture[str], corpus: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        (corpus / "sub" / "deeper").mkdir(parents=True)
        (corpus / "sub" / "deeper" / "d.txt").write_text(TEXT, encoding="utf-8")
        (corpus / ".hidden.txt").write_text(TEXT, encoding="utf-8")
        monkeypatch.chdir(corpus)
        for pattern, files in [
            ("**/*.txt", ["a.txt", "b.txt", "c.txt", "sub/deeper/d.txt"]),
            ("*/*/d.txt", ["sub/deeper/d.txt"]),
            ("[ab].txt", ["a.txt", "b.txt"]),
            ("**", ["a.txt", "b.txt", "c.txt", "sub/deeper/d.txt"]),
            ("sub/**", ["sub/deeper/d.txt"]),
            (f"{corpus}/sub/**/d.txt", [f"{corpus}/sub/deeper/d.txt"]),
        ]:
            status, out, err = run(capsys, "extract", pattern, "--published", "2019-07-01")
            assert (status, err) == (0, ""), pattern
            sources = list(dict.fromkeys(str(row["source"]) for row in map(from_json, out.splitlines())))
            assert sources == files, pattern

    def test_fifos_and_other_special_files_are_reported_and_never_opened(self, tmp_path: Path) -> None:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
        os.mkfifo(corpus / "pipe.txt")
        os.mkfifo(tmp_path / "named.jsonl")
        inputs = [str(corpus), str(tmp_path / "*.jsonl"), str(tmp_path / "named.jsonl"), "/dev/null"]
        run = subprocess.run(
            [sys.executable, "-m", "govmetrics", "extract", *inputs, "--published", "2019-07-01"],
            capture_output=True,
            text=True,
            timeout=60,  # a FIFO that is opened blocks for ever
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
        assert run.returncode == 2
        assert run.stderr.splitlines() == [
            f"govmetrics: {corpus / 'pipe.txt'}: not a regular file (a FIFO); not read",
            f"govmetrics: {tmp_path / 'named.jsonl'}: not a regular file (a FIFO); not read",
            f"govmetrics: {tmp_path / 'named.jsonl'}: not a regular file (a FIFO); not read",
            "govmetrics: /dev/null: not a regular file (a character device); not read",
        ]
        assert run.stdout.count('"text": "697万平方米"') == 1

    def test_an_empty_corpus_file_is_reported(self, capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
        (corpus / "empty.txt").write_bytes(b"")
        (corpus / "empty.jsonl").write_bytes(b"")
        (corpus / "blank.jsonl").write_bytes(b"\n \n")
        status, out, err = run(capsys, "extract", str(corpus), "--published", "2019-07-01")
        assert status == 2
        assert err.splitlines() == [
            f"govmetrics: {corpus / 'blank.jsonl'}: no document in it (only blank lines)",
            f"govmetrics: {corpus / 'empty.jsonl'}: is empty",
            f"govmetrics: {corpus / 'empty.txt'}: is empty",
        ]
        assert out.count('"text": "697万平方米"') == 3


class TestWorkers:
    @pytest.mark.parametrize(
        ("jobs", "documents", "workers"),
        [("10000", 1, 1), ("10000", 3, 3), ("0", 3, 3), ("0", 9, 4), ("2", 9, 2), ("6", 9, 4)],
    )
    def test_workers_are_capped_at_the_cpus_and_the_documents(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        jobs: str,
        documents: int,
        workers: int,
    ) -> None:
        for number in range(documents):
            (tmp_path / f"{number}.txt").write_text(TEXT, encoding="utf-8")
        asked: list[int | None] = []

        def in_process(items: Any, task: Any, *, processes: int | None = None, **options: Any) -> Any:
            asked.append(processes)
            return map_documents(items, task, processes=1, **options)

        monkeypatch.setattr("govmetrics.cli.available_cpus", lambda: 4, raising=False)
        monkeypatch.setattr("govmetrics.cli.map_documents", in_process)
        status, out, _ = run(capsys, "extract", str(tmp_path), "--jobs", jobs, "--published", "2019-07-01")
        assert status == 0 and out.count('"text": "697万平方米"') == documents
        assert asked == [workers]
