// What an agency engineer writes with the generated TypeScript client (openapi-typescript +
// openapi-fetch), run against a live server: totals, a breakdown, sums across programmes, a
// comparison, a draft from the seed article's text (with KHUYENCONG_TOKEN), every page of the scheme
// records, one CSV download and a 404 read as a `Problem`. Type-checked with `tsc --strict` and
// no casts, `any` or non-null assertions: whatever it reads must be typed by the spec alone.
// Usage: KHUYENCONG_URL=http://127.0.0.1:8080 npx tsx usage.ts   (exits 1 if anything is off)
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema.d.ts";

type Problem = components["schemas"]["Problem"];
type Money = components["schemas"]["Money"];

const PROGRAMME = "2016-2020";
/** What the seeded programme holds: 7 scheme records covering 64 schemes. */
const EXPECTED_RECORDS = 7;
const EXPECTED_ITEMISED_SCHEMES = 64;
/** Small pages, so that following `next` is exercised. */
const PAGE_SIZE = 2;

const failures: string[] = [];
function expect(ok: boolean, what: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

/** Money is a decimal string with two places: read it as exact hundredths, never as a float. */
function cents(amount: Money): bigint | undefined {
  const m = /^(-?)([0-9]+)\.([0-9]{2})$/.exec(amount);
  if (m === null) return undefined;
  const [, sign, units, hundredths] = m;
  const value = BigInt(`${units ?? ""}${hundredths ?? ""}`);
  return sign === "-" ? -value : value;
}

/** The records of an RFC 4180 CSV text (quoted fields may hold commas, quotes and newlines). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = (): void => {
    record.push(field);
    field = "";
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        quoted = false;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
    } else {
      field += c;
    }
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

async function main(): Promise<void> {
  const baseUrl = process.env["KHUYENCONG_URL"];
  if (baseUrl === undefined || baseUrl === "") {
    throw new Error("set KHUYENCONG_URL to the server's base URL, e.g. http://127.0.0.1:8080");
  }
  const client = createClient<paths>({ baseUrl });
  const id = { path: { id: PROGRAMME } };

  // Totals: reported and itemised, side by side.
  {
    const { data, error } = await client.GET("/programmes/{id}/totals", { params: id });
    if (data === undefined) throw new Error(`totals: ${error.status} ${error.title}: ${error.detail}`);
    console.log(
      `totals: schemes reported=${data.schemes.reported ?? "null"} itemised=${data.schemes.itemised}; ` +
        `cost itemised=${data.cost.itemised} reported=${data.cost.reported ?? "null"} gap=${data.cost.gap ?? "null"}`,
    );
    expect(data.schemes.itemised === EXPECTED_ITEMISED_SCHEMES, `totals: itemised schemes = ${EXPECTED_ITEMISED_SCHEMES}`);
    expect(cents(data.cost.itemised) !== undefined, `totals: cost.itemised "${data.cost.itemised}" is Money`);
  }

  // A breakdown by activity: its rows sum exactly to its total.
  {
    const { data, error } = await client.GET("/programmes/{id}/breakdown", {
      params: { ...id, query: { by: "activity" } },
    });
    if (data === undefined) throw new Error(`breakdown: ${error.status} ${error.title}: ${error.detail}`);
    let sum = 0n;
    for (const row of data.rows) {
      console.log(`  ${row.key}: cost=${row.cost} share=${row.share_percent ?? "null"}%`);
      sum += cents(row.cost) ?? 0n;
    }
    console.log(`breakdown by activity: ${data.rows.length} rows, total cost ${data.total.cost}`);
    expect(data.rows.length > 0, "breakdown: has rows");
    expect(sum === cents(data.total.cost), "breakdown: the rows' costs sum exactly to total.cost");
  }

  // The sums across programmes by source: the one programme named is added, its published
  // central-budget figure read as Money.
  {
    const { data, error } = await client.GET("/aggregate", {
      params: { query: { by: "source", programme: "2016-2020" } },
    });
    if (data === undefined) throw new Error(`aggregate: ${error.status} ${error.title}: ${error.detail}`);
    const central = data.rows.find((row) => row.keys["source"] === "central_budget");
    console.log(`aggregate by source: ${data.rows.length} rows, total cost ${data.total?.cost.reported ?? "null"}`);
    expect(data.included.length === 1 && data.excluded.length === 0, "aggregate: the one programme named is added");
    expect(central?.cost.reported !== undefined && cents(central.cost.reported ?? "") !== undefined, "aggregate: central budget's published sum is Money");
  }

  // A programme compared with itself: every difference is zero.
  {
    const { data, error } = await client.GET("/compare", {
      params: { query: { base: "2016-2020", other: "2016-2020" } },
    });
    if (data === undefined) throw new Error(`compare: ${error.status} ${error.title}: ${error.detail}`);
    const cost = data.measures.find((m) => m.measure === "cost");
    console.log(`compare: ${data.measures.length} measures`);
    expect(cost !== undefined && cost.itemised.difference === "0.00", "compare: the cost differs by 0.00 from itself");
  }

  // A draft from the seed article's text: its total cost placed, with the article's words, and
  // every quote the text between its offsets.
  {
    const token = process.env["KHUYENCONG_TOKEN"];
    if (token === undefined || token === "") throw new Error("set KHUYENCONG_TOKEN to a write token");
    const text = readFileSync("../../seeds/source/hai-phong-khuyen-cong-2016-2020.txt", "utf8");
    const { data, error } = await client.POST("/drafts", {
      body: text,
      bodySerializer: (body: string) => body,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain; charset=utf-8" },
    });
    if (data === undefined) throw new Error(`drafts: ${error.status} ${error.title}: ${error.detail}`);
    const cost = data.figures.find((f) => f.pointer === "/reported/cost");
    const chars = Array.from(text.normalize("NFC"));
    const exact = data.figures.every((f) => chars.slice(f.start, f.end).join("") === f.quote);
    console.log(`drafts: ${data.figures.length} figures, ${data.document.schemes.length} groups, cost ${cost?.value ?? "null"}`);
    expect(data.document.reported.cost?.amount === "41306.53" && cost?.qualifier === "exact", "drafts: the total cost 41306.53, exact");
    expect(exact, "drafts: every quote is the text between its offsets");
  }

  // Every page of the scheme records, following `next` (its `cursor`, taken as it is).
  {
    let records = 0;
    let schemes = 0;
    let pages = 0;
    let cursor: string | undefined;
    for (;;) {
      const { data, error } = await client.GET("/programmes/{id}/schemes", {
        params: { ...id, query: cursor === undefined ? { limit: PAGE_SIZE } : { limit: PAGE_SIZE, cursor } },
      });
      if (data === undefined) throw new Error(`schemes page ${pages + 1}: ${error.status} ${error.title}: ${error.detail}`);
      pages += 1;
      records += data.items.length;
      for (const item of data.items) schemes += item.scheme_count;
      if (data.next === null) break;
      const next = new URL(data.next).searchParams.get("cursor");
      if (next === null) throw new Error(`schemes: next URL without a cursor: ${data.next}`);
      if (pages > 100) throw new Error("schemes: more than 100 pages; `next` does not end");
      cursor = next;
    }
    console.log(`schemes: ${records} records (${schemes} schemes) in ${pages} pages of ${PAGE_SIZE}`);
    expect(records === EXPECTED_RECORDS, `schemes: ${EXPECTED_RECORDS} records over all pages`);
    expect(pages === Math.ceil(EXPECTED_RECORDS / PAGE_SIZE), "schemes: pages as many as limit implies");
    expect(schemes === EXPECTED_ITEMISED_SCHEMES, "schemes: scheme_count sums to the itemised schemes");
  }

  // One CSV download: the whole list as text/csv (its own operation), read as text.
  {
    const { data, error, response } = await client.GET("/programmes/{id}/schemes.csv", {
      params: { path: { id: PROGRAMME } },
      parseAs: "text",
    });
    if (data === undefined) {
      expect(false, `schemes.csv: ${response.status} ${error.type}: ${error.detail}`);
    } else {
      const contentType = response.headers.get("content-type") ?? "";
      const [header = [], ...rows] = csvRecords(data);
      const counts = header.indexOf("scheme_count");
      const schemes = rows.reduce((sum, row) => sum + Number(row[counts] ?? "NaN"), 0);
      console.log(`schemes.csv: ${response.status} ${contentType}, ${rows.length} rows of ${header.length} columns (${schemes} schemes)`);
      expect(response.status === 200 && contentType.startsWith("text/csv"), "schemes.csv: 200 text/csv");
      expect(rows.length === EXPECTED_RECORDS, `schemes.csv: ${EXPECTED_RECORDS} rows, the whole list (not paginated)`);
      expect(schemes === EXPECTED_ITEMISED_SCHEMES, "schemes.csv: its scheme_count column sums to the itemised schemes");
    }
  }

  // A programme that does not exist: a 404 whose body is a Problem.
  {
    const { data, error, response } = await client.GET("/programmes/{id}/totals", { params: { path: { id: "nope" } } });
    const problem: Problem | undefined = error;
    if (data !== undefined || problem === undefined) {
      expect(false, "404: programme nope answered an error");
    } else {
      console.log(`404: status=${problem.status} type=${problem.type} detail=${problem.detail}`);
      expect(response.status === 404 && problem.status === 404, "404: status 404 in the response and the problem");
      expect(problem.type === "urn:khuyencong:problem:not-found", "404: problem type not-found");
      expect(
        response.headers.get("content-type")?.startsWith("application/problem+json") === true,
        "404: served as application/problem+json",
      );
    }
  }
}

try {
  await main();
} catch (err: unknown) {
  failures.push(err instanceof Error ? err.message : String(err));
  console.error(`FAIL ${failures[failures.length - 1] ?? ""}`);
}
if (failures.length > 0) {
  console.error(`usage.ts: ${failures.length} failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("usage.ts: all expectations met");
