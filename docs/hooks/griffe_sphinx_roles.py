"""A Griffe extension: Sphinx cross-reference roles in docstrings become links in the API pages.

govmetrics' docstrings refer to other objects the Sphinx way (:func:`parse_amount`,
:class:`~govmetrics.errors.PluginError`), which reads well in ``help()`` but which mkdocstrings
would print as it stands. This extension rewrites each role, for the docs build only, into an
optional autorefs cross-reference: a link where the target has an API page, plain code where it
has none. The name is resolved from where the docstring stands, as Sphinx would. A ``::`` that
opens a literal block becomes a ``:`` (the block itself, indented, is already code in Markdown).

mkdocs.yml loads it with the python handler's ``extensions`` option.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const):`(?P<tilde>~?)(?P<target>[\w.]+)`")
_LITERAL_BLOCK = re.compile(r"(?<=\S)::$", re.MULTILINE)


def _resolve(obj: griffe.Object, target: str) -> str:
    first, _, rest = target.partition(".")
    if first == "govmetrics":
        return target
    try:
        resolved = obj.resolve(first)
    except griffe.NameResolutionError:  # left as written: an optional reference shows it as code
        return target
    return f"{resolved}.{rest}" if rest else resolved


def _rewrite(obj: griffe.Object) -> None:
    docstring = obj.docstring
    if docstring is None:
        return

    def link(match: re.Match[str]) -> str:
        target = match["target"]
        title = target.rsplit(".", 1)[-1] if match["tilde"] else target
        return f'<autoref identifier="{_resolve(obj, target)}" optional><code>{title}</code></autoref>'

    docstring.value = _LITERAL_BLOCK.sub(":", _ROLE.sub(link, docstring.value))


def _walk(obj: griffe.Object, seen: set[str]) -> None:
    if obj.path in seen:
        return
    seen.add(obj.path)
    _rewrite(obj)
    for member in obj.members.values():
        if not member.is_alias:
            _walk(member, seen)  # type: ignore[arg-type]


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles once a package is loaded, so every name in it can be resolved."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        _walk(pkg, set())
