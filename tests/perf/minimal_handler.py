"""Baseline (a) of the cold-start benchmark: the least a Powertools + pydantic API handler
does, validating one body and making one DynamoDB call."""

from __future__ import annotations

import os

import boto3
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from pydantic import BaseModel

app = APIGatewayRestResolver(enable_validation=True)
_dynamodb = boto3.client("dynamodb")


class Lookup(BaseModel):
    key: str


@app.post("/lookup")
def lookup(body: Lookup) -> dict[str, bool]:
    item = _dynamodb.get_item(
        TableName=os.environ["MAIN_TABLE_NAME"], Key={"PK": {"S": body.key}, "SK": {"S": "CURRENT"}}
    )
    return {"found": "Item" in item}


def lambda_handler(event: dict[str, object], context: object) -> dict[str, object]:
    return app.resolve(event, context)
