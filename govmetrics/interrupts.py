"""Telling a real interruption (a signal to the process) from a plugin raising ``KeyboardInterrupt``.

A plugin that raises ``SystemExit`` or ``KeyboardInterrupt`` from a hook has failed, like one
that raises anything else; but Ctrl-C pressed while a plugin runs surfaces as the same
``KeyboardInterrupt`` inside that plugin's call, and must end the run. The difference is whether
a signal arrived: :func:`handler` (installed by the command for SIGINT, SIGTERM and SIGHUP, and
for SIGINT by :func:`watching` around the plugin calls when Python's default handler is in
place) counts every signal it turns into :class:`Interrupted`, and :func:`received` reads the count.
"""

from __future__ import annotations

import importlib
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType
from typing import Any, cast

_received = 0


class Interrupted(KeyboardInterrupt):
    """The process was sent ``signum`` (SIGINT, SIGTERM, SIGHUP): the run ends."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def received() -> int:
    """How many interrupting signals this process has received so far."""
    return _received


def handler(signum: int, frame: FrameType | None) -> None:
    """A signal handler that counts the signal and raises :class:`Interrupted`."""
    global _received
    _received += 1
    raise Interrupted(signum)


# The functions under signal.getsignal and signal.signal. Those wrap each handler in an enum member
# where one matches, which for a function is a failed lookup and a caught exception: 6 µs for the
# three calls around every extraction, a twentieth of extracting a short text; these take 0.4 µs.
# (A module of CPython's own, with no type stubs: typed here as the two calls used.)
_signal: Any = importlib.import_module("_signal")
_get_handler = cast(Callable[[int], object], _signal.getsignal)
_set_handler = cast(Callable[[int, object], object], _signal.signal)
_SIGINT = int(signal.SIGINT)


def watching() -> AbstractContextManager[None]:
    """Count SIGINT for the length of the block when Python's default handler would raise it
    uncounted (the library used in a script's main thread); otherwise leave the handler alone."""
    return _Watching()


class _Watching:
    """What :func:`watching` gives: a class rather than a generator under ``contextmanager``, which
    costs a microsecond more around every extraction (a hundredth of extracting a short text)."""

    __slots__ = ("_replaced",)

    def __enter__(self) -> None:
        self._replaced = (
            threading.current_thread() is threading.main_thread()
            and _get_handler(_SIGINT) is signal.default_int_handler
        )
        if self._replaced:
            _set_handler(_SIGINT, handler)

    def __exit__(self, *exc_info: object) -> None:
        if self._replaced:
            _set_handler(_SIGINT, signal.default_int_handler)


def is_interruption(exc: BaseException, before: int) -> bool:
    """Whether ``exc``, raised by a plugin, is a real interruption: a signal arrived since ``before``."""
    return isinstance(exc, KeyboardInterrupt) and _received != before


class TimeLimit(BaseException):
    """A document took longer than its time limit; raised inside whatever was running then.

    A ``BaseException``, so a plugin's own ``except Exception`` does not swallow it.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than the time limit of {seconds:g} s")
        self.seconds = seconds


def _expired(signum: int, frame: FrameType | None) -> None:
    raise TimeLimit(_limit)


_limit = 0.0


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimit` inside the block once it has run ``seconds`` (a real-time timer,
    SIGALRM). Only where such a timer exists and in the main thread; elsewhere, no limit here
    (a worker pool still replaces a worker stuck past it)."""
    global _limit
    usable = (
        seconds is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return
    _limit = seconds
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
