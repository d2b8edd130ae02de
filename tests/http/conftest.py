"""Fixtures of the HTTP-level tests."""

from __future__ import annotations

import pytest

from infra.local.aws_resources import LocalResources, verify_senders
from infra.local.function_host import FunctionHost
from infra.local.stream_relay import StreamMapping, StreamRelay
from infra.local.template_model import Template
from infra.tenants.definitions import Definitions


@pytest.fixture
def relay(
    function_host: FunctionHost, provisioned: LocalResources, template: Template, definitions: Definitions
) -> StreamRelay:
    """The stream relay, as the event source mapping's stand-in, with the tenants' senders
    verified: a test calls `poll_once()` to deliver what the outbox holds."""
    verify_senders([t.settings.sender for t in definitions.tenants])
    (mapping,) = StreamMapping.all_in(template)
    stream_relay = StreamRelay(mapping, provisioned, function_host.invoke, retry_pause=0)
    stream_relay.open_shards()
    return stream_relay
