"""``govmetrics extract`` over corpora: directories, globs, JSON Lines, worker processes, files out,
progress, failures and the summary."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

import govmetrics
from govmetrics.cli import main
from govmetrics.export import CSV_COLUMNS, PARQUET_COLUMNS
from govmetrics.plugins import get_plugin_host
from govmetrics.progress import Progress
from govmetrics.serialize import from_json
from tests.shared import SHARED

TEXT_A = "据了解，我区老旧小区建筑面积697万平方米，累计走访2万余户，合格率97.6%。"
TEXT_B = "7月10日，八角街道发放宣传折页1200余份。"
TEXT_C = "建成12个驿站。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def jsonl(out: str) -> list[dict[str, Any]]:
    return [from_json(line) for line in out.splitlines()]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """corpus/a.txt, corpus/sub/b-2019-07-12.txt, corpus/sub/c.jsonl (2 documents), corpus/z.txt,
    and files to skip."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (root / "sub" / "b-2019-07-12.txt").write_bytes(TEXT_B.encode("gb18030"))
    write_jsonl(root / "sub" / "c.jsonl", [{"id": "c1", "text": TEXT_C}, {"id": "c2", "text": TEXT_A}])
    (root / ".hidden" / "x.txt").write_text(TEXT_C, encoding="utf-8")
    (root / "notes.md").write_text(TEXT_C, encoding="utf-8")
    (root / "z.txt").write_text(TEXT_C, encoding="utf-8")
    return root


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(str(row["id"]) for row in rows))


class TestInputs:
    def test_a_directory_is_read_recursively(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        status, out, err = run(capsys, "extract", str(tree), "--published", "2019-07-01")
        assert (status, err) == (0, "")
        rows = jsonl(out)
        a, b, c = str(tree / "a.txt"), str(tree / "sub" / "b-2019-07-12.txt"), str(tree / "sub" / "c.jsonl")
        z = str(tree / "z.txt")
        assert ids(rows) == [a, b, "c1", "c2", z]  # in path order, subdirectories where their names fall
        assert {row["source"] for row in rows} == {a, b, c, z}
        assert all(row["source"] == row["id"] for row in rows if row["source"] != c)
        date = next(row for row in rows if row["kind"] == "date")
        assert date["start"] == "2019-07-10"  # the year from the file name

    def test_a_glob(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        status, out, _ = run(capsys, "extract", str(tree / "**" / "*.txt"))
        assert status == 0
        assert ids(jsonl(out)) == [str(tree / "a.txt"), str(tree / "sub" / "b-2019-07-12.txt"), str(tree / "z.txt")]

    def test_a_glob_matching_nothing_is_an_input_error(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        status, out, err = run(capsys, "extract", str(tmp_path / "*.txt"))
        assert (status, out) == (2, "")
        assert err.splitlines() == [f"govmetrics: {tmp_path / '*.txt'}: no files match"]

    def test_a_json_lines_corpus_with_its_own_field_names(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_jsonl(
            tmp_path / "corpus.jsonl",
            [
                {"key": "k1", "body": TEXT_B, "day": "2018-09-01", "title": "ignored"},
                {"body": TEXT_B},
                {"key": "k3", "body": TEXT_C, "day": None},
            ],
        )
        status, out, err = run(
            capsys, "extract", str(path), "--id-field", "key", "--text-field", "body", "--date-field", "day",
            "--published", "2021-08-01",
        )  # fmt: skip
        assert (status, err) == (0, "")
        rows = jsonl(out)
        assert ids(rows) == ["k1", f"{path}:2", "k3"]
        assert {row["source"] for row in rows} == {str(path)}
        dates = [row["start"] for row in rows if row["kind"] == "date"]
        assert dates == ["2018-07-10", "2021-07-10"]  # the record's date, else --published

    def test_stdin_still_works_with_jobs(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT_A.encode("gb18030"))))
        status, out, _ = run(capsys, "extract", "--jobs", "2")
        assert status == 0
        first = jsonl(out)[0]
        assert (first["source"], first["id"], first["text"]) == ("<stdin>", "<stdin>", "697万平方米")

    def test_pages_of_a_json_lines_corpus(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        page = (
            "本报讯（记者 林木）3月8日，全区完成整治12个小区。\n\n区委常委会研究老旧小区整治\n\n"
            "本报讯 3月9日，发放1200余份。\n"
        )
        path = write_jsonl(tmp_path / "pages.jsonl", [{"id": "p1", "text": page, "published": "2021-03-10"}])
        status, out, _ = run(capsys, "extract", "--pages", str(path), "--jobs", "2")
        assert status == 0
        metrics = [(r["id"], r["article"], r["text"]) for r in jsonl(out) if r["kind"] == "metric"]
        assert metrics == [("p1", 0, "12个"), ("p1", 1, "1200余份")]


class TestJobs:
    def test_two_jobs_write_exactly_what_one_does(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        many = write_jsonl(
            tree / "many.jsonl", [{"id": f"d{n}", "text": TEXT_A if n % 2 else TEXT_B} for n in range(30)]
        )
        one = run(capsys, "extract", str(tree), str(many), "--published", "2020-08-01")
        two = run(capsys, "extract", str(tree), str(many), "--published", "2020-08-01", "--jobs", "2")
        assert one == two
        assert one[0] == 0 and len(jsonl(one[1])) > 60

    def test_jobs_must_be_a_count(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "--jobs", "-1"])
        assert exit_info.value.code == 2
        assert "whole number" in capsys.readouterr().err


class TestOutput:
    def test_parquet(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        target = tree.parent / "records.parquet"
        status, out, err = run(
            capsys, "extract", str(tree), "-o", str(target), "--jobs", "2", "--published", "2019-07-01"
        )
        assert (status, out, err) == (0, "", "")
        _, expected, _ = run(capsys, "extract", str(tree), "--published", "2019-07-01")
        rows = jsonl(expected)
        frame = pd.read_parquet(target)
        assert tuple(frame.columns) == PARQUET_COLUMNS
        assert len(frame) == len(rows)
        assert list(frame["id"]) == [row["id"] for row in rows]
        assert list(frame["text"]) == [row["text"] for row in rows]
        metric = frame[frame["text"] == "97.6%"].iloc[0]
        assert (metric["value"], metric["value_exact"], metric["unit"], metric["span_start"]) == (97.6, "97.6", "%", 34)
        big = frame[frame["text"] == "697万平方米"].iloc[0]
        assert big["value_exact"] == "6970000"
        date = frame[frame["kind"] == "date"].iloc[0]
        assert str(date["start"]) == "2019-07-10 00:00:00" and bool(date["year_inferred"])
        schema = pq.read_schema(target)
        assert str(schema.field("start").type) == "timestamp[ns]" and str(schema.field("span_start").type) == "int64"

    def test_pandas_reads_our_parquet_with_the_dtypes_of_a_frame(
        self, capsys: pytest.CaptureFixture[str], tree: Path
    ) -> None:
        """The schema carries the pandas metadata, so nullable ints stay Int64 (not float64 with NaN),
        flags boolean (not object) and days datetime64[ns]: as ``to_frame`` gives them."""
        from govmetrics import frames

        target = tree.parent / "records.parquet"
        assert run(capsys, "extract", str(tree), "-o", str(target))[0] == 0
        frame = pd.read_parquet(target)
        assert len(frame) > 6 and frame["article"].isna().all() and frame["min_times"].isna().any()
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
            name: str(dtype) for name, dtype in frames.dtypes().items()
        }
        # and the frame the records make itself, read back from pandas' own Parquet, matches ours
        expected = frames.rows_frame(jsonl(run(capsys, "extract", str(tree))[1]))
        pd.testing.assert_frame_equal(frame, expected)

    def test_the_pandas_metadata_is_what_pyarrow_writes_for_a_frame(self) -> None:
        import json

        pa = pytest.importorskip("pyarrow")
        from govmetrics import frames
        from govmetrics.parquet import pandas_metadata

        theirs = json.loads(pa.Schema.from_pandas(frames.empty_frame(), preserve_index=False).metadata[b"pandas"])
        ours = json.loads(pandas_metadata()[b"pandas"])
        assert ours["columns"] == theirs["columns"] and ours["index_columns"] == theirs["index_columns"] == []

    def test_parquet_row_groups_are_gathered_from_small_pieces(
        self, capsys: pytest.CaptureFixture[str], tree: Path
    ) -> None:
        """Lines become Arrow columns a few rows at a time; a row group is written once enough are
        held, so every group but the last has at least ``batch_rows`` rows, all in order."""
        from govmetrics.export import ParquetWriter, encode_rows

        rows = jsonl(run(capsys, "extract", str(tree))[1])
        target = tree.parent / "records.parquet"
        writer = ParquetWriter(target, batch_rows=3, piece_rows=2)
        for row in rows:
            writer.write(encode_rows([row], "parquet"))
        writer.close()
        metadata = pq.read_metadata(target)
        sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
        assert sum(sizes) == len(rows) > 6
        assert len(sizes) > 1 and all(size >= 3 for size in sizes[:-1]) and sizes[-1] > 0
        assert list(pd.read_parquet(target)["text"]) == [row["text"] for row in rows]

    def test_parquet_runs_keep_numpy_to_one_blas_thread(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """pyarrow imports numpy, whose BLAS would start a spinning thread a core beside the workers;
        a count the user set is kept."""
        from govmetrics.cli import BLAS_THREADS

        for name in BLAS_THREADS:
            monkeypatch.setenv(name, "")  # recorded, so whatever the run sets is undone after the test
            monkeypatch.delenv(name)
        monkeypatch.setenv("MKL_NUM_THREADS", "4")
        (tmp_path / "a.txt").write_text("全区2万余户。", encoding="utf-8")
        assert run(capsys, "extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.parquet"))[0] == 0
        assert (os.environ["OPENBLAS_NUM_THREADS"], os.environ["MKL_NUM_THREADS"]) == ("1", "4")

    def test_parquet_without_records_has_the_schema(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        (tmp_path / "none.txt").write_text("没有数字。", encoding="utf-8")
        target = tmp_path / "none.parquet"
        assert run(capsys, "extract", str(tmp_path / "none.txt"), "-o", str(target))[0] == 0
        assert pq.read_schema(target).names == list(PARQUET_COLUMNS) and pq.read_metadata(target).num_rows == 0

    def test_parquet_without_pyarrow_is_one_line(
        self, capsys: pytest.CaptureFixture[str], tree: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        target = tree.parent / "x.parquet"
        status, out, err = run(capsys, "extract", str(tree), "-o", str(target))
        assert (status, out) == (2, "")
        assert err.splitlines() == ["govmetrics: writing Parquet needs pyarrow: pip install 'govmetrics[parquet]'"]
        assert not target.exists()

    def test_csv_file(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        target = tree.parent / "records.csv"
        assert run(capsys, "extract", str(tree), "-o", str(target), "--published", "2019-07-01") == (0, "", "")
        reader = csv.DictReader(io.StringIO(target.read_text(encoding="utf-8")))
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS and CSV_COLUMNS[:2] == ("id", "source")
        rows = list(reader)
        assert ids(rows) == [
            str(tree / "a.txt"),
            str(tree / "sub" / "b-2019-07-12.txt"),
            "c1",
            "c2",
            str(tree / "z.txt"),
        ]
        assert rows[0]["value"] == "6970000"

    def test_json_file_and_format_over_suffix(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        _, expected, _ = run(capsys, "extract", str(tree))
        target = tree.parent / "records.json"
        assert run(capsys, "extract", str(tree), "-o", str(target))[0] == 0
        assert from_json(target.read_text(encoding="utf-8")) == jsonl(expected)
        other = tree.parent / "records.out"
        assert run(capsys, "extract", str(tree), "-o", str(other), "--format", "jsonl")[0] == 0
        assert other.read_text(encoding="utf-8") == expected

    def test_an_unknown_suffix_is_an_error(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        status, out, err = run(capsys, "extract", str(tree), "-o", str(tree.parent / "records.xml"))
        assert (status, out) == (2, "")
        assert len(err.splitlines()) == 1 and "--format" in err

    def test_the_output_is_never_read_as_input(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        inside = tree / "out.jsonl"
        inside.write_text("stale\n", encoding="utf-8")
        status, _, err = run(capsys, "extract", str(tree), "-o", str(inside), "--published", "2019-07-01")
        assert (status, err) == (2, f"govmetrics: {inside}: the output file is also an input; not read\n")
        assert ids(jsonl(inside.read_text(encoding="utf-8")))[-2:] == ["c2", str(tree / "z.txt")]
        status, _, err = run(capsys, "extract", str(inside), "-o", str(inside))
        assert status == 2 and "also an input" in err and inside.stat().st_size > 0


@pytest.fixture
def broken(tmp_path: Path) -> list[str]:
    """A good file, an undecodable one, a corpus with a line that is not JSON, another good file."""
    good = tmp_path / "good.txt"
    good.write_text(TEXT_A, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\xff\xfe\xff")
    lines = tmp_path / "lines.jsonl"
    lines.write_text('{"id": "ok", "text": "建成12个驿站。"}\n{oops\n', encoding="utf-8")
    last = tmp_path / "last.txt"
    last.write_text(TEXT_C, encoding="utf-8")
    return [str(good), str(bad), str(lines), str(last)]


class TestFailures:
    @pytest.mark.parametrize("jobs", ["1", "2"])
    def test_each_failure_is_one_line_and_the_run_goes_on(
        self, capsys: pytest.CaptureFixture[str], broken: list[str], jobs: str
    ) -> None:
        status, out, err = run(capsys, "extract", *broken, "--jobs", jobs, "--published", "2019-07-01")
        assert status == 2
        first, second = err.splitlines()
        assert first.startswith(f"govmetrics: {broken[1]}: cannot decode")
        assert (
            second
            == f"govmetrics: {broken[2]}:2: not JSON: Expecting property name enclosed in double quotes (column 2)"
        )
        assert ids(jsonl(out)) == [broken[0], "ok", broken[3]]

    def test_fail_fast_stops_at_the_first_failure(self, capsys: pytest.CaptureFixture[str], broken: list[str]) -> None:
        status, out, err = run(capsys, "extract", *broken, "--fail-fast", "--jobs", "2", "--published", "2019-07-01")
        assert status == 2
        [line] = err.splitlines()
        assert line.startswith(f"govmetrics: {broken[1]}: cannot decode")
        assert ids(jsonl(out)) == [broken[0]]

    def test_an_extraction_failure_exits_1(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        class Breaks:
            @govmetrics.hookimpl
            def govmetrics_extract(self, article: govmetrics.Article) -> list[Any]:
                if "坏" in article.text:
                    raise RuntimeError("cannot read this one")
                return []

        get_plugin_host().register(Breaks(), "breaks")
        path = write_jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": "坏了2个。"}, {"id": "y", "text": TEXT_C}])
        status, out, err = run(capsys, "extract", str(path), "--strict", "--published", "2019-07-01")
        assert status == 1
        [line] = err.splitlines()
        assert line.startswith("govmetrics: x: plugin \"breaks\" failed: RuntimeError('cannot read this one')")
        assert ids(jsonl(out)) == ["y"]


class TestUndated:
    def test_documents_without_a_date_are_one_warning_line_at_the_end(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """A corpus that names its date ``date``, read with the default ``--date-field published``:
        its dates without a year would be left unresolved without a word."""
        records = [
            {"id": "a", "text": "7月3日，全镇完成造林1200亩。", "date": "2021-07-05"},
            {"id": "b", "text": "8月9日召开推进会。", "date": "2021-08-10"},
            {"id": "c", "text": "已建成驿站8个。", "date": "2021-08-11", "published": "2021-08-11"},
        ]
        corpus = write_jsonl(tmp_path / "news.jsonl", records)
        status, out, err = run(capsys, "extract", str(corpus))
        assert status == 0 and len(jsonl(out)) >= 4
        assert err == (
            "warning: 2 of 3 documents have no publication date; dates without a year are left unresolved "
            "(name the field with --date-field, or give --published)\n"
        )
        status, out, err = run(capsys, "extract", str(corpus), "--date-field", "date")
        assert (status, err) == (0, "")
        assert [row["start"] for row in jsonl(out) if row["kind"] == "date"] == ["2021-07-03", "2021-08-09"]

    def test_the_warning_counts_documents_extracted_and_comes_before_the_summary(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        (tmp_path / "a.txt").write_text("7月3日，全镇完成造林1200亩。", encoding="utf-8")
        (tmp_path / "b-2021-07-05.txt").write_text("7月3日召开推进会。", encoding="utf-8")
        inputs = [str(tmp_path / "a.txt"), str(tmp_path / "b-2021-07-05.txt"), str(tmp_path / "missing.txt")]
        status, _, err = run(capsys, "extract", *inputs, "--progress")
        lines = err.splitlines()
        assert status == 2 and "missing.txt: no such file" in lines[0]
        assert lines[1].startswith("warning: 1 of 2 documents have no publication date;")
        assert lines[2].startswith("govmetrics: 3 documents, 4 records, 1 failed in ")


class TestProgress:
    def test_forced_on_it_ends_with_a_summary(self, capsys: pytest.CaptureFixture[str], broken: list[str]) -> None:
        status, _, err = run(capsys, "extract", *broken, "--progress")
        assert status == 2
        lines = err.splitlines()
        assert lines[-1].startswith("govmetrics: 5 documents, 5 records, 2 failed in ")
        assert lines[-1].endswith(" chars/s)")
        assert sum("cannot decode" in line or "not JSON" in line for line in lines) == 2

    def test_the_summary_says_fail_fast_stopped(self, capsys: pytest.CaptureFixture[str], broken: list[str]) -> None:
        _, _, err = run(capsys, "extract", *broken, "--progress", "--fail-fast")
        assert err.splitlines()[-1].startswith("govmetrics: 2 documents, 3 records, 1 failed in ")
        assert err.splitlines()[-1].endswith("stopped at the first failure (--fail-fast)")

    def test_off_when_stderr_is_not_a_terminal(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        assert run(capsys, "extract", str(tree), "--published", "2019-07-01")[2] == ""
        assert run(capsys, "extract", str(tree), "--no-progress", "--published", "2019-07-01")[2] == ""

    def test_on_a_terminal_the_line_is_redrawn_and_cleared(self) -> None:
        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        now = [0.0]
        stream = Terminal()
        progress = Progress(stream, enabled=True, clock=lambda: now[0])
        progress.done(records=3, chars=1000)  # too soon: nothing drawn
        assert stream.getvalue() == ""
        now[0] = 0.5
        progress.done(records=2, chars=1000)
        assert stream.getvalue() == "\rgovmetrics: 2 documents, 5 records, 0 failed, 4.0k chars/s\x1b[K"
        progress.message("govmetrics: x: broken")
        assert stream.getvalue().endswith("\x1b[K\r\x1b[Kgovmetrics: x: broken\n")
        now[0] = 1.0
        progress.finish()
        assert stream.getvalue().endswith("\ngovmetrics: 2 documents, 5 records, 0 failed in 1.0s (2.0k chars/s)\n")

    def test_forced_into_a_file_it_writes_whole_lines_once_a_second(self) -> None:
        now = [0.0]
        stream = io.StringIO()
        progress = Progress(stream, enabled=True, clock=lambda: now[0])
        for step in range(30):
            now[0] = step / 10
            progress.done(chars=10)
        assert "\r" not in stream.getvalue()
        assert len(stream.getvalue().splitlines()) == 2  # at 1.0s and 2.0s


@pytest.mark.shared
def test_the_real_corpus_on_two_jobs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = SHARED / "corpora" / "real" / "state_council_regulations.jsonl"
    with source.open(encoding="utf-8") as lines:
        head = [next(lines) for _ in range(4)]
    sample = tmp_path / "regulations.jsonl"
    sample.write_text("".join(head), encoding="utf-8")
    target = tmp_path / "records.parquet"
    status, _, err = run(
        capsys, "extract", str(sample), "--text-field", "text", "--date-field", "date", "--jobs", "2", "-o", str(target)
    )
    assert (status, err) == (0, "")
    frame = pd.read_parquet(target)
    assert set(frame["id"]) <= {json.loads(line)["id"] for line in head}
    assert len(frame) > 10 and frame["id"].notna().all() and (frame["source"] == str(sample)).all()


def test_big5_is_detected_and_an_encoding_can_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "hk-2019-07-16.txt"
    page.write_bytes("本報訊 7月11日，區政府召開會議。".encode("big5"))
    assert main(["extract", str(page)]) == 0
    assert [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()] == ["7月11日", "會議"]
    assert main(["extract", str(page), "--encoding", "big5"]) == 0
    assert [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()] == ["7月11日", "會議"]


def test_a_wrong_encoding_is_one_line_naming_the_file_and_the_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("区政府召开会议。".encode("gb18030"))
    assert main(["extract", str(page), "--encoding", "utf-8"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "page.txt: not utf-8: byte 0x" in err[0] and "at offset 0" in err[0]


KEPT_RECORDS = [
    {
        "id": "a",
        "text": "累计走访2万余户。",
        "title": "走访",
        "url": "http://example.org/a",
        "published": "2020-01-01",
    },
    {"id": "b", "text": "建成驿站8个。", "title": "驿站", "published": "2020-01-01", "pages": 3},
]


class TestKeepFields:
    def test_a_corpus_keeps_its_own_fields_in_every_format(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        corpus = write_jsonl(tmp_path / "news.jsonl", KEPT_RECORDS)
        keep = ["--keep-fields", "title,url,pages"]
        status, out, err = run(capsys, "extract", str(corpus), *keep)
        assert (status, err) == (0, "")
        rows = jsonl(out)
        assert [(r["title"], r["url"], r["pages"]) for r in rows] == [
            ("走访", "http://example.org/a", None),
            ("驿站", None, "3"),
        ]
        assert list(rows[0])[:5] == ["id", "source", "title", "url", "pages"]

        status, out, _ = run(capsys, "extract", str(corpus), *keep, "--format", "csv")
        reader = csv.DictReader(io.StringIO(out))
        assert tuple(reader.fieldnames or ())[-3:] == ("title", "url", "pages")
        assert [(r["title"], r["url"], r["pages"]) for r in reader] == [
            ("走访", "http://example.org/a", ""),
            ("驿站", "", "3"),
        ]

        target = tmp_path / "records.parquet"
        assert run(capsys, "extract", str(corpus), *keep, "-o", str(target))[0] == 0
        table = pq.read_table(target)
        assert [str(table.schema.field(name).type) for name in ("title", "url", "pages")] == ["string"] * 3
        assert table.column("url").to_pylist() == ["http://example.org/a", None]
        frame = pd.read_parquet(target)
        assert str(frame["title"].dtype).startswith("string") and frame["title"].tolist() == ["走访", "驿站"]

    def test_a_text_file_has_the_kept_columns_empty(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        (tmp_path / "a-2020-01-01.txt").write_text("建成驿站8个。", encoding="utf-8")
        status, out, _ = run(capsys, "extract", str(tmp_path / "a-2020-01-01.txt"), "--keep-fields", "title")
        assert status == 0 and jsonl(out)[0]["title"] is None

    @pytest.mark.parametrize("names", ["title,text", "span", "source", "value_exact", "title,title"])
    def test_a_name_that_is_already_a_column_is_one_line_and_exit_2(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, names: str
    ) -> None:
        corpus = write_jsonl(tmp_path / "news.jsonl", KEPT_RECORDS)
        status, out, err = run(capsys, "extract", str(corpus), "--keep-fields", names)
        assert (status, out) == (2, "")
        [line] = err.splitlines()
        assert line.startswith("govmetrics: cannot keep the field ") and names.split(",")[-1] in line
