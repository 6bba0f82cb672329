"""Reads one partition page by page through moto's DynamoDB app in this process, with moto's own
Table.query and with the emulator's (infra/moto_server.py), and prints the time of each: the cost
of the report extract's read (ReportsHandlerIT, 60,000 rows in pages of 250) without the JVMs.

  cd infra && ../.local/venv-moto/bin/python bench/query_pages.py [items, default 20000] [page, default 250]

Both reads answer the same items (checked); the items are written once, with BatchWriteItem."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import moto_server  # noqa: E402
from moto.backends import get_backend  # noqa: E402
from moto.dynamodb.models.table import Table  # noqa: E402
from moto.server import create_backend_app  # noqa: E402

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
PAGE = int(sys.argv[2]) if len(sys.argv) > 2 else 250
HEADERS = {"Content-Type": "application/x-amz-json-1.0",
           "Authorization": "AWS4-HMAC-SHA256 Credential=local/20261207/ap-northeast-2/dynamodb/aws4_request, SignedHeaders=host, Signature=x"}
try:
    from moto.core.models import default_user_config  # noqa: F401
except ImportError:
    pass
for backend in get_backend("dynamodb").values():
    backend.reset()
client = create_backend_app("dynamodb").test_client()


def call(action, body):
    r = client.post("/", data=json.dumps(body), headers=dict(HEADERS, **{"X-Amz-Target": f"DynamoDB_20120810.{action}"}))
    assert r.status_code == 200, r.data[:300]
    return json.loads(r.data)


call("CreateTable", {"TableName": "t", "BillingMode": "PAY_PER_REQUEST",
                     "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
                     "AttributeDefinitions": [{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}]})
started = time.monotonic()
for first in range(0, COUNT, 25):
    call("BatchWriteItem", {"RequestItems": {"t": [{"PutRequest": {"Item": {
        "PK": {"S": "T#seoul#ROWS#2026-10"}, "SK": {"S": f"2026-10-01T00:00:00Z#p-{i:020x}#{i:08x}"},
        "type": {"S": "EXTRACT_ROW"}, "date": {"S": "2026-10-01"}, "pseudonym": {"S": f"p-{i:020x}"},
        "event": {"S": "ENROLMENT"}, "status": {"S": "ENROLLED"}, "level": {"S": "MIDDLE"},
        "district": {"S": "dongdaemun-gu"}, "categories": {"S": "LOW_INCOME;MULTICULTURAL"}, "provider": {"S": "i-scream-edu"}}}}
        for i in range(first, min(first + 25, COUNT))]}})
print(f"{COUNT:,} items written with BatchWriteItem in {time.monotonic() - started:.1f} s", flush=True)


def read_all(query):
    Table.query = query
    items, start, pages, began = [], None, 0, time.monotonic()
    while True:
        body = {"TableName": "t", "KeyConditionExpression": "PK = :p", "Limit": PAGE,
                "ExpressionAttributeValues": {":p": {"S": "T#seoul#ROWS#2026-10"}}}
        if start:
            body["ExclusiveStartKey"] = start
        answer = call("Query", body)
        items += [i["SK"]["S"] for i in answer["Items"]]
        pages += 1
        start = answer.get("LastEvaluatedKey")
        if not start:
            return items, pages, time.monotonic() - began


ours, pages, ours_s = read_all(moto_server._partition_query)
print(f"emulator's query: {pages} pages of {PAGE} in {ours_s:.1f} s", flush=True)
stock, pages, stock_s = read_all(moto_server._query)
print(f"moto's own query: {pages} pages of {PAGE} in {stock_s:.1f} s", flush=True)
assert ours == stock and len(ours) == COUNT, "the two reads differ"
print(f"same {len(ours):,} items in the same order; moto's own / the emulator's: {stock_s / ours_s:.1f}x")
