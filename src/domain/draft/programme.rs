//! What a report says of the programme itself: its period or year, whether it is a plan or a
//! result, its legal basis, the agency that carries it out, its jurisdiction (resolved to the
//! reference units), and the report's own title and date. Each is read from the words that say
//! it, or left unknown.

use crate::domain::document::{Kind, LegalBasis, Period};
use crate::domain::jurisdiction::{Jurisdictions, Resolution};

/// The programme as the report describes it; None where it does not say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Described {
    pub period: Option<Period>,
    pub kind: Option<Kind>,
    pub legal_basis: Option<LegalBasis>,
    pub implementing_agency: Option<String>,
    /// The unit's name as the reference writes it, its id and code.
    pub jurisdiction: Option<(String, String, Option<String>)>,
    /// The report's first line (its headline) and a date line above it (ISO 8601).
    pub title: Option<String>,
    pub date: Option<String>,
}

/// A four-digit year in range.
fn year(word: &str) -> Option<i64> {
    (word.len() == 4).then(|| word.parse::<i64>().ok()).flatten().filter(|y| (1900..=2200).contains(y))
}

/// The first "giai đoạn YYYY-YYYY" whose years read, else the first "năm YYYY".
fn period(text: &str) -> Option<Period> {
    let lower = text.to_lowercase();
    for (at, _) in lower.match_indices("giai đoạn") {
        let rest = lower[at + "giai đoạn".len()..].trim_start();
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        let after = rest[digits.len()..].trim_start();
        let Some(after) = after.strip_prefix(['-', '–', '—']) else { continue };
        let end: String = after.trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
        if let (Some(start_year), Some(end_year)) = (year(&digits), year(&end))
            && start_year <= end_year
        {
            return Some(Period { start_year, end_year });
        }
    }
    lower.match_indices("năm ").find_map(|(at, m)| {
        let digits: String = lower[at + m.len()..].chars().take_while(|c| c.is_ascii_digit()).collect();
        year(&digits).map(|y| Period { start_year: y, end_year: y })
    })
}

/// The words that make a report a plan, and those that make it a result.
const PLAN_WORDS: [&str; 5] = ["kế hoạch", "dự kiến", "phê duyệt", "sẽ thực hiện", "giao chỉ tiêu"];
const RESULT_WORDS: [&str; 6] = ["đã thực hiện", "kết quả", "đã triển khai", "tổng kết", "đã hỗ trợ", "đạt được"];

/// Plan or result, from the headline and the first paragraph (a report's later paragraphs
/// often name the next plan): the kind whose words come first; None when neither's do.
fn kind(text: &str) -> Option<Kind> {
    let head: String = text.lines().filter(|l| !l.trim().is_empty()).take(3).collect::<Vec<_>>().join("\n");
    let head = head.to_lowercase();
    // "vượt kế hoạch", "hoàn thành kế hoạch": a result measured against its plan.
    if ["vượt kế hoạch", "hoàn thành kế hoạch", "đạt kế hoạch", "so với kế hoạch"].iter().any(|w| head.contains(w))
    {
        return Some(Kind::Result);
    }
    let first = |words: &[&str]| words.iter().filter_map(|w| head.find(w)).min();
    match (first(&PLAN_WORDS), first(&RESULT_WORDS)) {
        (Some(p), Some(r)) => Some(if p < r { Kind::Plan } else { Kind::Result }),
        (Some(_), None) => Some(Kind::Plan),
        (None, Some(_)) => Some(Kind::Result),
        (None, None) => None,
    }
}

/// "Quyết định số 459/QĐ-UBND ngày 21/3/2016 về …": its number, date, issuer ("của UBND thành
/// phố" before it), its title (to the end of its clause) and the quote (from its sentence's
/// start).
fn legal_basis(text: &str) -> Option<LegalBasis> {
    // The first act named: a decision, a plan or a resolution, as a sentence or a name begins it.
    let (at, act) =
        ["Quyết định số ", "quyết định số ", "Kế hoạch số ", "kế hoạch số ", "Nghị quyết số ", "nghị quyết số "]
            .iter()
            .filter_map(|act| text.find(act).map(|at| (at, *act)))
            .min_by_key(|(at, _)| *at)?;
    let after = &text[at + act.len()..];
    let number: String = after.chars().take_while(|c| !c.is_whitespace() && *c != ',').collect();
    let number = number.trim_end_matches(['.', ';']).to_string();
    let rest = after[number.len()..].trim_start();
    let date = rest.strip_prefix("ngày ").and_then(|d| {
        let d: String = d.chars().take_while(|c| c.is_ascii_digit() || *c == '/').collect();
        let parts: Vec<u32> = d.split('/').filter_map(|p| p.parse().ok()).collect();
        match parts.as_slice() {
            [day, month, y] if (1..=31).contains(day) && (1..=12).contains(month) && (1900..=2200).contains(y) => {
                Some(format!("{y:04}-{month:02}-{day:02}"))
            }
            _ => None,
        }
    });
    // The title ends at the clause's end: a comma, a full stop or a semicolon not inside a
    // number or a date.
    let chars: Vec<char> = text[at..].chars().collect();
    let end = (0..chars.len())
        .find(|&i| {
            matches!(chars[i], ',' | ';' | '\n')
                || chars[i] == '.' && !chars.get(i + 1).is_some_and(char::is_ascii_digit)
        })
        .unwrap_or(chars.len());
    let title: String = chars[..end].iter().collect::<String>().trim_end().to_string();
    let sentence_start = text[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let before = &text[sentence_start..at];
    let quote = format!("{}{}", before.trim_start(), title);
    let issuer = before.find("của ").and_then(|i| {
        let who = before[i..].trim_start_matches("của ").trim_start_matches("của ");
        let who = who.split(" theo").next().unwrap_or(who).trim();
        (!who.is_empty() && who.split_whitespace().count() <= 6).then(|| who.to_string())
    });
    Some(LegalBasis {
        title,
        number: (!number.is_empty()).then_some(number),
        date,
        issuer,
        quote: Some(quote.trim().to_string()).filter(|q| text.contains(q.as_str())),
    })
}

/// The words that end an agency's name ("… tỉnh Quảng Bình đã triển khai"): single words, and
/// pairs that start a verb ("triển khai", not "phát triển").
const AFTER_A_NAME: [&str; 18] = [
    "đã", "vừa", "còn", "sẽ", "đang", "với", "cho", "năm", "cũng", "dự", "ban", "giao", "là", "được", "phối", "chủ",
    "hướng", "tại",
];
const VERBS_AFTER_A_NAME: [&str; 6] = ["triển khai", "thực hiện", "tổ chức", "hỗ trợ", "trình bày", "tham mưu"];

/// The agency that carries the programme out: the longest name starting "Trung tâm Khuyến
/// công" or "Sở Công Thương", to the first word that is not part of a name.
fn implementing_agency(text: &str) -> Option<String> {
    let mut best: Option<String> = None;
    for start in ["Trung tâm Khuyến công", "Sở Công Thương", "Trung tâm khuyến công"] {
        for (at, _) in text.match_indices(start) {
            let mut words = Vec::new();
            let all: Vec<&str> = text[at..].split(' ').take(16).collect();
            for (k, word) in all.iter().enumerate() {
                let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
                let lower = bare.to_lowercase();
                let pair = all.get(k + 1).map(|next| format!("{lower} {}", next.to_lowercase()));
                if words.len() >= start.split(' ').count()
                    && (AFTER_A_NAME.contains(&lower.as_str())
                        || pair.is_some_and(|p| VERBS_AFTER_A_NAME.iter().any(|v| p.starts_with(v))))
                {
                    break;
                }
                if bare.is_empty() || bare.contains('\n') {
                    break;
                }
                words.push(bare);
                if bare.len() != word.len() {
                    break;
                }
            }
            let name = words.join(" ");
            if best.as_ref().is_none_or(|b| name.chars().count() > b.chars().count()) {
                best = Some(name);
            }
        }
    }
    best
}

/// A date line ("06/11/2020") above the headline, and the headline (the first other line).
fn title_and_date(text: &str) -> (Option<String>, Option<String>) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next();
    // A short line holding a day/month/year ("06/11/2020", "Thứ Hai, 15/5/2023 - 10:20").
    let as_date = |l: &str| {
        if l.chars().count() > 40 {
            return None;
        }
        l.split([' ', ',']).find_map(|word| {
            let parts: Vec<u32> = word.split('/').filter_map(|p| p.parse().ok()).collect();
            match parts.as_slice() {
                [d, m, y]
                    if word.split('/').count() == 3 && (1..=31).contains(d) && (1..=12).contains(m) && *y >= 1900 =>
                {
                    Some(format!("{y:04}-{m:02}-{d:02}"))
                }
                _ => None,
            }
        })
    };
    match first {
        Some(line) if as_date(line).is_some() => (lines.next().map(str::to_string), as_date(line)),
        Some(line) if line.chars().count() <= 200 => (Some(line.to_string()), None),
        _ => (None, None),
    }
}

/// Everything the report says of its programme.
pub fn describe(text: &str, jurisdictions: &Jurisdictions) -> Described {
    let (title, date) = title_and_date(text);
    // The headline's year or period first ("… khuyến công năm 2023" over the body's "giai đoạn
    // 2021-2025" of the programme it belongs to).
    let period = title.as_deref().and_then(period).or_else(|| period(text));
    let jurisdiction = jurisdictions.named_in(text).first().map(|(_, unit)| {
        let years = period.as_ref().map_or((1900, 2200), |p| (p.start_year, p.end_year));
        match jurisdictions.resolve(&unit.names.vi, years) {
            Resolution::Unit { unit, .. } => (unit.names.vi.clone(), unit.id.clone(), unit.code.clone()),
            _ => (unit.names.vi.clone(), unit.id.clone(), unit.code.clone()),
        }
    });
    Described {
        period,
        kind: kind(text),
        legal_basis: legal_basis(text),
        implementing_agency: implementing_agency(text),
        jurisdiction,
        title,
        date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_articles_programme_is_described_as_the_seed_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(root.join("seeds/source/hai-phong-khuyen-cong-2016-2020.txt")).unwrap();
        let d = describe(&text, &Jurisdictions::built_in());
        assert_eq!(d.period, Some(Period { start_year: 2016, end_year: 2020 }), "the misprinted 20216 is passed over");
        assert_eq!(d.kind, Some(Kind::Result));
        let basis = d.legal_basis.unwrap();
        assert_eq!(basis.number.as_deref(), Some("459/QĐ-UBND"));
        assert_eq!(basis.date.as_deref(), Some("2016-03-21"));
        assert_eq!(basis.issuer.as_deref(), Some("UBND thành phố"));
        assert_eq!(
            basis.title,
            "Quyết định số 459/QĐ-UBND ngày 21/3/2016 về Chương trình Khuyến công thành phố Hải Phòng giai đoạn 2016-2020"
        );
        assert_eq!(
            basis.quote.as_deref(),
            Some(
                "Thực hiện chỉ đạo của của UBND thành phố theo Quyết định số 459/QĐ-UBND ngày 21/3/2016 về Chương trình Khuyến công thành phố Hải Phòng giai đoạn 2016-2020"
            )
        );
        assert_eq!(
            d.implementing_agency.as_deref(),
            Some("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp thành phố Hải Phòng")
        );
        assert_eq!(d.jurisdiction, Some(("Hải Phòng".into(), "hai-phong".into(), Some("31".into()))));
        assert_eq!(d.date.as_deref(), Some("2020-11-06"));
        assert_eq!(
            d.title.as_deref(),
            Some("Hải Phòng: Kết quả thực hiện Chương trình Khuyến công giai đoạn 20216-2020")
        );
    }

    #[test]
    fn plans_years_and_agencies_of_short_reports() {
        let all = Jurisdictions::built_in();
        let plan = "Hà Giang giao kế hoạch khuyến công năm 2024\n\nSở Công Thương Hà Giang vừa ban hành kế hoạch \
                    theo Quyết định số 112/QĐ-SCT ngày 08/01/2024. Dự kiến thực hiện 08 đề án.";
        let d = describe(plan, &all);
        assert_eq!(d.kind, Some(Kind::Plan));
        assert_eq!(d.period, Some(Period { start_year: 2024, end_year: 2024 }));
        assert_eq!(d.implementing_agency.as_deref(), Some("Sở Công Thương Hà Giang"));
        assert_eq!(d.legal_basis.as_ref().and_then(|b| b.date.as_deref()), Some("2024-01-08"));
        assert_eq!(d.jurisdiction.map(|j| j.1), Some("ha-giang".to_string()));
        let unknown = describe("Một bài viết không nói gì về chương trình.", &all);
        assert_eq!(
            unknown,
            Described {
                title: Some("Một bài viết không nói gì về chương trình.".into()), ..Default::default()
            }
        );
    }
}
