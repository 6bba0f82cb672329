"""Faults DynamoDB gives under contention, injected on request (docs/adr/0001, "Faults").

The local endpoint runs one request at a time (moto_server.py), so two transactions never meet
and DynamoDB's answers to contention never reach our retry code. Real DynamoDB cancels a
TransactWriteItems that touches an item another transaction is writing (a
TransactionCanceledException whose CancellationReasons carry "TransactionConflict" for that
item and "None" for the others), and answers reads and writes over the table's or the
account's throughput with ProvisionedThroughputExceededException, ThrottlingException or
RequestLimitExceeded (HTTP 400; the SDK retries these itself, with back-off). This module makes
a chosen share of calls fail that way *before* moto runs them, so nothing is written, exactly
as a cancelled or throttled call writes nothing.

    POST /seoul-learn/faults {"transactionConflicts": 0.2, "throttles": 0.05, "seed": 7}
         turns injection on with those shares (0..1) and starts the counts afresh
    POST /seoul-learn/faults {}    turns it off (the counts are kept until the next start)
    POST /seoul-learn/faults {"target": "AWSCognitoIdentityProviderService.AdminGetUser",
         "contains": "<text of the body>", "times": 2, "status": 400, "code": "TooManyRequestsException"}
         a rule instead: the next N matching calls of any service fail with that error
         (EmulatorFaults in infra/test-stack; docs/adr/0023); DELETE clears the rules
    GET  /seoul-learn/faults       the shares and the counts:
         injected, and retried (the same call, its ClientRequestToken aside, came again later: the SDK's retry of a
         throttled call, our TransactionRunner's retry of a lost race), with the gaps between
         a fault and its retry in milliseconds, which show the back-off.

The shares touch only DynamoDB's data-plane calls (never CreateTable, DescribeTable and the like,
which the tests' own set-up uses), and never a call that is itself an answer kept for a
ClientRequestToken.
"""
import hashlib
import json
import random
import threading
import time

PATH = "/seoul-learn/faults"
_PREFIX = "DynamoDB_20120810."
_THROTTLED = {"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "BatchGetItem", "BatchWriteItem",
              "TransactGetItems"}
# the error codes DynamoDB answers throttled calls with; the SDK treats each as throttling
_THROTTLES = [
    ("ProvisionedThroughputExceededException",
     "The level of configured provisioned throughput for the table was exceeded. "
     "Consider increasing your provisioning level with the UpdateTable API."),
    ("ThrottlingException",
     "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically "
     "scaling your table or index so please try again shortly."),
    ("RequestLimitExceeded",
     "Throughput exceeds the current throughput limit for your account. Please contact AWS Support "
     "at https://aws.amazon.com/support request a limit increase"),
]

# the share of injected faults a run may leave without their retry (see _main)
ALLOWED_UNRETRIED = 0.01

_guard = threading.Lock()
_settings = {"transactionConflicts": 0.0, "throttles": 0.0}
_random = random.Random()
_rules = []  # targeted faults: {"target", "contains", "times", "status", "code"}
_pending = {}  # sha256 of a faulted request's target + body -> (kind, monotonic time)


def _fresh_counts():
    return {kind: {"injected": 0, "retried": 0, "gapsMs": []} for kind in ("transactionConflicts", "throttles")}


_counts = _fresh_counts()


def control(environ):
    """Answers the control path: (status, JSON body or None for no content)."""
    global _counts
    with _guard:
        if environ.get("REQUEST_METHOD") == "DELETE":
            _rules.clear()
            return "204 No Content", None
        if environ.get("REQUEST_METHOD") == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            try:
                asked = json.loads(environ["wsgi.input"].read(length) or b"{}") if length else {}
                if "target" in asked:
                    _rules.append({"target": str(asked["target"]), "contains": str(asked.get("contains", "")),
                                   "times": int(asked.get("times", 1)), "status": int(asked.get("status", 400)),
                                   "code": str(asked.get("code", "TooManyRequestsException"))})
                    return "204 No Content", None
                conflicts = float(asked.get("transactionConflicts", 0))
                throttles = float(asked.get("throttles", 0))
            except (ValueError, TypeError, AttributeError):
                return "400 Bad Request", {"message": "expected {\"transactionConflicts\": 0..1, \"throttles\": 0..1}"}
            if not (0 <= conflicts < 1 and 0 <= throttles < 1):
                return "400 Bad Request", {"message": "shares must be at least 0 and below 1"}
            if conflicts or throttles:
                _counts = _fresh_counts()
                _pending.clear()
                if "seed" in asked:
                    _random.seed(asked["seed"])
            _settings.update(transactionConflicts=conflicts, throttles=throttles)
        return "200 OK", _report()


def _report():
    out = {"transactionConflicts": _settings["transactionConflicts"], "throttles": _settings["throttles"], "counts": {}}
    for kind, c in _counts.items():
        gaps = sorted(c["gapsMs"])
        out["counts"][kind] = {
            "injected": c["injected"], "retried": c["retried"], "notRetried": c["injected"] - c["retried"],
            "retryGapMs": {"min": gaps[0], "median": gaps[len(gaps) // 2], "max": gaps[-1]} if gaps else None,
        }
    return out


def enabled():
    """Whether any fault is being injected (requests are not read otherwise)."""
    return bool(_settings["transactionConflicts"] or _settings["throttles"] or _pending or _rules)


def fault(environ, body):
    """The fault to answer instead of running the call, as (status, headers, body bytes), or None."""
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    ruled = _ruled(target, body)
    if ruled is not None:
        return ruled
    if not target.startswith(_PREFIX):
        return None
    operation = target[len(_PREFIX):]
    with _guard:
        conflicts, throttles = _settings["transactionConflicts"], _settings["throttles"]
        digest = hashlib.sha256(target.encode() + b"\0" + _call(body)).hexdigest()
        earlier = _pending.pop(digest, None)
        if earlier is not None:
            kind, at = earlier
            _counts[kind]["retried"] += 1
            _counts[kind]["gapsMs"].append(round((time.monotonic() - at) * 1000, 1))
        if operation == "TransactWriteItems" and conflicts and _random.random() < conflicts:
            kind, answer = "transactionConflicts", _conflict(body)
        elif operation in _THROTTLED and throttles and _random.random() < throttles:
            kind, answer = "throttles", _throttle()
        else:
            return None
        _counts[kind]["injected"] += 1
        _pending[digest] = (kind, time.monotonic())
    payload = json.dumps(answer).encode("utf-8")
    return "400 Bad Request", [("Content-Type", "application/x-amz-json-1.0"), ("Content-Length", str(len(payload))),
                               ("x-amzn-RequestId", hashlib.md5(digest.encode()).hexdigest())], payload


def _ruled(target, body):
    """The answer of the first rule matching this call (any service), counting it down, else None."""
    if not target:
        return None
    with _guard:
        if not _rules:
            return None
        text = body.decode("utf-8", "replace")
        for rule in _rules:
            if rule["times"] > 0 and rule["target"] == target and rule["contains"] in text:
                rule["times"] -= 1
                payload = json.dumps({"__type": rule["code"], "message": "injected fault"}).encode("utf-8")
                return (f"{rule['status']} Error", [("Content-Type", "application/x-amz-json-1.1"),
                                                    ("x-amzn-ErrorType", rule["code"]),
                                                    ("Content-Length", str(len(payload)))], payload)
    return None


def _call(body):
    """The call a body asks for, without its ClientRequestToken: the SDK makes a new token for
    each call (the same one for its own retries), so a TransactionRunner retry of the same
    writes carries another token."""
    try:
        asked = json.loads(body or b"{}")
    except ValueError:
        return body
    if isinstance(asked, dict) and "ClientRequestToken" in asked:
        del asked["ClientRequestToken"]
        return json.dumps(asked, sort_keys=True).encode("utf-8")
    return body


def _conflict(body):
    try:
        count = max(1, len(json.loads(body or b"{}").get("TransactItems") or []))
    except ValueError:
        count = 1
    lost = _random.randrange(count)
    reasons = [{"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"} if i == lost
               else {"Code": "None"} for i in range(count)]
    codes = ", ".join(r["Code"] for r in reasons)
    return {"__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
            "Message": f"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]",
            "CancellationReasons": reasons}


def _throttle():
    code, message = _random.choice(_THROTTLES)
    return {"__type": f"com.amazonaws.dynamodb.v20120810#{code}", "message": message}


def _main(argv):
    """infra/test's client: 'on URL CONFLICTS THROTTLES SEED' starts injection; 'report URL FILE'
    turns it off, writes the counts to FILE, prints them, and exits 1 unless both kinds were
    injected and every injected fault was retried but for at most one in a hundred (ALLOWED_UNRETRIED):
    a caller may give a call up after a fault as it would with DynamoDB (a function's 5 s socket
    timeout behind the endpoint's one-request-at-a-time queue, the SDK's attempt budget); broken
    retry code leaves most faults unretried, which still fails."""
    import urllib.request

    def post(url, asked):
        request = urllib.request.Request(url + PATH, data=json.dumps(asked).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    if len(argv) == 5 and argv[0] == "on":
        post(argv[1], {"transactionConflicts": float(argv[2]), "throttles": float(argv[3]), "seed": int(argv[4])})
        print(f"injecting TransactionConflict into {argv[2]} of TransactWriteItems and throttling into {argv[3]} of other calls")
        return 0
    if len(argv) == 3 and argv[0] == "report":
        report = post(argv[1], {})
        with open(argv[2], "w") as out:
            json.dump(report, out, indent=2)
        ok = True
        for kind, c in report["counts"].items():
            gap = c["retryGapMs"] or {}
            print(f"{kind}: injected {c['injected']}, retried {c['retried']}, not retried {c['notRetried']}; "
                  f"gap to the retry min {gap.get('min')} / median {gap.get('median')} / max {gap.get('max')} ms")
            ok = ok and c["injected"] > 0 and c["notRetried"] <= c["injected"] * ALLOWED_UNRETRIED
        if not ok:
            print(f"expected faults of both kinds, each one retried (at most {ALLOWED_UNRETRIED:.0%} not)")
        return 0 if ok else 1
    print(_main.__doc__)
    return 2


if __name__ == "__main__":
    import sys
    sys.exit(_main(sys.argv[1:]))
