# The API's messages in English. The JSON default within this major version: keep the wording
# and the numbers (amounts as the API writes them, `41306.53`) unless a changelog entry says why.
# Each message has the same id and the same arguments in vi.ftl (a test checks).

## Words that join

list-and = and
list-or = or

## /totals: the gaps between the reported figures and the records' sums

totals-schemes-gap = The programme reports { $reported } { $reported ->
        [one] scheme
       *[other] schemes
    }; its scheme records cover { $itemised }: a gap of { $gap }.
totals-scope-gap = The programme reports { $reported } { $scope } schemes; the scheme records name { $itemised } as { $scope }: a gap of { $gap }.
totals-scope-unsplit = The article reports { $reported } { $scope } schemes but does not split its scheme groups by level ({ $unsplit } recorded schemes have no stated level), so this is not a gap: at least { $least } and at most { $most } of the { $recorded } recorded schemes are { $scope } (see `implied_schemes`).
totals-cost-gap = The programme reports a total cost of { $reported } million VND; its scheme records add up to { $itemised }: a gap of { $gap }.
totals-unattributed = { $amount } million VND of the itemised cost has no funding line: the article does not say who paid it.
funding-gap = Funding from { $source }: the programme reports { $reported } million VND; its funding lines add up to { $itemised }: a gap of { $gap }.
gap-may-be-unattributed = This gap is on no funding line; up to { $most } of it may be inside scheme records that name no source.
funding-gap-unsplit = Funding from { $source }: the programme reports { $reported } million VND and funding lines name { $itemised } of it, but the article does not split { $own } million VND of { $parent } funding by level, so the difference ({ $gap }) is not money outside the records (see `implied`).
funding-unsplit = { $own } million VND of { $source } funding is not split between the sources below it: the article does not say which paid.
funding-implied = Implied, not reported: of the { $unsplit } million VND of unsplit { $parent } funding, at least { $least } and at most { $most } is { $source }'s, by the arithmetic of the reported figures (see `implied`).
reported-children-exceed = The reported figures cannot all hold: { $children } add up to { $sum }, more than what is reported for { $parent } ({ $reported }), which they are part of; no bounds are implied from them.
source-amount = { $source } { $amount }
totals-schemes-gap-bounds = The programme reports { $reported } schemes; its scheme records cover { $itemised }: a gap of { $gap }.
totals-scope-gap-bounds = The programme reports { $reported } { $scope } schemes; the scheme records name { $itemised } as { $scope }: a gap of { $gap }.
totals-cost-gap-bounds = The programme reports a total cost of { $reported } million VND; its scheme records add up to { $itemised }: a gap of { $gap }.
funding-gap-bounds = Funding from { $source }: the programme reports { $reported } million VND; its funding lines add up to { $itemised }: a gap of { $gap }.
gap-holds-throughout = This holds for every value the published figure allows.
gap-holds-for-part = Whether the records fall short of the published figure, match it or exceed it holds only for part of its range: the figure as published does not settle it.
totals-cost-covers = The published total ({ $reported } million VND) covers { $sources } only, so it is compared with their funding lines ({ $lines }), not with the whole itemised cost ({ $itemised }); the { $unattributed } million VND with no funding line is left out of the comparison.
funding-remainder = { $source } is published as paying the rest, with no figure: the other published figures imply { $implied } million VND (computed, not published; see `remainder_implied`).
funding-remainder-unfixed = { $source } is published as paying the rest, with no figure, and the other published figures do not fix how much it is.
remainder-basis = Computed, not published: the figure above it less the other published sources at its level ({ $others }).
figure-none = no figure
figure-exact = { $value }
figure-at-least = over { $value }
figure-at-most = under { $value }
figure-about = about { $value }
figure-range = { $min } to { $max }
figure-estimate = estimated { $figure }
figure-percent = { $value }%
row-cost-covers = the figures compared with the funding lines of { $sources }
across-part-with-whole = a part of { $whole }, which is included: a part is never added to its whole
across-part = a part of { $whole }: parts are left out unless `parts=true`
across-kinds-mixed = The programmes are plans and results: their figures are never added together, so there is no total.
across-basis = The sum of { $count } programmes' published figures.
across-unpublished-schemes = No sum of published scheme counts: { $programmes } { $count ->
        [one] publishes
       *[other] publish
    } none.
across-unpublished-cost = No sum of published total costs: { $programmes } { $count ->
        [one] publishes
       *[other] publish
    } none.
across-covers-differ = No sum of published total costs: the total of { $programmes } covers other funding sources than the others' (a total of state support is never added to one with contributions); the itemised cost is every record's.
figure-remainder = the rest, no figure (computed: { $implied })
figure-remainder-unfixed = the rest, no figure
interval-between = between { $least } and { $most }
interval-at-least = at least { $least }
interval-at-most = at most { $most }
interval-open = any value
bounds-basis-exact = Published as one exact figure.
bounds-basis-at-least = Published as a lower bound ("trên", "hơn"): the figure or more.
bounds-basis-at-most = Published as an upper bound ("dưới"): the figure or less.
bounds-basis-about = Published as approximate ("gần", "khoảng"): within { $tolerance } % either side of the figure (to the figure's decimal places).
bounds-basis-range = Published as a range, with no single figure.
bounds-basis-estimate = It is an estimate ("ước"), not a final figure.
gap-bounds-basis = The gap is its bounds less the { $itemised } itemised.
share-bounds-basis = A share of a published figure that is not exact: from the least part over the most base to the most part over the least base.

## What the reported figures imply for money and schemes the records do not split

implied-overspent = No bounds on how the { $unsplit } million VND of unsplit { $parent } funding divides: { $source } reports { $reported } but its funding lines already add up to { $itemised }.
implied-no-room = No bounds on how the { $unsplit } million VND of unsplit { $parent } funding divides: the reported figures of { $sources } leave room for only { $room } of it.
implied-basis = Implied, not reported: { $source } reports { $reported } million VND, of which { $itemised } is itemised under it, so at most { $most } of the { $unsplit } unsplit { $parent } money is its; the other parts of { $parent } can hold at most { $others } of it, so at least { $least } is its.
implied-basis-unreported = Implied, not reported: { $source } reports no figure, so it may hold all of the { $unsplit } unsplit { $parent } money; the other parts of { $parent } can hold at most { $others } of it, so at least { $least } is its.
implied-schemes-basis = Implied, not published: the article reports { $reported } { $scope } schemes out of { $total } and does not split its scheme groups by level; { $unsplit } recorded { $unsplit ->
        [one] scheme is
       *[other] schemes are
    } in groups of no stated level and { $outside } { $outside ->
        [one] scheme is
       *[other] schemes are
    } in no group, so at least { $least } and at most { $most } of the { $recorded } recorded schemes are { $scope }.
implied-schemes-basis-no-total = Implied, not published: the article reports { $reported } { $scope } schemes and does not split its scheme groups by level; { $unsplit } recorded { $unsplit ->
        [one] scheme is
       *[other] schemes are
    } in groups of no stated level, so at least { $least } and at most { $most } of the { $recorded } recorded schemes are { $scope }.

## Breakdowns: what the rows cover

shares-reported = `share_percent` is a share of the itemised cost ({ $itemised }); `share_of_reported_percent` a share of the reported total cost ({ $reported }).
shares-unreported = `share_percent` is a share of the itemised cost ({ $itemised }); the programme reports no total cost, so `share_of_reported_percent` is null.
source-reported-share = `reported_share_of_reported_percent` is a source's published figure as a share of the published total cost: the share the article gives it.
coverage-no-totals = The programme reports no totals: the rows cover its { $schemes } itemised { $schemes ->
        [one] scheme
       *[other] schemes
    } and { $cost } million VND.
coverage = The rows cover { $schemes } and { $cost } the programme reports: { $rest }
coverage-schemes = { $itemised } of the { $reported } schemes
coverage-schemes-unreported = { $itemised } { $itemised ->
        [one] scheme
       *[other] schemes
    } (no number is reported)
coverage-cost = { $itemised } of the { $reported } million VND
coverage-cost-unreported = { $itemised } million VND (no total cost is reported)
coverage-complete = nothing reported is left out.
coverage-missing = the difference ({ $missing }) is in the reported totals but in no scheme record, so no row shows it.
coverage-bounds = The rows cover { $schemes } and { $cost }: { $rest }
coverage-unsettled-also = For { $gaps }, the published figures do not settle whether anything is left out.
missing-cost-partial = a difference of { $gap } million VND against the lines of the sources the total covers, which may be inside records that name no source
coverage-schemes-bounds = { $itemised } of the schemes (published: { $reported })
coverage-cost-bounds = { $itemised } million VND of the cost (published: { $reported })
coverage-unsettled = whether anything reported is left out, the published figures do not settle: { $gaps }.
shares-partial-total = `share_percent` is a share of the itemised cost ({ $itemised }); the published total ({ $reported }) covers some funding sources only, so no row's share of it is given (`share_of_reported_percent` is null).
funding-remainder-contradicted = { $source } is published as paying the rest, with no figure, but the other published figures leave nothing for it ({ $rest } million VND): they cannot all hold.
missing-schemes = { $gap } { $gap ->
        [1] scheme
        [-1] scheme
       *[other] schemes
    }
missing-cost = { $gap } million VND
missing-bounds = a difference of { $gap } schemes
missing-cost-bounds = a difference of { $gap } million VND
empty-scopes = No scheme record is counted as { $keys }: the article does not split its scheme groups by level, so the rows' zeros only mean it does not say.
empty-scopes-reported = The programme reports { $schemes } schemes (`reported_schemes`).
scope-schemes = { $count } { $scope }
empty-activities = Nothing is itemised under { $keys }: the article publishes no figure for them, so their zeros only mean it does not say.
unknown-scope-may-include = The { $schemes } { $schemes ->
        [one] scheme
       *[other] schemes
    } ({ $cost } million VND) of no stated level (`unknown`) may include some of theirs.
unspecified-activity-may-include = The { $schemes } { $schemes ->
        [one] scheme
       *[other] schemes
    } ({ $cost } million VND) of no stated activity (`unspecified`) may include some of theirs.
funding-list-rolls-up = Each row's `funding` list rolls up the source tree: a parent's amount includes its children's lines, so summing the whole list counts those lines twice; the entries with a null `parent` sum to the row's funded cost.
source-rolled-up = Each row's cost is rolled up over the sources below it; the rows with no parent plus `unattributed` sum to the total cost.
source-schemes-overlap = A row's `schemes` counts the schemes with any funding line under that source: a scheme paid from several sources is counted in each, so `schemes` does not sum to the total.
source-empty = No funding line names { $source } or a source below it: its zeros only mean the article does not say.
source-empty-reported = The programme reports { $reported } million VND from it (`reported_cost`).
source-may-include = { $holders } may include some of it.
holder-unsplit = the { $own } million VND of unsplit { $source } funding
holder-unattributed = the { $amount } million VND no funding line covers

## Problem titles (RFC 9457 `title`), one per problem type

problem-not-found = Not found
problem-invalid-parameter = Invalid request parameter
problem-invalid-document = Invalid document
problem-method-not-allowed = Method not allowed
problem-unauthorized = Authentication required
problem-forbidden = Not allowed for this token
problem-precondition-failed = Version mismatch
problem-precondition-required = If-Match required
problem-payload-too-large = Request body too large
problem-unsupported-media-type = Unsupported media type
problem-too-many-requests = Too many requests
problem-request-timeout = Request timeout
problem-conflict = Conflict
problem-not-acceptable = Not acceptable
problem-unavailable = Service unavailable
problem-internal = Internal error

## Problems: what was wrong, for a person (no capital added: they continue the title)

parameter-unknown-value = unknown { $parameter } { $value }; allowed: { $allowed }
parameter-missing = { $parameter } is required; allowed: { $allowed }
parameter-invalid = { $parameter }: { $detail }
parameter-unknown-takes-none = unknown query parameter { $name }: this operation takes none (names beginning with `_` are ignored)
parameter-unknown = unknown query parameter { $name }; this operation takes: { $declared } (names beginning with `_` are ignored)
document-problems = the document has { $count } { $count ->
        [one] problem
       *[other] problems
    }
database-unavailable = The database is not answering; try again shortly.
internal-error = The server could not answer this request.
write-exists = the programme already exists (its ETag is "{ $version }-json"): If-None-Match: * only creates; to replace it, send If-Match: "{ $version }-json" (or no precondition)
write-changed = the programme has changed: its ETag is now "{ $version }-json"; read it again and retry with If-Match: "{ $version }-json"
write-no-programme = the programme does not exist, so no If-Match can hold

## Authentication and the write limits

too-many = { $what }; retry in { $seconds } s
auth-no-token = this operation needs a bearer token: Authorization: Bearer <token>
auth-too-many-failures = too many failed authentications from this address
auth-malformed = the Authorization header must be: Bearer kc_<id>_<secret>
auth-invalid = the token is not valid: unknown, revoked or expired
auth-scope = the token { $name } has scope { $has }; this operation needs { $needs }
auth-too-many-writes = too many writes with this token

## Problems of the routes

downloads-busy = as many whole-programme downloads as the server allows at once are under way; retry shortly
parameter-not-a-version = { $value } is not a data version (a whole number, 0 or more)
changes-since-future = since { $since } is later than the latest data version, { $latest }: this database is not the one the mirror followed (or it was restored from an older copy). Start again from 0, or from latest_version if you only need what comes next
not-acceptable = this operation answers { $offered } only, and the Accept header ({ $accept }) takes none of them
parameter-not-a-limit = { $value } is not a whole number from 1 to { $max }
parameter-not-a-cursor = is not a cursor this API gave out; start again without it
parameter-parser = { $detail }
parameter-absent = required, but not given
query-parser = { $detail }
path-parser = no such resource: { $detail }
document-id-not-path = { $id } must be the id in the path, { $path }
method-not-allowed = { $method } is not allowed here; allowed: { $allowed }
method-not-allowed-long = this method is not allowed here; allowed: { $allowed }
path-unknown = no resource at { $path }; see /openapi.json for the API's paths
programme-not-found = programme { $id } not found

## Problems of a request's headers and body

edit-needs-if-match = this edit needs If-Match with the programme's current ETag (from any GET of the programme), so that two editors never overwrite each other
body-not-json = the body must be application/json, not { $sent }
body-not-json-none = the body must be application/json, not "nothing"
body-too-large = the body is larger than { $limit } bytes
body-stalled = the body stopped arriving for { $seconds } s
body-unreadable = the body could not be read: { $error }
parameter-repeated = given more than once; give it once
nul-in-path = the path holds a NUL character (%00), which no parameter may contain
nul-in-query = the query holds a NUL character (%00), which no parameter may contain

## Problems of scheme records

scheme-not-found = scheme record { $scheme } not found in programme { $programme }
scheme-id-not-path = { $id } must be the scheme id in the path, { $path }
scheme-id-taken = scheme id { $id } is already used in this programme (PUT it to replace it)

## Sums too large to hold

sum-too-large = makes { $what } more than { $most } million VND, the most that storage holds
sum-itemised-cost = the programme's itemised cost
sum-group-cost = a group of records
sum-group-funding = the funding of a group of records
sum-indicator-too-large = makes the total of indicator { $key } over the records larger than an exact decimal holds ({ $most })

## A programme document's problems (422), each at its JSON pointer

text-nul = must not contain a NUL character (U+0000)
text-not-xml = must not contain { $code }: a control character or non-character no XML document (so no workbook) can hold
jurisdiction-unknown = the jurisdiction { $text } is no province, city or the nation in force in { $start }–{ $end } that we know: it is kept as written, with no unit (see GET /jurisdictions)
jurisdiction-ambiguous = the jurisdiction { $text } names several units in force in { $start }: { $units }; it is kept as written, with no unit
jurisdiction-straddles = the period { $start }–{ $end } spans { $date }, when { $unit } became part of { $then }: the programme is counted under { $unit }, the unit in force when it began
part-of-itself = a programme cannot be a part of itself
url-not-http = must be an absolute http:// or https:// URL (a link a page shows; nothing a browser would run)
text-empty = must not be empty
text-too-long = must be at most { $max } characters
amount-negative = must not be negative
amount-invalid = { $value } { $problem }
money-not-decimal = must be a decimal number written as a string, such as "735.50"
money-too-precise = has more than { $places } decimal places (amounts are in million VND, to the nearest 10,000 đồng)
money-too-large = is too large
count-too-small = must be at least { $least }
count-too-large = is too large
figure-missing = is required unless `qualifier` is `range` (a range has `min` and `max` instead of { $field }) or, for a funding entry, `remainder` is true
range-has-no-figure = a `range` has no single { $field }: give `min` and `max` instead
range-needs-ends = a `range` needs both `min` and `max`
ends-without-range = `min` and `max` are for a `range` only (set `qualifier` to "range")
range-backwards = `max` ({ $max }) is below `min` ({ $min })
remainder-with-figure = a `remainder` has no figure: leave out `amount`, `min`, `max`, `qualifier` and `estimate`
remainder-twice = only one source of a level can be the remainder, and { $other } is already the remainder of this level
tolerance-invalid = { $value } is not a percentage from 0 to 99.99 written as a decimal string (for example "5")
covers-empty = lists no source; leave `covers` out for all of them, or list some of { $allowed }
covers-not-top = { $key } is not a top-level funding source; `covers` lists some of { $allowed }
covers-twice = { $key } is listed twice
source-unknown = unknown funding source { $key }; allowed: { $allowed }
source-twice = funding source { $key } is listed twice
not-a-slug = { $value } is not a slug: use lowercase letters, digits and single hyphens (at most 100 characters)
currency-must-be = must be { $currency }
unit-must-be = must be { $unit }: amounts are in million VND
year-out-of-range = must be a year between 1900 and 2200
period-backwards = { $end } is before start_year { $start }
not-a-date = { $value } is not an ISO 8601 date (YYYY-MM-DD)
scope-unknown = unknown scope { $key }; allowed: { $allowed }
scope-twice = scope { $key } is listed twice
not-a-key = { $value } is not a key: use lowercase letters, digits and single underscores
indicator-defined-twice = indicator { $key } is defined twice
too-many-records = has more than 2,000,000 records
scheme-id-twice = scheme id { $id } is used twice
activity-unknown = unknown activity { $key }; allowed: { $allowed }
funding-over-cost = funding lines add up to { $funded }, more than the record's cost { $cost }
indicator-undefined = indicator { $key } is not in /indicator_definitions
indicator-twice = indicator { $key } is given twice
indicator-not-decimal = { $value } must be a decimal number written as a string, such as "610"
indicator-too-precise = { $value } has more digits than an exact sum can hold (28 significant digits)
json-trailing = unexpected text after the JSON value: { $error }

## The JSON parser's messages (their English is serde_json's own)

json-located = { $what } at line { $line } column { $column }
json-missing-field = missing field { $field }
json-unknown-field = unknown field { $field }, expected { $expected }
json-unknown-field-either = unknown field { $field }, expected { $first } or { $second }
json-unknown-field-one-of = unknown field { $field }, expected one of { $fields }
json-invalid-type = invalid type: { $found }, expected { $expected }
json-invalid-value = invalid value: { $found }, expected { $expected }
json-duplicate-field = duplicate field { $field }
json-eof-value = EOF while parsing a value
json-eof-object = EOF while parsing an object
json-eof-list = EOF while parsing a list
json-eof-string = EOF while parsing a string
json-syntax = { $what }
json-not-whole = { $number } is not a whole number in range
json-unreadable = { $text }

## The pages: their chrome (page-…), charts and links

page-home = Home
page-site = Industrial Promotion Programme results
page-intro = The figures of industrial promotion programmes, as published, with the article's own words. Every published figure stands beside the sum of the scheme records, and each difference is said in words.
page-programme = Programme
page-kind-plan = plan
page-status-estimate = estimate
page-part-of = { $label } ({ $part }) of { $programme }
page-part-year = year
page-part-round = round
page-part-to-date = to date
page-period = Period
page-jurisdiction = Jurisdiction
page-schemes = Schemes
page-cost = Total cost
page-state_budget = State budget
page-contributions = Contributions of organisations and individuals
page-reported = Published
page-itemised = Sum of the records
page-gap = Gap
page-implied = Implied (not published)
page-unit = million VND
page-source = Source article
page-published = published
page-copy_from = our copy comes from
page-legal_basis = Legal basis
page-agency = Implementing agency
page-reconciliation = Published figures and the sum of the records
page-reconciliation_intro = “Published” is what the article states; “Sum of the records” adds up the scheme records; “Gap” is the difference, only where the article gives both figures at the same level.
page-notes = In words
page-by_activity = By kind of activity
page-by_source = By funding source
page-activity = Activity
page-funding_source = Funding source
page-share_itemised = Share of the records' sum
page-share_reported = Share of the published total
page-reported_share = Published figure's share of the published total
page-not_split = not split by level in the article
implied-range-schemes = { $least }–{ $most } of the { $recorded } recorded schemes
implied-range-amount = { $least } – { $most } (part of the { $unsplit } million VND not split)
page-nothing_itemised = no figure in the article
page-records = Scheme records
page-scope = Level
page-funding = Funding by source
page-no_funding_line = the article does not say who paid
page-indicators = Indicators
page-quote = The article's words
page-our_note = Our note
page-downloads = Downloads and machine-readable data
page-other_language = Tiếng Việt
page-language = Language
page-chart_table = The chart's figures
page-not_published = not published
page-more_records = This page shows the first records; download the CSV for all of them.
page-more_programmes = This page shows the newest programmes; the full list is at
page-none_yet = No programme yet.
chart-activity-title = Cost of the scheme records by kind of activity (million VND)
chart-activity-description = A bar for each kind of activity, as long as its records' cost. The records add up to { $total } million VND; the figures are in the table below.
chart-source-title = Funding by source: the sum of the records beside the reported figure (million VND)
chart-source-description = For each funding source, a bar for the funding lines of the records (blue) and one for the figure the programme reports (orange), where it reports one; the figures are in the table below.
link-totals = Totals (JSON)
link-breakdown-activity = Breakdown by activity (JSON)
link-schemes = Scheme records (JSON)
link-schemes-csv = Scheme records (CSV, for spreadsheets)
link-breakdown-activity-csv = Breakdown by activity (CSV)
link-breakdown-source-csv = Breakdown by funding source (CSV)
link-workbook = Workbook (XLSX, for Excel and LibreOffice; prints on landscape pages)
link-schemes-csv-bom = Scheme records (CSV with a byte-order mark, for Excel)
link-export = The whole programme document (JSON)

## Column names of the downloads (CSV keys stay as they are; these are for people)

column-source-own = { $source }: lines naming it (million VND)
column-source-rolled-up = { $source } with the sources below it (million VND)
column-indicator = { $name } ({ $unit })
column-unattributed-million-vnd = No funding line (million VND)
column-scheme-id = Record id
column-activity = Activity
column-scope = Scope
column-scheme-count = Schemes
column-cost-million-vnd = Cost (million VND)
column-title-vi = Title (Vietnamese)
column-title-en = Title (English)
column-quote = The source's words
column-note = Our note (English)
column-note-vi = Our note (Vietnamese)
column-share-of-itemised-cost-percent = Share of the records' cost (%)
column-share-of-reported-cost-percent = Share of the reported cost (%)
column-rolled-up-share-of-itemised-cost-percent = Share of the records' sum, rolled up (%)
column-own-share-of-itemised-cost-percent = Share of the records' sum, this source's own lines (%)
column-name-vi = Name (Vietnamese)
column-name-en = Name (English)
column-nothing-itemised = Nothing itemised
column-source = Funding source
column-parent = Part of
column-schemes-with-lines-under = Schemes with a line under it
column-own-million-vnd = Lines naming it (million VND)
column-rolled-up-million-vnd = With the sources below it (million VND)
column-reported-funding-million-vnd = Reported (million VND)
column-reported-share-of-reported-cost-percent = Published figure's share of the published total (%)
column-funding-gap-million-vnd = Gap (million VND)
column-implied-at-least-million-vnd = Implied, at least (million VND)
column-implied-at-most-million-vnd = Implied, at most (million VND)
column-schemes = Schemes
column-reported-schemes = Reported schemes
column-schemes-gap = Schemes gap
column-reported-funding-remainder = Published as the rest, with no figure
column-remainder-implied = The rest, computed (million VND)
column-qualifier = { $column }: as published
column-estimate = { $column }: an estimate
column-at-least = { $column }: at least
column-at-most = { $column }: at most
qualifier-exact = exact
qualifier-at-least = over
qualifier-at-most = under
qualifier-about = about
qualifier-range = a range

## The workbook: sheets, labels and the words of the quotes sheet

sheet-about = About
about-programme = Programme
about-programme-vi = Programme (Vietnamese)
about-id = Id
about-jurisdiction = Jurisdiction
about-period = Period
about-source = Source article
about-publisher = Our copy comes from
about-published = Published
about-url = URL
about-source-note = Source note
about-data-version = Data version
about-written-at = Data written at (UTC)
about-unit = Unit of amounts
about-exactness = Exactness
about-exactness-text = Amounts are spreadsheet numbers (binary floating point, as the file format stores them), each within a rounding of the exact figure at two decimal places; the JSON and CSV downloads are exact decimal text.
column-measure = Measure
column-reported = Reported
column-itemised = Sum of the records
column-gap = Gap
column-own-unsplit = Not split below (million VND)
row-schemes = Schemes
row-cost = Cost
sheet-totals = Totals
sheet-by-activity = By activity
sheet-by-scope = By scope
sheet-by-source = By source
sheet-schemes-truncated = This sheet holds the first records only (a sheet's limit); schemes.csv has them all.
sheet-schemes = Schemes
column-where = Where
column-figure = Figure
quote-reported = reported
quote-legal-basis = legal basis
quote-schemes = schemes
quote-cost = cost
quote-record = record
sheet-quotes = Quotes

## Units

unit-amounts = million VND
indicator-not-found = programme { $id } has no indicator { $key }
unit-person = persons
unit-person-time = person-times
unit-copies-per-issue = copies/issue
unit-issues-per-year = issues/year
cell-yes = yes
cell-no = no
across-part-overlaps = a part of { $whole } ({ $label }) whose figures its other parts in the sum also count: of one whole's parts only those that do not overlap are added (its years, else its rounds, else its latest figures to date)
across-part-repeated = a part of { $whole } ({ $label }) that overlaps another part in the sum ({ $kept }); name the one you want with `programme`
across-kind-not-asked = { $kind }: the sum takes the kinds in `kind` (`result` when absent)
across-outside-years = its period { $start }-{ $end } is outside `from_year`..`to_year`
across-outside-jurisdictions = its jurisdiction ({ $jurisdiction }) is not among those of `jurisdiction`
across-covers-partial = The published totals of { $programmes } cover some funding sources only: their gap compares them with those sources' lines ({ $compared } million VND), not with the records' whole cost ({ $itemised } million VND).
across-split-by-kind = The rows are split by kind (`kind` was added to the drilldowns), so that no row adds a plan to a result.
across-year-not-split = Not split by year, as they run over several years: { $programmes }; each is in a row with no year, under its period.
across-years-of = the years { $period }
across-kind-result = Result
across-kind-plan = Plan
across-grain-scope = Published figures by scope are scheme counts only: no programme publishes its cost by scope, so the rows' cost is the records' sum.
across-grain-source = A row's published figure is the sum of its programmes' published figures for that source; the schemes are those with a line under it, which do not add up across sources.
across-grain-none = No programme publishes figures by { $by ->
        [activity] activity
        [activity-scope] activity and level
        [activity-source] activity and source
       *[scope-source] level and source
    }: the rows are the sums of the scheme records only.
across-unpublished-source = No sum of published figures for { $source } where a row holds { $programmes }: they publish none.
across-nothing = No programme matches the cut: every sum is zero.
across-too-large = the programmes' sums are past what the API holds; narrow the cut
parameter-repeated-item = { $value } is given twice
parameter-too-many-drilldowns = at most two drilldowns, not { $count }
parameter-empty-item = an empty item in the list
parameter-not-a-year = { $value } is not a year from 1900 to 2200
parameter-years-backwards = from_year { $from } is after to_year { $to }
parameter-unknown-programme = no programme { $value }
parameter-unknown-jurisdiction = no jurisdiction { $value } (see /jurisdictions)
compare-basis-figure = The figure as published, with the values its qualifier allows.
compare-basis-difference = The other programme's figure less the base's, over every value each may have.
compare-basis-change = The difference in percent of the base's figure, over every value each may have, rounded outward.
compare-schemes = Schemes
compare-cost = Total cost
compare-measure = { $name }
compare-by-published = by the published figures
compare-by-records = by the records' sums
compare-exceeded = { $measure }: the result exceeded the plan by { $difference } ({ $basis }).
compare-fell-short = { $measure }: the result fell short of the plan by { $difference } ({ $basis }).
compare-met = { $measure }: the result met the plan exactly ({ $basis }).
compare-undetermined = { $measure }: the figures do not settle whether the result exceeded the plan or fell short of it: the difference is { $difference } ({ $basis }).
compare-change = A change of { $percent }.
compare-result-against-plan = One programme is a plan and the other a result: the notes on what was exceeded read a plan as `base` and its result as `other`.
compare-covers-differ = The published totals of { $base } and { $other } cover different funding sources: both are shown, with no difference between them.
column-drilldown = { $by }
column-programmes = Programmes
column-scheme-records = Scheme records
column-reported-cost-million-vnd = Reported cost (million VND)
column-cost-gap-million-vnd = Cost gap (million VND)
column-source-reported = { $source }: published (million VND)
column-programme-id = Programme
column-left-out-because = Added, or why not
aggregate-total = Total
aggregate-included = added
sheet-aggregate = Sums
sheet-aggregate-programmes = Programmes
page-aggregate_title = Sums across programmes
page-aggregate_intro = The programmes of the cut added together, a row per group: “Published” adds up the programmes' published figures, only where every programme of the row publishes one; “Sum of the records” adds up their scheme records; the gap is the difference. A plan is never added to a result, nor a part to its whole.
page-compare_title = Two programmes compared
page-compare_intro = Each measure of the two programmes: the published figures and the sums of the records apart, the difference (the second less the first) and the change in percent of the first.
page-total = Total
page-programmes = Programmes
page-excluded = Programmes left out, and why
page-measure = Measure
page-base = First (base)
page-other = Second
page-difference = Difference
page-change_percent = Change (%)
page-published_figures = Published figures
page-records_sums = Sums of the records
page-more_rows = This page shows the first rows; the CSV and the workbook have them all.
page-json = JSON
page-csv = CSV (one value per cell)
page-xlsx = Workbook (XLSX)
chart-aggregate-title = Cost by row (million VND)
chart-aggregate-description = A bar for each row, as long as its records' cost, and one for the sum of the published totals where every programme of the row publishes one; the figures are in the table below.
chart-compare-title = Cost of the records by measure (million VND)
chart-compare-description = For each funding source and activity, a bar for { $base } and one for { $other }, as long as the records' sums; the figures are in the tables above.
across-scope-unsplit = { $programmes } have scheme records of no known level: a count they publish by level is compared with none of them, so those rows have no schemes gap (the article does not split by level).
across-cut-former-unit = { $unit } is no longer in force: its programmes are summed with those of the unit it became ({ $today }), and rows by jurisdiction name that unit, unless `as_published=true`.
drilldown-programme = Programme
drilldown-jurisdiction = Jurisdiction
drilldown-period = Period
drilldown-year = Year
drilldown-kind = Kind
drilldown-activity = Activity
drilldown-scope = Level
drilldown-source = Funding source
column-drilldown-name-vi = { $by }: name in Vietnamese
column-drilldown-name-en = { $by }: name in English
column-source-reported-bounds = { $source }: published
across-more = { $count } more
across-unpublished-scope = No sum of published counts by level where a row holds { $programmes }: they publish none at that level.
across-unattributed = { $amount } million VND of the records' cost has no funding line: it is in no row by source (the article does not say who paid it).
parameter-too-many-items = at most { $max } items

## Drafts from report text (POST /drafts, khuyencong draft)
draft-revenue = revenue of the enterprises, not programme money
draft-production-value = production value, not programme money
draft-wage = a wage or an income, not programme money
draft-investment = an enterprise's investment, not programme money
draft-rate = support per scheme or per unit of time: a rate, not a total
draft-workers = people trained or taking part: a result, not a count of schemes
draft-undecided = found, but these rules cannot say where it goes: place it by hand if it belongs
draft-qualified-record-count = a group's count that the text qualifies ("trên", "gần", "ước", a range): a scheme record holds exact counts only
draft-qualified-record-cost = a group's cost that the text qualifies: a scheme record's cost must be exact, so it is left for a person
draft-qualified-record-funding = a group's funding line that the text qualifies: a funding line must be exact, so it is left for a person
draft-qualified-indicator = an indicator value that the text qualifies: an indicator value must be exact, so it is left for a person
draft-pair = two figures written as one ("01/02": approved of registered): left for a person
draft-remainder = { $pointer } is given as the rest of the cost, with no figure: the draft marks it as a remainder
draft-in-addition = the group at { $pointer } begins "Ngoài ra" (in addition): whether its schemes are within the programme's totals or outside them is for a person to confirm
draft-no-activity = the text names no activity for { $pointer }: "unspecified" unless a person knows it
draft-unplaced = { $count ->
    [one] 1 figure was found but not placed: see its reason
   *[other] { $count } figures were found but not placed: see each one's reason
}
draft-fill-in = { $pointer } is not in the text: fill it in before saving
draft-empty = the text is empty: give the report's text
draft-not-utf8 = the text is not UTF-8 (the first bad byte is at { $at }): save the report as UTF-8 and give it again
draft-too-long = the body is { $bytes } bytes, past the { $limit } bytes a draft reads: send one report at a time
body-not-text = the body must be text/plain; charset=utf-8, not { $sent }
body-not-text-none = the body must be text/plain; charset=utf-8, but the request has no Content-Type
page-drafts_title = A draft from a report's text
page-drafts_intro = Paste a report on an industrial promotion programme. The draft finds every amount and count, with its words, how precise it is and where it goes in a programme document; correct what it could not decide, then save it. Nothing is stored until you save.
page-drafts_no_script = This page needs JavaScript to send the text; without it, send the text to POST /drafts.
page-drafts_text_label = The report's text
page-drafts_token_label = Write token
page-drafts_token_help = Needed to draft and to save; it stays in this page and is sent only to this server.
page-drafts_read = Draft
page-drafts_highlighted = The text, with every figure marked
page-drafts_legend_placed = placed
page-drafts_legend_unplaced = not placed
page-drafts_legend_approximate = approximate or estimated
page-drafts_warnings = What to check
page-drafts_figures = Figures found
page-drafts_value = Value
page-drafts_field = Field
page-drafts_reason = Why not placed
page-drafts_document = The draft document
page-drafts_document_help = Each field of the document: correct or fill in the values (an empty field is null), then save.
page-drafts_save = Save
page-drafts_save_help = Saving creates the programme with the id you gave (PUT /programmes/{id} with If-None-Match: *): it never replaces one that exists.
page-drafts_answer = The server's answer
page-drafts_saved = saved
page-drafts_failed = not saved
page-drafts_need_token = A write token is needed: enter it above.
page-drafts_need_id = Give the programme an id (the field /id) before saving.
page-drafts_none = Nothing.
page-drafts_at_least = at least
page-drafts_at_most = at most
page-drafts_about = about
page-drafts_range = a range
page-drafts_estimate = an estimate
draft-price = a price, not programme money
draft-other-period = its sentence is about another year than the programme's: not this programme's figure
draft-invalid = as drafted, { $pointer } would not be accepted: { $problem }
draft-records-left-out = { $count ->
    [one] 1 group has no exact count or cost: it is left out of the check against the reported figures
   *[other] { $count } groups have no exact count or cost: they are left out of the check against the reported figures
}
draft-in-addition-reported = { $pointer } is read in a sentence that begins "Ngoài ra" (in addition): whether it is the programme's figure or one more besides it is for a person to confirm
draft-comparison = a difference ("vượt", "tăng", "so với"), not a count
