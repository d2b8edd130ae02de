"""Survey responses and counters in the main table (keys in docs/data-model.md).

A person's partition holds their key item (`SURVEYKEY`: the wrapped data key, `version`,
the latest response's scores sealed) and their responses (`RESPONSE#<id>`, the id beginning with the time),
each only sealed text and times: no answer, score or band in plaintext.

Counters live in the tenant's counter partition, one item per period, employee group and
shard, changed only with `ADD` in the response's transaction. They hold sums and a count,
never a person id, so no aggregate needs anyone's sealed answers."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from workwell.adapters import table_keys
from workwell.adapters.dynamodb_errors import translated
from workwell.adapters.dynamodb_repositories import Item, ItemCodec, epoch_seconds, query_all, read_item
from workwell.domain.survey.aggregates import CellCounts
from workwell.domain.survey.instruments import Dimension
from workwell.service_layer.pagination import Page, PageRequest
from workwell.service_layer.unit_of_work import CounterCell, PersonSurveyState, StoredSurveyResponse

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient

# Many people answering at once (a survey week's Monday morning) add to the same counters;
# spread over shards, their transactions rarely meet on one item.
COUNTER_SHARDS = 4
_RESPONDENTS = "respondents"


def _sum_attribute(dimension: Dimension) -> str:
    return f"sum_{dimension.value}"


def _time(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


class DynamoDbSurveys:
    def __init__(self, client: DynamoDBClient, table: str, codec: ItemCodec, staged: list[dict[str, Any]]):
        self._client, self._table, self._codec, self._staged = client, table, codec, staged

    def person(self, tenant_id: str, user_id: str) -> PersonSurveyState | None:
        item = read_item(
            self._client, self._table, self._codec, table_keys.survey_key_item_key(tenant_id, user_id)
        )
        if item is None:
            return None
        latest_at = item.get("latest_submitted_at")
        return PersonSurveyState(
            wrapped_key=bytes(item["wrapped_key"]),
            version=int(item["version"]),
            latest_response_id=item.get("latest_response_id"),
            latest_submitted_at=_time(latest_at) if latest_at else None,
            sealed_latest=item.get("sealed_latest"),
            latest_request=item.get("latest_request"),
            expires_at=datetime.fromtimestamp(int(item["expires_at"]), UTC) if "expires_at" in item else None,
        )

    def response(
        self, tenant_id: str, user_id: str, response_id: str, now: datetime
    ) -> StoredSurveyResponse | None:
        key = table_keys.survey_response_key(tenant_id, user_id, response_id)
        item = read_item(self._client, self._table, self._codec, key)
        if item is None or int(item.get("expires_at", 0)) <= epoch_seconds(now):
            return None
        return self._response(item)

    def responses_of(
        self, tenant_id: str, user_id: str, page: PageRequest, now: datetime
    ) -> Page[StoredSurveyResponse]:
        request: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "FilterExpression": "expires_at > :now",
            "ExpressionAttributeValues": self._codec.encode(
                {
                    ":pk": table_keys.survey_person_partition(tenant_id, user_id),
                    ":prefix": table_keys.SURVEY_RESPONSE_PREFIX,
                    ":now": epoch_seconds(now),
                }
            ),
            "ScanIndexForward": False,
            "Limit": page.limit,
            "ConsistentRead": True,
        }
        if page.after:
            request["ExclusiveStartKey"] = dict(page.after)
        response = translated(self._client.query, **request)
        items = [self._codec.decode(raw) for raw in response.get("Items", [])]
        return Page([self._response(i) for i in items], response.get("LastEvaluatedKey"))

    @staticmethod
    def _response(item: Item) -> StoredSurveyResponse:
        return StoredSurveyResponse(
            response_id=str(item["response_id"]),
            submitted_at=_time(item["submitted_at"]),
            sealed=str(item["sealed"]),
            expires_at=datetime.fromtimestamp(int(item["expires_at"]), UTC),
        )

    def stage_response(
        self,
        tenant_id: str,
        user_id: str,
        response: StoredSurveyResponse,
        state: PersonSurveyState,
        expected_version: int | None,
    ) -> None:
        submitted = response.submitted_at.isoformat()
        response_item = {
            **table_keys.survey_response_key(tenant_id, user_id, response.response_id),
            "entity": "survey_response",
            "response_id": response.response_id,
            "submitted_at": submitted,
            "sealed": response.sealed,
            "expires_at": epoch_seconds(response.expires_at),
        }
        self._staged.append(
            {
                "Put": {
                    "TableName": self._table,
                    "Item": self._codec.encode(response_item),
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            }
        )
        key_item: Item = {
            **table_keys.survey_key_item_key(tenant_id, user_id),
            "entity": "survey_person_key",
            "wrapped_key": state.wrapped_key,
            "version": state.version,
            # The key outlives every response it sealed: the use case gives the latest expiry.
            "expires_at": epoch_seconds(state.expires_at or response.expires_at),
        }
        optional = {
            "latest_response_id": state.latest_response_id,
            "latest_submitted_at": state.latest_submitted_at.isoformat()
            if state.latest_submitted_at
            else None,
            "sealed_latest": state.sealed_latest,
            "latest_request": state.latest_request,
        }
        key_item.update({name: value for name, value in optional.items() if value is not None})
        put: dict[str, Any] = {"TableName": self._table, "Item": self._codec.encode(key_item)}
        if expected_version is None:
            put["ConditionExpression"] = "attribute_not_exists(PK)"
        else:
            put["ConditionExpression"] = "version = :expected"
            put["ExpressionAttributeValues"] = self._codec.encode({":expected": expected_version})
        self._staged.append({"Put": put})

    def stage_count(self, tenant_id: str, cell: CounterCell, counts: CellCounts) -> None:
        shard = random.randrange(COUNTER_SHARDS)  # noqa: S311 (spreading load, not secrecy)
        names = {"#n": _RESPONDENTS}
        values: dict[str, Any] = {":n": counts.respondents}
        additions = ["#n :n"]
        for index, (dimension, total) in enumerate(sorted(counts.sums.items())):
            names[f"#s{index}"] = _sum_attribute(dimension)
            values[f":s{index}"] = total
            additions.append(f"#s{index} :s{index}")
        self._staged.append(
            {
                "Update": {
                    "TableName": self._table,
                    "Key": self._codec.encode(
                        table_keys.survey_counter_key(
                            tenant_id, cell.period_length, cell.period_id, cell.group, shard
                        )
                    ),
                    "UpdateExpression": "ADD " + ", ".join(additions),
                    "ExpressionAttributeNames": names,
                    "ExpressionAttributeValues": self._codec.encode(values),
                }
            }
        )

    def counters(
        self, tenant_id: str, period_length: str, first_period: str, last_period: str
    ) -> Mapping[str, Mapping[str, CellCounts]]:
        low = table_keys.survey_counter_sort_key(period_length, first_period, "", 0).split("#")
        high = table_keys.survey_counter_sort_key(period_length, last_period, "", 0).split("#")
        items = query_all(
            self._client,
            self._codec,
            {
                "TableName": self._table,
                "KeyConditionExpression": "PK = :pk AND SK BETWEEN :low AND :high",
                "ExpressionAttributeValues": self._codec.encode(
                    {
                        ":pk": table_keys.survey_counters_partition(tenant_id),
                        ":low": f"{low[0]}#{low[1]}#",
                        # '~' sorts after every character of a group id or shard.
                        ":high": f"{high[0]}#{high[1]}#~",
                    }
                ),
                "ConsistentRead": True,
            },
        )
        found: dict[str, dict[str, CellCounts]] = defaultdict(dict)
        for item in items:
            _, period_id, group, _shard = str(item["SK"]).split("#")
            counts = CellCounts(
                respondents=int(item.get(_RESPONDENTS, 0)),
                sums={d: int(item.get(_sum_attribute(d), 0)) for d in Dimension},
            )
            previous = found[period_id].get(group)
            found[period_id][group] = previous.plus(counts) if previous else counts
        return found
