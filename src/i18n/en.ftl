# The API's messages in English. The JSON default within this major version: keep the wording
# and the numbers (amounts as the API writes them, `41306.53`) unless a changelog entry says why.
# Each message has the same id and the same arguments in vi.ftl (a test checks).

## Words that join

list-and = and
list-or = or

## /totals: the gaps between the reported figures and the records' sums

totals-schemes-gap = The programme reports { $reported } schemes; its scheme records cover { $itemised }: a gap of { $gap }.
totals-scope-gap = The programme reports { $reported } { $scope } schemes; the scheme records name { $itemised } as { $scope }: a gap of { $gap }.
totals-cost-gap = The programme reports a total cost of { $reported } million VND; its scheme records add up to { $itemised }: a gap of { $gap }.
totals-unattributed = { $amount } million VND of the itemised cost has no funding line: the source does not say who paid it.
funding-gap = Funding from { $source }: the programme reports { $reported } million VND; its funding lines add up to { $itemised }: a gap of { $gap }.
funding-unsplit = { $own } million VND of { $source } funding is not split between the sources below it: the source does not say which paid.
funding-implied = Implied, not reported: of the { $unsplit } million VND of unsplit { $parent } funding, at least { $least } and at most { $most } is { $source }'s, by the arithmetic of the reported figures (see `implied`).

## What the reported figures imply for money not split between sources

implied-overspent = No bounds on how the { $unsplit } million VND of unsplit { $parent } funding divides: { $source } reports { $reported } but its funding lines already add up to { $itemised }.
implied-no-room = No bounds on how the { $unsplit } million VND of unsplit { $parent } funding divides: the reported figures of { $sources } leave room for only { $room } of it.
implied-basis = Implied, not reported: { $source } reports { $reported } million VND, of which { $itemised } is itemised under it, so at most { $most } of the { $unsplit } unsplit { $parent } money is its; the other parts of { $parent } can hold at most { $others } of it, so at least { $least } is its.
implied-basis-unreported = Implied, not reported: { $source } reports no figure, so it may hold all of the { $unsplit } unsplit { $parent } money; the other parts of { $parent } can hold at most { $others } of it, so at least { $least } is its.

## Breakdowns: what the rows cover

shares-reported = `share_percent` is a share of the itemised cost ({ $itemised }); `share_of_reported_percent` a share of the reported total cost ({ $reported }).
shares-unreported = `share_percent` is a share of the itemised cost ({ $itemised }); the programme reports no total cost, so `share_of_reported_percent` is null.
coverage-no-totals = The programme reports no totals: the rows cover its { $schemes } itemised schemes and { $cost } million VND.
coverage = The rows cover { $schemes } and { $cost } the programme reports: { $rest }
coverage-schemes = { $itemised } of the { $reported } schemes
coverage-schemes-unreported = { $itemised } schemes (no number is reported)
coverage-cost = { $itemised } of the { $reported } million VND
coverage-cost-unreported = { $itemised } million VND (no total cost is reported)
coverage-complete = nothing reported is left out.
coverage-missing = the difference ({ $missing }) is in the reported totals but in no scheme record, so no row shows it.
missing-schemes = { $gap } { $gap ->
        [1] scheme
        [-1] scheme
       *[other] schemes
    }
missing-cost = { $gap } million VND
empty-scopes = No scheme record is counted as { $keys }: the rows' zeros are not known zeros.
empty-scopes-reported = The programme reports { $schemes } schemes (`reported_schemes`).
scope-schemes = { $count } { $scope }
empty-activities = Nothing is itemised under { $keys }: the programme publishes no figure for them, so their zeros are not known zeros.
unknown-may-include = The { $schemes } schemes ({ $cost } million VND) counted as `{ $unknown }` may include some of theirs.
source-rolled-up = Each row's cost is rolled up over the sources below it; the rows with no parent plus `unattributed` sum to the total cost.
source-schemes-overlap = A row's `schemes` counts the schemes with any funding line under that source: a scheme paid from several sources is counted in each, so `schemes` does not sum to the total.
source-empty = No funding line names `{ $source }` or a source below it: its zeros are not known zeros.
source-empty-reported = The programme reports { $reported } million VND from it (`reported_cost`).
source-may-include = { $holders } may include some of it.
holder-unsplit = the { $own } million VND of unsplit `{ $source }` funding
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
problem-unavailable = Service unavailable
problem-internal = Internal error
