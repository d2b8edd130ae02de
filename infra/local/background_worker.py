"""A loop on a daemon thread that the local stack starts and stops with itself."""

from __future__ import annotations

import abc
import threading


class BackgroundWorker(abc.ABC):
    def __init__(self) -> None:
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _start_thread(self, name: str) -> None:
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @abc.abstractmethod
    def _run(self) -> None:
        """Loop until `self._stop` is set, waiting on it between rounds."""
