//! Where a figure read in a report goes in a programme document, by the words of its clause:
//! the programme's reported figures (`/reported/…`), or not at all, with why (an
//! investment, revenue, a wage, a rate); and the source a report gives as the rest, with no
//! figure. A figure these rules cannot place is left for a person.

use super::figures::{FigureKind, Found};
use super::words::{clause_before, first_source_named, scope_after, source_named};

/// Where a figure goes, or why it goes nowhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A JSON pointer into the document (`/reported/cost`, `/reported/funding/central_budget`).
    At(String),
    /// Not programme money or not a programme count: why, as a catalog key.
    NotProgramme(&'static str),
    /// Found, but these rules do not say where it goes.
    Undecided,
}

/// The words after a figure up to the end of its clause (lower-cased).
fn clause_after(chars: &[char], end: usize) -> String {
    // At most a few hundred characters ahead: a text with no punctuation costs no more.
    let reach = (end + 300).min(chars.len());
    let to =
        chars[end..reach].iter().position(|c| matches!(c, '.' | ';' | ',' | ')' | '\n')).map_or(reach, |i| end + i);
    chars[end..to].iter().collect::<String>().to_lowercase()
}

/// What money is not programme money, by the words before it in its clause.
const NOT_PROGRAMME_MONEY: [(&str, &str); 15] = [
    ("doanh thu", "draft-revenue"),
    ("doanh số", "draft-revenue"),
    ("bán được", "draft-revenue"),
    ("lợi nhuận", "draft-revenue"),
    ("giá trị sản xuất", "draft-production-value"),
    ("thu nhập", "draft-wage"),
    ("lương", "draft-wage"),
    ("giá bán", "draft-price"),
    ("đơn giá", "draft-price"),
    ("giá thành", "draft-price"),
    ("trị giá", "draft-investment"),
    ("vốn điều lệ", "draft-investment"),
    ("vốn đầu tư", "draft-investment"),
    ("mức đầu tư", "draft-investment"),
    ("đầu tư", "draft-investment"),
];

/// Words near "đầu tư" that make it the programme's money ("các cơ sở … đã huy động, đầu tư tham
/// gia Chương trình", "ngân sách tỉnh hỗ trợ đầu tư hạ tầng", "tổng kinh phí đầu tư" of a
/// scheme), not an enterprise's own investment; unless the words say whose it is ("của doanh
/// nghiệp").
const INVESTED_IN_THE_PROGRAMME: [&str; 9] =
    ["chương trình", "đối ứng", "đóng góp", "đề án", "kinh phí", "ngân sách", "hỗ trợ", "khuyến công", "nguồn"];
const AN_ENTERPRISES_OWN: [&str; 4] = ["của doanh nghiệp", "của cơ sở", "của các cơ sở", "của dự án"];

/// Words right before a count that make it a difference ("vượt 3 đề án").
const COMPARISON: [&str; 5] = ["vượt", "tăng", "giảm", "nhiều hơn", "ít hơn"];

/// Words that make a figure a rate in time ("mỗi năm … từ 5 đến 7 đề án").
const PER_TIME: [&str; 5] = ["mỗi năm", "hằng năm", "hàng năm", "mỗi tháng", "bình quân"];
/// Words that say a figure near them is the programme's money.
const PROGRAMME_MONEY: [&str; 5] = ["kinh phí", "ngân sách", "đối ứng", "đóng góp", "nguồn"];

/// Places the figures of `text` (as `figures::money` and `figures::counts` read them, in text
/// order) at the programme's reported figures: its first total cost, each source's first
/// figure, its first count of schemes and the first count of each scope. Later figures of the
/// same kind are the records' (undecided here).
pub fn place(text: &str, found: &[Found]) -> Vec<Placement> {
    let chars: Vec<char> = text.chars().collect();
    let mut placed = place_each(&chars, found);
    // "tổng vốn đầu tư của dự án 15 tỷ đồng, trong đó kinh phí khuyến công hỗ trợ 500 triệu":
    // a part of money that is not the programme's is not the programme's either.
    for i in 1..found.len() {
        let near = clause_before(&chars, found[i].start);
        let near = near.rsplit(',').next().unwrap_or(&near).trim_start().to_string();
        if let (Placement::NotProgramme(why), true) = (&placed[i - 1], near.starts_with("trong đó")) {
            let same_clause = !chars[found[i - 1].end..found[i].start].iter().any(|c| matches!(c, '.' | ';' | '\n'));
            if same_clause && found[i].kind == FigureKind::Money {
                placed[i] = Placement::NotProgramme(why);
            }
        }
    }
    placed
}

/// Each figure's place by its own words (see [`place`]).
fn place_each(chars: &[char], found: &[Found]) -> Vec<Placement> {
    let mut taken: Vec<String> = Vec::new();
    found
        .iter()
        .map(|f| {
            let before = clause_before(chars, f.start);
            let after = clause_after(chars, f.end);
            // The words since the last comma: what this figure is, not the one before it
            // ("mỗi đề án … tối đa 500 triệu đồng, kinh phí dự kiến 5.640 triệu đồng").
            let near = before.rsplit(',').next().unwrap_or(&before);
            // Per scheme, per fair, per year: a rate, not a total.
            let per = near.contains("mỗi ") || PER_TIME.iter().any(|w| near.contains(w));
            match f.kind {
                FigureKind::Money => {
                    if f.rate || after.trim_start().starts_with("mỗi") || per {
                        return Placement::NotProgramme("draft-rate");
                    }
                    // Words of money that is not the programme's, said of this figure; or of the
                    // clause, when nothing near the figure says it is programme money.
                    let says_programme = PROGRAMME_MONEY.iter().any(|w| near.contains(w));
                    let not_programme = |w: &str| {
                        let said = near.contains(w) || !says_programme && before.contains(w);
                        let programmes = INVESTED_IN_THE_PROGRAMME.iter().any(|p| near.contains(p))
                            && !AN_ENTERPRISES_OWN.iter().any(|p| near.contains(p));
                        said && (w != "đầu tư" || !programmes)
                    };
                    if let Some((_, why)) = NOT_PROGRAMME_MONEY.iter().find(|(w, _)| not_programme(w)) {
                        return Placement::NotProgramme(why);
                    }
                    // The nearest source named before the figure in its clause.
                    let source = source_named(&before);
                    // The nearer of "tổng kinh phí" and a source's words says what it is.
                    let total = before.rfind("tổng kinh phí");
                    // "phần còn lại 1.200 triệu đồng do các doanh nghiệp đối ứng": the source after.
                    let rest = near.contains("còn lại").then(|| first_source_named(&after)).flatten();
                    match (source, total, rest) {
                        (_, _, Some(key)) => take(&mut taken, format!("/reported/funding/{key}")),
                        (Some((at, _)), Some(cost), _) if cost > at => take(&mut taken, "/reported/cost".into()),
                        (Some((_, key)), _, _) => take(&mut taken, format!("/reported/funding/{key}")),
                        (None, Some(_), _) => take(&mut taken, "/reported/cost".into()),
                        // "… với kinh phí 4 tỷ đồng": a group's, or the programme's when it
                        // publishes no total (the draft decides, once the groups are known).
                        (None, None, _) => Placement::Undecided,
                    }
                }
                FigureKind::Count => {
                    if per {
                        return Placement::NotProgramme("draft-rate");
                    }
                    // "vượt 3 đề án so với kế hoạch", "tăng 3 đề án": a difference, not a count.
                    if COMPARISON.iter().any(|w| near.trim_end().ends_with(w))
                        || after.trim_start().starts_with("so với")
                    {
                        return Placement::NotProgramme("draft-comparison");
                    }
                    let noun = f.unit_as_written.as_str();
                    if noun != "đề án" {
                        return match noun {
                            "lao động" | "học viên" | "người" => Placement::NotProgramme("draft-workers"),
                            _ => Placement::Undecided,
                        };
                    }
                    // "05 đề án đào tạo nghề": a group of the records, not the programme's count.
                    if super::words::activity_of(&after.chars().take(80).collect::<String>()).is_some() {
                        return Placement::Undecided;
                    }
                    if let Some((scope, _)) = scope_after(&after) {
                        take(&mut taken, format!("/reported/schemes_by_scope/{scope}"))
                    } else if taken.iter().any(|p| p.starts_with("/reported/schemes")) {
                        Placement::Undecided
                    } else {
                        take(&mut taken, "/reported/schemes".into())
                    }
                }
            }
        })
        .collect()
}

/// A source published as the rest, with no figure ("phần còn lại do các cơ sở đối ứng", "còn
/// lại là vốn đóng góp"): where it goes (`/reported/funding/<source>`) and its words' span.
pub fn remainders(text: &str) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = text.to_lowercase().chars().collect();
    let needle: Vec<char> = "còn lại".chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= lower.len() {
        if lower[i..i + needle.len()] != needle[..] {
            i += 1;
            continue;
        }
        let phan: Vec<char> = "phần ".chars().collect();
        let start = if i >= phan.len() && lower[i - phan.len()..i] == phan[..] { i - phan.len() } else { i };
        // To the clause's end: a full stop that is not inside a number ("1.200"), ';' or a line.
        let end = (i..chars.len())
            .find(|&k| {
                matches!(chars[k], ';' | '\n') || chars[k] == '.' && !chars.get(k + 1).is_some_and(char::is_ascii_digit)
            })
            .unwrap_or(chars.len());
        let clause: String = lower[i..end].iter().collect();
        if let Some(key) = first_source_named(&clause) {
            out.push((format!("/reported/funding/{key}"), start, end));
        }
        i = end.max(i + 1);
    }
    out
}

/// The first figure placed at `pointer` takes it; a later one is undecided (a record's, or a
/// reading for a person).
fn take(taken: &mut Vec<String>, pointer: String) -> Placement {
    if taken.contains(&pointer) {
        Placement::Undecided
    } else {
        taken.push(pointer.clone());
        Placement::At(pointer)
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures::{counts, money};
    use super::*;

    /// Found figures in text order, each with its placement.
    fn placed(text: &str) -> Vec<(String, Placement)> {
        let mut found = money(text);
        found.extend(counts(text));
        found.sort_by_key(|f| f.start);
        let chars: Vec<char> = text.chars().collect();
        let places = place(text, &found);
        found.iter().map(|f| chars[f.start..f.end].iter().collect()).zip(places).collect()
    }

    #[test]
    fn reported_figures_go_where_their_words_say_and_other_money_nowhere() {
        let text = "Năm 2022 đã thực hiện 21 đề án khuyến công, gồm 17 đề án khuyến công địa phương và 04 đề án \
                    khuyến công quốc gia, với tổng kinh phí 5,8 tỷ đồng. Ngân sách trung ương hỗ trợ 2.035,6 triệu \
                    đồng; ngân sách tỉnh hỗ trợ 3,8 tỷ đồng; các cơ sở đối ứng 1.200 triệu đồng. Đào tạo 80 lao động. \
                    Doanh thu đạt 120 tỷ đồng; thu nhập 6,5 triệu đồng/tháng; mỗi đề án hỗ trợ không quá 300 triệu đồng.";
        let at = |p: &str| Placement::At(p.to_string());
        assert_eq!(
            placed(text).into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            vec![
                at("/reported/schemes"),
                at("/reported/schemes_by_scope/local"),
                at("/reported/schemes_by_scope/national"),
                at("/reported/cost"),
                at("/reported/funding/central_budget"),
                at("/reported/funding/local_budget"),
                at("/reported/funding/contributions"),
                Placement::NotProgramme("draft-workers"),
                Placement::NotProgramme("draft-revenue"),
                Placement::NotProgramme("draft-rate"),
                Placement::NotProgramme("draft-rate"),
            ]
        );
    }

    #[test]
    fn what_is_per_scheme_or_per_year_is_a_rate_and_the_figure_after_it_is_not() {
        let text = "Mỗi năm thực hiện từ 5 đến 7 đề án, tổng cộng 29 đề án đào tạo nghề. Mỗi đề án được hỗ trợ \
                    tối đa 500 triệu đồng, kinh phí dự kiến 5.640 triệu đồng. Mỗi hội chợ có 10 - 15 cơ sở tham gia, \
                    kinh phí 186 triệu đồng. Doanh thu của các cơ sở, theo báo cáo, đạt 120 tỷ đồng.";
        let rate = Placement::NotProgramme("draft-rate");
        assert_eq!(
            placed(text).into_iter().map(|(_, p)| p).collect::<Vec<_>>(),
            vec![
                rate.clone(),
                Placement::Undecided,
                rate.clone(),
                // A "kinh phí" with no source: a group's, or the programme's when it publishes
                // no total (the draft decides; its tests show both).
                Placement::Undecided,
                rate,
                Placement::Undecided,
                Placement::NotProgramme("draft-revenue"),
            ]
        );
    }

    #[test]
    fn the_rest_with_no_figure_names_its_source() {
        let text =
            "ngân sách tỉnh hỗ trợ 1.800 triệu đồng, phần còn lại do các cơ sở đối ứng. Còn lại là vốn đóng góp.";
        let found = remainders(text);
        let chars: Vec<char> = text.chars().collect();
        let said: Vec<(String, String)> =
            found.iter().map(|(p, s, e)| (p.clone(), chars[*s..*e].iter().collect())).collect();
        assert_eq!(
            said,
            vec![
                ("/reported/funding/contributions".to_string(), "phần còn lại do các cơ sở đối ứng".to_string()),
                ("/reported/funding/contributions".to_string(), "Còn lại là vốn đóng góp".to_string()),
            ]
        );
    }

    /// The reported figures of the made-up reports: those the expected files place under
    /// `/reported/` (scopes by key), found and placed there; and of the figures placed under
    /// `/reported/`, how many are right. Prints both.
    #[test]
    fn the_made_up_reports_reported_figures_are_placed() {
        let (mut expected, mut right, mut placed_reported, mut wrong) = (0, 0, 0, Vec::new());
        for (stem, text, doc) in super::super::figures::made_up_reports() {
            let mut found = money(&text);
            found.extend(counts(&text));
            found.sort_by_key(|f| f.start);
            let places = place(&text, &found);
            // The expected pointers, scopes by key (the files number them in text order).
            let figures: Vec<(String, usize, usize)> = doc["figures"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|f| {
                    let pointer = f["pointer"].as_str()?;
                    let pointer = match pointer.strip_prefix("/reported/schemes_by_scope/") {
                        Some(_) => {
                            let quote = f["quote"].as_str()?;
                            let scope = if quote.contains("quốc gia") { "national" } else { "local" };
                            format!("/reported/schemes_by_scope/{scope}")
                        }
                        None => pointer.to_string(),
                    };
                    let quote = f["quote"].as_str()?;
                    let byte = text.find(quote)?;
                    let start = text[..byte].chars().count();
                    Some((pointer, start, start + quote.chars().count()))
                })
                .filter(|(p, _, _)| p.starts_with("/reported/"))
                .collect();
            let rests = remainders(&text);
            for (pointer, start, end) in &figures {
                expected += 1;
                let hit = found
                    .iter()
                    .zip(&places)
                    .any(|(f, p)| f.start >= *start && f.end <= *end && *p == Placement::At(pointer.clone()))
                    || rests.iter().any(|(p, s, e)| p == pointer && s >= start && e <= end);
                if hit {
                    right += 1;
                } else {
                    wrong.push(format!("{stem}: {pointer} not placed"));
                }
            }
            for (f, p) in found.iter().zip(&places) {
                if let Placement::At(pointer) = p {
                    placed_reported += 1;
                    let good = figures.iter().any(|(e, s, t)| e == pointer && f.start >= *s && f.end <= *t);
                    if !good {
                        wrong.push(format!("{stem}: placed at {pointer} wrongly"));
                    }
                }
            }
        }
        let precision_right = placed_reported - wrong.iter().filter(|w| w.contains("wrongly")).count();
        println!(
            "reported figures placed: recall {right} of {expected}, precision {precision_right} of {placed_reported}; {wrong:#?}"
        );
        assert!(right * 10 >= expected * 9, "recall under 0.9: {wrong:#?}");
        assert!(precision_right * 100 >= placed_reported * 95, "precision under 0.95: {wrong:#?}");
    }
}
