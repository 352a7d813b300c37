//! The scheme records a report lists: a group starts at a count of schemes the programme's
//! totals did not take ("03 đề án hỗ trợ đào tạo nghề…", "06 hội chợ", or a clause of its own
//! activity with its own cost), and holds the figures after it to the next group or the end of
//! its paragraph: its cost, its funding lines, its indicators. Its activity comes from the keyword
//! lists of `words`; "Ngoài ra" before it is flagged for a person.

use rust_decimal::Decimal;

use super::figures::{FigureKind, Found};
use super::place::Placement;
use super::words::{activity_of, clause_before, ends_sentence, scope_after, source_named};

/// What a group of schemes is counted in: schemes, and what reports count as one scheme each.
const SCHEME_NOUNS: [&str; 9] =
    ["đề án", "lớp", "hội chợ", "mô hình", "cuộc", "chương trình", "hội nghị", "hội thảo", "khóa"];
/// Establishments: a group when the sentence gives them a cost ("hỗ trợ 07 cơ sở …, kinh phí").
const ESTABLISHMENT_NOUNS: [&str; 2] = ["cơ sở", "doanh nghiệp"];

/// The indicators a record's counts are, by their noun (and the rate after it): key, names
/// (vi, en), unit, additive.
pub const INDICATORS: [(&str, &str, &str, &str, &str, bool); 5] = [
    (
        "lao động",
        "workers_trained",
        "Lao động được đào tạo, nâng cao tay nghề",
        "Workers trained or upskilled",
        "person",
        true,
    ),
    ("học viên", "trainees", "Học viên", "Trainees", "person", true),
    ("lượt người", "participant_attendances", "Người tham gia", "Participant attendances", "person-time", true),
    (
        "cuốn",
        "bulletin_copies_per_issue",
        "Số cuốn Bản tin Công Thương mỗi kỳ",
        "Industry and Trade Bulletin copies per issue",
        "copies/issue",
        false,
    ),
    (
        "kỳ",
        "bulletin_issues_per_year",
        "Số kỳ Bản tin Công Thương mỗi năm",
        "Industry and Trade Bulletin issues per year",
        "issues/year",
        false,
    ),
];

/// The indicator a count is, by its noun; the bulletin's counts only as the rates they are
/// ("450 cuốn/kỳ", "4 kỳ/năm"), not "20 kỳ bản tin" in all.
fn indicator_of(f: &Found) -> Option<usize> {
    let noun = f.unit_as_written.as_str();
    INDICATORS
        .iter()
        .position(|(word, ..)| noun == *word || noun.starts_with(&format!("{word} ")))
        .filter(|&k| INDICATORS[k].5 || f.rate)
}

/// A group of schemes as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Its span in the text (from its sentence's start), in Unicode scalars.
    pub start: usize,
    pub end: usize,
    pub scheme_count: Option<i64>,
    /// `unspecified` when its words name none.
    pub activity: Option<&'static str>,
    /// The words after its count that say what it did ("hỗ trợ đào tạo nghề may…").
    pub title: Option<String>,
    pub scope: &'static str,
    pub cost: Option<Decimal>,
    /// (source, amount).
    pub funding: Vec<(&'static str, Decimal)>,
    /// (index into `INDICATORS`, value).
    pub indicators: Vec<(usize, i64)>,
    /// Introduced by "Ngoài ra" (in addition): within the programme's totals or outside them is
    /// for a person to say.
    pub in_addition: bool,
}

/// Where a record's figure went: a field of group `g`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordField {
    Count,
    Cost,
    Funding(usize),
    Indicator(usize),
}

/// A figure's decision by the groups' pass: a field of a group, or not placed, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InGroup {
    At(usize, RecordField),
    Unplaced(&'static str),
}

/// Whether a figure is exact enough for a record, which holds exact figures only.
fn exact(f: &Found) -> bool {
    f.qualifier.is_exact() && !f.estimate && f.value.is_some() && f.of.is_none()
}

/// The groups of `text` and, for each figure inside one, what it is there (None: a figure the
/// groups leave as `place` decided). `found` is in text order, `placed` its reported places.
pub fn groups(text: &str, found: &[Found], placed: &[Placement]) -> (Vec<Group>, Vec<Option<InGroup>>) {
    let chars: Vec<char> = text.chars().collect();
    // How far back or ahead a sentence is looked for: a text with no full stop costs no more.
    const REACH: usize = 600;
    // A group's sentence also ends at ';' ("…; 04 đề án …").
    let sentence_start = |at: usize| {
        let from = at.saturating_sub(REACH);
        (from..at).rev().find(|&k| ends_sentence(&chars, k) || chars[k] == ';').map_or(from, |k| k + 1)
    };
    let sentence_end = |at: usize| {
        let to = (at + REACH).min(chars.len());
        (at..to).find(|&k| ends_sentence(&chars, k)).unwrap_or(to)
    };
    let newlines: Vec<usize> = chars.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(i, _)| i).collect();
    let line_end = |at: usize| newlines.get(newlines.partition_point(|&n| n < at)).copied().unwrap_or(chars.len());
    let text_of = |a: usize, b: usize| if a < b { chars[a..b].iter().collect::<String>() } else { String::new() };
    // The figures that start in [from, to), by their place in `found` (which is in text order).
    let within =
        |from: usize, to: usize| found.partition_point(|m| m.start < from)..found.partition_point(|m| m.start < to);
    let has_cost_after =
        |f: &Found| found[within(f.end, sentence_end(f.end))].iter().any(|m| m.kind == FigureKind::Money && !m.rate);

    // Where each group starts, in text order: a count of schemes the totals did not take (or an
    // establishments' count with a cost in its sentence), from its sentence's start or from the
    // end of the figure before it in its sentence ("…, kinh phí 1.875 triệu đồng, và hỗ trợ 09
    // đề án"); or money in a clause of its own activity, with no count in its sentence, that is
    // not the last group's activity ("…; tổ chức bình chọn sản phẩm … với kinh phí 250 triệu").
    let mut starts: Vec<(usize, Option<usize>)> = Vec::new(); // (text position, index of its count)
    for (i, f) in found.iter().enumerate() {
        if !matches!(placed[i], Placement::Undecided) {
            continue;
        }
        let sentence = sentence_start(f.start);
        let after_previous = found[..i].last().map(|p| p.end).filter(|&e| e > sentence).unwrap_or(sentence);
        let last = starts.last().copied();
        let from = after_previous.max(last.map_or(0, |s| s.0)).min(f.start);
        match f.kind {
            FigureKind::Count => {
                let noun = f.unit_as_written.as_str();
                let is = |nouns: &[&str]| nouns.iter().any(|n| noun == *n || noun.starts_with(&format!("{n} ")));
                if is(&SCHEME_NOUNS) || is(&ESTABLISHMENT_NOUNS) && has_cost_after(f) {
                    starts.push((from, Some(i)));
                }
            }
            FigureKind::Money => {
                let counted = |s: &(usize, Option<usize>)| s.1.is_some_and(|c| found[c].start >= sentence);
                if f.rate || last.as_ref().is_some_and(counted) {
                    continue;
                }
                // No group counted in this sentence: its own words, from the sentence's start.
                let from = sentence.max(last.map_or(0, |s| s.0)).min(f.start);
                let own = activity_of(&text_of(from, f.start));
                let theirs = last.and_then(|(start, count)| {
                    let to = count.map_or(f.start, |c| (found[c].end + 60).min(f.start));
                    (line_end(start) >= f.start).then(|| activity_of(&text_of(start, to))).flatten()
                });
                if own.is_some() && own != theirs {
                    starts.push((from, None));
                }
            }
        }
    }

    let mut groups = Vec::new();
    let mut decided: Vec<Option<InGroup>> = vec![None; found.len()];
    for (g, &(start, count)) in starts.iter().enumerate() {
        let next = starts.get(g + 1).map_or(chars.len(), |s| s.0);
        // To the end of the sentence of its count (or of its first money): a later sentence
        // ("Tính chung, cả năm đã thực hiện 8 đề án, tổng kinh phí …") is not the group's.
        let anchor = count.map_or(start, |c| found[c].end);
        let anchor = found[within(anchor, sentence_end(anchor).max(anchor + 1))]
            .iter()
            .find(|m| m.kind == FigureKind::Money)
            .map_or(anchor, |m| m.end);
        let end = line_end(start).min(next).min(sentence_end(anchor) + 1).min(chars.len());
        // The span ends before the delimiter that separates it from the next group.
        let mut end_trimmed = end;
        while end_trimmed > start
            && (chars[end_trimmed - 1].is_whitespace() || matches!(chars[end_trimmed - 1], ';' | ','))
        {
            end_trimmed -= 1;
        }
        let head_start = start
            + chars[start..end]
                .iter()
                .position(|c| !c.is_whitespace() && !matches!(c, '•' | '-' | '*' | '–' | ',' | '.' | ';'))
                .unwrap_or(0);
        // Not the word that joins it to the group before ("và hỗ trợ 09 đề án").
        let head_start = ["và ", "cùng "]
            .iter()
            .find(|joint| text_of(head_start, (head_start + joint.chars().count()).min(end)) == **joint)
            .map_or(head_start, |joint| head_start + joint.chars().count());
        // "Ngoài ra, …" at the start of its sentence, before or at the group's start.
        let opening = sentence_start(head_start);
        let in_addition = text_of(opening, end_trimmed).trim_start().to_lowercase().starts_with("ngoài ra");
        // What the group did: the words from its start to its first money.
        let first_money = found[within(start, end)].iter().find(|m| m.kind == FigureKind::Money).map(|m| m.start);
        let described = text_of(head_start, first_money.unwrap_or(end_trimmed));
        let title = count.map(|c| {
            let from = found[c].end;
            let to = first_money.unwrap_or(end_trimmed).max(from);
            let mut title = text_of(from, to).trim().to_string();
            // Not the words that introduce its cost ("… với tổng kinh phí").
            loop {
                let before = title.len();
                title = title.trim_end_matches([',', ';', '.', ':', ' ']).to_string();
                for tail in [" với", " có", " tổng", " kinh phí", " chi phí", " là", " thực hiện"] {
                    if let Some(rest) = title.strip_suffix(tail) {
                        title = rest.to_string();
                    }
                }
                if title.len() == before {
                    break title;
                }
            }
        });
        let scope = title
            .as_deref()
            .and_then(|t| scope_after(&t.to_lowercase()))
            .map_or(crate::domain::reference::UNKNOWN_SCOPE, |(scope, _)| scope);
        let mut group = Group {
            start: head_start,
            end: end_trimmed,
            scheme_count: None,
            activity: Some(activity_of(&described).unwrap_or(crate::domain::reference::UNSPECIFIED_ACTIVITY)),
            title: title.filter(|t| !t.is_empty()),
            scope,
            cost: None,
            funding: Vec::new(),
            indicators: Vec::new(),
            in_addition,
        };
        for i in within(start, end) {
            let f = &found[i];
            if f.end > end {
                continue;
            }
            if Some(i) == count {
                decided[i] = Some(if exact(f) {
                    group.scheme_count = f.value.and_then(super::whole);
                    InGroup::At(g, RecordField::Count)
                } else {
                    InGroup::Unplaced("draft-qualified-record-count")
                });
                continue;
            }
            match (f.kind, &placed[i]) {
                (FigureKind::Count, Placement::Undecided | Placement::NotProgramme("draft-workers")) => {
                    if let Some(k) = indicator_of(f) {
                        decided[i] = Some(if exact(f) {
                            let value = f.value.and_then(super::whole).unwrap_or(0);
                            group.indicators.push((k, value));
                            InGroup::At(g, RecordField::Indicator(group.indicators.len() - 1))
                        } else {
                            InGroup::Unplaced("draft-qualified-indicator")
                        });
                    }
                }
                (FigureKind::Money, Placement::Undecided | Placement::At(_)) => {
                    // What the words since the last comma say it is: the group's cost only
                    // where they say "kinh phí" (after any source's words), a funding line where
                    // they name a source; else nothing this draft can decide.
                    let before = clause_before(&chars, f.start);
                    let near = before.rsplit(',').next().unwrap_or(&before);
                    let near_source = source_named(near);
                    let cost_word = ["kinh phí", "chi phí", "số tiền"].iter().filter_map(|w| near.rfind(w)).max();
                    let is_cost = match (near_source, cost_word) {
                        (Some((at, _)), Some(cost)) => cost > at,
                        (None, Some(_)) => true,
                        // "06 đề án …, hỗ trợ 1,8 tỷ đồng": the support, with no source named.
                        (None, None) => near.contains("hỗ trợ"),
                        (Some(_), None) => false,
                    };
                    let source = near_source.or_else(|| source_named(&before));
                    if !exact(f) {
                        decided[i] = Some(InGroup::Unplaced(match (is_cost, source) {
                            (true, _) => "draft-qualified-record-cost",
                            (false, Some(_)) => "draft-qualified-record-funding",
                            (false, None) => "draft-undecided",
                        }));
                        continue;
                    }
                    let amount = f.value.unwrap_or_default();
                    if is_cost && group.cost.is_none() {
                        group.cost = Some(amount);
                        decided[i] = Some(InGroup::At(g, RecordField::Cost));
                        // "… 474,44 triệu đồng từ nguồn kinh phí khuyến công thành phố": the
                        // whole cost from one source.
                        let after: String = chars[f.end..sentence_end(f.end)].iter().collect::<String>().to_lowercase();
                        if after.trim_start().starts_with("từ nguồn")
                            && let Some((_, key)) = source_named(&after)
                        {
                            group.funding.push((key, amount));
                        }
                    } else if let Some((_, key)) = source.filter(|_| !is_cost) {
                        group.funding.push((key, amount));
                        decided[i] = Some(InGroup::At(g, RecordField::Funding(group.funding.len() - 1)));
                    } else {
                        decided[i] = Some(InGroup::Unplaced("draft-undecided"));
                    }
                }
                _ => {}
            }
        }
        groups.push(group);
    }
    (groups, decided)
}
