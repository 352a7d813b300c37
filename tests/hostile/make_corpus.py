#!/usr/bin/env python3
"""Writes corpus.jsonl: hostile requests for tests/api/hostile.rs. Run it to regenerate.

Each line: name, method, target (sent byte for byte), headers, body (text) or body_repeat
([text, times]), send_bytes (send only that many body bytes, then stall), raw (a whole request,
sent as is), and expect: "problem" (a 4xx problem+json), "4xx" (any 4xx, or a closed
connection: actix's HTTP layer may answer before routing), "ok" (2xx, or a 4xx problem: the
input is a legitimate filter value), "no5xx" (anything but a 5xx or a hang), "timeout" (408 or a
closed connection within the client timeout).
"""
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
seed = json.load(open(os.path.join(here, "..", "..", "seeds", "2016-2020.json"), encoding="utf-8"))
corpus = []


def add(name, method, target, expect="problem", headers=None, body=None, **extra):
    corpus.append({"name": name, "method": method, "target": target, "headers": headers or {}, "body": body, "expect": expect, **extra})


AUTH = {"Authorization": "Bearer {TOKEN}"}
JSON = {"Content-Type": "application/json", **AUTH}
EDIT = {**JSON, "If-Match": "{ETAG}"}

# Very long paths and query strings (actix limits the request head; past it: its bare 4xx).
for n in (1000, 8000, 60000):
    add(f"long path {n}", "GET", "/programmes/" + "a" * n + "/totals", expect="4xx")
for n in (1000, 8000, 60000):
    add(f"long query {n}", "GET", "/programmes/2016-2020/schemes?activity=" + "x" * n, expect="4xx")
add("many query parameters", "GET", "/programmes?" + "&".join(f"p{i}=1" for i in range(500)))

# Invalid percent-encoding and UTF-8.
for bad in ("%", "%z", "%zz", "%C0%AF", "%FF%FE", "%ED%A0%80", "%00", "%2", "%%", "%E2%82"):
    add(f"percent {bad} in path", "GET", f"/programmes/{bad}/totals", expect="4xx")
    add(f"percent {bad} in query", "GET", f"/programmes/2016-2020/breakdown?by={bad}", expect="4xx")
for raw in (b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\x80"):
    add(f"raw bytes {raw.hex()} in path", "GET", "/programmes/" + raw.decode("latin-1") + "/totals", expect="4xx")

# SQL injection strings in every parameter.
injections = ["' OR '1'='1", "'; DROP TABLE programmes; --", "1 UNION SELECT * FROM api_tokens", "\" OR 1=1 --", "$1", "' || (SELECT secret_sha256 FROM api_tokens) || '"]
for i, sql in enumerate(injections):
    q = sql.replace(" ", "%20").replace("'", "%27").replace('"', "%22").replace(";", "%3B").replace("|", "%7C").replace("$", "%24").replace("*", "%2A").replace("(", "%28").replace(")", "%29")
    add(f"sql {i} in id", "GET", f"/programmes/{q}/totals")
    add(f"sql {i} in scheme id", "GET", f"/programmes/2016-2020/schemes/{q}")
    for param in ("activity", "scope", "source", "limit", "cursor", "format"):
        add(f"sql {i} in {param}", "GET", f"/programmes/2016-2020/schemes?{param}={q}")
    add(f"sql {i} in by", "GET", f"/programmes/2016-2020/breakdown?by={q}")
    add(f"sql {i} in audit programme", "GET", f"/audit?programme={q}", headers=AUTH, expect="ok")
    add(f"sql {i} in audit actor", "GET", f"/audit?actor={q}", headers=AUTH, expect="ok")

# Path traversal.
for t in ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "....//....//etc/passwd", "..\\..\\windows\\win.ini"):
    add(f"traversal {t}", "GET", f"/programmes/{t}", expect="4xx")
    add(f"traversal {t} under swagger", "GET", f"/swagger-ui/{t}", expect="4xx")

# Huge and negative numbers.
for n in ("-1", "0", "-99999999999999999999", "99999999999999999999", "1e3", "1.5", "0x10", "NaN", "Infinity", "+5"):
    add(f"limit {n}", "GET", f"/programmes?limit={n}")
for c in ("s-1", "s99999999999999999999", "9999.9999.x", "s", "-1"):
    add(f"cursor {c}", "GET", f"/programmes/2016-2020/schemes?cursor={c}")

# Duplicate parameters.
for q in ("by=activity&by=scope", "limit=1&limit=2", "activity=unspecified&activity=vocational_training", "format=csv&format=json", "cursor=s1&cursor=s2"):
    path = "/programmes/2016-2020/breakdown" if q.startswith("by") else "/programmes/2016-2020/schemes"
    add(f"duplicate {q}", "GET", f"{path}?{q}")

# Wrong methods.
for method, path in (("POST", "/programmes"), ("DELETE", "/programmes/2016-2020/totals"), ("PATCH", "/programmes/2016-2020"),
                     ("PUT", "/activities"), ("POST", "/funding-sources"), ("POST", "/programmes/2016-2020/reported"),
                     ("POST", "/programmes/2016-2020/export"), ("DELETE", "/audit"), ("PUT", "/health/live"),
                     ("POST", "/programmes/2016-2020/breakdown"), ("PATCH", "/programmes/2016-2020/schemes"),
                     ("TRACE", "/programmes"), ("PROPFIND", "/programmes"), ("POST", "/openapi.json")):
    add(f"{method} {path}", method, path, expect="4xx" if method in ("TRACE", "PROPFIND") or path == "/openapi.json" else "problem")

# Wrong and missing content types.
body = json.dumps(seed, ensure_ascii=False)
for ct in (None, "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx"):
    headers = dict(AUTH)
    if ct:
        headers["Content-Type"] = ct
    add(f"PUT with content type {ct}", "PUT", "/programmes/2016-2020", headers=headers, body=body)
    add(f"POST scheme with content type {ct}", "POST", "/programmes/2016-2020/schemes", headers={**headers, "If-Match": "{ETAG}"}, body="{}")

# Oversized, truncated and malformed bodies.
add("oversized scheme body", "POST", "/programmes/2016-2020/schemes", headers=EDIT, body_repeat=["x", 2 * 1024 * 1024])
add("oversized import declared", "PUT", "/programmes/2016-2020", headers={**JSON, "Content-Length": str(200 * 1024 * 1024)}, body="{", expect="4xx")
add("truncated body", "PUT", "/programmes/2016-2020", headers={**JSON, "Content-Length": "5000"}, body=body[:5000], send_bytes=100, expect="timeout")
add("truncated scheme body", "POST", "/programmes/2016-2020/schemes", headers={**EDIT, "Content-Length": "300"}, body="{" * 300, send_bytes=10, expect="timeout")
add("empty body", "PUT", "/programmes/2016-2020", headers=JSON, body="")
add("not JSON", "PUT", "/programmes/2016-2020", headers=JSON, body="this is not json")
add("JSON null", "PUT", "/programmes/2016-2020", headers=JSON, body="null")
add("JSON array", "PUT", "/programmes/2016-2020", headers=JSON, body="[]")
add("trailing garbage", "PUT", "/programmes/2016-2020", headers=JSON, body=body + "}}}")
for depth in (200, 5000, 100000):
    add(f"nested arrays {depth}", "PUT", "/programmes/2016-2020", headers=JSON, body="[" * depth + "]" * depth)
    add(f"nested objects {depth}", "PUT", "/programmes/2016-2020/reported", headers=EDIT, body='{"a":' * depth + "1" + "}" * depth)

# Wrong types in every field of the programme document (and of a scheme record).
def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list) and value:
        yield from paths(value[0], prefix + (0,))


def replaced(doc, path, new):
    doc = json.loads(json.dumps(doc))
    if not path:
        return new
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = new
    return doc


for path in paths(seed):
    if not path:
        continue
    current = seed
    for p in path:
        current = current[p]
    wrong = 12345 if isinstance(current, str) else ("text" if not isinstance(current, (dict, list)) or isinstance(current, bool) else 7)
    if isinstance(current, bool):
        wrong = "yes"
    if isinstance(current, int) and not isinstance(current, bool):
        wrong = "sixty-five"
    name = "/".join(str(p) for p in path)
    add(f"wrong type at /{name}", "PUT", "/programmes/2016-2020", headers=JSON, body=json.dumps(replaced(seed, path, wrong), ensure_ascii=False))

# Malformed request lines and oversized headers (actix answers before routing).
add("no HTTP version", "RAW", "", raw="GET /programmes\r\n\r\n", expect="4xx")
add("garbage request line", "RAW", "", raw="\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", expect="4xx")
add("space in target", "RAW", "", raw="GET /programmes/2016 2020/totals HTTP/1.1\r\nHost: x\r\n\r\n", expect="4xx")
add("huge header", "GET", "/programmes", headers={"X-Filler": "a" * 70000}, expect="no5xx")
add("many headers", "GET", "/programmes", headers={f"X-H{i}": "1" for i in range(200)}, expect="4xx")
add("bad header name", "RAW", "", raw="GET /programmes HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", expect="4xx")
add("bad token scheme", "PUT", "/programmes/2016-2020", headers={"Authorization": "Basic Zm9vOmJhcg==", "Content-Type": "application/json"}, body="{}")
add("token of another shape", "PUT", "/programmes/2016-2020", headers={"Authorization": "Bearer kc_' OR 1=1 --", "Content-Type": "application/json"}, body="{}")

# Invented methods: 405 with Allow on the API's paths, 404 elsewhere, never a metric label.
for i, method in enumerate(["FOO", "PROPFIND", "TRACE", "CONNECT", "get", "M" * 60000]):
    add(f"invented method {i}", method, "/programmes/2016-2020/totals", expect="4xx")
    add(f"invented method {i} elsewhere", method, "/nowhere", expect="4xx")

# Headers the response does not depend on, which must not make cache entries (or 5xx).
for i in range(5):
    add(f"untrusted forwarded origin {i}", "GET", "/programmes/2016-2020/schemes?limit=2",
        headers={"X-Forwarded-Host": f"evil-{i}.example", "X-Forwarded-Proto": "https", "X-Padding": "p" * 30000}, expect="ok")
    add(f"accept variant {i}", "GET", "/activities", headers={"Accept": f"application/json;q=0.{i + 1}, text/*"}, expect="ok")
for xff in ("198.51.100.3:4444", "[2001:db8::7]:443", "unknown", "1.2.3.4, garbage", "[::1", "999.1.1.1"):
    add(f"X-Forwarded-For {xff}", "PUT", "/programmes/xff", headers={"X-Forwarded-For": xff, "Content-Type": "application/json"}, body="{}")

# NUL anywhere: 400 in a path or query, 422 in a body, on either engine.
for target in ("/programmes/2016%00-2020/totals", "/programmes/2016-2020/schemes?activity=a%00", "/audit?actor=x%00y"):
    add(f"NUL in {target}", "GET", target, headers=AUTH)
nul = dict(seed)
nul["schemes"] = [dict(seed["schemes"][0], title={"vi": "Đào\u0000tạo", "en": "x"})]
add("NUL in a title", "PUT", "/programmes/2016-2020", headers=JSON, body=json.dumps(nul, ensure_ascii=False))

# Text a spreadsheet would run: stored as sent, neutralised in CSV (a 2xx: it is legitimate text).
formula = dict(seed)
formula["schemes"] = [dict(seed["schemes"][0], title={"vi": "=HYPERLINK(\"http://evil.example\")", "en": "@SUM(A1)"})]
formula["reported"] = {}
add("formula in a title", "PUT", "/programmes/formula", headers=JSON, body=json.dumps(dict(formula, id="formula"), ensure_ascii=False), expect="ok")
add("formula in CSV", "GET", "/programmes/formula/schemes?format=csv", expect="ok")

with open(os.path.join(here, "corpus.jsonl"), "w", encoding="utf-8") as out:
    for entry in corpus:
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(f"{len(corpus)} requests written to corpus.jsonl")
