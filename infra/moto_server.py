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
off (infra/bench/catalogue.sh --stock-moto compares both; docs/adr/0008-catalogue-search.md).

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
import copy
import io
import json
import os
import threading
import time

import moto.server as moto_server
import moto_faults
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType, Item
from moto.dynamodb.models.table import Table

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
    # one request at a time (above), so swapping the method for this call is safe
    self.all_items = lambda: list(partition.values())
    try:
        return _query(self, hash_key, *args, **kwargs)
    finally:
        del self.all_items


if os.environ.get("MOTO_STOCK_QUERY") != "1":
    Table.query = _partition_query

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

class _NotKept(list):
    def append(self, _instance):
        pass


if os.environ.get("MOTO_TRACK_ITEMS") != "1":
    Item.instances_tracked = _NotKept()

if __name__ == "__main__":
    moto_server.main()
