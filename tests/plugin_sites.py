"""Installing plugin distributions into a temporary site, and running govmetrics against it.

The distribution tests build a plugin from ``plugins/`` the way a user's ``pip install`` does,
offline, into a directory of their own, and run Python in a subprocess that sees that directory
and the govmetrics under test: nothing in the environment changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import govmetrics

#: Where the govmetrics under test lives, so the subprocess imports the same one.
SOURCE_ROOT = Path(govmetrics.__file__).resolve().parent.parent
PLUGINS = SOURCE_ROOT / "plugins"
CLI = "from govmetrics.cli import main; raise SystemExit(main())"


def install(root: Path, *directories: str) -> Path:
    """Build ``plugins/<directory>`` for each directory and install them into ``root/site``."""
    sources = []
    for directory in directories:
        # pip builds a local directory in place (build/, *.egg-info): build a copy, not the repository.
        source = root / "src" / directory
        ignore = shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache")
        shutil.copytree(PLUGINS / directory, source, ignore=ignore)
        sources.append(str(source))
    target = root / "site"
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index"]
    command += ["--disable-pip-version-check", "--quiet", "--target", str(target), *sources]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def run_python(site: Path, *args: str, stdin: str | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python *args`` seeing the plugins installed in ``site``; it must succeed."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GOVMETRICS_")}
    environment.update(env, PYTHONPATH=os.pathsep.join([str(site), str(SOURCE_ROOT)]), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=site.parent,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done
