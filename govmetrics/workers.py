"""Worker processes that can be ended at once and started again, and that end with their parent.

:mod:`govmetrics.pool` runs its chunks on a :class:`Workers`. When a worker dies (killed, out of
memory) or stays stuck past the time limit in code no signal reaches, the pool is ended and
started afresh: the chunks in flight are run again, and the one that broke it is reported.
Each worker ends when the process that started it is gone (:func:`exit_with_parent`), and an
interrupted run ends its workers rather than waiting for them (:meth:`Workers.close`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

#: ``prctl`` option: the signal a Linux process gets when its parent dies.
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent's pid, where the kernel cannot be asked to tell.
PARENT_POLL = 1.0


def exit_with_parent(parent: int) -> None:
    """End this worker when ``parent`` (the process that started it) is gone, however it went.

    A parent killed with SIGKILL runs no clean-up, and its workers, reparented, would wait for
    work forever. On Linux the kernel sends the worker SIGTERM when its parent dies
    (``PR_SET_PDEATHSIG``); the parent may have died before that was set, so the parent's pid
    is checked right after. Elsewhere a thread watches the parent's pid and ends the worker.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
                if os.getppid() != parent:
                    os._exit(1)
                return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="govmetrics-parent-watch", daemon=True).start()


def init_worker(parent: int) -> None:
    """Runs first in each worker: signals are the parent's to handle, and plugins load as in a new process.

    Ctrl-C reaches the whole process group; the parent handles it and ends the workers. SIGTERM
    and SIGHUP get their default action back (a forked worker would inherit the parent's
    handlers, which turn them into an exception the worker would report and survive).

    A forked worker inherits the parent's plugin host. It keeps it when the host is what loading
    gives any new process (then the patterns built from its lexicons come along, and the worker
    starts warm); a host with plugins registered or removed by hand is dropped and loaded afresh,
    so workers see the same plugins whether they were forked or spawned.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    exit_with_parent(parent)
    from govmetrics.plugins import PluginWarning, get_plugin_host, loaded_as_configured, reset_plugins

    if not loaded_as_configured():
        reset_plugins()
    with warnings.catch_warnings():
        # the calling process loaded the same plugins first and reported any that failed to load
        warnings.simplefilter("ignore", PluginWarning)
        get_plugin_host()


def end_workers(executor: ProcessPoolExecutor) -> None:
    """Terminate every worker process of ``executor`` (SIGTERM, then SIGKILL for one that lingers)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(1.0)
            if process.is_alive():
                process.kill()
                process.join(1.0)


class Workers:
    """``processes`` worker processes behind a :class:`ProcessPoolExecutor` that can be replaced."""

    def __init__(self, processes: int, context: Any) -> None:
        self.processes = processes
        self.context = context
        self.restarts = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.processes, mp_context=self.context, initializer=init_worker, initargs=(os.getpid(),)
        )

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        return self.executor.submit(function, *args)

    def restart(self) -> None:
        """End every worker (a dead one broke the pool; a stuck one never returns) and start anew."""
        self.close(finished=False)
        self.restarts += 1
        self.executor = self._start()

    def close(self, *, finished: bool) -> None:
        """Shut the pool down: waiting for the workers after a finished run, ending them otherwise
        (an interruption, an error, the caller dropping the results)."""
        if not finished:
            end_workers(self.executor)
        self.executor.shutdown(wait=True, cancel_futures=True)
