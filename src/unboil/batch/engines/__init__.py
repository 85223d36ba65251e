"""The engines that run pages: a local process pool and a Dask cluster, behind one :class:`Pool` protocol.

The Dask engine is imported only when asked for, so a local run never
imports dask.
"""

from __future__ import annotations

from typing import Any

from ...options import Options
from .local import MAX_TASKS_PER_WORKER, LocalPool
from .pool import Deliver, EngineSettings, Pool

__all__ = ["ENGINES", "MAX_TASKS_PER_WORKER", "Deliver", "EngineSettings", "Pool", "open_pool"]

ENGINES = ("local", "dask")


def open_pool(
    engine: str,
    settings: EngineSettings,
    deliver: Deliver,
    *,
    workers: int,
    scheduler: Any = None,
    custom_options: Options | None = None,
    max_tasks: int = MAX_TASKS_PER_WORKER,
) -> Pool:
    """The pool for ``engine``; ``custom_options`` are the caller's own, which Dask ships once to the cluster."""
    if engine == "local":
        return LocalPool(settings, deliver, workers, max_tasks)
    from .dask import DaskPool

    return DaskPool(settings, deliver, scheduler, workers, custom_options)
