//! What a reader sees (messages, problems, pages, workbook cells) is in the language asked for:
//! no English in the Vietnamese, no Vietnamese in the English but for quotes and names.

use std::collections::HashMap;
use std::io::Read;

use serde_json::Value;

use crate::helpers::{P, TestApp, spawn_app};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The 200 responses a person reads; the CSV downloads are data, keyed for machines.
const READER_MEDIA: [&str; 3] = ["application/json", "text/html", XLSX];
/// JSON keys whose values are written for a reader, anywhere in a body.
const READER_KEYS: [&str; 4] = ["notes", "warnings", "basis", "note"];
/// English words a Vietnamese reader should never meet: those our keys, labels and messages are
/// made of (whole words, any case). None of them is a Vietnamese syllable. Add to it when an
/// English word slips through.
const ENGLISH_WORDS: &str = "\
    local national unknown state central city budget contributions implied share the and of is \
    not person copies issue issues year problem problems million records record source activity scope \
    gap reported itemised unattributed training demonstration workers null true false";
/// HTML elements with no closing tag.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Language {
    Vi,
    En,
}

impl Language {
    fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    fn other(self) -> &'static str {
        match self {
            Language::Vi => "en",
            Language::En => "vi",
        }
    }
}

/// A text a reader sees, where it is, and whether what it quotes is left out of the check.
struct Text {
    at: String,
    text: String,
    unquote: bool,
}

/// A request of the walk: whether it needs a token, and whether it is a problem on purpose.
struct Request {
    path: String,
    token: bool,
    problem: bool,
}

#[tokio::test]
async fn vietnamese_reader_text_has_no_english() {
    let (checked, findings) = walk(Language::Vi).await;
    assert!(
        findings.is_empty(),
        "{} of {checked} reader-facing texts in Vietnamese read as English (or the request failed):\n{}",
        findings.len(),
        findings.join("\n")
    );
}

#[tokio::test]
async fn english_reader_text_has_no_vietnamese() {
    let (checked, findings) = walk(Language::En).await;
    assert!(
        findings.is_empty(),
        "{} of {checked} reader-facing texts in English read as Vietnamese (or the request failed):\n{}",
        findings.len(),
        findings.join("\n")
    );
}

#[test]
fn the_detectors_tell_the_languages_apart() {
    use Language::{En, Vi};
    let none: Vec<String> = Vec::new();
    assert_eq!(foreign("phạm vi local", Vi, false), ["local"]);
    assert_eq!(foreign("Nguồn state_budget", Vi, false), ["state_budget"]);
    assert_eq!(foreign("Chênh lệch 99999.00 (76.85%)", Vi, false), ["99999.00", "76.85"]);
    assert_eq!(foreign("tổng 41,306.53 và 1,184 lượt", Vi, false), ["41,306.53", "1,184"]);
    for fine in [
        "99.999,00",
        "41.306,53 triệu đồng",
        "1.184 lượt người, 19,12%, ngày 06/11/2020, giai đoạn 2016-2020.",
        "xem /programmes/2016-2020/totals hoặc http://www.congnghieptieudung.vn/",
        "bản ghi vocational-training",
    ] {
        assert_eq!(foreign(fine, Vi, false), none, "{fine}");
    }
    assert_eq!(foreign("tham số \"state_budget\" và `local` không hợp lệ", Vi, true), none);
    assert_eq!(foreign("tham số \"state_budget\" không hợp lệ", Vi, false), ["state_budget"]);
    assert_eq!(foreign("the programme of Hải Phòng", En, false), ["Hải", "Phòng"]);
    for fine in ["the programme of “Hải Phòng”", "see `Hải Phòng` and \"Hải Phòng\"", "41,306.53 million VND (19.12%)"]
    {
        assert_eq!(foreign(fine, En, true), none, "{fine}");
    }
}

/// Every request in `lang`, the reader-facing texts of the answers, and what is wrong: each
/// offending text with where it is and what matched, and each unexpected answer.
async fn walk(lang: Language) -> (usize, Vec<String>) {
    let app = spawn_app().await;
    let bearer = format!("Bearer {}", app.token("reader-language", "admin").await);
    let (mut texts, mut findings) = (Vec::new(), Vec::new());
    let mut seen = [0usize; 3]; // texts from JSON, HTML and workbooks
    for request in requests(&app, lang).await {
        let path = request.path.as_str();
        let mut headers = vec![("Accept-Language", lang.code())];
        if request.token {
            headers.push(("Authorization", bearer.as_str()));
        }
        let got = app.get_with(path, &headers).await;
        if (request.problem && got.status < 400) || (!request.problem && got.status != 200) {
            findings.push(format!("{path}: status {}", got.status));
        }
        let kind = got.header("content-type").unwrap_or_default().to_string();
        let before = texts.len();
        if kind.starts_with("application/json") || kind.starts_with("application/problem+json") {
            let body = got.json();
            if request.problem && body["type"].as_str().is_none() {
                findings.push(format!("{path}: {} without a problem body: {body}", got.status));
            }
            json_texts(&body, lang, path, &mut texts);
            seen[0] += texts.len() - before;
        } else if kind.starts_with("text/html") {
            html_texts(&String::from_utf8_lossy(&got.body), lang, path, &mut texts);
            seen[1] += texts.len() - before;
        } else if kind.starts_with(XLSX) {
            workbook_texts(&got.body, lang, path, &mut texts);
            seen[2] += texts.len() - before;
        } else {
            let body = String::from_utf8_lossy(&got.body);
            findings.push(format!(
                "{path}: {} {kind:?}, not JSON, HTML or a workbook: {:?}",
                got.status,
                excerpt(&body)
            ));
        }
    }
    assert!(seen.iter().all(|&n| n > 0), "texts read from JSON, HTML and workbooks: {seen:?}");
    for text in &texts {
        let mut matched: Vec<String> = Vec::new();
        for m in foreign(&text.text, lang, text.unquote) {
            if !matched.contains(&m) {
                matched.push(m);
            }
        }
        if !matched.is_empty() {
            findings.push(format!("{}: {} in {:?}", text.at, matched.join(", "), excerpt(&text.text)));
        }
    }
    (texts.len(), findings)
}

/// The spec's GET operations with a reader-facing 200, filled in from the data (each member of a
/// required enum, each indicator), then problems on purpose, actix's query decoding among them.
async fn requests(app: &TestApp, lang: Language) -> Vec<Request> {
    let spec = app.get_ok("/openapi.json").await;
    let schemes = app.get_ok(&format!("{P}/schemes?limit=1")).await;
    let scheme = schemes["items"][0]["id"].as_str().expect("a scheme record").to_string();
    let indicators = app.get_ok(&format!("{P}/indicators")).await;
    let keys: Vec<String> = indicators["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["key"].as_str().expect("a key").to_string())
        .collect();
    let other = format!("/{}", lang.other());
    let mut list = Vec::new();
    for (template, item) in spec["paths"].as_object().expect("paths") {
        let Some(op) = item.get("get") else { continue };
        let content = op["responses"]["200"]["content"].as_object();
        let offered = content.is_some_and(|c| c.keys().any(|k| READER_MEDIA.contains(&k.as_str())));
        // A page that names its language in its path is read in that language only.
        if !offered || *template == other || template.starts_with(&format!("{other}/")) {
            continue;
        }
        let mut paths = vec![template.clone()];
        for param in op["parameters"].as_array().into_iter().flatten() {
            let name = param["name"].as_str().expect("a parameter name");
            let (location, values) = match (param["in"].as_str(), name) {
                (Some("path"), "id") => ("path", vec!["2016-2020".to_string()]),
                (Some("path"), "scheme_id") => ("path", vec![scheme.clone()]),
                (Some("path"), "key") => ("path", keys.clone()),
                (Some("path"), _) => panic!("{template}: no value for the path parameter {name}"),
                (Some("query"), _) if param["required"] == true => ("query", required_values(&spec, param)),
                _ => continue,
            };
            paths = paths.iter().flat_map(|p| values.iter().map(move |v| fill(p, location, name, v))).collect();
        }
        let token = op["security"].as_array().is_some_and(|s| !s.is_empty());
        list.extend(paths.into_iter().map(|path| Request { path, token, problem: false }));
    }
    assert!(list.len() >= 20, "the spec's reader-facing operations: {}", list.len());
    let problems = [
        "/programmes/no-such-programme".to_string(),
        "/programmes/no-such-programme/totals".to_string(),
        format!("/{}/programmes/no-such-programme", lang.code()),
        format!("{P}/schemes/no-such-scheme"),
        format!("{P}/indicators/no_such_indicator/records"),
        format!("{P}/schemes?limit=abc"),
        format!("{P}/schemes?limit=999999"),
        format!("{P}/schemes?limit=1&limit=2"),
        format!("{P}/schemes?activity=sailing"),
        format!("{P}/schemes?cursor=zzz"),
        format!("{P}/breakdown?by=nonsense"),
        format!("{P}/breakdown"),
        format!("{P}/totals?foo=1"),
        // Not percent-encoding: actix's own query decoding fails, before our extractors.
        format!("{P}/schemes?activity=%ZZ"),
        "/no/such/path".to_string(),
        // Without its token: 401.
        "/audit".to_string(),
    ];
    list.extend(problems.into_iter().map(|path| Request { path, token: false, problem: true }));
    list
}

/// `path` with `value` for the parameter `name`, in its template or appended to its query.
fn fill(path: &str, location: &str, name: &str, value: &str) -> String {
    if location == "path" {
        return path.replace(&format!("{{{name}}}"), value);
    }
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}{name}={value}")
}

/// A required query parameter's values: each member of its enum, else its example.
fn required_values(spec: &Value, param: &Value) -> Vec<String> {
    let schema = match param["schema"]["$ref"].as_str() {
        Some(reference) => spec.pointer(reference.trim_start_matches('#')).expect("a component"),
        None => &param["schema"],
    };
    let members: Option<Vec<String>> =
        schema["enum"].as_array().map(|m| m.iter().filter_map(Value::as_str).map(str::to_string).collect());
    let example = || {
        let e = &param["example"];
        e.as_str().map(str::to_string).or_else(|| e.as_i64().map(|n| n.to_string())).map(|e| vec![e])
    };
    members.or_else(example).unwrap_or_else(|| panic!("no value for the required parameter {}", param["name"]))
}

/// What in `text` is not in `lang`: the English in Vietnamese, the Vietnamese in English.
///
/// Before checking, `unquote` leaves out what the text quotes (see `without_quotes`), and
/// machine tokens are left out: paths, URLs, dates and legal numbers (anything with a `/`) and
/// record ids (`vocational-training`). Machine strings such as JSON's `"41306.53"` are never
/// checked: only reader-facing keys are read (see `json_texts`).
fn foreign(text: &str, lang: Language, unquote: bool) -> Vec<String> {
    let text = if unquote { without_quotes(text) } else { text.to_string() };
    let kept: Vec<&str> = text.split_whitespace().filter(|t| !is_machine_token(t)).collect();
    let text = kept.join(" ");
    match lang {
        Language::Vi => english_in(&text),
        Language::En => vietnamese_in(&text),
    }
}

fn is_machine_token(token: &str) -> bool {
    let id = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let kebab = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    token.contains('/') || (id.contains('-') && id.split('-').all(kebab))
}

/// `text` without what it quotes: a parameter's name or value, an ETag, a title in the source's
/// words. Each "…", “…” and `…` becomes a space; a quote that is never closed is kept.
fn without_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let quote = rest.char_indices().find_map(|(i, c)| match c {
            '"' | '`' => Some((i, c, c)),
            '“' => Some((i, c, '”')),
            _ => None,
        });
        let Some((open, opening, closing)) = quote else { break };
        let inside = &rest[open + opening.len_utf8()..];
        let Some(end) = inside.find(closing) else { break };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &inside[end + closing.len_utf8()..];
    }
    out.push_str(rest);
    out
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Runs of letters, digits, combining marks and underscores: words and identifiers.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_combining(c))).filter(|w| !w.is_empty())
}

/// English in Vietnamese text: (a) an identifier with an underscore (`state_budget`), (b) a word
/// of `ENGLISH_WORDS`, (c) a number written the English way (see `is_english_number`).
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for word in words(text) {
        if word.is_ascii() && word.trim_matches('_').contains('_') {
            found.push(word.to_string());
            continue;
        }
        let letters = word.split(|c: char| !(c.is_alphabetic() || is_combining(c))).filter(|w| !w.is_empty());
        found.extend(letters.filter(|w| is_english_word(w)).map(str::to_string));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.' || chars[end] == ',') {
            end += 1;
        }
        let number: String = chars[i..end].iter().collect();
        let number = number.trim_end_matches(['.', ',']);
        if is_english_number(number) {
            found.push(number.to_string());
        }
        i = end;
    }
    found
}

fn is_english_word(word: &str) -> bool {
    let word = word.to_lowercase();
    ENGLISH_WORDS.split_whitespace().any(|e| e == word)
}

/// Vietnamese writes `41.306,53` (a dot between thousands, a comma before decimals), English
/// `41,306.53`. Flagged: a comma then a point (`41,306.53`); comma-separated groups of three
/// (`1,184`); a point with one or two digits after it (`99999.00`, `76.85`). Not flagged: a
/// point with three digits after it (`1.184`, Vietnamese thousands), `2016-2020`, `06/11/2020`.
fn is_english_number(number: &str) -> bool {
    let groups: Vec<&str> = number.split(['.', ',']).collect();
    match (number.contains(','), number.contains('.')) {
        (true, true) => number.rfind('.') > number.rfind(','),
        (true, false) => {
            groups[0].len() <= 3 && !groups[0].starts_with('0') && groups[1..].iter().all(|g| g.len() == 3)
        }
        (false, true) => groups.len() == 2 && (1..=2).contains(&groups[1].len()),
        (false, false) => false,
    }
}

/// Vietnamese in English text: a word with a letter of Vietnamese's (ă â đ ê ô ơ ư, a tone mark).
fn vietnamese_in(text: &str) -> Vec<String> {
    words(text).filter(|w| w.chars().any(is_vietnamese_letter)).map(str::to_string).collect()
}

/// A letter outside ASCII in the Latin blocks Vietnamese uses, or a combining tone mark.
fn is_vietnamese_letter(c: char) -> bool {
    !c.is_ascii()
        && (c.is_alphabetic() || is_combining(c))
        && matches!(c as u32, 0x00C0..=0x024F | 0x0300..=0x036F | 0x1E00..=0x1EFF)
}

/// A JSON body's reader-facing texts: a problem's title and details (their quotes left out), the
/// values of `READER_KEYS` anywhere, and in Vietnamese the Vietnamese of each name (`{vi, en}`,
/// `*_vi`). In English, names are left out: a Vietnamese name is Vietnamese.
fn json_texts(body: &Value, lang: Language, path: &str, out: &mut Vec<Text>) {
    if body["type"].as_str().is_some_and(|t| t.starts_with("urn:khuyencong:problem")) {
        let mut fields = vec![("/title".to_string(), &body["title"]), ("/detail".to_string(), &body["detail"])];
        for (i, error) in body["errors"].as_array().into_iter().flatten().enumerate() {
            fields.push((format!("/errors/{i}/detail"), &error["detail"]));
        }
        for (pointer, value) in fields {
            if let Some(text) = value.as_str() {
                out.push(Text { at: format!("{path} {pointer}"), text: text.to_string(), unquote: true });
            }
        }
    }
    json_walk(body, lang, path, "", out);
}

fn json_walk(value: &Value, lang: Language, path: &str, pointer: &str, out: &mut Vec<Text>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                json_walk(item, lang, path, &format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            let name = map.get("vi").is_some_and(Value::is_string) && map.get("en").is_some_and(Value::is_string);
            if name && lang == Language::En {
                return;
            }
            for (key, item) in map {
                let here = format!("{pointer}/{key}");
                let vietnamese_name = lang == Language::Vi && (key.ends_with("_vi") || (name && key == "vi"));
                if READER_KEYS.contains(&key.as_str()) || vietnamese_name {
                    reader_strings(item, lang, path, &here, out);
                } else {
                    json_walk(item, lang, path, &here, out);
                }
            }
        }
        _ => {}
    }
}

fn reader_strings(value: &Value, lang: Language, path: &str, pointer: &str, out: &mut Vec<Text>) {
    match value {
        Value::String(text) => {
            out.push(Text { at: format!("{path} {pointer}"), text: text.clone(), unquote: lang == Language::En })
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                reader_strings(item, lang, path, &format!("{pointer}/{i}"), out);
            }
        }
        // A note in both languages (a document's): the reader's half is the reader's text.
        Value::Object(both) if both.contains_key("vi") && both.contains_key("en") => {
            let code = lang.code();
            reader_strings(&both[code], lang, path, &format!("{pointer}/{code}"), out);
        }
        other => json_walk(other, lang, path, pointer, out),
    }
}

/// A page's text, node by node, with its `aria-label`, `alt` and `title` attributes; leaving out
/// scripts, styles, `<code>` and any element marked `lang` in the other language (with all it holds).
fn html_texts(html: &str, lang: Language, path: &str, out: &mut Vec<Text>) {
    let unquote = lang == Language::En;
    // The open elements: each name, and whether it (or one around it) is left out.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let exempt = open.last().is_some_and(|(_, e)| *e);
        let cut = rest.find('<').unwrap_or(rest.len());
        let text = decode(&rest[..cut]);
        if !exempt && !text.trim().is_empty() {
            let element = open.last().map_or("", |(n, _)| n.as_str());
            out.push(Text { at: format!("{path} <{element}>"), text: text.trim().to_string(), unquote });
        }
        rest = &rest[cut..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = match comment.find("-->") {
                Some(end) => &comment[end + 3..],
                None => "",
            };
            continue;
        }
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(closed) = tag.strip_prefix('/') {
            let closed = closed.trim().to_ascii_lowercase();
            if let Some(at) = open.iter().rposition(|(n, _)| *n == closed) {
                open.truncate(at);
            }
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default().to_ascii_lowercase();
        if name == "script" || name == "style" {
            rest = &rest[rest.find(&format!("</{name}")).unwrap_or(rest.len())..];
            continue;
        }
        let marked = attribute(tag, "lang").is_some_and(|l| l.split('-').next() == Some(lang.other()));
        let exempt = exempt || marked || name == "code";
        if !exempt {
            for a in ["aria-label", "alt", "title"] {
                if let Some(text) = attribute(tag, a) {
                    out.push(Text { at: format!("{path} <{name} {a}>"), text, unquote });
                }
            }
        }
        if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            open.push((name, exempt));
        }
    }
}

/// The value of the attribute `name` in a tag (`name="value"`), decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let pattern = format!("{name}=\"");
    let mut from = 0;
    while let Some(i) = tag[from..].find(&pattern) {
        let start = from + i;
        let value = &tag[start + pattern.len()..];
        if start == 0 || tag[..start].ends_with(char::is_whitespace) {
            return value.find('"').map(|end| decode(&value[..end]));
        }
        from = start + pattern.len();
    }
    None
}

/// `text` with its character references (`&amp;`, `&#39;`, `&#x27;`…) decoded.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let semicolon = after.find(';').filter(|&s| s <= 10);
        let decoded = semicolon.and_then(|s| match &after[..s] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            reference => {
                let number = reference.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (semicolon, decoded) {
            (Some(s), Some(c)) => {
                out.push(c);
                rest = &after[s + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A text cell of a worksheet.
struct SheetCell {
    col: usize,
    row: usize,
    reference: String,
    text: String,
}

/// A workbook's sheet names and text cells, but for the cells in the other language by nature,
/// by the header above them or the label beside them (column A): in English, a column or row
/// that says "(Vietnamese)", the source's words, or a Vietnamese name (jurisdiction, the source
/// article's title, where our copy comes from, legal basis); in Vietnamese, one that says
/// "(tiếng Anh)" (the English names).
fn workbook_texts(bytes: &[u8], lang: Language, path: &str, out: &mut Vec<Text>) {
    let unquote = lang == Language::En;
    let files = unzip(bytes);
    let file = |name: &str| files.get(name).cloned().unwrap_or_default();
    let shared: Vec<String> = file("xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| t_text(si.split("</si>").next().unwrap_or_default()))
        .collect();
    let workbook = file("xl/workbook.xml");
    let sheets: Vec<String> =
        workbook.split("<sheet ").skip(1).filter_map(|tag| attribute(tag.split('>').next()?, "name")).collect();
    assert!(!sheets.is_empty(), "{path}: a workbook with sheets");
    let by_nature = |label: &str| match lang {
        Language::Vi => label.contains("(tiếng Anh)"),
        Language::En => {
            label.contains("(Vietnamese)")
                || label.contains("source's words")
                || label.contains("article's words")
                || label.to_lowercase().contains("quote")
                || ["Jurisdiction", "Source article", "Our copy comes from", "legal basis"].contains(&label.trim())
        }
    };
    for (i, sheet) in sheets.iter().enumerate() {
        out.push(Text { at: format!("{path} sheet {}", i + 1), text: sheet.clone(), unquote });
        // rust_xlsxwriter names the worksheets' parts in the workbook's order.
        let cells = sheet_cells(&file(&format!("xl/worksheets/sheet{}.xml", i + 1)), &shared);
        let at = |col: usize, row: usize| {
            cells.iter().find(|c| c.col == col && c.row == row).map_or("", |c| c.text.as_str())
        };
        for cell in &cells {
            let header = if cell.row > 1 { at(cell.col, 1) } else { "" };
            let label = if cell.col > 0 { at(0, cell.row) } else { "" };
            if !by_nature(header) && !by_nature(label) {
                out.push(Text { at: format!("{path} {sheet}!{}", cell.reference), text: cell.text.clone(), unquote });
            }
        }
    }
}

/// The text cells of a worksheet's XML: shared strings, inline strings and formula strings.
fn sheet_cells(xml: &str, shared: &[String]) -> Vec<SheetCell> {
    let mut cells = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<c ") {
        rest = &rest[i..];
        let open = rest.find('>').expect("a cell's tag");
        let tag = &rest[..open];
        let (content, next) = if tag.ends_with('/') {
            ("", &rest[open + 1..])
        } else {
            let close = rest.find("</c>").expect("a closed cell");
            (&rest[open + 1..close], &rest[close + 4..])
        };
        rest = next;
        let value = between(content, "<v>", "</v>").unwrap_or_default();
        let text = match attribute(tag, "t").as_deref() {
            Some("s") => shared[value.parse::<usize>().expect("a shared string's index")].clone(),
            Some("inlineStr") => t_text(content),
            Some("str") => decode(value),
            _ => continue,
        };
        let reference = attribute(tag, "r").expect("a cell reference");
        let digits = reference.find(|c: char| c.is_ascii_digit()).expect("a row number");
        let col = reference[..digits].bytes().fold(0, |n, b| n * 26 + usize::from(b - b'A') + 1) - 1;
        let row = reference[digits..].parse().expect("a row number");
        cells.push(SheetCell { col, row, reference, text });
    }
    cells
}

/// The text of the `<t>` elements in `xml` (a shared string, an inline one), joined and decoded.
fn t_text(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<t") {
        rest = &rest[i + 2..];
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open) = rest.find('>') else { break };
        if rest[..open].ends_with('/') {
            continue;
        }
        let body = &rest[open + 1..];
        let close = body.find("</t>").unwrap_or(body.len());
        text.push_str(&decode(&body[..close]));
        rest = &body[close..];
    }
    text
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

/// The XML parts of a zip archive (a workbook), by name, read through its central directory:
/// stored or deflated (flate2, a dependency already; no zip reader is one).
fn unzip(bytes: &[u8]) -> HashMap<String, String> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
    let end = (0..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
        .expect("a zip's end of central directory");
    let mut entry = u32_at(end + 16);
    let mut files = HashMap::new();
    for _ in 0..u16_at(end + 10) {
        assert!(bytes[entry..].starts_with(b"PK\x01\x02"), "a zip directory entry at {entry}");
        let (method, size, local) = (u16_at(entry + 10), u32_at(entry + 20), u32_at(entry + 42));
        assert!(size != 0xFFFF_FFFF, "a zip64 entry: not read here");
        let name_length = u16_at(entry + 28);
        let name = String::from_utf8_lossy(&bytes[entry + 46..entry + 46 + name_length]).into_owned();
        entry += 46 + name_length + u16_at(entry + 30) + u16_at(entry + 32);
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let data = &bytes[start..start + size];
        let mut text = String::new();
        match method {
            0 => text.push_str(std::str::from_utf8(data).expect("UTF-8 XML")),
            8 => {
                flate2::read::DeflateDecoder::new(data).read_to_string(&mut text).expect("a deflated part");
            }
            other => panic!("{name}: compression method {other}"),
        }
        files.insert(name, text);
    }
    files
}

fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(200).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}
