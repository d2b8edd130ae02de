"""Create the template's stateful resources in an AWS emulator (moto), from template.yaml."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import boto3

from infra.local.template_model import Template, resolve_value

LOCAL_REGION = "eu-north-1"


@dataclass
class LocalResources:
    """Physical ids and attributes of the created resources, keyed like the template."""

    refs: dict[str, str] = field(default_factory=dict)
    attributes: dict[tuple[str, str], str] = field(default_factory=dict)

    def environment_of(self, template: Template, function: str) -> dict[str, str]:
        return {
            name: resolve_value(value, self.refs, self.attributes, template)
            for name, value in template.raw_environment(function).items()
        }


def _create_key(kms: Any, name: str, properties: Mapping[str, Any], resources: LocalResources) -> None:
    key = kms.create_key(
        Description=str(properties.get("Description", name)),
        KeySpec=str(properties.get("KeySpec", "SYMMETRIC_DEFAULT")),
        KeyUsage=str(properties.get("KeyUsage", "ENCRYPT_DECRYPT")),
    )["KeyMetadata"]
    resources.refs[name] = key["KeyId"]
    resources.attributes[(name, "Arn")] = key["Arn"]
    resources.attributes[(name, "KeyId")] = key["KeyId"]


def _create_table(dynamodb: Any, name: str, properties: Mapping[str, Any], resources: LocalResources) -> None:
    request: dict[str, Any] = {
        "TableName": name,
        "AttributeDefinitions": properties["AttributeDefinitions"],
        "KeySchema": properties["KeySchema"],
        "BillingMode": "PAY_PER_REQUEST",
    }
    if "GlobalSecondaryIndexes" in properties:
        request["GlobalSecondaryIndexes"] = properties["GlobalSecondaryIndexes"]
    if "StreamSpecification" in properties:
        request["StreamSpecification"] = {"StreamEnabled": True, **properties["StreamSpecification"]}
    description = dynamodb.create_table(**request)["TableDescription"]
    ttl = properties.get("TimeToLiveSpecification")
    if ttl:
        dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=ttl)
    resources.refs[name] = name
    resources.attributes[(name, "Arn")] = description["TableArn"]
    if "LatestStreamArn" in description:
        resources.attributes[(name, "StreamArn")] = description["LatestStreamArn"]


def _create_queue(sqs: Any, name: str, resources: LocalResources) -> None:
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    resources.refs[name] = url
    resources.attributes[(name, "Arn")] = arn
    resources.attributes[(name, "QueueName")] = name


_DYNAMODB_REQUESTS = threading.RLock()


def serialise_dynamodb_requests() -> None:
    """Make the emulator's DynamoDB answer one request at a time, as atomic as DynamoDB.

    moto applies a `TransactWriteItems` item by item on the live tables, after a deep copy
    it restores if a condition fails: two threads' transactions interleave (both see a
    free place of a service, and the counter passes its capacity), and a restore can undo
    another thread's write. DynamoDB itself evaluates a transaction's conditions and
    applies its writes atomically, and cancels a transaction that meets another
    (`TransactionConflict`). Serialising requests is the faithful stand-in for the
    concurrency tests and the local stack (which runs handlers in threads)."""
    from moto.dynamodb.responses import DynamoHandler

    if getattr(DynamoHandler, "_workwell_serialised", False):
        return
    original = DynamoHandler.call_action

    def call_action(self: Any) -> Any:
        with _DYNAMODB_REQUESTS:
            return original(self)

    DynamoHandler.call_action = call_action  # type: ignore[method-assign]
    DynamoHandler._workwell_serialised = True  # type: ignore[attr-defined]


def create_local_resources(template: Template, session: boto3.Session | None = None) -> LocalResources:
    """Tables and queues take their logical id as name; keys get emulator ids. Resources
    that only matter on AWS (API, user pool, log groups, layer, alarms) are not created."""
    serialise_dynamodb_requests()
    session = session or boto3.Session(region_name=LOCAL_REGION)
    resources = LocalResources()
    for name, parameter in template.document.get("Parameters", {}).items():
        resources.refs[name] = str(parameter.get("Default", ""))
    kms = session.client("kms")
    dynamodb = session.client("dynamodb")
    for name, resource in template.resources_of_type("AWS::KMS::Key").items():
        _create_key(kms, name, resource.get("Properties", {}), resources)
    for name, resource in template.resources_of_type("AWS::DynamoDB::Table").items():
        _create_table(dynamodb, name, resource["Properties"], resources)
    sqs = session.client("sqs")
    for name in template.resources_of_type("AWS::SQS::Queue"):
        _create_queue(sqs, name, resources)
    return resources


def verify_senders(senders: list[str], session: boto3.Session | None = None) -> None:
    """What each tenant's deployment does once in SES (a verified sender identity); the
    emulator, like SES, refuses mail from an unverified sender."""
    sesv2 = (session or boto3.Session(region_name=LOCAL_REGION)).client("sesv2")
    for sender in sorted(set(senders)):
        sesv2.create_email_identity(EmailIdentity=sender)
