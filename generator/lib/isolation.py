"""Run a function in a forked child process with an address-space limit and a CPU-time limit.

The clause sandbox's in-process caps (clauses/rendering.py) check sizes before the operations
they know and a time budget between steps, but one C-level call (a huge join, a quadratic
Babel list, a width in a format string nobody thought of) runs to its end, holding the worker.
A child process is the wall behind them: the kernel refuses its allocations past RLIMIT_AS
(Python raises MemoryError), stops it at RLIMIT_CPU (SIGXCPU), and the parent kills it when its
wall-clock time is up (a child stuck on a lock uses no CPU). The worker itself never pays.

fork, not spawn: the child starts at once with everything the parent has loaded (Django, the
clauses, a test's settings and patches) and needs no import. The child only computes and
sends back its result as JSON (never pickle: the child runs untrusted templates, and what it
sends must not be able to run code in the parent); it never touches the parent's database
connections and ends with os._exit, so no atexit handler of the parent runs twice.
"""

import json
import os
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import connections

T = TypeVar("T")

# Room to allocate above what the parent had mapped at the fork: rendering every example with
# a clause takes a few megabytes; a template that builds a gigabyte does not fit.
MEMORY_HEADROOM_BYTES = 512 * 1024 * 1024


class IsolatedFailure(Exception):
    """The child did not return a result: `reason` says why, in Dutch, for the editor."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def _mapped_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _child(function: Callable[[], Any], write_fd: int, cpu_seconds: int) -> None:
    # The parent's connections are the parent's: a query here would talk over its socket.
    for connection in connections.all(initialized_only=True):
        connection.connection = None
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    limit = _mapped_bytes() + MEMORY_HEADROOM_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        payload = json.dumps(["ok", function()])
    except MemoryError:
        payload = json.dumps(["memory", None])
    except BaseException:  # everything goes back to the parent, as text
        payload = json.dumps(["error", traceback.format_exc(limit=-8)])
    with os.fdopen(write_fd, "w", encoding="utf-8") as pipe:
        pipe.write(payload)


def _read_all(read_fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None when the deadline passes first."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            return None
        chunk = os.read(read_fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def run_isolated(function: Callable[[], T], *, cpu_seconds: int, wall_seconds: float) -> T:
    """function() in a child process; its result (JSON: lists, dicts, texts, numbers), or
    IsolatedFailure. The function's own exceptions come back as IsolatedFailure too: return
    what the caller needs to know."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 1
        try:
            os.close(read_fd)
            _child(function, write_fd, cpu_seconds)
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)
    try:
        data = _read_all(read_fd, time.monotonic() + wall_seconds)
    finally:
        os.close(read_fd)
    if data is None:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if data is None:
        raise IsolatedFailure("de clausule doet er te lang over (tijdslimiet)")
    if os.WIFSIGNALED(status):
        if os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            raise IsolatedFailure("de clausule gebruikt te veel rekentijd (tijdslimiet)")
        raise IsolatedFailure(f"de controle stopte onverwacht (signaal {os.WTERMSIG(status)})")
    if not data:
        # Out of memory while sending the result, or a crash before it.
        raise IsolatedFailure("de clausule gebruikt te veel geheugen")
    kind, value = json.loads(data)
    if kind == "memory":
        raise IsolatedFailure("de clausule gebruikt te veel geheugen")
    if kind == "error":
        raise IsolatedFailure(f"de controle stopte met een fout:\n{value}")
    return value
