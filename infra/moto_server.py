"""Starts moto's server with its requests handled one at a time, and base-table Queries that
read only their partition.

moto's server handles requests on many threads without isolating them: two DynamoDB
TransactWriteItems running at once can each roll back over the other's writes (seen as a
quota counter of 100 with 106 applications admitted). DynamoDB itself makes every conditional
write and transaction atomic, so the local endpoint must too: this wrapper lets connections in
concurrently but runs one request at a time (docs/adr/0001).

moto 5.2's Table.query walks every item of the table to find the partition of a base-table
Query, so a Query costs time in proportion to the whole table (about 8-40 microseconds per
item here: ~20-100 ms per Query with the local cloud's seed data, ~1-9 s beside a 20,000-course
catalogue). DynamoDB reads only the partition. Base-table Queries here look up their partition
directly (moto keeps items by partition already); results, ordering, paging, filters and limits
are moto's own code, unchanged. GSI Queries are left as they are. MOTO_STOCK_QUERY=1 turns this
off (infra/bench/catalog.sh --stock-moto compares both; docs/adr/0008-catalogue-search.md).
moto also sorts the whole partition on every page and walks it up to the ExclusiveStartKey, so
reading a partition page by page cost time in proportion to its square (the report extract's
60,000 rows in 240 pages); a page is handed only the items moto's loop reads for it, taken from
the partition's keys in order, which the partition keeps until a key is added or removed
(_page_candidates, _Partition; infra/bench/query_pages.py measures both, test_moto_server.py
compares every page with moto's own answer, also with writes between the pages).

TransactWriteItems are idempotent by ClientRequestToken, as in DynamoDB (for ten minutes): the
SDK gives each call a token and sends the same token when it retries, e.g. after its socket
timeout on a busy machine. moto ignores the token, so a retry of a transaction that did commit
would run again (and fail its conditions: "already submitted"). Here a successful transaction's
answer is kept by token and returned to a retry without running it again.

moto 5.2's TransactWriteItems takes a deepcopy of the whole table before each of its operations,
to put the table back if the transaction is cancelled: with our single table every write
transaction costs time and memory in proportion to the whole database (one enrolment +48 MB
resident, which Python does not give back). Here the table is not copied; before the transaction
runs, each item it writes is kept as it was (a copy of that one item, or "absent"), and if the
transaction fails exactly those items are put back. moto keeps no separate index: a GSI Query
reads the table's items, so putting the items back puts the GSIs back. Conditions, updates,
errors and the CancellationReasons are moto's own code, unchanged. MOTO_STOCK_TRANSACTIONS=1
turns this off (docs/adr/0001, docs/performance.md "Emulator").

moto keeps every model object it ever makes in a class-wide list, for /moto-api/data.json, and
never lets go: for DynamoDB that is every version of every item ever written (each put, each
update's copy of the old item), so the process grows with every write even when the table does
not. Nothing here reads DynamoDB from data.json (LocalMailbox reads only "ses"), so items are
not kept in that list; the tables still hold theirs. MOTO_TRACK_ITEMS=1 keeps moto's way.

moto 5.2 checks an item's size (400 KB) as it builds it by summing the sizes of all the
attributes already set, again for each attribute it sets: quadratic in the attributes, 60 % of
a BatchWriteItem of catalogue postings (15 attributes, a set of words), and the main reason
seeding 20,000 courses took half an hour on a busy machine. Here an item being built is sized
in one pass, with the same limit and the same error; updates keep moto's own check. And
BatchWriteItem's body is read as JSON (blobs decoded, as moto's parser does) instead of being
walked through botocore's model shape by shape; a body of any other form goes to moto's
parser. MOTO_STOCK_ITEMS=1 turns both off (docs/performance.md, "Seeding the catalogue").

moto 5.2 writes every answer by walking botocore's model shape by shape, for every attribute
of every item: 90 % of the time of a Query page of 4,000 small items (about 5 s a page, so a
month's 60,000-row report extract took five minutes to read). An AttributeValue is written here
directly, in the same JSON; everything around it is moto's. test_moto_server.py compares both
answers for items of every attribute type through every operation that answers items.
MOTO_STOCK_SERIALIZER=1 turns it off.

Reminders (issue 7): GET /seoul-learn/sent-mail answers the e-mail moto's SES accepted, like the
"ses" part of /moto-api/data.json but without dumping every other model (with a few hundred
thousand DynamoDB items data.json takes minutes). Read by kr.seoullearn.local.testing.LocalMailbox.

Notifications: GET /seoul-learn/sent-sms answers the text messages moto's SNS accepted (Publish
to a PhoneNumber), the same as the "sns" part's "SMS" of /moto-api/data.json. Read by
kr.seoullearn.local.testing.LocalTextMessages.

Faults (infra/moto_faults.py): POST /seoul-learn/faults makes a chosen share of
TransactWriteItems fail with TransactionConflict and of other data-plane calls with DynamoDB's
throttling errors, before moto runs them, and GET counts what was injected and retried; off
unless asked for (infra/test turns it on for one run of the concurrency ITs).
It also takes rules (docs/adr/0023): POST {"target": "<X-Amz-Target>", "contains": "<text of
the body>", "times": N, "status": 400, "code": "TooManyRequestsException"} makes the next N
matching requests of any service fail with that error; DELETE clears the rules.

Same arguments as moto_server.
"""
import base64
import bisect
import binascii
import copy
import io
import json
import os
import threading
import time
from collections import defaultdict

import moto.server as moto_server
import moto_faults
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodb.exceptions import ItemSizeTooLarge
from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
from moto.dynamodb.models.utilities import bytesize
from moto.dynamodb.models.table import Table
from moto.core.serialize import JSONSerializer

_lock = threading.Lock()
_run_simple = moto_server.run_simple


_TOKEN_SECONDS = 600
_done_transactions = {}  # ClientRequestToken -> (time, status, headers, body)


def _body(environ):
    """The request body, read once and put back for moto."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _transaction_token(environ):
    """The ClientRequestToken of a TransactWriteItems call (reading the body), else None."""
    if not environ.get("HTTP_X_AMZ_TARGET", "").endswith(".TransactWriteItems"):
        return None
    try:
        return json.loads(_body(environ) or b"{}").get("ClientRequestToken")
    except ValueError:
        return None


class _OneAtATime:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == "/seoul-learn/sent-mail":
            with _lock:
                body = json.dumps(_sent_mail()).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if environ.get("PATH_INFO") == "/seoul-learn/sent-sms":
            with _lock:
                body = json.dumps(_sent_sms()).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if environ.get("PATH_INFO") == moto_faults.PATH:
            with _lock:
                status, answer = moto_faults.control(environ)
            if answer is None:
                start_response(status, [("Content-Length", "0")])
                return [b""]
            body = json.dumps(answer).encode("utf-8")
            start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        with _lock:
            token = _transaction_token(environ)
            now = time.monotonic()
            for old in [t for t, v in _done_transactions.items() if now - v[0] > _TOKEN_SECONDS]:
                del _done_transactions[old]
            if token in _done_transactions:
                _, status, headers, body = _done_transactions[token]
                start_response(status, headers)
                return [body]
            if moto_faults.enabled():
                injected = moto_faults.fault(environ, _body(environ))
                if injected is not None:
                    status, headers, body = injected
                    start_response(status, headers)
                    return [body]
            answer = {}

            def remember(status, headers, exc_info=None):
                answer["status"], answer["headers"] = status, list(headers)
                return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

            # produce the whole body inside the lock: the request is over when it is released
            body = list(self.app(environ, remember if token else start_response))
            if token and answer.get("status", "").startswith("200"):
                _done_transactions[token] = (now, answer["status"], answer["headers"], b"".join(body))
            return body


def _sent_mail():
    from moto.ses.models import ses_backends

    messages = []
    for _account, regions in ses_backends.items():
        for _region, backend in regions.items():
            for m in backend.sent_messages:
                messages.append({"id": m.id, "source": m.source, "destinations": m.destinations,
                                 "subject": getattr(m, "subject", None), "body": getattr(m, "body", None)})
    return {"Message": messages}


def _sent_sms():
    from moto.sns.models import sns_backends

    messages = []
    for _account, regions in sns_backends.items():
        for _region, backend in regions.items():
            for message_id, (phone_number, message) in backend.sms_messages.items():
                messages.append({"id": message_id, "phoneNumber": phone_number, "message": message})
    return {"SMS": messages}


def _serialised_run_simple(host, port, app, **kwargs):
    return _run_simple(host, port, _OneAtATime(app), **kwargs)


moto_server.run_simple = _serialised_run_simple

_query = Table.query


def _partition_query(self, hash_key, *args, **kwargs):
    index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
    if index_name or hash_key is None or not self.range_key_attr:
        return _query(self, hash_key, *args, **kwargs)
    partition = self.items.get(hash_key, {})
    candidates = _page_candidates(self, hash_key, partition, *args, **kwargs)
    # one request at a time (above), so swapping the method for this call is safe
    self.all_items = lambda: candidates
    try:
        return _query(self, hash_key, *args, **kwargs)
    finally:
        del self.all_items


class _Partition(dict):
    """A partition's items by range key, as moto keeps them, that knows when its set of keys
    changed: a put of a new key, a delete, or any other way of adding or removing one. Replacing
    an item under a key it already has (a put or update of an existing item) leaves the keys'
    order as it was and is not counted."""

    keys_changed = 0
    _order = None  # (keys_changed when made, the keys' values ascending, the keys in that order)

    def __setitem__(self, key, value):
        if key not in self:
            self.keys_changed += 1
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.keys_changed += 1
        super().__delitem__(key)

    def __ior__(self, other):
        self.keys_changed += 1
        return super().__ior__(other)

    def _changed(name):
        def method(self, *args, **kwargs):
            self.keys_changed += 1
            return getattr(dict, name)(self, *args, **kwargs)
        method.__name__ = name
        return method

    pop = _changed("pop")
    popitem = _changed("popitem")
    clear = _changed("clear")
    update = _changed("update")
    setdefault = _changed("setdefault")
    del _changed

    def in_key_order(self):
        """The partition's range keys' values ascending and the keys in that order, made again
        only after its set of keys changed (reading a 60,000-item partition in 250-item pages
        sorted it 240 times)."""
        if self._order is None or self._order[0] != self.keys_changed:
            self._order = (self.keys_changed,) + _in_key_order(dict.keys(self))
        return self._order[1], self._order[2]


def _in_key_order(range_keys):
    """The range keys' values ascending, and the keys in that order."""
    keyed = sorted(((k.cast_value, k) for k in range_keys), key=lambda kv: kv[0])
    return [kv[0] for kv in keyed], [kv[1] for kv in keyed]


_table_init = Table.__init__


def _table_with_partitions(self, *args, **kwargs):
    _table_init(self, *args, **kwargs)
    if isinstance(self.items, defaultdict) and self.items.default_factory is dict and not self.items:
        self.items.default_factory = _Partition


def _page_candidates(self, hash_key, partition, range_comparison=None, range_objs=None, limit=None,
                     exclusive_start_key=None, scan_index_forward=True, *_rest, **kwargs):
    """The items of the partition moto's query loop can reach for this page, in its order.

    moto sorts the whole partition on every page (comparing DynamoTypes, whose cast_value is
    worked out again at each comparison) and then walks past every item up to the page's
    ExclusiveStartKey: a Query page of a 60,000-item partition costs seconds, and reading the
    partition page by page costs time in proportion to its square. Here the items before or at
    the start key are left out (moto's loop skips exactly those: same hash key, range key not
    after the start in the query's direction), the rest are taken in their key's order (kept by
    the partition until a key is added or removed, and found from the start key by bisection),
    and only the prefix moto's loop reads is handed on: up to the Limit-th item that passes the
    range condition (moto's own compare) and the one after it, where moto stops and answers the
    LastEvaluatedKey. moto still sorts, filters, limits and answers that prefix with its own
    code, so the answer is the same (test_moto_server.py compares them page by page, with
    writes and deletes between the pages)."""
    if kwargs.get("filter_kwargs") or any(k not in ("projection_expressions", "index_name", "consistent_read",
                                                    "filter_expression", "hash_key_conditions",
                                                    "range_key_conditions") for k in kwargs):
        return list(partition.values())
    conditions = kwargs.get("range_key_conditions") or []
    if len(conditions) > 1 or any(name != self.range_key_attr for name, *_ in conditions):
        return list(partition.values())
    backward = scan_index_forward is False
    try:
        if isinstance(partition, _Partition):
            values, keys = partition.in_key_order()
        else:  # (a partition this module did not make)
            values, keys = _in_key_order(partition)
        low, high = 0, len(keys)
        if exclusive_start_key is not None:
            start_hash = exclusive_start_key.get(self.hash_key_attr)
            start_range = exclusive_start_key.get(self.range_key_attr)
            if start_hash is None or start_range is None or DynamoType(start_hash) != hash_key:
                return list(partition.values())
            start = DynamoType(start_range).cast_value
            if backward:
                high = bisect.bisect_left(values, start)
            else:
                low = bisect.bisect_right(values, start)
    except TypeError:  # keys of another type than the start key's: moto's own way answers it
        return list(partition.values())
    order = range(high - 1, low - 1, -1) if backward else range(low, high)
    if not limit:
        return [partition[keys[i]] for i in order]
    if not range_comparison:
        return [partition[keys[i]] for i in order[:limit + 1]]
    taken, passed = [], 0
    for i in order:
        item = partition[keys[i]]
        taken.append(item)
        if passed == limit:
            return taken  # the Limit-th passing item and the one after it
        if item.range_key.compare(range_comparison, range_objs):
            passed += 1
    return taken


if os.environ.get("MOTO_STOCK_QUERY") != "1":
    Table.query = _partition_query
    Table.__init__ = _table_with_partitions

_transact_write_items = DynamoDBBackend.transact_write_items
_ABSENT = object()


def _written_items(backend, transact_items):
    """(table, hash, range value, item as it is now: a copy, or _ABSENT; whether its partition
    exists) for every item the transaction writes; what moto will reject anyway is skipped."""
    kept, seen = [], set()
    for entry in transact_items:
        if not isinstance(entry, dict) or len(entry) != 1:
            continue
        op_type, op = next(iter(entry.items()))
        if op_type not in ("Put", "Update", "Delete") or not isinstance(op, dict):
            continue
        table = backend.tables.get(op.get("TableName"))
        key = op.get("Item") if op_type == "Put" else op.get("Key")
        if table is None or not isinstance(key, dict) or table.hash_key_attr not in key:
            continue
        try:
            hash_value = DynamoType(key[table.hash_key_attr])
            range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if (table.name, hash_value, range_value) in seen:
            continue  # moto refuses two operations on one item; the first copy is the one to keep
        seen.add((table.name, hash_value, range_value))
        # .get, not [], on the partitions: table.items is a defaultdict
        partition = table.items.get(hash_value)
        if range_value is None:
            now = partition
        else:
            now = partition.get(range_value) if partition is not None else None
        kept.append((table, hash_value, range_value,
                     _ABSENT if now is None else copy.deepcopy(now), partition is not None))
    return kept


def _put_back(kept):
    for table, hash_value, range_value, before, partition_existed in kept:
        if range_value is None:
            if before is _ABSENT:
                table.items.pop(hash_value, None)
            else:
                table.items[hash_value] = before
            continue
        if before is not _ABSENT:
            table.items[hash_value][range_value] = before
            continue
        partition = table.items.get(hash_value)
        if partition is not None:
            partition.pop(range_value, None)
            if not partition and not partition_existed:
                del table.items[hash_value]


def _table_itself(self, memo):
    return self


def _item_rollback_transact_write_items(self, transact_items):
    kept = _written_items(self, transact_items)
    shards = [(t.stream_shard, t.stream_shard.items, len(t.stream_shard.items))
              for t in {id(k[0]): k[0] for k in kept}.values() if t.stream_shard is not None]
    # moto's own code, with its copy of each table made a no-op (one request at a time, above):
    # its rollback then puts the same table back, and this one puts the written items back
    Table.__deepcopy__ = _table_itself
    try:
        return _transact_write_items(self, transact_items)
    except BaseException:
        _put_back(kept)
        for shard, records, length in shards:
            if shard.items is records:
                del records[length:]
        raise
    finally:
        del Table.__deepcopy__


if os.environ.get("MOTO_STOCK_TRANSACTIONS") != "1":
    DynamoDBBackend.transact_write_items = _item_rollback_transact_write_items

_ITEM_SIZE_LIMIT = 405000  # moto's own (LimitedSizeDict): between DynamoDB's 400 KB and what AWS was seen to accept


def _item_init_in_one_pass(self, hash_key, range_key, attrs):
    """moto's Item.__init__ with the item-size check made in one pass: moto's LimitedSizeDict
    sums the size of every attribute already set each time one more is set, so building an item
    of n attributes sizes n*(n-1)/2 values (a catalogue posting of 15 attributes: 105, each set
    of words element by element) - 60 % of the time of a BatchWriteItem here. The same check, in
    the same order, against the same limit, with a running sum: ItemSizeTooLarge exactly when
    moto raises it. Later changes to an item (updates) still go through moto's own check."""
    self.hash_key = hash_key
    self.range_key = range_key
    converted = {}
    total = 0
    for key, value in attrs.items():
        typed = DynamoType(value)
        size = bytesize(key) + _size(typed)
        if total + size > _ITEM_SIZE_LIMIT:
            raise ItemSizeTooLarge
        total += size
        converted[key] = typed
    self.attrs = LimitedSizeDict(converted)  # its constructor does not check (dict.update), as in moto


def _size(typed):
    """DynamoType.size(), without a DynamoType per element of a string or number set (what moto
    makes to size each: the size of {"S": v} is the bytes of v, of {"N": v} the length of v)."""
    if typed.type == "SS":
        return sum(bytesize(v) for v in typed.value)
    if typed.type == "NS":
        return sum(len(str(v)) for v in typed.value)
    return typed.size()


_AV_SCALARS = {"S": str, "N": str, "NULL": bool, "BOOL": bool}


def _attribute_value(av):
    """An AttributeValue as moto's request parser gives it (blobs decoded), or None when the
    JSON is anything but one member of the right JSON type (then moto's parser decides)."""
    if not isinstance(av, dict) or len(av) != 1:
        return None
    kind, value = next(iter(av.items()))
    if kind in _AV_SCALARS:
        return av if isinstance(value, _AV_SCALARS[kind]) else None
    if kind in ("SS", "NS"):
        return av if isinstance(value, list) and all(isinstance(v, str) for v in value) else None
    if kind == "B":
        return {"B": base64.b64decode(value)} if isinstance(value, str) else None
    if kind == "BS":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return {"BS": [base64.b64decode(v) for v in value]}
    if kind == "M":
        return _attribute_map(value, {"M": {}}, "M")
    if kind == "L":
        if not isinstance(value, list):
            return None
        out = []
        for v in value:
            parsed = _attribute_value(v)
            if parsed is None:
                return None
            out.append(parsed)
        return {"L": out}
    return None


def _attribute_map(value, into=None, member=None):
    if not isinstance(value, dict):
        return None
    out = {}
    for name, av in value.items():
        parsed = _attribute_value(av)
        if parsed is None:
            return None
        out[name] = parsed
    return {member: out} if member else out


def _batch_write_parameters(body):
    """BatchWriteItem's parameters as moto's parser would give them, or None for anything unusual."""
    if not isinstance(body, dict) or not set(body) <= {"RequestItems", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"}:
        return None
    for option in ("ReturnConsumedCapacity", "ReturnItemCollectionMetrics"):
        if option in body and not isinstance(body[option], str):
            return None
    tables = body.get("RequestItems")
    if not isinstance(tables, dict):
        return None
    parsed_tables = {}
    for table, requests in tables.items():
        if not isinstance(requests, list):
            return None
        parsed_requests = []
        for request in requests:
            if not isinstance(request, dict) or len(request) != 1:
                return None
            kind, inner = next(iter(request.items()))
            field = {"PutRequest": "Item", "DeleteRequest": "Key"}.get(kind)
            if field is None or not isinstance(inner, dict) or set(inner) != {field}:
                return None
            attributes = _attribute_map(inner[field])
            if attributes is None:
                return None
            parsed_requests.append({kind: {field: attributes}})
        parsed_tables[table] = parsed_requests
    parsed = dict(body)
    parsed["RequestItems"] = parsed_tables
    return parsed


_parse_parameters = DynamoHandler.parse_parameters


def _parse_batch_writes_directly(self, request):
    """BatchWriteItem's body read as JSON, not walked through botocore's model shape by shape
    (a quarter of the time of a seeding write here): the same parameters for every body the SDK
    sends, and moto's own parser for any other."""
    if self._get_action() == "BatchWriteItem":
        try:
            parsed = _batch_write_parameters(json.loads(request.data or b"{}"))
        except (ValueError, TypeError, binascii.Error):
            parsed = None
        if parsed is not None:
            self.params = parsed
            return
    _parse_parameters(self, request)


if os.environ.get("MOTO_STOCK_ITEMS") != "1":
    Item.__init__ = _item_init_in_one_pass
    DynamoHandler.parse_parameters = _parse_batch_writes_directly


def _wire_attribute_value(value):
    """An AttributeValue as moto's JSON serializer writes it from moto's result (dynamo_to_dict:
    blobs as bytes): only the members AttributeValue has, none that is None, strings and numbers
    as str, blobs base64, sets and lists and maps member by member. The same JSON, without walking
    botocore's shapes for every attribute of every item (test_emulator_patches compares both)."""
    out = {}
    for kind, member in value.items():
        if member is None:
            continue
        if kind in ("S", "N"):
            out[kind] = member if member in ({}, []) else str(member)
        elif kind in ("NULL", "BOOL"):
            out[kind] = member
        elif kind == "B":
            out[kind] = _base64(member)
        elif kind in ("SS", "NS"):
            out[kind] = [str(v) for v in member]
        elif kind == "BS":
            out[kind] = [_base64(v) for v in member]
        elif kind == "M":
            out[kind] = {k: _wire_attribute_value(v) for k, v in member.items()}
        elif kind == "L":
            out[kind] = [_wire_attribute_value(v) for v in member]
    return out


def _base64(value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return base64.b64encode(value).strip().decode("utf-8")


_serialize_shape = JSONSerializer._serialize


def _serialize_attribute_values_directly(self, serialized, value, shape, key):
    """moto's JSON serializer walks botocore's model shape by shape for every attribute of every
    item it answers: 90 % of the time of a Query page of 4,000 small items here (about 5 s a
    page; a month's 60,000-row extract took minutes). An AttributeValue is written directly in
    the same JSON; everything around it (Count, LastEvaluatedKey's envelope, errors) is moto's."""
    if shape.name == "AttributeValue" and isinstance(value, dict) and key:
        serialized[self.get_serialized_name(shape, key)] = _wire_attribute_value(value)
        return
    _serialize_shape(self, serialized, value, shape, key)


if os.environ.get("MOTO_STOCK_SERIALIZER") != "1":
    JSONSerializer._serialize = _serialize_attribute_values_directly


class _NotKept(list):
    def append(self, _instance):
        pass


if os.environ.get("MOTO_TRACK_ITEMS") != "1":
    Item.instances_tracked = _NotKept()

if __name__ == "__main__":
    moto_server.main()
