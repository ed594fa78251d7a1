"""A process forked when a run starts that loads pandas while the run starts
its workers, and later builds the tables and writes the outputs.

Where pandas is loaded costs time: in the run's own process before its
workers are forked, every worker would carry it. This helper, forked first,
loads it (0.15–0.25 s of CPU) while the run starts; at the end the run hands it the
plain records (a few megabytes) and writes the 核查意见 meanwhile; the run's
own process never loads pandas.

While it loads, the helper runs only on a core nothing else wants (Linux's
``SCHED_IDLE``): at normal priority it took that time from the two workers,
every other moment of the run keeps both cores busy. Near the end of the
run (:meth:`TablesHelper.hurry`), and at the latest when the records are
handed over, it is back at normal priority, loaded or not.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from multiprocessing.reduction import ForkingPickler
from typing import Callable

_YOUNG_COLLECTION_EVERY = 10_000  # as the run itself: the tables make many short-lived objects


class TablesHelper:
    """Runs one call, handed over later, in a process forked now."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_serve, args=(theirs, self._conn))
        self._process.start()
        theirs.close()
        self._done = False
        self._sending: threading.Thread | None = None

    def run(self, call: Callable, *args) -> bool:
        """``call(*args)`` in the helper; True when it was done there (False:
        the helper failed or is gone, and the caller should do it itself)."""
        return self.start(call, *args) and self.finished()

    def hurry(self) -> None:
        """Back to normal priority: the run is nearly done. On a busy machine
        no core is ever idle, and pandas would be loaded only when the records
        are handed over, with the rest of the run waiting for it."""
        _set_idle(self._process.pid, False)

    def start(self, call: Callable, *args) -> bool:
        """Hand ``call(*args)`` to the helper and return while it runs there
        (:meth:`finished` waits for it); False when it could not be handed over.
        The records go over in a thread: on a busy machine passing a few
        megabytes through the pipe, 64 KB at a time, took the run 0.2 s."""
        self.hurry()  # the rest of the run waits for it now
        try:
            payload = ForkingPickler.dumps((call, args))
        except Exception:  # noqa: BLE001 - the call cannot be pickled: the caller does it
            self.close()
            return False
        self._sending = threading.Thread(target=self._send, args=(payload,), daemon=True)
        self._sending.start()
        return True

    def _send(self, payload) -> None:
        try:
            self._conn.send_bytes(payload)
        except Exception:  # noqa: BLE001 - it ended: finished() hears nothing and the caller does it
            pass

    def finished(self) -> bool:
        """Wait for the call handed over; True when it was done there."""
        self._wait_sent()
        try:
            failure = self._conn.recv()
        except Exception as exc:  # noqa: BLE001 - it ended without a word: the caller does it
            failure = f"{type(exc).__name__}: {exc}"
        self._done = failure is None
        self.close()
        return self._done

    def _wait_sent(self) -> None:
        if self._sending is not None:
            self._sending.join()
            self._sending = None

    def close(self) -> None:
        """Release the helper, whatever happened to the run."""
        if not self._done and self._process.is_alive():
            self._process.terminate()  # first: a send still under way then ends
        self._wait_sent()
        self._conn.close()
        self._process.join()


def _serve(conn, parents_end) -> None:
    parents_end.close()
    _set_idle(0, True)
    from perfeval_xl.outputs import tables  # noqa: F401  pandas and xlsxwriter, now
    from perfeval_xl.outputs.summary import workbook  # noqa: F401

    gc.freeze()
    gc.set_threshold(_YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
    try:
        call, args = conn.recv()
    except EOFError:  # the run ended without handing anything over
        return
    _set_idle(0, False)  # the run has handed it over (and raised it already, unless it could not)
    gc.freeze()  # the records live until the end
    try:
        call(*args)
    except BaseException:  # noqa: BLE001 - reported to the run, which then does it itself
        conn.send(traceback.format_exc())
    else:
        conn.send(None)


def _set_idle(pid: int, idle: bool) -> None:
    """Run process ``pid`` (0: this one) only when a core is otherwise idle,
    or at normal priority again; where the system has no such policy, as it is."""
    try:
        policy = os.SCHED_IDLE if idle else os.SCHED_OTHER
        os.sched_setscheduler(pid, policy, os.sched_param(0))
    except (AttributeError, OSError):  # not Linux, or the process is gone: nothing to change
        pass
