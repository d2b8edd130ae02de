"""Runs each function's real `lambda_handler`, loaded from its own handler.py, with that
function's environment from template.yaml, as Lambda would."""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from unittest import mock

from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers

from infra.local.aws_resources import LocalResources
from infra.local.template_model import Template


@dataclass
class LocalLambdaContext:
    function_name: str
    memory_limit_in_mb: int = 512
    aws_request_id: str = ""
    invoked_function_arn: str = ""
    log_group_name: str = ""
    log_stream_name: str = "local"
    function_version: str = "$LATEST"
    timeout_seconds: float = 10
    started: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        """As on Lambda: what is left of the function's timeout (nothing stops it here)."""
        return max(0, int((self.started + self.timeout_seconds - time.monotonic()) * 1000))


class FunctionHost:
    def __init__(self, template: Template, resources: LocalResources, base_environment: Mapping[str, str]):
        self._template = template
        self._resources = resources
        self._base_environment = dict(base_environment)
        self._modules: dict[str, ModuleType] = {}
        # Functions share this process, so the environment is switched per invocation.
        self._lock = threading.RLock()

    def environment_of(self, function: str) -> dict[str, str]:
        return {
            **self._base_environment,
            **self._resources.environment_of(self._template, function),
            "AWS_LAMBDA_FUNCTION_NAME": function,
        }

    def module(self, function: str) -> ModuleType:
        with self._lock, mock.patch.dict(os.environ, self.environment_of(function)):
            return self._load(function)

    def _load(self, function: str) -> ModuleType:
        if function not in self._modules:
            path = self._template.handler_path(function)
            spec = importlib.util.spec_from_file_location(f"workwell_function_{function.lower()}", path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses and pydantic resolve names through it
            spec.loader.exec_module(module)
            self._modules[function] = module
        return self._modules[function]

    def invoke(self, function: str, event: Mapping[str, Any]) -> dict[str, Any]:
        context = LocalLambdaContext(
            function_name=function,
            aws_request_id=str(uuid.uuid4()),
            timeout_seconds=self._template.timeout_of(function),
        )
        with self._lock, mock.patch.dict(os.environ, self.environment_of(function)):
            module = self._load(function)
            _own_logging(module)
            result: dict[str, Any] = module.lambda_handler(dict(event), context)
        return result


def _own_logging(module: ModuleType) -> None:
    """On Lambda each function is its own process, and the layer's loggers carry that
    function's Powertools configuration (service, appended keys such as the tenant). Here
    functions share a process, so the function being invoked takes them back."""
    logger = getattr(module, "logger", None)
    if logger is not None:
        copy_config_to_registered_loggers(source_logger=logger, include={"workwell"})
