"""Modules a composition root loads on first use rather than at its cold start.

A function's handler.py imports everything its routes use; most cold starts serve one route,
so use cases of the other routes would be imported for nothing. `lazy_module` returns the
module at once and runs it only when an attribute is first read (the standard library's
LazyLoader), so a route that needs it pays once and the others never:

    if TYPE_CHECKING:
        from workwell.service_layer.reports import report_submission
    else:
        report_submission = lazy_module("workwell.service_layer.reports.report_submission")

Type checkers see the ordinary import. A module already imported is returned as it is."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        # As an import does: the package names its submodule (reading it loads nothing).
        setattr(sys.modules[parent], child, module)
    return module
