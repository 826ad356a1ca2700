"""Faults a careless user, a full disk or a cluster scheduler bring to a run, tried on the real CLI.

Each test runs ``python -m govmetrics extract`` in a subprocess that sees a small plugin
installed in a site of its own (a module and its ``dist-info`` with a ``govmetrics`` entry
point), so worker processes load the plugin too. Afterwards every document is either in the
output or named on stderr, and no process of the run is left.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.plugin_sites import SOURCE_ROOT

TEXT = "2019年全市生产总值达到1200亿元，同比增长6.5%。"
POSIX = pytest.mark.skipif(os.name != "posix", reason="signals and process groups are POSIX")


def plugin_site(root: Path, body: str, name: str = "faulty") -> Path:
    """A site holding one plugin module whose ``govmetrics_extract`` runs ``body`` (``article`` in scope)."""
    site = root / "site"
    site.mkdir(parents=True, exist_ok=True)
    hook = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    module = (
        f"import os, sys, time\nimport govmetrics\n\n\n@govmetrics.hookimpl\ndef govmetrics_extract(article):\n{hook}\n"
    )
    (site / f"{name}_plugin.py").write_text(module, encoding="utf-8")
    info = site / f"{name}_plugin-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}-plugin\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[govmetrics]\n{name} = {name}_plugin\n", encoding="utf-8")
    return site


def corpus(root: Path, count: int) -> Path:
    folder = root / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"d{number:02d}.txt").write_text(TEXT, encoding="utf-8")
    return folder


def environment(site: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVMETRICS_")}
    paths = [str(site)] if site is not None else []
    env.update(PYTHONPATH=os.pathsep.join([*paths, str(SOURCE_ROOT)]), PYTHONIOENCODING="utf-8")
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "govmetrics", "extract", "--no-progress", *args]


def extract(site: Path | None, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment(site),
        cwd=SOURCE_ROOT,
        timeout=timeout,
    )


def ids_out(stdout: str) -> set[str]:
    return {json.loads(line)["id"] for line in stdout.splitlines() if line.strip()}


def every_document_accounted_for(folder: Path, stdout: str, stderr: str) -> None:
    written = {Path(name).name for name in ids_out(stdout)}
    for path in sorted(folder.iterdir()):
        assert path.name in written or path.name in stderr, f"{path.name}: neither in the output nor on stderr"


# --------------------------------------------------------------------------- a plugin that ends the process


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "body",
    ["sys.exit(3)", "raise SystemExit", "raise KeyboardInterrupt"],
    ids=["sys-exit-3", "system-exit", "keyboard-interrupt"],
)
def test_a_plugin_ending_the_process_is_only_that_plugins_failure(tmp_path: Path, jobs: str, body: str) -> None:
    site = plugin_site(tmp_path, body)
    folder = corpus(tmp_path, 3)
    done = extract(site, str(folder), "--jobs", jobs)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert {Path(r["id"]).name for r in records} == {"d00.txt", "d01.txt", "d02.txt"}  # the other plugins' records
    assert "faulty" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_plugin_ending_the_process_fails_the_document_under_strict(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, "sys.exit(0)")
    folder = corpus(tmp_path, 2)
    done = extract(site, str(folder), "--jobs", jobs, "--strict")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    every_document_accounted_for(folder, done.stdout, done.stderr)


# --------------------------------------------------------------------------- a plugin that prints


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_plugins_print_does_not_land_in_the_records(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, "print('chatter from a plugin')\nsys.stdout.write('more chatter\\n')\nreturn []")
    folder = corpus(tmp_path, 3)
    done = extract(site, str(folder), "--jobs", jobs)
    assert done.returncode == 0, done.stderr
    for line in done.stdout.splitlines():
        json.loads(line)
    assert len(ids_out(done.stdout)) == 3
    assert "chatter from a plugin" in done.stderr


def test_a_real_ctrl_c_during_a_plugin_still_ends_the_run() -> None:
    import govmetrics
    from govmetrics.plugins import PluginHost, using_host

    class Interrupter:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: object) -> list[object]:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
            return []

    class Raiser:
        @govmetrics.hookimpl
        def govmetrics_extract(self, article: object) -> list[object]:
            raise KeyboardInterrupt

    host = PluginHost()
    host.register(Raiser(), "raiser")
    with using_host(host), pytest.warns(UserWarning, match="raiser"):
        govmetrics.extract(TEXT)  # raised by the hook itself: the plugin's failure
    host.register(Interrupter(), "interrupter")
    with using_host(host), pytest.raises(KeyboardInterrupt):
        govmetrics.extract(TEXT)  # a signal the process received: the end of the run


# --------------------------------------------------------------------------- signals and a full disk


def start(site: Path | None, *args: str) -> subprocess.Popen[str]:
    """The CLI in a process group of its own, so the test can tell whether any of its processes is left."""
    return subprocess.Popen(
        command(*args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environment(site),
        cwd=SOURCE_ROOT,
        start_new_session=True,
    )


def group_gone(pgid: int, within: float = 10.0) -> bool:
    """Whether every process of the group has ended (waiting up to ``within`` seconds)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)  # leave nothing behind for the next test
    return False


def wait_for_output(process: subprocess.Popen[str], path: Path | None = None, delay: float = 1.5) -> None:
    """Give the run time to start its workers and extract a little."""
    time.sleep(delay)
    assert process.poll() is None, process.communicate()


@POSIX
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(("signame", "status"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_signal_ends_the_run_with_one_line_and_no_process_left(
    tmp_path: Path, jobs: str, signame: str, status: int
) -> None:
    site = plugin_site(tmp_path, "time.sleep(0.3)\nreturn []")
    folder = corpus(tmp_path, 40)
    process = start(site, str(folder), "--jobs", jobs)
    wait_for_output(process)
    process.send_signal(getattr(signal, signame))
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == status, stderr
    assert stderr.strip().splitlines()[-1] == f"govmetrics: interrupted ({signame})"
    assert "Traceback" not in stderr
    assert group_gone(process.pid)


@POSIX
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGKILL"])
def test_a_run_killed_midway_leaves_the_previous_output_as_it_was(tmp_path: Path, signame: str) -> None:
    site = plugin_site(tmp_path, "time.sleep(0.3)\nreturn []")
    folder = corpus(tmp_path, 40)
    output = tmp_path / "records.jsonl"
    output.write_text('{"old": true}\n', encoding="utf-8")
    process = start(site, str(folder), "--jobs", "2", "-o", str(output))
    wait_for_output(process)
    process.send_signal(getattr(signal, signame))
    _, stderr = process.communicate(timeout=20)
    assert output.read_text(encoding="utf-8") == '{"old": true}\n'
    if signame == "SIGTERM":  # a signal it can catch: it says where what it wrote is
        assert "left as it was" in stderr and ".partial" in stderr
    assert group_gone(process.pid)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_exit_2_with_one_line(tmp_path: Path) -> None:
    folder = corpus(tmp_path, 3)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            command(str(folder)),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(None),
            cwd=SOURCE_ROOT,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govmetrics: <stdout>: no space left"), done.stderr


@POSIX
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_file_size_limit_is_exit_2_naming_the_file(tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    import resource

    folder = corpus(tmp_path, 200)
    output = tmp_path / f"out.{fmt}"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        command(str(folder), "-o", str(output)),
        capture_output=True,
        text=True,
        env=environment(None),
        cwd=SOURCE_ROOT,
        timeout=120,
        preexec_fn=limit,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"govmetrics: {output}: "), done.stderr


@POSIX
@pytest.mark.parametrize("signame", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_workers_end_when_their_parent_is_killed(tmp_path: Path, signame: str) -> None:
    site = plugin_site(tmp_path, "time.sleep(0.3)\nreturn []")
    folder = corpus(tmp_path, 40)
    process = start(site, str(folder), "--jobs", "2")
    wait_for_output(process)
    process.send_signal(getattr(signal, signame))
    process.wait(timeout=20)
    assert group_gone(process.pid), "worker processes outlived their parent"
    process.communicate(timeout=20)


@POSIX
@pytest.mark.parametrize("platform", ["linux", "other"])
def test_a_worker_whose_parent_is_already_gone_ends(platform: str) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from govmetrics import pool
        if {platform!r} == "other":
            sys.platform = "darwin"  # the portable watch, not the kernel's signal
        pool._exit_with_parent(-1)  # a parent that is not this process's parent: already gone
        time.sleep(10)
        sys.exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", script], env=environment(None), timeout=30)
    assert done.returncode == 1


# --------------------------------------------------------------------------- a plugin that never returns

HANGS_ON_D01 = "while article.source and article.source.endswith('d01.txt'):\n    pass\nreturn []"


@POSIX
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_past_the_time_limit_is_reported_and_the_run_goes_on(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, HANGS_ON_D01)
    folder = corpus(tmp_path, 4)
    done = extract(site, str(folder), "--jobs", jobs, "--timeout", "1")
    assert done.returncode == 1, done.stderr
    assert {Path(name).name for name in ids_out(done.stdout)} == {"d00.txt", "d02.txt", "d03.txt"}
    assert "d01.txt" in done.stderr and "time limit" in done.stderr


@POSIX
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_a_run_stuck_in_a_plugin_within_two_seconds(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, HANGS_ON_D01)
    folder = corpus(tmp_path, 4)
    process = start(site, str(folder), "--jobs", jobs)
    wait_for_output(process)
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=20)
    assert time.monotonic() - sent < 2.0
    assert process.returncode == 130, stderr
    assert group_gone(process.pid)


def test_the_time_limit_must_be_a_number_of_seconds(tmp_path: Path) -> None:
    done = extract(None, str(corpus(tmp_path, 1)), "--timeout", "soon")
    assert done.returncode == 2 and "--timeout" in done.stderr


# --------------------------------------------------------------------------- plugin warnings


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_plugin_is_one_line_per_reason_not_a_warning_per_document(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, "raise ValueError('boom')")
    folder = corpus(tmp_path, 6)
    done = extract(site, str(folder), "--jobs", jobs, "--published", "2020-01-01")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("govmetrics: plugin faulty: document ") and lines[0].endswith(": ValueError: boom")
    assert len(ids_out(done.stdout)) == 6


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_plugin_that_fails_to_load_is_one_line(tmp_path: Path, jobs: str) -> None:
    site = plugin_site(tmp_path, "return []")
    (site / "faulty_plugin.py").write_text("raise ImportError('no such thing')\n", encoding="utf-8")
    done = extract(site, str(corpus(tmp_path, 4)), "--jobs", jobs, "--published", "2020-01-01")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == ["govmetrics: plugin faulty: ImportError: no such thing"]


# --------------------------------------------------------------------------- a worker killed


@POSIX
def test_a_killed_worker_loses_no_document_and_leaves_no_process(tmp_path: Path) -> None:
    body = "if article.source and article.source.endswith('d05.txt'):\n    os.kill(os.getpid(), 9)\nreturn []"
    site = plugin_site(tmp_path, body)
    folder = corpus(tmp_path, 40)
    process = start(site, str(folder), "--jobs", "2")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr
    assert "d05.txt" in stderr and "worker process died" in stderr
    assert len(ids_out(stdout)) == 39  # only d05 is lost, and named
    every_document_accounted_for(folder, stdout, stderr)
    assert group_gone(process.pid)
