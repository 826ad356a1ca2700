"""A MkDocs hook: a page made of a README that lives elsewhere in the repository.

A line ``<!-- include-readme: plugins/govmetrics-tenths/README.md -->`` in a page is replaced by
that file (a path from the repository root). The README's relative links are written for its own
place in the repository, so they are rewritten for the page's: a link into ``docs/`` points at
that page of the site, a link to the top README at the home page, and a link to any other file
of the repository, which the site does not have, keeps its text and loses its target. A missing
file stops the build.

mkdocs.yml loads it under ``hooks``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

_INCLUDE = re.compile(r"^<!--\s*include-readme:\s*(?P<path>\S+)\s*-->[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_INLINE_LINK = re.compile(r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")
_LINK_DEFINITION = re.compile(r"^(?P<lead>\s{0,3}\[[^\]]+\]:\s*)(?P<target>\S+)(?P<rest>.*)$")


def on_page_markdown(markdown: str, *, page: Any, config: Any, **kwargs: Any) -> str:
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    page_dir = (docs / page.file.src_uri).parent

    def include(match: re.Match[str]) -> str:
        source = (root / match["path"]).resolve()
        if not source.is_file():
            raise PluginError(f"{page.file.src_uri}: no file {match['path']} to include")
        return relink(source.read_text("utf-8"), source.parent, root, docs, page_dir)

    return _INCLUDE.sub(include, markdown)


def relink(text: str, base: Path, root: Path, docs: Path, page_dir: Path) -> str:
    """``text``'s relative links, written from ``base``, rewritten for a page in ``page_dir``."""

    def target_for(target: str) -> str | None:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", target):
            return target  # a URL, an anchor of the same page, or site-absolute
        path, hash_, anchor = target.partition("#")
        resolved = (base / path).resolve()
        if resolved == root / "README.md":
            resolved = docs / "index.md"
        if resolved.is_relative_to(docs) and resolved.exists():
            return Path(os.path.relpath(resolved, page_dir)).as_posix() + hash_ + anchor
        return None

    def inline(match: re.Match[str]) -> str:
        target = target_for(match["target"])
        if target is None:
            return match["text"] if not match["bang"] else ""
        return f"{match['bang']}[{match['text']}]({target}{match['title'] or ''})"

    def definition(match: re.Match[str]) -> str:
        target = target_for(match["target"])
        return "" if target is None else f"{match['lead']}{target}{match['rest']}"

    lines, in_code = [], False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code:
            line = _LINK_DEFINITION.sub(definition, _INLINE_LINK.sub(inline, line))
        lines.append(line)
    return "\n".join(lines) + "\n"
