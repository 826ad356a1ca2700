"""The documentation runs: every example in it, and the site build.

Code blocks are read from README.md, every page under docs/ and every plugin package's README
(plugins/*/README.md, which the site includes). The fence's language says what is done:

* ``python``: run, and what it shows is checked. The blocks of one page run in order in one
  namespace, as a reader reads them: a later block may use what an earlier one imported or
  defined. A plugin README's blocks run in its plugin module's namespace. A block whose first
  line is a file name (``# govmetrics_ranks.py``) is that file: it runs as a module of that name,
  which later blocks of the page import. One convention for output:

  - what a statement prints is shown in the comment lines right after it, and must be exactly
    that (``print(metric.text)`` then ``# 2万余户``); a statement that prints with no comment
    after it fails, so output is never left unchecked;
  - a bare expression with a comment at the end of its line shows its ``repr`` there
    (``govmetrics.parse_number("两千三百")  # 2300``). For a remark, assign the value instead.

  A ``test_*`` function a block defines is then called, so pytest examples pass as shown.
* ``console``: each ``$ `` line is a shell command, run from the repository root with this
  environment's ``bin`` first on ``PATH``; the lines after it, up to the next ``$ ``, are what it
  prints (stdout and stderr). ``--help`` output is compared word for word, since argparse wraps
  it differently from one Python to the next.
* ``pyi``: a stub, such as a hook's signature: parsed, not run (and the hooks' stubs are checked
  against hookspecs.py).

Other blocks (``json``, ``toml``, ``sh`` …) are shown, not run: write installs and commands
that need what the repository does not have as ``sh``. A ``python`` or ``console`` block that
cannot run in a test (it needs a cluster, a corpus on disk) says so on the line before it,
``<!-- not run: needs a Dask scheduler -->``; it is then parsed and reported as skipped, with
the reason.

Examples run with the built-in plugins only (``GOVMETRICS_LOAD_PLUGINS``), so a plugin package
installed into the environment does not change what they print.

The last tests check the site: every page is in the nav, every plugin package has a page, and
``mkdocs build --strict`` passes with any network access made to fail.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import doctest
import importlib
import inspect
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from govmetrics import hookspecs
from govmetrics.plugins import DEFAULT_PLUGINS, HOOK_NAMES, reset_plugins

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PLUGINS = ROOT / "plugins"
BUILTINS = ",".join(name for name, _ in DEFAULT_PLUGINS)
#: The modules the API reference renders; their docstrings' ``>>>`` examples run too.
API_MODULES = [
    "govmetrics",
    "govmetrics.models",
    "govmetrics.numerals",
    "govmetrics.calendar",
    "govmetrics.pages",
    "govmetrics.testing",
    "govmetrics.errors",
    "govmetrics.schema",
    "govmetrics.kit",
]


# -- reading code blocks -------------------------------------------------------------------------


@attrs.frozen
class Block:
    path: Path
    line: int  # of the first line of code, 1-based
    lang: str
    code: str
    not_run: str | None = None  # why, from a ``<!-- not run: … -->`` line right before the block

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


_NOT_RUN = re.compile(r"^\s*<!--\s*not run:\s*(?P<why>.+?)\s*-->\s*$")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+-]*)[^\n]*$")


def code_blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, dedented, with their language."""
    blocks = []
    lines = path.read_text("utf-8").splitlines()
    at = 0
    while at < len(lines):
        opening = _FENCE.match(lines[at])
        at += 1
        if opening is None:
            continue
        indent, fence = opening["indent"], opening["fence"]
        before = next((line for line in reversed(lines[: at - 1]) if line.strip()), "")
        not_run = _NOT_RUN.match(before)
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body_start = at
        while at < len(lines) and not closing.match(lines[at]):
            at += 1
        body = [line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines[body_start:at]]
        code = "\n".join(body) + "\n"
        blocks.append(Block(path, body_start + 1, opening["lang"].lower(), code, not_run and not_run["why"]))
        at += 1
    return blocks


def plugin_dirs() -> list[Path]:
    return sorted(path for path in PLUGINS.iterdir() if (path / "pyproject.toml").is_file())


def doc_files() -> list[Path]:
    pages = sorted(path for path in DOCS.rglob("*.md") if "hooks" not in path.relative_to(DOCS).parts)
    readmes = [path / "README.md" for path in plugin_dirs() if (path / "README.md").is_file()]
    return [ROOT / "README.md", *pages, *readmes]


ALL_BLOCKS = [block for path in doc_files() for block in code_blocks(path)]


def blocks_of(lang: str) -> list[Block]:
    return [block for block in ALL_BLOCKS if block.lang == lang]


# -- running Python blocks -----------------------------------------------------------------------


def _comments(code: str) -> dict[int, str]:
    """Line number → the comment on that line, without ``#`` and one space."""
    found = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            text = token.string[1:]
            found[token.start[0]] = text[1:] if text.startswith(" ") else text
    return found


def _comment_only_lines(code: str) -> set[int]:
    return {number for number, line in enumerate(code.splitlines(), 1) if line.strip().startswith("#")}


def _is_print(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Name)
        and node.value.func.id == "print"
    )


def _shown_after(code: str, line: int) -> list[str]:
    """The comment lines right after ``line``, up to the first line that is not a comment."""
    comments, comment_lines = _comments(code), _comment_only_lines(code)
    shown = []
    while line + 1 in comment_lines:
        line += 1
        shown.append(comments[line])
    return shown


def plugin_module_of(path: Path) -> Any:
    """The plugin module of a plugin package's directory: its one top-level module or package."""
    modules = [p for p in path.glob("*.py") if p.stem not in {"setup", "conftest"}]
    modules += [p for p in path.glob("src/*.py")] + [p.parent for p in path.glob("src/*/__init__.py")]
    modules += [p.parent for p in path.glob("*/__init__.py") if p.parent.name != "tests"]
    assert len(modules) == 1, f"{path}: cannot tell its plugin module among {modules}"
    return importlib.import_module(modules[0].stem)


_MODULE_FILE = re.compile(r"#\s*(?P<name>[A-Za-z_]\w*)\.py\s*$")


def run_python(
    block: Block, namespace: dict[str, Any], monkeypatch: pytest.MonkeyPatch, *, check: bool
) -> dict[str, Any]:
    """Run ``block``, checking what it shows when ``check`` is set; return the namespace it ran in.

    A block whose first line is a file name (``# govmetrics_ranks.py``) is that file: it runs as
    a module of that name, which later blocks of the page can import.
    """
    tree = ast.parse(block.code, filename=block.where)
    comments, comment_lines = _comments(block.code), _comment_only_lines(block.code)
    filename = f"<{block.where}>"
    file = _MODULE_FILE.fullmatch(block.code.splitlines()[0]) if block.code.strip() else None
    if file is not None:
        module = types.ModuleType(file["name"])
        module.__file__ = filename
        monkeypatch.setitem(sys.modules, file["name"], module)
        namespace = vars(module)
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        remark = comments.get(end) if end not in comment_lines else None
        stdout = io.StringIO()
        with contextlib.redirect_stdout(stdout):
            if isinstance(statement, ast.Expr) and not _is_print(statement) and remark is not None:
                expression = ast.Expression(statement.value)
                ast.increment_lineno(expression, block.line - 1)
                value = eval(compile(expression, filename, "eval"), namespace)
                if check:
                    assert repr(value) == remark, f"{block.where}: line {statement.lineno} is {value!r}, not {remark}"
            else:
                module_ast = ast.Module([statement], type_ignores=[])
                ast.increment_lineno(module_ast, block.line - 1)
                exec(compile(module_ast, filename, "exec"), namespace)
        printed = stdout.getvalue()
        if check and printed:
            shown = _shown_after(block.code, end)
            assert shown, (
                f"{block.where}: line {statement.lineno} prints, but no comment after it shows what:\n{printed}"
            )
            assert [line.rstrip() for line in printed.splitlines()] == [line.rstrip() for line in shown], (
                f"{block.where}: line {statement.lineno} printed\n{printed}\nnot what its comments show:\n"
                + "\n".join(shown)
            )
    return namespace


def page_namespace(path: Path) -> dict[str, Any]:
    if path.parent.parent == PLUGINS:
        return dict(vars(plugin_module_of(path.parent)))
    return {"__name__": "__docs__"}


@pytest.fixture
def docs_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Examples see the repository root, the plugin packages and the built-in plugins only."""
    monkeypatch.chdir(ROOT)
    for path in plugin_dirs():
        monkeypatch.syspath_prepend(str(path))
    monkeypatch.setenv("GOVMETRICS_LOAD_PLUGINS", BUILTINS)
    reset_plugins()
    yield
    reset_plugins()


@pytest.mark.parametrize("block", blocks_of("python"), ids=lambda block: block.where)
def test_python_example(block: Block, docs_environment: None, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.not_run:
        ast.parse(block.code, filename=block.where)
        pytest.skip(f"{block.where}: not run: {block.not_run}")
    namespace = page_namespace(block.path)
    for earlier in blocks_of("python"):
        if earlier.path == block.path and earlier.line < block.line and not earlier.not_run:
            run_python(earlier, namespace, monkeypatch, check=False)
            reset_plugins()
    before = dict(namespace)
    ran_in = run_python(block, namespace, monkeypatch, check=True)
    for name, value in list(ran_in.items()):
        if name.startswith("test_") and inspect.isfunction(value) and before.get(name) is not value:
            reset_plugins()
            value()


@pytest.mark.parametrize("block", blocks_of("pyi"), ids=lambda block: block.where)
def test_stub_parses(block: Block) -> None:
    ast.parse(block.code, filename=block.where)


def test_hook_signature_blocks_match_the_hookspecs() -> None:
    """Under each hook's heading in plugins.md, a ``pyi`` block gives its signature as hookspecs.py has it."""
    source = ast.parse(inspect.getsource(hookspecs))
    specs = {node.name: node for node in source.body if isinstance(node, ast.FunctionDef)}
    page = (DOCS / "plugins.md").read_text("utf-8")
    for name in HOOK_NAMES:
        section = re.split(rf"^### {name}\(.*$", page, maxsplit=1, flags=re.MULTILINE)[1].split("\n### ", 1)[0]
        stub = re.search(r"```pyi\n(.*?)```", section, re.DOTALL)
        assert stub is not None, f"docs/plugins.md: the {name} section has no pyi block with its signature"
        (documented,) = ast.parse(stub.group(1)).body
        spec = copy.deepcopy(specs[name])
        spec.body, spec.decorator_list = [ast.Expr(ast.Constant(...))], []
        assert isinstance(documented, ast.FunctionDef)
        assert ast.unparse(documented) == ast.unparse(spec), (
            f"docs/plugins.md: the signature of {name} is not {ast.unparse(spec)}"
        )


@pytest.mark.parametrize("name", API_MODULES)
def test_docstring_examples_on_the_api_pages(name: str, docs_environment: None) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} docstring example(s) failed (see the output above)"


# -- running console blocks ----------------------------------------------------------------------


def console_sessions(block: Block) -> list[tuple[str, list[str]]]:
    sessions: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            sessions.append((line[2:], []))
        else:
            assert sessions, f"{block.where}: a console block starts with a `$ ` command"
            sessions[-1][1].append(line)
    return sessions


@pytest.mark.parametrize("block", blocks_of("console"), ids=lambda block: block.where)
def test_console_example(block: Block) -> None:
    if block.not_run:
        pytest.skip(f"{block.where}: not run: {block.not_run}")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "GOVMETRICS_LOAD_PLUGINS": BUILTINS,
        "COLUMNS": "100",  # argparse wraps --help to the terminal's width
        "NO_COLOR": "1",  # Python 3.14's argparse colours help
        "PYTHON_COLORS": "0",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("GOVMETRICS_STRICT_PLUGINS", None)
    for command, shown in console_sessions(block):
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        got, want = done.stdout, "\n".join(shown)
        if command.endswith("--help"):
            got, want = _help_text(got), _help_text(want)
        else:
            got = [line.rstrip() for line in got.rstrip("\n").splitlines()]
            want = [line.rstrip() for line in want.rstrip("\n").splitlines()]
        assert got == want, f"{block.where}: `{command}` printed\n{done.stdout}"


def _help_text(text: str) -> str:
    """argparse help, as the same on every Python: 3.13 writes ``-o, --output FILE``, 3.10–3.12
    ``-o FILE, --output FILE``, and wraps what follows to fit; the words are what count."""
    text = re.sub(r"(?<!\S)(-\w) (\S+), (--[\w-]+) \2(?!\S)", r"\1, \3 \2", text)
    return " ".join(text.split())


# -- the site ------------------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """YAML as mkdocs.yml writes it: tags MkDocs knows (``!relative``, ``!!python/name:``) read as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)  # a SafeLoader


def nav_files(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        if not nav.startswith(("http://", "https://")):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_files(item)
    elif isinstance(nav, dict):
        for item in nav.values():
            yield from nav_files(item)


def test_every_page_is_in_the_nav() -> None:
    listed = set(nav_files(mkdocs_config()["nav"]))
    pages = {str(path.relative_to(DOCS)) for path in doc_files() if path.is_relative_to(DOCS)}
    assert pages - listed == set(), "pages missing from the nav in mkdocs.yml"
    assert listed - pages == set(), "the nav lists pages that do not exist"


@pytest.mark.parametrize("path", plugin_dirs(), ids=lambda path: path.name)
def test_every_plugin_package_has_a_readme_and_a_page(path: Path) -> None:
    assert (path / "README.md").is_file(), f"plugins/{path.name} has no README.md for its docs page to include"
    page = DOCS / "plugin-packages" / f"{path.name}.md"
    assert page.is_file(), f"plugins/{path.name} has no page: add {page.relative_to(ROOT)} including its README"
    assert f"<!-- include-readme: plugins/{path.name}/README.md -->" in page.read_text("utf-8")


def test_everything_govmetrics_exports_is_on_the_api_page() -> None:
    import govmetrics

    page = (DOCS / "api" / "govmetrics.md").read_text("utf-8")
    for name in govmetrics.__all__:
        assert f"[`{name}`][" in page, f"docs/api/govmetrics.md does not list govmetrics.{name}"


def test_cli_reference_shows_the_help_of_every_command() -> None:
    from govmetrics.cli import build_parser

    page = (DOCS / "cli.md").read_text("utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ["", *commands]:
        assert f"$ govmetrics {name} --help".replace("  ", " ") in page, f"docs/cli.md does not show {name} --help"


@pytest.mark.skipif(shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None, reason="no mkdocs")
def test_site_builds_strictly_without_network(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # Anything that tries to fetch at build time (fonts, social cards, inventories) fails.
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "NO_PROXY": "",
    }
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    schema_page = (site / "schema" / "index.html").read_text("utf-8")
    assert "ExactNumber" in schema_page, "the schema page does not embed the schema"
    assert (site / "record.schema.json").is_file()
    api = (site / "api" / "govmetrics" / "index.html").read_text("utf-8")
    assert 'id="govmetrics.extract"' in api
    for path in plugin_dirs():
        if not (path / "README.md").is_file():
            continue  # test_every_plugin_package_has_a_readme_and_a_page says so
        html = (site / "plugin-packages" / path.name / "index.html").read_text("utf-8")
        title = (path / "README.md").read_text("utf-8").splitlines()[0].lstrip("# ").strip()
        assert title in html, f"the page of {path.name} does not include its README"


# -- the conventions themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "print(1)\n# 2\n",  # wrong output
        "print(1)\n",  # output not shown
        "print(1)\n\n# 1\n",  # shown, but not right after it
        "1 + 1  # 3\n",  # wrong repr
        "for i in range(2):\n    print(i)\n# 0\n",  # part of the output
    ],
)
def test_an_example_that_does_not_show_its_output_fails(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(AssertionError):
        run_python(Block(ROOT / "README.md", 1, "python", code), {}, monkeypatch, check=True)


@pytest.mark.parametrize(
    "code",
    [
        "print(1)\n# 1\n",
        "1 + 1  # 2\n",
        "for i in range(2):\n    print(i)\n# 0\n# 1\n",
        "x = 1  # a remark\n# a remark on a line of its own\n",
        "def f():\n    print('hi')\n\n\nf()\n# hi\n",
    ],
)
def test_an_example_that_shows_its_output_passes(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    run_python(Block(ROOT / "README.md", 1, "python", code), {}, monkeypatch, check=True)
