"""What an agency engineer writes with the generated Python client (openapi-python-client), run
against a live server: totals, a breakdown, every page of the scheme records, one CSV download,
a draft from the seed article's text (with KHUYENCONG_TOKEN) and a 404 read as a `Problem`. Checked with `mypy --strict`, with no `cast`, `Any` or
`type: ignore`: whatever it reads must be typed by the spec alone.

Usage: KHUYENCONG_URL=http://127.0.0.1:8080 python usage.py   (exits 1 if anything is off)
The generated package `khuyencong_client` must be importable (generated/python on PYTHONPATH).
"""

import csv
import io
import os
import re
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from khuyencong_client import AuthenticatedClient, Client
from khuyencong_client.api.aggregates import get_breakdown, get_totals
from khuyencong_client.api.downloads import download_breakdown, download_schemes
from khuyencong_client.api.schemes import list_schemes
from khuyencong_client.api.writes import post_draft
from khuyencong_client.models import Breakdown, Dimension, Draft, Problem, SchemePage, Totals
from khuyencong_client.types import UNSET, File, Unset
from checks import expect, run

PROGRAMME = "2016-2020"
EXPECTED_RECORDS = 7  # the seeded programme's scheme records ...
EXPECTED_ITEMISED_SCHEMES = 64  # ... which cover 64 schemes
PAGE_SIZE = 2  # small pages, so that following `next` is exercised

def money(amount: str) -> Decimal:
    """Money is a decimal string with two places: read it exactly, never as a float."""
    if not re.fullmatch(r"-?[0-9]+\.[0-9]{2}", amount):
        raise ValueError(f"not Money (a decimal string with two places): {amount!r}")
    return Decimal(amount)


def column_sums(text: str) -> dict[str, Decimal]:
    """Each money column of a CSV summed as a spreadsheet user would, every cell an exact decimal;
    a cell holding more than one value fails (it cannot be summed)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    sums: dict[str, Decimal] = {}
    for name in rows[0] if rows else []:
        if name.endswith("_million_vnd"):
            sums[name] = sum((Decimal(row[name]) for row in rows if row[name] != ""), Decimal("0.00"))
    return sums


def describe(result: object) -> str:
    if isinstance(result, Problem):
        return f"{result.status} {result.title}: {result.detail}"
    return f"unexpected answer {result!r}"


def main() -> None:
    base_url = os.environ.get("KHUYENCONG_URL", "")
    if not base_url:
        raise RuntimeError("set KHUYENCONG_URL to the server's base URL, e.g. http://127.0.0.1:8080")
    client = Client(base_url=base_url, raise_on_unexpected_status=True)

    # Totals: reported and itemised, side by side.
    totals = get_totals.sync(PROGRAMME, client=client)
    if not isinstance(totals, Totals):
        raise RuntimeError(f"totals: {describe(totals)}")
    print(
        f"totals: schemes reported={totals.schemes.reported} itemised={totals.schemes.itemised}; "
        f"cost itemised={totals.cost.itemised} reported={totals.cost.reported} gap={totals.cost.gap}"
    )
    expect(totals.schemes.itemised == EXPECTED_ITEMISED_SCHEMES, f"totals: itemised schemes = {EXPECTED_ITEMISED_SCHEMES}")
    expect(money(totals.cost.itemised) > 0, f"totals: cost.itemised {totals.cost.itemised!r} is Money")

    # A draft from the seed article's text, sent as its UTF-8 bytes: the total cost placed.
    token = os.environ.get("KHUYENCONG_TOKEN", "")
    if not token:
        raise RuntimeError("set KHUYENCONG_TOKEN to a write token")
    writer = AuthenticatedClient(base_url=base_url, token=token, raise_on_unexpected_status=True)
    with open("../../seeds/source/hai-phong-khuyen-cong-2016-2020.txt", "rb") as report:
        drafted = post_draft.sync(client=writer, body=File(payload=report))
    if not isinstance(drafted, Draft):
        raise RuntimeError(f"drafts: {describe(drafted)}")
    cost = next((f for f in drafted.figures if f.pointer == "/reported/cost"), None)
    print(f"drafts: {len(drafted.figures)} figures, {len(drafted.document.schemes)} groups, cost {cost.value if cost else None}")
    expect(cost is not None and cost.value == "41306.53", "drafts: the total cost 41306.53, placed")

    # A breakdown by activity: its rows sum exactly to its total.
    breakdown = get_breakdown.sync(PROGRAMME, client=client, by=Dimension.ACTIVITY)
    if not isinstance(breakdown, Breakdown):
        raise RuntimeError(f"breakdown: {describe(breakdown)}")
    for row in breakdown.rows:
        print(f"  {row.key}: cost={row.cost} share={row.share_percent}%")
    print(f"breakdown by activity: {len(breakdown.rows)} rows, total cost {breakdown.total.cost}")
    expect(len(breakdown.rows) > 0, "breakdown: has rows")
    expect(
        sum((money(row.cost) for row in breakdown.rows), Decimal("0.00")) == money(breakdown.total.cost),
        "breakdown: the rows' costs sum exactly to total.cost",
    )

    # Every page of the scheme records, following `next` (its `cursor`, taken as it is).
    records = schemes = pages = 0
    cursor: str | Unset = UNSET
    while True:
        page = list_schemes.sync(PROGRAMME, client=client, limit=PAGE_SIZE, cursor=cursor)
        if not isinstance(page, SchemePage):
            raise RuntimeError(f"schemes page {pages + 1}: {describe(page)}")
        pages += 1
        records += len(page.items)
        schemes += sum(item.scheme_count for item in page.items)
        if page.next_ is None:
            break
        cursors = parse_qs(urlsplit(page.next_).query).get("cursor", [])
        if len(cursors) != 1:
            raise RuntimeError(f"schemes: next URL without one cursor: {page.next_}")
        if pages > 100:
            raise RuntimeError("schemes: more than 100 pages; `next` does not end")
        cursor = cursors[0]
    print(f"schemes: {records} records ({schemes} schemes) in {pages} pages of {PAGE_SIZE}")
    expect(records == EXPECTED_RECORDS, f"schemes: {EXPECTED_RECORDS} records over all pages")
    expect(pages == -(-EXPECTED_RECORDS // PAGE_SIZE), "schemes: pages as many as limit implies")
    expect(schemes == EXPECTED_ITEMISED_SCHEMES, "schemes: scheme_count sums to the itemised schemes")

    # The CSV downloads, read as a spreadsheet user sums them: the own columns give the API's
    # itemised funding exactly, without counting any money twice.
    itemised = {f.source: money(f.itemised) for f in totals.funding}
    own_state = ("state_budget", "central_budget", "local_budget")
    text = download_schemes.sync(PROGRAMME, client=client)
    if not isinstance(text, str):
        raise RuntimeError(f"schemes.csv: {describe(text)}")
    rows = list(csv.DictReader(io.StringIO(text)))
    schemes = sum(int(row["scheme_count"]) for row in rows)
    print(f"schemes.csv: {len(rows)} rows ({schemes} schemes)")
    expect(len(rows) == EXPECTED_RECORDS, f"schemes.csv: {EXPECTED_RECORDS} rows, the whole list (not paginated)")
    expect(schemes == EXPECTED_ITEMISED_SCHEMES, "schemes.csv: its scheme_count column sums to the itemised schemes")
    sums = column_sums(text)
    state = sum((sums[f"{s}_own_million_vnd"] for s in own_state), Decimal("0.00"))
    print(f"schemes.csv: own state {state}, own contributions {sums['contributions_own_million_vnd']}")
    expect(state == itemised["state_budget"] == Decimal("11393.70"), "schemes.csv: own state columns sum to 11393.70")
    expect(
        sums["contributions_own_million_vnd"] == itemised["contributions"] == Decimal("28728.03"),
        "schemes.csv: contributions sum to 28728.03",
    )
    expect(sums["cost_million_vnd"] == money(totals.cost.itemised), "schemes.csv: costs sum to cost.itemised")
    for by in (Dimension.ACTIVITY, Dimension.SCOPE):
        table = download_breakdown.sync(PROGRAMME, client=client, by=by)
        if not isinstance(table, str):
            raise RuntimeError(f"breakdown.csv?by={by}: {describe(table)}")
        sums = column_sums(table)
        state = sum((sums[f"{s}_own_million_vnd"] for s in own_state), Decimal("0.00"))
        expect(state == Decimal("11393.70"), f"breakdown.csv?by={by}: own state columns sum to 11393.70")
        expect(sums["contributions_own_million_vnd"] == Decimal("28728.03"), f"breakdown.csv?by={by}: contributions 28728.03")
        expect(sums["cost_million_vnd"] == money(totals.cost.itemised), f"breakdown.csv?by={by}: costs sum to cost.itemised")
    table = download_breakdown.sync(PROGRAMME, client=client, by=Dimension.SOURCE)
    if not isinstance(table, str):
        raise RuntimeError(f"breakdown.csv?by=source: {describe(table)}")
    expect(
        column_sums(table)["own_million_vnd"] == money(totals.cost.itemised),
        "breakdown.csv?by=source: own amounts (with unattributed) sum to cost.itemised",
    )

    # A programme that does not exist: a 404 whose body is a Problem.
    detailed = get_totals.sync_detailed("nope", client=client)
    problem = detailed.parsed
    if isinstance(problem, Problem):
        print(f"404: status={problem.status} type={problem.type_} detail={problem.detail}")
        expect(detailed.status_code == 404 and problem.status == 404, "404: status 404 in the response and the problem")
        expect(problem.type_ == "urn:khuyencong:problem:not-found", "404: problem type not-found")
        expect(
            detailed.headers.get("content-type", "").startswith("application/problem+json"),
            "404: served as application/problem+json",
        )
    else:
        expect(False, f"404: programme nope answered a Problem (got {detailed.status_code} {problem!r})")


if __name__ == "__main__":
    run(main, "usage.py", "all expectations met")
