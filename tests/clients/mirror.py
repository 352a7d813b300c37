"""A mirror of one programme kept by `GET /changes` and the generated Python client
(openapi-python-client), run against a live server: it takes the whole programme once (the
export), makes five writes through the API (a record edited, one added and deleted, the
reported figures replaced, another record edited), then catches up by fetching only what each
change names (a record, the reported figures; the export only for a whole-programme write) and
proves its copy, serialised as the export is, equals the server's export byte for byte.

Reads keep the raw body (`response.content`, parsed with `json.loads`, which keeps the key
order): the copy is the document, not the client's models of it. Checked with `mypy --strict`,
with no `cast`, `Any` or `type: ignore`.

Usage: KHUYENCONG_URL=http://127.0.0.1:8080 KHUYENCONG_TOKEN=<a write token> python mirror.py
(exits 1 if anything is off). The generated package `khuyencong_client` must be importable.
"""

import difflib
import json
import os
import re
import sys
from collections.abc import Callable
from http import HTTPStatus
from typing import TypeVar

from khuyencong_client import AuthenticatedClient, Client
from khuyencong_client.api.programmes import get_programme_metadata, get_reported, get_scheme_record, list_changes
from khuyencong_client.api.downloads import export_programme
from khuyencong_client.api.writes import delete_scheme, put_reported, put_scheme
from khuyencong_client.models import Changes, Problem, Reported, SchemeRecord, WriteResult
from khuyencong_client.types import Response
from checks import expect, run

PROGRAMME = "2016-2020"
PAGE_SIZE = 2  # small pages, so that following `next_since` is exercised
WHOLE = ("seed", "replace")  # writes of a whole programme: the mirror takes its export again

Object = dict[str, object]
T = TypeVar("T")

def as_object(value: object, what: str) -> Object:
    if not isinstance(value, dict):
        raise RuntimeError(f"{what}: not a JSON object: {value!r:.200}")
    return {str(k): v for k, v in value.items()}


def as_list(value: object, what: str) -> list[object]:
    if not isinstance(value, list):
        raise RuntimeError(f"{what}: not a JSON array: {value!r:.200}")
    return list(value)


def as_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise RuntimeError(f"{what}: not a string: {value!r:.200}")
    return value


def records_of(doc: Object) -> list[Object]:
    return [as_object(r, "a scheme record") for r in as_list(doc.get("schemes"), "schemes")]


def serialise(doc: Object) -> bytes:
    """The document as the export serialises it: two-space indentation, UTF-8, a final newline."""
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def describe(response: Response[T]) -> str:
    if isinstance(response.parsed, Problem):
        return f"{response.status_code} {response.parsed.title}: {response.parsed.detail}"
    return f"{response.status_code} {response.content[:200]!r}"


class Fetched:
    """What the mirror asked for, to weigh against taking the export each time."""

    def __init__(self) -> None:
        self.requests = 0
        self.bytes = 0
        self.by_kind: dict[str, int] = {}

    def add(self, kind: str, response: Response[T]) -> bytes:
        self.requests += 1
        self.bytes += len(response.content)
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        return response.content


def read_object(response: Response[T], what: str, fetched: Fetched | None = None) -> Object | None:
    """The body of a 200 as a JSON object in its own key order; None for a 404."""
    if fetched is not None:
        fetched.add(what, response)
    if response.status_code == HTTPStatus.NOT_FOUND:
        return None
    if response.status_code != HTTPStatus.OK:
        raise RuntimeError(f"{what}: {describe(response)}")
    return as_object(json.loads(response.content), what)


class Writer:
    """Writes through the API, each naming the programme's version it read (If-Match) and taking
    the next one from the answer."""

    def __init__(self, client: AuthenticatedClient, etag: str) -> None:
        self.client = client
        self.etag = etag
        self.versions: list[int] = []

    def write(self, what: str, send: Callable[[str], Response[Problem | WriteResult]]) -> None:
        response = send(self.etag)
        result = response.parsed
        if response.status_code not in (HTTPStatus.OK, HTTPStatus.CREATED) or not isinstance(result, WriteResult):
            raise RuntimeError(f"write {what}: {describe(response)}")
        etag = response.headers.get("etag", "")
        expect(
            etag == f'"{result.version}-json"' and result.etag == etag,
            f"write {what}: version {result.version}, ETag {etag} (also in the body: {result.etag})",
        )
        self.etag = etag
        self.versions.append(result.version)


def write_five(client: AuthenticatedClient, doc: Object, etag: str) -> Writer:
    """(a) a record's note, (b) a new record, (c) that record deleted, (d) the reported figures'
    cost quote, (e) another record's quote. Text in Vietnamese, so that the bytes are UTF-8."""
    writer = Writer(client, etag)
    records = records_of(doc)
    ids = {as_str(r["id"], "a record's id") for r in records}

    first = dict(records[0])
    first["note"] = {"vi": "Ghi chú thử của bản sao (mirror.py).", "en": "A mirror test note (mirror.py)."}
    first_id = as_str(first["id"], "id")
    writer.write(
        f"(a) PUT /schemes/{first_id} (a note)",
        lambda tag: put_scheme.sync_detailed(
            PROGRAMME, first_id, client=client, body=SchemeRecord.from_dict(first), if_match=tag
        ),
    )

    new_id = next(f"mirror-test-{n}" for n in range(1, len(ids) + 2) if f"mirror-test-{n}" not in ids)
    new = dict(records[1])
    new["id"] = new_id
    writer.write(
        f"(b) PUT /schemes/{new_id} (a new record)",
        lambda tag: put_scheme.sync_detailed(
            PROGRAMME, new_id, client=client, body=SchemeRecord.from_dict(new), if_match=tag
        ),
    )
    writer.write(
        f"(c) DELETE /schemes/{new_id}",
        lambda tag: delete_scheme.sync_detailed(PROGRAMME, new_id, client=client, if_match=tag),
    )

    reported = as_object(doc.get("reported"), "reported")
    cost = as_object(reported.get("cost"), "reported.cost")
    cost["quote"] = as_str(cost.get("quote", ""), "reported.cost.quote") + " (bản sao: mirror.py)"
    reported["cost"] = cost
    writer.write(
        "(d) PUT /reported (the cost's quote)",
        lambda tag: put_reported.sync_detailed(PROGRAMME, client=client, body=Reported.from_dict(reported), if_match=tag),
    )

    last = dict(records[-1])
    last["quote"] = as_str(last.get("quote", ""), "quote") + " (trích dẫn sửa: mirror.py)"
    last_id = as_str(last["id"], "id")
    writer.write(
        f"(e) PUT /schemes/{last_id} (a quote)",
        lambda tag: put_scheme.sync_detailed(
            PROGRAMME, last_id, client=client, body=SchemeRecord.from_dict(last), if_match=tag
        ),
    )
    return writer


def place(doc: Object, record: Object, at_end: bool) -> None:
    """Puts the record in place of the one with its id, as the server keeps a record's position;
    a new one (or, `at_end`, a created one) goes after the last, as the server appends it."""
    records = records_of(doc)
    index = next((i for i, r in enumerate(records) if r.get("id") == record.get("id")), None)
    if index is not None and at_end:
        del records[index]
        index = None
    if index is None:
        records.append(record)
    else:
        records[index] = record
    doc["schemes"] = records


def remove(doc: Object, scheme_id: str) -> None:
    doc["schemes"] = [r for r in records_of(doc) if r.get("id") != scheme_id]


def set_reported(doc: Object, reported: Object) -> None:
    """The reported figures, in their place in the document (before the indicator definitions
    and the records) when the copy had none."""
    if "reported" in doc:
        doc["reported"] = reported
        return
    rebuilt: Object = {}
    for key, value in doc.items():
        if key in ("indicator_definitions", "schemes") and "reported" not in rebuilt:
            rebuilt["reported"] = reported
        rebuilt[key] = value
    rebuilt.setdefault("reported", reported)
    doc.clear()
    doc.update(rebuilt)


def catch_up(client: Client, docs: dict[str, Object], since: int, fetched: Fetched) -> tuple[int, list[int]]:
    """Applies every change after `since` to the copies in `docs`, fetching only what each names;
    returns the version the copies are now at and the versions of the changes applied."""
    applied: list[int] = []
    for _ in range(10_000):
        response = list_changes.sync_detailed(client=client, since=since, limit=PAGE_SIZE)
        fetched.add("changes", response)
        page = response.parsed
        if not isinstance(page, Changes):
            raise RuntimeError(f"changes since {since}: {describe(response)}")
        for item in page.items:
            apply(client, docs, item.programme_id, item.scheme_id, item.operation, fetched)
            print(f"  applied {item.version} {item.operation} {item.programme_id} {item.scheme_id or ''}".rstrip())
            applied.append(item.version)
        if page.next_since is None:
            return page.latest_version, applied
        if page.next_since <= since:
            raise RuntimeError(f"changes since {since}: next_since {page.next_since} does not move on")
        since = page.next_since
    raise RuntimeError("changes: more than 10,000 pages; next_since does not end")


def apply(
    client: Client, docs: dict[str, Object], programme_id: str, scheme_id: str | None, operation: str, fetched: Fetched
) -> None:
    """One change applied to the copy of its programme (a programme the mirror does not hold is
    taken whole when it is written whole; its record writes are passed over until then)."""
    if operation == "delete":
        docs.pop(programme_id, None)
    elif operation in WHOLE or (scheme_id is None and operation != "replace_reported"):
        # A whole programme written (or an operation this mirror does not know): take it whole.
        doc = read_object(export_programme.sync_detailed(programme_id, client=client), "export", fetched)
        if doc is None:
            docs.pop(programme_id, None)  # deleted since: its `delete` follows
        else:
            docs[programme_id] = doc
    elif programme_id not in docs:
        pass
    elif operation == "replace_reported":
        reported = read_object(get_reported.sync_detailed(programme_id, client=client), "reported", fetched)
        if reported is not None:  # else the programme was deleted since: its `delete` follows
            set_reported(docs[programme_id], reported)
    elif scheme_id is not None and operation == "delete_scheme":
        remove(docs[programme_id], scheme_id)
    elif scheme_id is not None:
        # create_scheme, replace_scheme (a PUT of a new id appends too), or a record operation
        # this mirror does not know: the record as it is now, or gone.
        response = get_scheme_record.sync_detailed(programme_id, scheme_id, client=client)
        record = read_object(response, "record", fetched)
        if record is None:
            remove(docs[programme_id], scheme_id)  # deleted since: its `delete_scheme` follows
        else:
            place(docs[programme_id], record, at_end=operation == "create_scheme")


def main() -> None:
    base_url = os.environ.get("KHUYENCONG_URL", "")
    token = os.environ.get("KHUYENCONG_TOKEN", "")
    if not base_url or not token:
        raise RuntimeError("set KHUYENCONG_URL (the server's base URL) and KHUYENCONG_TOKEN (a write token)")
    client = Client(base_url=base_url, raise_on_unexpected_status=True)
    writer_client = AuthenticatedClient(base_url=base_url, token=token, raise_on_unexpected_status=True)

    # The version first, then the programme: a write between the two is applied again, harmlessly.
    start = list_changes.sync_detailed(client=client, limit=1).parsed
    if not isinstance(start, Changes):
        raise RuntimeError(f"changes: unexpected answer {start!r}")
    since = start.latest_version
    response = export_programme.sync_detailed(PROGRAMME, client=client)
    initial = read_object(response, "export")
    if initial is None:
        raise RuntimeError(f"export {PROGRAMME}: 404")
    export_size = len(response.content)
    expect(serialise(initial) == response.content, "the export is json.dumps(doc, indent=2, ensure_ascii=False) + newline")
    etag = response.headers.get("etag", "")
    print(f"mirror: took {PROGRAMME} whole ({export_size:,} bytes, ETag {etag}) at data version {since}")
    docs = {PROGRAMME: as_object(json.loads(response.content), "export")}  # the copy, apart from `initial`

    writer = write_five(writer_client, initial, etag)

    fetched = Fetched()
    version, applied = catch_up(client, docs, since, fetched)
    expect(applied == writer.versions, f"changes: the five writes' versions, in order ({writer.versions}; listed {applied})")
    expect(version == writer.versions[-1], f"changes: latest_version {version} is the last write's")
    kinds = ", ".join(f"{n} {kind}" for kind, n in fetched.by_kind.items())
    print(
        f"mirror: {fetched.requests} requests, {fetched.bytes:,} bytes ({kinds}) for {len(applied)} changes; "
        f"the export is {export_size:,} bytes, taking it again per change {len(applied) * export_size:,}"
    )

    # The copy against the server's export, byte for byte.
    response = export_programme.sync_detailed(PROGRAMME, client=client)
    if response.status_code != HTTPStatus.OK:
        raise RuntimeError(f"export: {describe(response)}")
    mine = serialise(docs[PROGRAMME])
    # A read may come content-coded: its tag then names the coding too ("6-json-gzip"), the same
    # version and representation as the write's "6-json".
    shown = re.sub(r'-(gzip|br|zstd|deflate)"$', '"', response.headers.get("etag") or "")
    expect(shown == writer.etag, f"export: ETag {response.headers.get('etag')} is the last write's")
    expect(mine != serialise(initial), "the copy changed: the writes took effect")
    same = mine == response.content
    expect(same, f"the copy equals GET /programmes/{PROGRAMME}/export byte for byte ({len(mine):,} bytes)")
    if not same:
        theirs = response.content.decode("utf-8").splitlines(keepends=True)
        ours = mine.decode("utf-8").splitlines(keepends=True)
        diff = list(difflib.unified_diff(theirs, ours, "export", "mirror", n=2))
        sys.stdout.writelines(diff[:60])
        if len(diff) > 60:
            print(f"... ({len(diff) - 60} more diff lines)")
    records = records_of(docs[PROGRAMME])
    expect(
        not any(str(r.get("id", "")).startswith("mirror-test-") for r in records),
        "the copy: the record added then deleted is not there",
    )

    # The programme's other fields, as its own read gives them (not counted: a check, not the mirror).
    metadata = read_object(get_programme_metadata.sync_detailed(PROGRAMME, client=client), "metadata")
    rest = {k: v for k, v in docs[PROGRAMME].items() if k not in ("reported", "schemes")}
    expect(
        metadata is not None and serialise(metadata) == serialise(rest),
        "metadata: the document without reported and schemes, in document order",
    )


if __name__ == "__main__":
    run(main, "mirror.py", "the copy kept by /changes equals the export byte for byte")
