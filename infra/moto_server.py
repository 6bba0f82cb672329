"""Starts moto's server with its requests handled one at a time.

moto's server handles requests on many threads without isolating them: two DynamoDB
TransactWriteItems running at once can each roll back over the other's writes (seen as a
quota counter of 100 with 106 applications admitted). DynamoDB itself makes every conditional
write and transaction atomic, so the local endpoint must too: this wrapper lets connections in
concurrently but runs one request at a time (docs/adr/0001). Same arguments as moto_server.
"""
import threading

import moto.server as moto_server

_lock = threading.Lock()
_run_simple = moto_server.run_simple


class _OneAtATime:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        with _lock:
            # produce the whole body inside the lock: the request is over when it is released
            return list(self.app(environ, start_response))


def _serialised_run_simple(host, port, app, **kwargs):
    return _run_simple(host, port, _OneAtATime(app), **kwargs)


moto_server.run_simple = _serialised_run_simple

if __name__ == "__main__":
    moto_server.main()
