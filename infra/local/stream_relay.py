"""The stream relay: what Lambda's event source mapping does on AWS, for the local stack.
It reads the main table's stream from the emulator, keeps the records the template's
filter passes (moto applies no filters and runs no mappings), and invokes the function in
batches with partial-failure reporting; failed records are retried up to the template's
limit and then their batch info goes to the mapping's on-failure queue, as on AWS.

Differences from AWS, on purpose: failed records alone are retried (AWS retries from the
first failed record on, which the notifier handles as duplicates anyway), and the shards
are those the stream had when the relay started (moto keeps one per table)."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import boto3

from infra.local.aws_resources import LOCAL_REGION, LocalResources
from infra.local.background_worker import BackgroundWorker
from infra.local.template_model import Template

log = logging.getLogger("workwell.local.stream_relay")

Invoke = Callable[[str, Mapping[str, Any]], Mapping[str, Any]]
POLL_SECONDS = 0.1
RETRY_PAUSE_SECONDS = 0.2


def matches(pattern: Mapping[str, Any], value: Any) -> bool:
    """EventBridge-style matching for the forms the template uses: nested objects and
    lists of exact values."""
    if not isinstance(value, Mapping):
        return False
    for key, expected in pattern.items():
        if key not in value:
            return False
        if isinstance(expected, Mapping):
            if not matches(expected, value[key]):
                return False
        elif value[key] not in expected:
            return False
    return True


def _check_supported(pattern: Mapping[str, Any]) -> None:
    for expected in pattern.values():
        if isinstance(expected, Mapping):
            _check_supported(expected)
        elif not isinstance(expected, list) or any(isinstance(v, (dict, list)) for v in expected):
            raise ValueError("the local stream relay matches only exact values in filter patterns")


@dataclass(frozen=True)
class StreamMapping:
    """One DynamoDB event of a function in template.yaml."""

    function: str
    table: str
    batch_size: int
    max_retries: int
    patterns: tuple[Mapping[str, Any], ...]
    on_failure_queue: str | None

    @classmethod
    def all_in(cls, template: Template) -> list[StreamMapping]:
        mappings = []
        for function, properties in template.events_of_type("DynamoDB"):
            filters = properties.get("FilterCriteria", {}).get("Filters", [])
            patterns = tuple(json.loads(f["Pattern"]) for f in filters)
            for pattern in patterns:
                _check_supported(pattern)
            destination = properties.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination")
            mappings.append(
                cls(
                    function=function,
                    table=_logical_id(properties["Stream"]),
                    batch_size=int(properties.get("BatchSize", 100)),
                    max_retries=int(properties.get("MaximumRetryAttempts", -1)),
                    patterns=patterns,
                    on_failure_queue=_logical_id(destination) if destination else None,
                )
            )
        return mappings

    def passes(self, record: Mapping[str, Any]) -> bool:
        return not self.patterns or any(matches(p, record) for p in self.patterns)


def _logical_id(reference: Any) -> str:
    """`!GetAtt X.Attr` decodes to {"Fn::GetAtt": ["X", "Attr"]}."""
    return str(reference["Fn::GetAtt"][0])


def lambda_record(record: Mapping[str, Any], stream_arn: str) -> dict[str, Any]:
    """A stream record as Lambda delivers it (JSON, times in epoch seconds)."""
    dynamodb = dict(record["dynamodb"])
    created = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(created, datetime):
        dynamodb["ApproximateCreationDateTime"] = created.timestamp()
    return {**record, "dynamodb": dynamodb, "eventSourceARN": stream_arn, "awsRegion": LOCAL_REGION}


class StreamRelay(BackgroundWorker):
    def __init__(
        self,
        mapping: StreamMapping,
        resources: LocalResources,
        invoke: Invoke,
        session: boto3.Session | None = None,
        retry_pause: float = RETRY_PAUSE_SECONDS,
    ) -> None:
        super().__init__()
        session = session or boto3.Session(region_name=LOCAL_REGION)
        self.mapping = mapping
        self._stream_arn = resources.attributes[(mapping.table, "StreamArn")]
        self._queue_url = resources.refs[mapping.on_failure_queue] if mapping.on_failure_queue else None
        self._streams = session.client("dynamodbstreams")
        self._sqs = session.client("sqs")
        self._invoke = invoke
        self._retry_pause = retry_pause
        self._iterators: dict[str, str] = {}
        self.delivered = 0
        self.parked = 0

    def open_shards(self) -> None:
        """Read from the start of each shard, as the template's StartingPosition does."""
        shards = self._streams.describe_stream(StreamArn=self._stream_arn)["StreamDescription"]["Shards"]
        for shard in shards:
            self._iterators[shard["ShardId"]] = self._streams.get_shard_iterator(
                StreamArn=self._stream_arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
            )["ShardIterator"]

    def start(self) -> None:
        self.open_shards()
        self._start_thread(f"stream-relay-{self.mapping.function}")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.poll_once()
            except Exception:
                log.exception("stream relay poll failed")
                busy = False
            if not busy:
                self._stop.wait(POLL_SECONDS)

    def poll_once(self) -> bool:
        """Read each shard once and deliver what passes the filter; True if anything came."""
        got_any = False
        for shard_id, iterator in list(self._iterators.items()):
            response = self._streams.get_records(ShardIterator=iterator, Limit=1000)
            next_iterator = response.get("NextShardIterator")
            if next_iterator:
                self._iterators[shard_id] = next_iterator
            else:
                del self._iterators[shard_id]
            records = [lambda_record(r, self._stream_arn) for r in response.get("Records", [])]
            got_any = got_any or bool(records)
            wanted = [r for r in records if self.mapping.passes(r)]
            for start in range(0, len(wanted), self.mapping.batch_size):
                self._deliver(shard_id, wanted[start : start + self.mapping.batch_size])
        return got_any

    def _deliver(self, shard_id: str, batch: Sequence[dict[str, Any]]) -> None:
        attempts = 0
        pending = list(batch)
        while pending:
            attempts += 1
            failed = self._invoke_once(pending)
            self.delivered += len(pending) - len(failed)
            if not failed:
                return
            if 0 <= self.mapping.max_retries < attempts:
                for record in failed:
                    self._park(shard_id, record, attempts)
                return
            pending = failed
            time.sleep(self._retry_pause)

    def _invoke_once(self, batch: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        try:
            result = self._invoke(self.mapping.function, {"Records": list(batch)})
        except Exception:
            log.exception("the function failed on a whole batch")
            return list(batch)
        failed_ids = {f["itemIdentifier"] for f in (result or {}).get("batchItemFailures", [])}
        return [r for r in batch if r["dynamodb"]["SequenceNumber"] in failed_ids]

    def _park(self, shard_id: str, record: Mapping[str, Any], attempts: int) -> None:
        self.parked += 1
        if self._queue_url is None:
            log.error("a stream record failed for good and no on-failure queue is configured")
            return
        sequence = record["dynamodb"]["SequenceNumber"]
        arrival = datetime.fromtimestamp(record["dynamodb"]["ApproximateCreationDateTime"], UTC).isoformat()
        body = {
            "requestContext": {
                "requestId": str(uuid.uuid4()),
                "functionArn": f"local:{self.mapping.function}",
                "condition": "RetryAttemptsExhausted",
                "approximateInvokeCount": attempts,
            },
            "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": None},
            "version": "1.0",
            "timestamp": datetime.now(UTC).isoformat(),
            "DDBStreamBatchInfo": {
                "shardId": shard_id,
                "startSequenceNumber": sequence,
                "endSequenceNumber": sequence,
                "approximateArrivalOfFirstRecord": arrival,
                "approximateArrivalOfLastRecord": arrival,
                "batchSize": 1,
                "streamArn": self._stream_arn,
            },
        }
        self._sqs.send_message(QueueUrl=self._queue_url, MessageBody=json.dumps(body))
