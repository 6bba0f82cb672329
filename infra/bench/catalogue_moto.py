"""moto for the catalogue benchmark: infra/moto_server.py (one request at a time) plus a Query
that reads only the partition asked for.

moto 5.2's Table.query walks every item of the table to find the partition of a base-table
Query (and of a GSI Query), so a Query costs time in proportion to the whole table: about
8-40 microseconds per item here, i.e. ~1-9 s per Query once a 20,000-course catalogue (about
220,000 items) shares the table. DynamoDB reads only the partition. This wrapper makes
base-table Queries look up their partition directly (moto keeps items by partition already);
results, ordering, paging, filters and limits are moto's own code, unchanged. GSI queries are
left as they are. docs/adr/0008-catalogue-search.md has the numbers with and without it.

Same arguments as moto_server: python infra/bench/catalogue_moto.py -H 127.0.0.1 -p 4700
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import moto_server  # noqa: E402  (infra/moto_server.py: serialises requests)
from moto.dynamodb.models.table import Table  # noqa: E402

_query = Table.query


def _partition_query(self, hash_key, *args, **kwargs):
    index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)
    if index_name or hash_key is None or not self.range_key_attr:
        return _query(self, hash_key, *args, **kwargs)
    partition = self.items.get(hash_key, {})
    # moto serves one request at a time (moto_server.py), so swapping the method is safe
    self.all_items = lambda: list(partition.values())
    try:
        return _query(self, hash_key, *args, **kwargs)
    finally:
        del self.all_items


Table.query = _partition_query

if __name__ == "__main__":
    moto_server.moto_server.main()
