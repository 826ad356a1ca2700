"""An output file written whole or not at all.

A run writes its records to a hidden file beside the target (``.NAME.<random>.partial``, so the
rename that ends the run stays on one file system) and renames it over the target only when the
run ends: a missing input, a crash or Ctrl-C never leaves a truncated or half-written output where
the previous one was. The new file gets the target's permissions when it replaces one, else those
a newly created file gets (0666 less the umask).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat

from govmetrics.errors import InputError


class AtomicOutput:
    """The temporary file a run writes to (:attr:`partial`) and the target it is renamed to.

    ``start_from_target``: the temporary file starts as a copy of the target (a database a run adds
    to), so the target still stays as it was until the run ends.

    :raises InputError: the target is a directory, an existing file this user may not write, or
        in a directory where no file can be created.
    """

    def __init__(self, target: str, *, start_from_target: bool = False) -> None:
        self.name = target
        # a symlinked output is written through: the file it points to is replaced, not the link
        self.target = os.path.realpath(target)
        if os.path.isdir(self.target):
            raise InputError(f"{target}: cannot write: Is a directory")
        if os.path.exists(self.target) and not os.access(self.target, os.W_OK):
            raise InputError(f"{target}: cannot write: Permission denied")
        #: A device or a FIFO (``-o /dev/null``, ``-o /dev/stdout``) is written to as it is: a
        #: file renamed over it would put a regular file in its place.
        self.direct = os.path.exists(self.target) and not os.path.isfile(self.target)
        if self.direct:
            self.partial = target
            return
        folder, base = os.path.split(self.target)
        self.partial = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.partial")
        try:
            # 0666 and the umask, as open() creates a file; O_EXCL: never another's file
            fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from None
        os.close(fd)
        if start_from_target and os.path.isfile(self.target):
            try:  # a database the run adds to: the new file starts as the old one
                shutil.copyfile(self.target, self.partial)
            except OSError as exc:
                self.discard()
                raise InputError(f"{target}: cannot read: {exc.strerror or exc}") from None
        # no previous file (or one we cannot stat): the new file's own mode stands
        with contextlib.suppress(OSError):
            os.chmod(self.partial, stat.S_IMODE(os.stat(self.target).st_mode))

    def commit(self) -> None:
        """Put the finished file in the target's place, in one step."""
        if not self.direct:
            os.replace(self.partial, self.target)

    def discard(self) -> None:
        """Remove the temporary file; the target stays as it was."""
        if self.direct:
            return
        with contextlib.suppress(FileNotFoundError):
            os.remove(self.partial)
