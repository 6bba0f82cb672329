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

Reminders (issue 7): GET /seoul-learn/sent-mail answers the e-mail moto's SES accepted, like the
"ses" part of /moto-api/data.json but without dumping every other model (with a few hundred
thousand DynamoDB items data.json takes minutes). Read by kr.seoullearn.local.testing.LocalMailbox.

Same arguments as moto_server.
"""
import io
import json
import os
import threading
import time

import moto.server as moto_server
from moto.dynamodb.models.table import Table

_lock = threading.Lock()
_run_simple = moto_server.run_simple


_TOKEN_SECONDS = 600
_done_transactions = {}  # ClientRequestToken -> (time, status, headers, body)


def _transaction_token(environ):
    """The ClientRequestToken of a TransactWriteItems call (reading the body), else None."""
    if not environ.get("HTTP_X_AMZ_TARGET", "").endswith(".TransactWriteItems"):
        return None
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    try:
        return json.loads(body or b"{}").get("ClientRequestToken")
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
        with _lock:
            token = _transaction_token(environ)
            now = time.monotonic()
            for old in [t for t, v in _done_transactions.items() if now - v[0] > _TOKEN_SECONDS]:
                del _done_transactions[old]
            if token in _done_transactions:
                _, status, headers, body = _done_transactions[token]
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

if __name__ == "__main__":
    moto_server.main()
