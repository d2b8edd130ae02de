"""Environment variables: what the settings models read is what the template declares."""

from __future__ import annotations

import pytest

from infra.local.template_model import Template
from workwell.config import SETTINGS_BY_FUNCTION

# Read by Powertools itself, not by our settings models.
POWERTOOLS_VARIABLES = {
    "POWERTOOLS_SERVICE_NAME",
    "POWERTOOLS_METRICS_NAMESPACE",
    "POWERTOOLS_LOG_LEVEL",
    "POWERTOOLS_TRACER_CAPTURE_RESPONSE",
    "POWERTOOLS_TRACER_CAPTURE_ERROR",
    "POWERTOOLS_TRACE_DISABLED",
}


def test_every_function_has_a_settings_model(template: Template) -> None:
    assert set(SETTINGS_BY_FUNCTION) == set(template.functions)


@pytest.mark.parametrize("function", sorted(SETTINGS_BY_FUNCTION))
def test_settings_and_template_environment_agree(template: Template, function: str) -> None:
    declared = set(template.raw_environment(function))
    own = set(template.functions[function]["Properties"].get("Environment", {}).get("Variables", {}))
    model = SETTINGS_BY_FUNCTION[function]
    read = {name.upper() for name in model.model_fields}

    assert read <= declared, f"{function} has settings the template does not declare"
    # Globals serve every function; a function's own variables must each be read.
    assert own - read <= POWERTOOLS_VARIABLES, f"{function} declares variables nothing reads"


@pytest.mark.parametrize("function", sorted(SETTINGS_BY_FUNCTION))
def test_each_function_names_its_service(template: Template, function: str) -> None:
    assert template.raw_environment(function).get("POWERTOOLS_SERVICE_NAME")
