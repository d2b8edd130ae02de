"""template.yaml as data: resources, functions, API routes and function environments.
Parsed with cfn-lint's decoder, which understands the CloudFormation tags."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cfnlint.decode import decode

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_PATH = PROJECT_ROOT / "template.yaml"


@dataclass(frozen=True)
class ApiRoute:
    function: str
    method: str
    path: str
    authorized: bool


class Template:
    def __init__(self, path: Path = TEMPLATE_PATH) -> None:
        document, problems = decode(str(path))
        if problems or document is None:
            raise ValueError(f"cannot read {path}: {[str(p) for p in problems]}")
        self.document: dict[str, Any] = dict(document)

    @property
    def resources(self) -> Mapping[str, Mapping[str, Any]]:
        return self.document["Resources"]

    def resources_of_type(self, resource_type: str) -> dict[str, Mapping[str, Any]]:
        return {name: r for name, r in self.resources.items() if r["Type"] == resource_type}

    @cached_property
    def functions(self) -> dict[str, Mapping[str, Any]]:
        return self.resources_of_type("AWS::Serverless::Function")

    def handler_path(self, function: str) -> Path:
        properties = self.functions[function]["Properties"]
        module = str(properties["Handler"]).split(".")[0]
        return PROJECT_ROOT / str(properties["CodeUri"]) / f"{module}.py"

    def timeout_of(self, function: str) -> float:
        """The function's timeout in seconds: its own, else the Globals'."""
        own = self.functions[function]["Properties"].get("Timeout")
        default = self.document.get("Globals", {}).get("Function", {}).get("Timeout", 3)
        return float(own if own is not None else default)

    def events_of_type(self, event_type: str) -> list[tuple[str, Mapping[str, Any]]]:
        """(function, event properties) for every function event of that type."""
        return [
            (name, event["Properties"])
            for name, function in self.functions.items()
            for event in function["Properties"].get("Events", {}).values()
            if event["Type"] == event_type
        ]

    @cached_property
    def routes(self) -> list[ApiRoute]:
        routes = []
        for name, function in self.functions.items():
            for event in function["Properties"].get("Events", {}).values():
                if event["Type"] != "Api":
                    continue
                properties = event["Properties"]
                auth = properties.get("Auth", {}).get("Authorizer")
                routes.append(
                    ApiRoute(
                        function=name,
                        method=str(properties["Method"]).upper(),
                        path=str(properties["Path"]),
                        authorized=auth != "NONE",
                    )
                )
        return routes

    def raw_environment(self, function: str) -> dict[str, Any]:
        """Globals merged with the function's own variables, values still unresolved."""
        global_vars = self.document.get("Globals", {}).get("Function", {}).get("Environment", {})
        own = self.functions[function]["Properties"].get("Environment", {})
        return {**global_vars.get("Variables", {}), **own.get("Variables", {})}

    def condition(self, name: str, refs: Mapping[str, str]) -> bool:
        """A template condition, evaluated with the local parameter values."""
        return _truth(self.document.get("Conditions", {})[name], self, refs)


def _truth(expression: Any, template: Template, refs: Mapping[str, str]) -> bool:
    if "Fn::Equals" in expression:
        left, right = (_scalar(v, refs) for v in expression["Fn::Equals"])
        return left == right
    if "Fn::Not" in expression:
        return not _truth(expression["Fn::Not"][0], template, refs)
    if "Condition" in expression:
        return template.condition(str(expression["Condition"]), refs)
    raise ValueError(f"unsupported condition {expression!r}")


def _scalar(value: Any, refs: Mapping[str, str]) -> str:
    return refs[str(value["Ref"])] if isinstance(value, Mapping) and "Ref" in value else str(value)


def resolve_value(
    value: Any,
    refs: Mapping[str, str],
    attributes: Mapping[tuple[str, str], str],
    template: Template | None = None,
) -> str:
    """Resolve the intrinsic functions used in environment values against local resources."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and "Fn::If" in value and template is not None:
        name, when_true, when_false = value["Fn::If"]
        chosen = when_true if template.condition(str(name), refs) else when_false
        return resolve_value(chosen, refs, attributes, template)
    if isinstance(value, Mapping) and "Ref" in value:
        return refs[str(value["Ref"])]
    if isinstance(value, Mapping) and "Fn::GetAtt" in value:
        target = value["Fn::GetAtt"]
        name, attribute = target if isinstance(target, list) else str(target).split(".", 1)
        return attributes[(str(name), str(attribute))]
    raise ValueError(f"unsupported environment value {value!r}")
