//! `GET /aggregate`: the programmes a cut selects, grouped by one or two drilldowns, each row's
//! figures added across its programmes by `across` (reported, itemised and gap apart; a figure
//! published only where every programme of the row publishes it at that grain; only what is
//! alike added).

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use utoipa::ToSchema;

use super::across::{self, Excluded, Member, SumError, Summed};
use super::figures::Bounds;
use super::sums::{Group, ProgrammeSums};
use super::totals::{Totals, reconcile};
use crate::domain::document::{Kind, PartKind, PartOf, Reported};
use crate::domain::jurisdiction::{Jurisdiction, Jurisdictions, Resolution};
use crate::domain::money::Money;
use crate::domain::reference::{Names, Reference, UNKNOWN_SCOPE};
use crate::i18n::{Arg, Message};

/// What rows are grouped by (`by=…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Drilldown {
    Programme,
    Jurisdiction,
    Period,
    Year,
    Kind,
    Activity,
    Scope,
    Source,
}

impl Drilldown {
    pub const ALL: [&'static str; 8] =
        ["programme", "jurisdiction", "period", "year", "kind", "activity", "scope", "source"];

    pub fn key(self) -> &'static str {
        Drilldown::ALL[self as usize]
    }

    pub fn parse(key: &str) -> Option<Drilldown> {
        use Drilldown::*;
        [Programme, Jurisdiction, Period, Year, Kind, Activity, Scope, Source].into_iter().find(|d| d.key() == key)
    }

    /// Its name for a reader ("Jurisdiction", "Địa phương").
    pub fn named(self) -> Message {
        Message::new(match self {
            Drilldown::Programme => "drilldown-programme",
            Drilldown::Jurisdiction => "drilldown-jurisdiction",
            Drilldown::Period => "drilldown-period",
            Drilldown::Year => "drilldown-year",
            Drilldown::Kind => "drilldown-kind",
            Drilldown::Activity => "drilldown-activity",
            Drilldown::Scope => "drilldown-scope",
            Drilldown::Source => "drilldown-source",
        })
    }

    /// Whether it splits a programme's records (activity, scope, source) rather than the
    /// programmes themselves.
    pub fn within(self) -> bool {
        matches!(self, Drilldown::Activity | Drilldown::Scope | Drilldown::Source)
    }
}

/// To what grain each programme's kept sums are summed in SQL for `by`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Grain {
    pub activity: bool,
    pub scope: bool,
}

impl Grain {
    pub fn of(by: &[Drilldown]) -> Grain {
        Grain { activity: by.contains(&Drilldown::Activity), scope: by.contains(&Drilldown::Scope) }
    }
}

/// Which programmes a sum takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Programme ids (all when empty).
    pub programmes: Vec<String>,
    /// Jurisdiction ids (all when empty).
    pub jurisdictions: Vec<String>,
    /// Programmes whose period overlaps these years (inclusive).
    pub years: (i64, i64),
    pub kinds: Vec<Kind>,
    /// Whether parts (a year, a round, figures to date) are added.
    pub parts: bool,
    /// A jurisdiction as published: a cut on it leaves out its predecessors, and rows by
    /// jurisdiction are the units the programmes name, not the units they are today.
    pub as_published: bool,
}

/// A programme as a sum across programmes reads it.
#[derive(Clone, Copy, Debug)]
pub struct Programmed<'a> {
    pub id: &'a str,
    pub names: &'a Names,
    pub jurisdiction: &'a str,
    pub period: (i64, i64),
    pub kind: Kind,
    pub part_of: Option<&'a PartOf>,
}

/// A kind in words: "plan", "kế hoạch".
fn kind_word(kind: Kind) -> Message {
    Message::new(if kind.is_result() { "across-kind-result" } else { "across-kind-plan" })
}

/// The unit a programme belongs to: as published, or the unit in force today that it became.
fn unit_of<'j>(p: &Programmed<'_>, jurisdictions: &'j Jurisdictions, as_published: bool) -> Option<&'j Jurisdiction> {
    match jurisdictions.resolve(p.jurisdiction, p.period) {
        Resolution::Unit { unit, .. } if as_published => Some(unit),
        Resolution::Unit { unit, .. } => Some(jurisdictions.today(unit)),
        _ => None,
    }
}

/// Whether `unit` is `cut` or, unless `as_published`, a unit that became it.
fn within_unit(unit: &Jurisdiction, cut: &str, jurisdictions: &Jurisdictions, as_published: bool) -> bool {
    if unit.id == cut {
        return true;
    }
    let mut current = unit;
    for _ in 0..jurisdictions.units.len() {
        match current.successor.as_deref().and_then(|id| jurisdictions.unit(id)) {
            Some(next) if !as_published => {
                if next.id == cut {
                    return true;
                }
                current = next;
            }
            _ => return false,
        }
    }
    false
}

/// The programmes of `candidates` the cut takes (their indexes), and those it names or finds but
/// does not add, with why. A programme the cut names by id and leaves out for its kind or period
/// is excluded with a reason; one it does not name is simply not in the cut.
pub fn select(cut: &Cut, candidates: &[Programmed<'_>], jurisdictions: &Jurisdictions) -> (Vec<usize>, Vec<Excluded>) {
    let named = !cut.programmes.is_empty();
    let mut excluded = Vec::new();
    let mut members: Vec<(usize, Member<'_>)> = Vec::new();
    for (i, p) in candidates.iter().enumerate() {
        if named && !cut.programmes.iter().any(|id| id == p.id) {
            continue;
        }
        let in_unit = cut.jurisdictions.is_empty()
            || unit_of(p, jurisdictions, true).is_some_and(|unit| {
                cut.jurisdictions.iter().any(|c| within_unit(unit, c, jurisdictions, cut.as_published))
            });
        let reason = if !cut.kinds.contains(&p.kind) {
            Some(Message::new("across-kind-not-asked").message("kind", kind_word(p.kind)))
        } else if p.period.0 > cut.years.1 || p.period.1 < cut.years.0 {
            Some(Message::new("across-outside-years").count("start", p.period.0).count("end", p.period.1))
        } else if !in_unit {
            Some(Message::new("across-outside-jurisdictions").word("jurisdiction", p.jurisdiction))
        } else {
            None
        };
        match reason {
            Some(reason) if named => excluded.push(Excluded { programme_id: p.id.to_string(), reason }),
            Some(_) => {}
            None => members.push((i, Member { id: p.id, kind: p.kind, part_of: p.part_of })),
        }
    }
    let chosen: Vec<Member<'_>> = members.iter().map(|(_, m)| *m).collect();
    let (included, mut refused) = across::alike(&chosen, cut.parts);
    excluded.append(&mut refused);
    let indexes = members.iter().filter(|(_, m)| included.iter().any(|i| i.id == m.id)).map(|(i, _)| *i).collect();
    (indexes, excluded)
}

/// What a cut says of itself: a unit it names that is no longer in force is summed, unless as
/// published, in the rows of the unit it became.
pub fn cut_notes(cut: &Cut, jurisdictions: &Jurisdictions) -> Vec<Message> {
    if cut.as_published {
        return Vec::new();
    }
    cut.jurisdictions
        .iter()
        .filter_map(|id| jurisdictions.unit(id))
        .filter(|unit| unit.valid_to.is_some())
        .map(|unit| {
            let today = jurisdictions.today(unit);
            Message::new("across-cut-former-unit").word("unit", unit.id.as_str()).word("today", today.id.as_str())
        })
        .collect()
}

/// A programme the sum adds, with its figures (its kept sums at the grain of the drilldowns).
pub struct Input<'a> {
    pub programme: Programmed<'a>,
    pub reported: &'a Reported<Money>,
    pub sums: &'a ProgrammeSums,
}

/// A name in the request's language (a JSON string): the data's (a programme's, a unit's, a
/// source's), or ours (a catalog message: "Kế hoạch", "các năm 2021-2025").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    Names(Names),
    Message(Message),
}

impl Label {
    /// The name in `lang`.
    pub fn get(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Label::Names(names) => names.get(lang).to_string(),
            Label::Message(message) => message.render(lang),
        }
    }

    /// The name in both languages.
    pub fn names(&self) -> Names {
        Names { vi: self.get(crate::i18n::Lang::Vi), en: self.get(crate::i18n::Lang::En) }
    }

    /// The name as an argument of a message.
    pub fn arg(&self) -> Arg {
        match self {
            Label::Names(names) => Arg::Named { en: names.en.clone(), vi: names.vi.clone() },
            Label::Message(message) => Arg::Message(Box::new(message.clone())),
        }
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.get(crate::i18n::reading_in().unwrap_or_default()))
    }
}

impl utoipa::PartialSchema for Label {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        String::schema()
    }
}

impl utoipa::ToSchema for Label {}

/// A funding source of a row: its lines across the row's programmes and, where every one of them
/// publishes a figure for it, the published figures' sum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AggregateFunding {
    #[schema(example = "central_budget")]
    pub source: String,
    pub parent: Option<String>,
    /// The lines naming exactly this source.
    #[schema(value_type = String, example = "7300.00")]
    pub own: Money,
    /// The lines naming this source or one below it.
    #[schema(value_type = String, example = "7300.00")]
    pub rolled_up: Money,
    /// The sum of the published figures for this source, where every programme of the row
    /// publishes one, each exactly; null otherwise (see `reported_bounds`).
    #[schema(value_type = Option<String>)]
    pub reported: Option<Money>,
    pub reported_bounds: Option<Bounds<Money>>,
    /// `reported` − `rolled_up`; null where there is no exact published sum.
    #[schema(value_type = Option<String>)]
    pub gap: Option<Money>,
    pub gap_bounds: Option<Bounds<Money>>,
}

/// The figures of a row, or of the whole selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AggregateFigures {
    /// The programmes added into these figures.
    pub programmes: Vec<String>,
    /// How many scheme records they hold.
    pub scheme_records: i64,
    /// The number of schemes: the sum of the published counts where every programme publishes
    /// one at this grain, the sum of the records' counts, and the difference.
    pub schemes: Summed<i64>,
    /// The cost: published totals summed where every programme publishes one and they cover the
    /// same sources; the records' cost; the gap. In a row by source: that source's published
    /// figures and its lines rolled up its subtree (a parent's row holds its children's money, so
    /// rows by source do not add up to the total).
    pub cost: Summed<Money>,
    /// Each funding source with lines, or a published figure, in reference order.
    pub funding: Vec<AggregateFunding>,
}

/// A row: its keys and their names, and its figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct AggregateRow {
    /// The row's member of each drilldown (`{"jurisdiction": "hai-phong-2025"}`); null where it
    /// has none (`year` of a programme over several years, a jurisdiction no unit matches).
    #[schema(value_type = BTreeMap<String, Option<String>>, example = json!({"jurisdiction": "hai-phong-2025"}))]
    pub keys: BTreeMap<&'static str, Option<String>>,
    /// Each key's name in the request's language.
    #[schema(value_type = BTreeMap<String, String>, example = json!({"jurisdiction": "Hai Phong"}))]
    pub names: BTreeMap<&'static str, Label>,
    /// The programmes' period where the row is one of programmes over several years (`by=year`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "2021-2025")]
    pub period: Option<String>,
    #[serde(flatten)]
    pub figures: AggregateFigures,
}

/// The sums, before a response pages them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aggregated {
    /// The drilldowns the rows are grouped by: those asked for, `kind` first where the
    /// programmes mix plans and results.
    pub by: Vec<Drilldown>,
    pub rows: Vec<AggregateRow>,
    /// Null where the programmes mix plans and results.
    pub total: Option<AggregateFigures>,
    pub notes: Vec<Message>,
}

/// The sums of a cut, with the programmes added and those left out.
pub struct Aggregation {
    pub aggregated: Aggregated,
    pub included: Vec<String>,
    pub excluded: Vec<Excluded>,
}

/// One member of a drilldown: its key, its names, and where it sorts.
#[derive(Clone, Debug, PartialEq, Eq)]
struct KeyMember {
    key: Option<String>,
    names: Label,
    order: (i64, i64, String),
}

fn same_names(text: String) -> Label {
    Label::Names(Names { vi: text.clone(), en: text })
}

/// A programme's figures within one cell of the drilldowns that split records.
#[derive(Clone, Debug, Default)]
struct Cell {
    records: i64,
    schemes: (Option<Bounds<i64>>, i64),
    /// None: the whole programme's cost (its published total, with what it covers).
    cost: Option<(Option<Bounds<Money>>, Money)>,
    funding: Vec<Fund>,
    /// The programme has scheme records of no known level: a count by level it publishes is
    /// compared with none of them (no gap).
    unsplit: bool,
}

#[derive(Clone, Debug)]
struct Fund {
    source: String,
    own: Money,
    rolled_up: Money,
    reported: Option<Bounds<Money>>,
}

/// The drilldowns' members of programme `p` for the drilldowns on programmes.
fn programme_members(
    p: &Programmed<'_>,
    at: usize,
    by: &[Drilldown],
    jurisdictions: &Jurisdictions,
    as_published: bool,
) -> Vec<KeyMember> {
    by.iter()
        .filter(|d| !d.within())
        .map(|d| match d {
            Drilldown::Programme => KeyMember {
                key: Some(p.id.to_string()),
                names: Label::Names(p.names.clone()),
                order: (at as i64, 0, String::new()),
            },
            Drilldown::Jurisdiction => match unit_of(p, jurisdictions, as_published) {
                Some(unit) => KeyMember {
                    key: Some(unit.id.clone()),
                    names: Label::Names(unit.names.clone()),
                    order: (
                        jurisdictions.units.iter().position(|u| u.id == unit.id).unwrap_or(0) as i64,
                        0,
                        String::new(),
                    ),
                },
                None => KeyMember {
                    key: None,
                    names: same_names(p.jurisdiction.to_string()),
                    order: (i64::MAX, 0, p.jurisdiction.to_string()),
                },
            },
            Drilldown::Period => {
                let key = period_key(p.period);
                KeyMember {
                    key: Some(key.clone()),
                    names: same_names(key),
                    order: (p.period.0, p.period.1, String::new()),
                }
            }
            Drilldown::Year => match year_of(p) {
                Some(year) => KeyMember {
                    key: Some(year.to_string()),
                    names: same_names(year.to_string()),
                    order: (year, 0, String::new()),
                },
                None => {
                    let names = Label::Message(Message::new("across-years-of").word("period", period_key(p.period)));
                    KeyMember { key: None, names, order: (i64::MAX, p.period.0, period_key(p.period)) }
                }
            },
            _ => {
                let names = Label::Message(kind_word(p.kind));
                KeyMember {
                    key: Some(p.kind.key().to_string()),
                    names,
                    order: (i64::from(!p.kind.is_result()), 0, String::new()),
                }
            }
        })
        .collect()
}

/// `2016-2020`; `2023` for one year.
pub fn period_key((start, end): (i64, i64)) -> String {
    if start == end { start.to_string() } else { format!("{start}-{end}") }
}

/// The year a programme's figures are of: its one year, or the year of a yearly part; None for
/// a programme over several years (never split).
fn year_of(p: &Programmed<'_>) -> Option<i64> {
    if p.period.0 == p.period.1 {
        return Some(p.period.0);
    }
    p.part_of
        .filter(|part| part.part == PartKind::Year)
        .and_then(|part| part.label.trim().parse::<i64>().ok())
        .filter(|year| (p.period.0..=p.period.1).contains(year))
}

fn reference_member(key: &str, reference: &Reference, position: Option<usize>) -> KeyMember {
    KeyMember {
        key: Some(key.to_string()),
        names: reference.names_of(key).cloned().map_or_else(|| same_names(key.to_string()), Label::Names),
        order: (position.map_or(i64::MAX, |p| p as i64), 0, key.to_string()),
    }
}

fn funds_of(group: &Group, reference: &Reference) -> Vec<Fund> {
    group
        .roll_up(reference)
        .into_iter()
        .filter(|r| r.has_lines)
        .map(|r| Fund { source: r.source, own: r.own, rolled_up: r.amount, reported: None })
        .collect()
}

/// A programme's cells: one per member of the drilldowns that split records (one, the whole
/// programme, where there are none), each with the published figures at that grain.
fn cells(
    totals: &Totals,
    sums: &ProgrammeSums,
    by: &[Drilldown],
    reference: &Reference,
) -> Vec<(Vec<KeyMember>, Cell)> {
    let within: Vec<Drilldown> = by.iter().copied().filter(|d| d.within()).collect();
    let whole_cell = || Cell {
        records: sums.records.iter().map(|r| r.records).sum(),
        schemes: (totals.schemes.reported_bounds.clone(), totals.schemes.itemised),
        cost: None,
        unsplit: false,
        funding: totals
            .funding
            .iter()
            // The sources with a line at or below them (as a group's roll-up has them), or a
            // published figure.
            .filter(|f| f.reported_bounds.is_some() || sums.lines.iter().any(|l| l.source == f.source))
            .map(|f| Fund {
                source: f.source.clone(),
                own: f.own,
                rolled_up: f.itemised,
                reported: f.reported_bounds.clone(),
            })
            .collect(),
    };
    if within.is_empty() {
        return vec![(Vec::new(), whole_cell())];
    }
    // The record groups at the grain: the SQL summed the kept sums to it, one row per member.
    let groups: Vec<((&str, &str), Group)> = sums
        .records
        .iter()
        .map(|r| {
            let lines = sums
                .lines
                .iter()
                .filter(|l| l.activity == r.activity && l.scope == r.scope)
                .map(|l| super::sums::SourceSums { source: l.source.clone(), amount: l.amount, schemes: l.schemes })
                .collect();
            let group = Group {
                key: String::new(),
                records: r.records,
                schemes: r.schemes,
                cost: r.cost,
                unattributed_schemes: r.unattributed_schemes,
                lines,
            };
            ((r.activity.as_str(), r.scope.as_str()), group)
        })
        .collect();
    let position = |d: Drilldown, key: &str| match d {
        Drilldown::Activity => reference.activities.iter().position(|a| a.key == key),
        Drilldown::Scope => reference.scopes.iter().position(|s| s.key == key),
        _ => reference.sources.iter().position(|s| s.key == key),
    };
    let members_of = |activity: &str, scope: &str| -> Vec<KeyMember> {
        within
            .iter()
            .filter(|d| **d != Drilldown::Source)
            .map(|d| {
                let key = if *d == Drilldown::Activity { activity } else { scope };
                reference_member(key, reference, position(*d, key))
            })
            .collect()
    };
    let scope_only = within == [Drilldown::Scope];
    let unsplit = sums.records.iter().any(|r| r.scope == UNKNOWN_SCOPE && r.schemes > 0);
    let by_source = within.contains(&Drilldown::Source);
    let mut out = Vec::new();
    if by_source && within.len() == 1 {
        // Each source of the whole programme, with the figure it publishes for it.
        let whole = whole_cell();
        for f in whole.funding {
            let member = reference_member(&f.source, reference, position(Drilldown::Source, &f.source));
            let schemes = sums.lines.iter().filter(|l| l.source == f.source).map(|l| l.schemes).sum();
            let cell = Cell {
                records: sums.lines.iter().filter(|l| l.source == f.source).map(|l| l.records).sum(),
                schemes: (None, schemes),
                cost: Some((f.reported.clone(), f.rolled_up)),
                funding: vec![f],
                unsplit: false,
            };
            out.push((vec![member], cell));
        }
        return out;
    }
    for ((activity, scope), group) in &groups {
        let (activity, scope) = (*activity, *scope);
        let members = members_of(activity, scope);
        if by_source {
            let records_under = |source: &str| {
                sums.lines
                    .iter()
                    .filter(|l| l.source == source && l.activity == activity && l.scope == scope)
                    .map(|l| (l.records, l.schemes))
                    .fold((0, 0), |(r, s), (a, b)| (r + a, s + b))
            };
            for f in funds_of(group, reference) {
                let mut keyed = members.clone();
                let source = reference_member(&f.source, reference, position(Drilldown::Source, &f.source));
                let at = by.iter().filter(|d| d.within()).position(|d| *d == Drilldown::Source).unwrap_or(0);
                keyed.insert(at, source);
                let (records, schemes) = records_under(&f.source);
                out.push((
                    keyed,
                    Cell {
                        records,
                        schemes: (None, schemes),
                        cost: Some((None, f.rolled_up)),
                        funding: vec![f],
                        unsplit: false,
                    },
                ));
            }
            continue;
        }
        let published = match scope_only {
            true => totals.schemes.by_scope.iter().find(|s| s.scope == scope).and_then(|s| s.reported_bounds.clone()),
            false => None,
        };
        let cell = Cell {
            records: group.records,
            schemes: (published, group.schemes),
            cost: Some((None, group.cost)),
            funding: funds_of(group, reference),
            unsplit: unsplit && scope_only,
        };
        out.push((members, cell));
    }
    if scope_only {
        // A scope the programme publishes a count for and has no records of is a row too.
        for s in &totals.schemes.by_scope {
            if s.reported_bounds.is_some() && !groups.iter().any(|((_, scope), _)| *scope == s.scope) {
                let cell = Cell {
                    schemes: (s.reported_bounds.clone(), 0),
                    cost: Some((None, Money::ZERO)),
                    unsplit,
                    ..Cell::default()
                };
                out.push((vec![reference_member(&s.scope, reference, position(Drilldown::Scope, &s.scope))], cell));
            }
        }
    }
    out
}

/// What the notes collect while the rows are summed.
#[derive(Default)]
struct Said {
    notes: Vec<Message>,
    unpublished_sources: BTreeMap<String, Vec<String>>,
    /// Programmes of a row by level that publish no count at that level where others do.
    unpublished_counts: Vec<String>,
}

impl Said {
    fn note(&mut self, message: Message) {
        if !self.notes.contains(&message) {
            self.notes.push(message);
        }
    }
}

/// Adds up `cells` (one per programme, each with the programme's reconciled totals).
fn figures(
    cells: &[(&str, &Totals, &Cell)],
    reference: &Reference,
    said: &mut Said,
) -> Result<AggregateFigures, SumError> {
    let programmes: Vec<String> = cells.iter().map(|(id, _, _)| id.to_string()).collect();
    let scheme_records = cells.iter().map(|(_, _, c)| c.records).sum();
    let (schemes, cost) = if cells.iter().all(|(_, _, c)| c.cost.is_none()) {
        let whole: Vec<(&str, &Totals)> = cells.iter().map(|(id, t, _)| (*id, *t)).collect();
        let totalled = across::totals(&whole, reference)?;
        totalled.notes.into_iter().for_each(|n| said.note(n));
        (totalled.schemes, totalled.cost)
    } else {
        let schemes: Vec<(&str, Option<&Bounds<i64>>, i64)> =
            cells.iter().map(|(id, _, c)| (*id, c.schemes.0.as_ref(), c.schemes.1)).collect();
        let (mut schemes, unpublished) = across::sum(&schemes)?;
        if !unpublished.is_empty() && unpublished.len() < cells.len() {
            // Some programmes of the row publish a count at this grain (by level) and these do not.
            for id in unpublished {
                if !said.unpublished_counts.contains(&id) {
                    said.unpublished_counts.push(id);
                }
            }
        }
        let unsplit: Vec<Arg> = across::words_of(
            &cells.iter().filter(|(_, _, c)| c.unsplit).map(|(id, _, _)| id.to_string()).collect::<Vec<_>>(),
        );
        if !unsplit.is_empty() {
            // Some schemes are of no known level: a count by level is compared with none of them.
            (schemes.gap, schemes.gap_bounds) = (None, None);
            said.note(Message::new("across-scope-unsplit").list("programmes", unsplit, false));
        }
        let cost: Vec<(&str, Option<&Bounds<Money>>, Money)> = cells
            .iter()
            .map(|(id, _, c)| {
                let (published, itemised) = c.cost.as_ref().map_or((None, Money::ZERO), |(p, i)| (p.as_ref(), *i));
                (*id, published, itemised)
            })
            .collect();
        (schemes, across::sum(&cost)?.0)
    };
    // Each source any programme of the row has, in reference order.
    let sources: Vec<(&str, Option<&str>)> = reference
        .sources
        .iter()
        .filter(|s| cells.iter().any(|(_, _, c)| c.funding.iter().any(|f| f.source == s.key)))
        .map(|s| (s.key.as_str(), s.parent.as_deref()))
        .collect();
    let mut funding = Vec::with_capacity(sources.len());
    for (source, parent) in sources {
        let mut own = Money::ZERO;
        let mut parts: Vec<(&str, Option<&Bounds<Money>>, Money)> = Vec::with_capacity(cells.len());
        for (id, _, c) in cells {
            let fund = c.funding.iter().find(|f| f.source == source);
            own = own.checked_add(fund.map_or(Money::ZERO, |f| f.own)).ok_or(SumError::Overflow)?;
            parts.push((id, fund.and_then(|f| f.reported.as_ref()), fund.map_or(Money::ZERO, |f| f.rolled_up)));
        }
        let (summed, unpublished) = across::sum(&parts)?;
        if !unpublished.is_empty() && unpublished.len() < parts.len() {
            let list = said.unpublished_sources.entry(source.to_string()).or_default();
            for id in unpublished {
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        funding.push(AggregateFunding {
            source: source.to_string(),
            parent: parent.map(str::to_string),
            own,
            rolled_up: summed.itemised,
            reported: summed.reported,
            reported_bounds: summed.reported_bounds,
            gap: summed.gap,
            gap_bounds: summed.gap_bounds,
        });
    }
    Ok(AggregateFigures { programmes, scheme_records, schemes, cost, funding })
}

/// The rows and total of `inputs` grouped by `by` (the route has checked it: one or two
/// distinct drilldowns, or none for the total alone). Where the programmes mix plans and results,
/// rows are split by kind (a key `kind` is added) and there is no total.
pub fn aggregate(
    inputs: &[Input<'_>],
    by: &[Drilldown],
    as_published: bool,
    reference: &Reference,
    jurisdictions: &Jurisdictions,
) -> Result<Aggregated, SumError> {
    let mut said = Said::default();
    let totals: Vec<Totals> = inputs.iter().map(|i| reconcile(i.programme.id, i.reported, i.sums, reference)).collect();
    let members: Vec<Member<'_>> = inputs
        .iter()
        .map(|i| Member { id: i.programme.id, kind: i.programme.kind, part_of: i.programme.part_of })
        .collect();
    let mixed = across::one_kind(&members).is_err();
    let mut by: Vec<Drilldown> = by.to_vec();
    if mixed {
        said.note(Message::new("across-kinds-mixed"));
        if !by.contains(&Drilldown::Kind) {
            by.insert(0, Drilldown::Kind);
            said.note(Message::new("across-split-by-kind"));
        }
    }
    // Each row's key members (in `by` order), and the cells of its programmes, by sort order.
    type Key = Vec<KeyMember>;
    type Order = Vec<(i64, i64, String)>;
    let mut rows: BTreeMap<Order, (Key, Vec<(usize, Cell)>)> = BTreeMap::new();
    // No drilldown: the total alone, no rows.
    for (at, input) in inputs.iter().enumerate().filter(|_| !by.is_empty()) {
        let outer = programme_members(&input.programme, at, &by, jurisdictions, as_published);
        for (inner, cell) in cells(&totals[at], input.sums, &by, reference) {
            // The members in `by` order: programme drilldowns from `outer`, record ones from `inner`.
            let (mut o, mut i) = (outer.iter(), inner.iter());
            let key: Key = by.iter().filter_map(|d| if d.within() { i.next() } else { o.next() }).cloned().collect();
            let order: Order = key.iter().map(|m| m.order.clone()).collect();
            rows.entry(order).or_insert_with(|| (key, Vec::new())).1.push((at, cell));
        }
    }
    let multi_year: Vec<String> = match by.contains(&Drilldown::Year) {
        true => inputs.iter().filter(|i| year_of(&i.programme).is_none()).map(|i| i.programme.id.to_string()).collect(),
        false => Vec::new(),
    };
    if !multi_year.is_empty() {
        said.note(Message::new("across-year-not-split").list("programmes", across::words_of(&multi_year), false));
    }
    let mut out = Vec::with_capacity(rows.len());
    for (_, (key, cells)) in rows {
        let cells: Vec<(&str, &Totals, &Cell)> =
            cells.iter().map(|(at, cell)| (inputs[*at].programme.id, &totals[*at], cell)).collect();
        let figures = figures(&cells, reference, &mut said)?;
        let keys = by.iter().zip(&key).map(|(d, m)| (d.key(), m.key.clone())).collect();
        let names = by.iter().zip(&key).map(|(d, m)| (d.key(), m.names.clone())).collect();
        let period = match by.iter().zip(&key).any(|(d, m)| *d == Drilldown::Year && m.key.is_none()) {
            true => key.iter().zip(&by).find(|(_, d)| **d == Drilldown::Year).map(|(m, _)| m.order.2.clone()),
            false => None,
        };
        out.push(AggregateRow { keys, names, period, figures });
    }
    let total = match mixed {
        true => None,
        false => {
            let whole: Vec<Cell> =
                (0..inputs.len()).map(|at| cells(&totals[at], inputs[at].sums, &[], reference).remove(0).1).collect();
            let cells: Vec<(&str, &Totals, &Cell)> =
                whole.iter().enumerate().map(|(at, c)| (inputs[at].programme.id, &totals[at], c)).collect();
            Some(figures(&cells, reference, &mut said)?)
        }
    };
    let within: Vec<&str> = by.iter().filter(|d| d.within()).map(|d| d.key()).collect();
    match within.as_slice() {
        [] => {}
        ["scope"] => said.note(Message::new("across-grain-scope")),
        ["source"] => said.note(Message::new("across-grain-source")),
        _ => {
            // The catalog words each pair, keyed in alphabetical order (`activity-scope`).
            let mut keys = within.clone();
            keys.sort_unstable();
            said.note(Message::new("across-grain-none").word("by", keys.join("-")))
        }
    }
    for (source, ids) in std::mem::take(&mut said.unpublished_sources) {
        said.note(Message::new("across-unpublished-source").arg("source", reference.named(&source)).list(
            "programmes",
            across::words_of(&ids),
            false,
        ));
    }
    if !said.unpublished_counts.is_empty() {
        let ids = std::mem::take(&mut said.unpublished_counts);
        said.note(Message::new("across-unpublished-scope").list("programmes", across::words_of(&ids), false));
    }
    if inputs.iter().any(|i| !i.sums.records.is_empty()) && by.contains(&Drilldown::Source) {
        // Cost no funding line covers is in no row by source: said, with how much.
        let unattributed = totals
            .iter()
            .try_fold(Money::ZERO, |sum, t| sum.checked_add(t.cost.unattributed))
            .ok_or(SumError::Overflow)?;
        if !unattributed.is_zero() {
            said.note(Message::new("across-unattributed").amount("amount", unattributed));
        }
    }
    if inputs.is_empty() {
        said.note(Message::new("across-nothing"));
    }
    Ok(Aggregated { by, rows: out, total, notes: said.notes })
}
