"""The emulator's patches answer exactly what moto would: run from infra/ with
`python -m unittest -q test_moto_server` (infra/test does, before the local cloud starts).

Each case sends the same requests to moto's DynamoDB app twice, once with moto's own response
serializer and once with ours (moto_server._serialize_attribute_values_directly), and compares
the JSON bodies: items of every attribute type, through every operation that answers items."""
import base64
import contextlib
import json
import unittest

import moto_server
from moto.core.serialize import JSONSerializer
from moto.server import create_backend_app

ITEM = {
    "PK": {"S": "T#x#ROWS"}, "SK": {"S": "0001"},
    "text": {"S": "가나다 école"}, "empty": {"S": ""}, "number": {"N": "-12.50"},
    "blob": {"B": base64.b64encode(b"\x00\xffbytes").decode()},
    "words": {"SS": ["b", "a"]}, "numbers": {"NS": ["1", "2.5"]},
    "blobs": {"BS": [base64.b64encode(b"\x01").decode(), base64.b64encode(b"\x02").decode()]},
    "nothing": {"NULL": True}, "yes": {"BOOL": True}, "no": {"BOOL": False},
    "map": {"M": {"inner": {"L": [{"S": "x"}, {"N": "3"}, {"M": {}}, {"L": []},
                                  {"B": base64.b64encode(b"\x03").decode()}]}, "empty": {"M": {}}}},
    "list": {"L": [{"SS": ["z"]}, {"NULL": True}]},
}
TABLE = {
    "TableName": "t", "BillingMode": "PAY_PER_REQUEST",
    "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
    "AttributeDefinitions": [{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}],
}
KEY = {"PK": ITEM["PK"], "SK": ITEM["SK"]}
REQUESTS = [
    ("CreateTable", TABLE),
    ("PutItem", {"TableName": "t", "Item": ITEM}),
    ("PutItem", {"TableName": "t", "Item": dict(ITEM, SK={"S": "0002"}), "ReturnValues": "NONE"}),
    ("GetItem", {"TableName": "t", "Key": KEY}),
    ("GetItem", {"TableName": "t", "Key": KEY, "ProjectionExpression": "#m.inner[4], #b", "ExpressionAttributeNames": {"#m": "map", "#b": "blob"}}),
    ("GetItem", {"TableName": "t", "Key": {"PK": {"S": "none"}, "SK": {"S": "none"}}}),
    ("Query", {"TableName": "t", "KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": {":p": ITEM["PK"]}, "Limit": 1}),
    ("Query", {"TableName": "t", "KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": {":p": ITEM["PK"]}, "ScanIndexForward": False}),
    ("Query", {"TableName": "t", "KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": {":p": ITEM["PK"]}, "Select": "COUNT"}),
    ("Scan", {"TableName": "t"}),
    ("BatchGetItem", {"RequestItems": {"t": {"Keys": [KEY, {"PK": ITEM["PK"], "SK": {"S": "0002"}}]}}}),
    ("TransactGetItems", {"TransactItems": [{"Get": {"TableName": "t", "Key": KEY}}]}),
    ("UpdateItem", {"TableName": "t", "Key": KEY, "UpdateExpression": "SET #n = #n + :one", "ExpressionAttributeNames": {"#n": "number"},
                    "ExpressionAttributeValues": {":one": {"N": "1"}}, "ReturnValues": "ALL_NEW"}),
    ("PutItem", {"TableName": "t", "Item": ITEM, "ReturnValues": "ALL_OLD"}),
    ("PutItem", {"TableName": "t", "Item": ITEM, "ConditionExpression": "attribute_not_exists(PK)",
                 "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}),
    ("DeleteItem", {"TableName": "t", "Key": KEY, "ReturnValues": "ALL_OLD"}),
    ("DescribeTable", {"TableName": "t"}),
]



def fresh_dynamodb():
    """A call(action, body) -> (status, JSON body) on moto's DynamoDB app, its backends emptied."""
    try:
        from moto.core.models import default_user_config  # noqa: F401 (moto's app needs its config loaded)
    except ImportError:
        pass
    from moto.backends import get_backend
    for backend in get_backend("dynamodb").values():
        backend.reset()
    client = create_backend_app("dynamodb").test_client()

    def call(action, body):
        r = client.post("/", data=json.dumps(body), headers={
            "X-Amz-Target": f"DynamoDB_20120810.{action}", "Content-Type": "application/x-amz-json-1.0",
            "Authorization": "AWS4-HMAC-SHA256 Credential=local/20261207/ap-northeast-2/dynamodb/aws4_request, SignedHeaders=host, Signature=x"})
        return r.status_code, json.loads(r.data or b"{}")
    return call


@contextlib.contextmanager
def query_as(query):
    """Table.query as given while the block runs."""
    from moto.dynamodb.models.table import Table
    original = Table.query
    Table.query = query
    try:
        yield
    finally:
        Table.query = original

def answers(serialize):
    """The (status, JSON body) of every request, on a fresh moto, with this serializer."""
    original = JSONSerializer._serialize
    JSONSerializer._serialize = serialize
    try:
        call = fresh_dynamodb()
        out = []
        for action, body in REQUESTS:
            status, answer = call(action, body)
            if action == "DescribeTable" or action == "CreateTable":
                answer.get("Table", answer.get("TableDescription", {})).pop("CreationDateTime", None)
            out.append((action, status, answer))
        return out
    finally:
        JSONSerializer._serialize = original

def pages(query, requests):
    """Every page of every request, following LastEvaluatedKey, on a fresh moto holding 60 items
    of one partition (and a few of another), with Table.query as given."""
    with query_as(query):
        call = fresh_dynamodb()
        call("CreateTable", TABLE)
        for i in range(60):
            call("PutItem", {"TableName": "t", "Item": {"PK": {"S": "P#1"}, "SK": {"S": f"{'AB'[i % 2]}#{i * 7 % 60:03d}"},
                                                         "n": {"N": str(i)}, "even": {"BOOL": i % 2 == 0}}})
        for i in range(5):
            call("PutItem", {"TableName": "t", "Item": {"PK": {"S": "P#2"}, "SK": {"S": f"A#{i:03d}"}, "n": {"N": str(i)}}})
        out = []
        for body in requests:
            start, seen = None, 0
            while seen < 100:
                page = dict(body, **({"ExclusiveStartKey": start} if start else {}))
                status, answer = call("Query", page)
                out.append((json.dumps(body), status, answer))
                start, seen = answer.get("LastEvaluatedKey"), seen + 1
                if not start:
                    break
        return out

class QueryPagesAsMotoAnswersThem(unittest.TestCase):
    def test_every_page_of_a_partition_is_moto_own_answer(self):
        p1 = {":p": {"S": "P#1"}}
        requests = []
        for limit in (None, 1, 7, 30, 59, 60, 61):
            for forward in (True, False):
                for extra in ({"KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": p1},
                              {"KeyConditionExpression": "PK = :p AND begins_with(SK, :a)", "ExpressionAttributeValues": dict(p1, **{":a": {"S": "A#"}})},
                              {"KeyConditionExpression": "PK = :p AND SK BETWEEN :x AND :y", "ExpressionAttributeValues": dict(p1, **{":x": {"S": "A#010"}, ":y": {"S": "B#020"}})},
                              {"KeyConditionExpression": "PK = :p AND SK > :x", "ExpressionAttributeValues": dict(p1, **{":x": {"S": "B#050"}})},
                              {"KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": dict(p1, **{":t": {"BOOL": True}}), "FilterExpression": "even = :t"},
                              {"KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": p1, "Select": "COUNT"},
                              {"KeyConditionExpression": "PK = :p", "ExpressionAttributeValues": p1, "ProjectionExpression": "SK, n"}):
                    body = dict(extra, TableName="t", ScanIndexForward=forward)
                    if limit:
                        body["Limit"] = limit
                    requests.append(body)
        stock = pages(moto_server._query, requests)
        ours = pages(moto_server._partition_query, requests)
        self.assertEqual(len(ours), len(stock))
        for (request, status, body), (_, our_status, our_body) in zip(stock, ours):
            with self.subTest(request=request, page=str(body.get("Items", body))[:60]):
                self.assertEqual(our_status, status)
                self.assertEqual(our_body, body)
        # not empty: pages were followed, items came back in both directions
        self.assertGreater(len(stock), 14 * 7 * 3)
        self.assertTrue(any(len(b.get("Items", [])) == 30 for _, _, b in ours))

    def test_pages_read_between_writes_and_deletes_are_moto_own_answer(self):
        """The keys' order a partition keeps for its pages is made again when a key is added or
        removed (a put, a delete, a transaction's write, a cancelled transaction's put-back)."""
        def item(i):
            return {"PK": {"S": "P#1"}, "SK": {"S": f"K#{i:03d}"}, "n": {"N": str(i)}}

        def run(query):
            with query_as(query):
                call = fresh_dynamodb()
                call("CreateTable", TABLE)
                for i in range(0, 40, 2):
                    call("PutItem", {"TableName": "t", "Item": item(i)})
                out = []
                for forward in (True, False):
                    start, step = None, 0
                    while True:
                        body = {"TableName": "t", "KeyConditionExpression": "PK = :p", "Limit": 3,
                                "ExpressionAttributeValues": {":p": {"S": "P#1"}}, "ScanIndexForward": forward}
                        status, answer = call("Query", dict(body, **({"ExclusiveStartKey": start} if start else {})))
                        out.append((forward, step, status, answer))
                        start, step = answer.get("LastEvaluatedKey"), step + 1
                        if not start or step > 40:
                            break
                        # between pages, one kind of change at a time: new keys on either side
                        # of the start, a delete ahead, a replaced item, a cancelled transaction
                        # that would have added one
                        kind = step % 4
                        at = int(start["SK"]["S"][2:])
                        ahead = 1 if forward else -1
                        if kind == 0:  # the next page's first key, and one behind the start
                            call("PutItem", {"TableName": "t", "Item": item(at + ahead)})
                            call("PutItem", {"TableName": "t", "Item": item(at - 3 * ahead)})
                        elif kind == 1:  # a key the next page would read
                            call("DeleteItem", {"TableName": "t", "Key": {"PK": {"S": "P#1"}, "SK": {"S": f"K#{at + 2 * ahead:03d}"}}})
                        elif kind == 2:
                            call("PutItem", {"TableName": "t", "Item": dict(item(10), n={"N": str(100 + step)})})
                        else:
                            out.append(("cancelled", step) + call("TransactWriteItems", {"TransactItems": [
                                {"Put": {"TableName": "t", "Item": item(90 + step)}},
                                {"ConditionCheck": {"TableName": "t", "Key": {"PK": {"S": "P#1"}, "SK": {"S": "K#none"}},
                                                    "ConditionExpression": "attribute_exists(PK)"}}]})[:1])
                return out

        stock = run(moto_server._query)
        ours = run(moto_server._partition_query)
        self.assertEqual(ours, stock)
        pages_read = [entry for entry in stock if entry[0] in (True, False)]
        self.assertGreater(len(pages_read), 10)
        self.assertTrue(all(status == 200 for _, _, status, _ in pages_read))
        self.assertIn(("cancelled", 3, 400), stock)

    def test_the_query_patch_is_what_the_server_runs(self):
        from moto.dynamodb.models.table import Table
        self.assertIs(Table.query, moto_server._partition_query)
        self.assertIs(Table.__init__, moto_server._table_with_partitions)


class ResponsesAsMotoWritesThem(unittest.TestCase):
    def test_every_attribute_type_through_every_item_answer_is_the_same_json(self):
        stock = answers(moto_server._serialize_shape)
        ours = answers(moto_server._serialize_attribute_values_directly)
        self.assertEqual(len(stock), len(REQUESTS))
        for (action, status, body), (_, our_status, our_body) in zip(stock, ours):
            with self.subTest(action=action, body=str(body)[:80]):
                self.assertEqual(our_status, status)
                self.assertEqual(our_body, body)
        # the comparison is not empty: items came back, with their blobs base64 and sets as lists
        get = ours[3][2]["Item"]
        self.assertEqual(base64.b64decode(get["blob"]["B"]), b"\x00\xffbytes")
        self.assertEqual(sorted(get["words"]["SS"]), ["a", "b"])
        self.assertEqual(get["map"]["M"]["inner"]["L"][2], {"M": {}})
        projected = ours[4][2]["Item"]
        self.assertEqual(base64.b64decode(projected["map"]["M"]["inner"]["L"][0]["B"]), b"\x03")
        updated = next(body for action, _, body in ours if action == "UpdateItem")
        self.assertEqual(updated["Attributes"]["number"], {"N": "-11.50"})
        refused = ours[-3]
        self.assertEqual(refused[1], 400)
        self.assertIn("Item", refused[2])

    def test_the_patch_is_what_the_server_runs(self):
        self.assertIs(JSONSerializer._serialize, moto_server._serialize_attribute_values_directly)


if __name__ == "__main__":
    unittest.main()
