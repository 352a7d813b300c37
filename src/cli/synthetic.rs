//! Synthetic programmes for scale tests: every province × a few periods, realistic shapes, made-up figures.
//!
//! Each is a programme document like any other (validated, then written through the normal
//! import path), labelled as made up in its names and source, with ids `synthetic-<province>-<period>`
//! so that no one mistakes it for published data. The same seed gives the same documents.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::domain::document::{
    AMOUNT_UNIT, CURRENCY, IndicatorDefinition, IndicatorValue, Kind, Note, Period, ProgrammeDocument, Qualifier,
    Reported, ReportedAmount, ReportedCount, ReportedSource, SchemeRecord, SourceAmount, SourceDocument,
};
use crate::domain::reference::{ACTIVITY_KEYS, Names, SOURCE_KEYS};

/// The 63 provinces and centrally-run cities (before the 2025 mergers): slug and name.
pub const PROVINCES: [(&str, &str); 63] = [
    ("an-giang", "An Giang"),
    ("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu"),
    ("bac-giang", "Bắc Giang"),
    ("bac-kan", "Bắc Kạn"),
    ("bac-lieu", "Bạc Liêu"),
    ("bac-ninh", "Bắc Ninh"),
    ("ben-tre", "Bến Tre"),
    ("binh-dinh", "Bình Định"),
    ("binh-duong", "Bình Dương"),
    ("binh-phuoc", "Bình Phước"),
    ("binh-thuan", "Bình Thuận"),
    ("ca-mau", "Cà Mau"),
    ("can-tho", "Cần Thơ"),
    ("cao-bang", "Cao Bằng"),
    ("da-nang", "Đà Nẵng"),
    ("dak-lak", "Đắk Lắk"),
    ("dak-nong", "Đắk Nông"),
    ("dien-bien", "Điện Biên"),
    ("dong-nai", "Đồng Nai"),
    ("dong-thap", "Đồng Tháp"),
    ("gia-lai", "Gia Lai"),
    ("ha-giang", "Hà Giang"),
    ("ha-nam", "Hà Nam"),
    ("ha-noi", "Hà Nội"),
    ("ha-tinh", "Hà Tĩnh"),
    ("hai-duong", "Hải Dương"),
    ("hai-phong", "Hải Phòng"),
    ("hau-giang", "Hậu Giang"),
    ("hoa-binh", "Hòa Bình"),
    ("hung-yen", "Hưng Yên"),
    ("khanh-hoa", "Khánh Hòa"),
    ("kien-giang", "Kiên Giang"),
    ("kon-tum", "Kon Tum"),
    ("lai-chau", "Lai Châu"),
    ("lam-dong", "Lâm Đồng"),
    ("lang-son", "Lạng Sơn"),
    ("lao-cai", "Lào Cai"),
    ("long-an", "Long An"),
    ("nam-dinh", "Nam Định"),
    ("nghe-an", "Nghệ An"),
    ("ninh-binh", "Ninh Bình"),
    ("ninh-thuan", "Ninh Thuận"),
    ("phu-tho", "Phú Thọ"),
    ("phu-yen", "Phú Yên"),
    ("quang-binh", "Quảng Bình"),
    ("quang-nam", "Quảng Nam"),
    ("quang-ngai", "Quảng Ngãi"),
    ("quang-ninh", "Quảng Ninh"),
    ("quang-tri", "Quảng Trị"),
    ("soc-trang", "Sóc Trăng"),
    ("son-la", "Sơn La"),
    ("tay-ninh", "Tây Ninh"),
    ("thai-binh", "Thái Bình"),
    ("thai-nguyen", "Thái Nguyên"),
    ("thanh-hoa", "Thanh Hóa"),
    ("thua-thien-hue", "Thừa Thiên Huế"),
    ("tien-giang", "Tiền Giang"),
    ("tp-ho-chi-minh", "Thành phố Hồ Chí Minh"),
    ("tra-vinh", "Trà Vinh"),
    ("tuyen-quang", "Tuyên Quang"),
    ("vinh-long", "Vĩnh Long"),
    ("vinh-phuc", "Vĩnh Phúc"),
    ("yen-bai", "Yên Bái"),
];

/// The activities a synthetic record may have: the clauses and points of Decree 45/2012/NĐ-CP Art. 4
/// (every activity but the last, `unspecified`).
const ACTIVITIES: &[&str] = ACTIVITY_KEYS.split_last().expect("activities are defined").1;

/// The sources a funding line may name: the leaves of the funding-source tree (central and local
/// budget, which make up the state budget, then contributions).
const SOURCES: &[&str] = SOURCE_KEYS.split_first().expect("sources are defined").1;

/// Indicator definitions: key, Vietnamese and English names, unit, additive.
const INDICATORS: [(&str, &str, &str, &str, bool); 4] = [
    ("workers_trained", "Lao động được đào tạo", "Workers trained", "person", true),
    ("establishments_supported", "Cơ sở được hỗ trợ", "Establishments supported", "establishment", true),
    ("models_built", "Mô hình trình diễn", "Demonstration models", "model", true),
    ("copies_per_issue", "Số bản mỗi kỳ", "Copies per issue", "copy", false),
];

/// What a synthetic programme is: a result or a plan, and whether some of its figures are
/// published as less than exact.
#[derive(Clone, Copy, Debug, Default)]
pub struct Shape {
    pub kind: Kind,
    /// Some figures "about", "at least" or estimated (which, by the programme's id).
    pub approximate: bool,
}

/// One synthetic programme: `records` scheme records, each with 1-3 funding lines and 0-3
/// indicators; reported figures equal to the itemised sums, or (`shape.approximate`, for about
/// half the programmes) a total cost "about" it, a scheme count "at least" 99 % of it, or a
/// central budget "about" it and estimated. A plan's id ends in `-plan`.
pub fn programme(
    province: (&str, &str),
    period: (i64, i64),
    records: usize,
    seed: u64,
    shape: Shape,
) -> ProgrammeDocument<String> {
    let (slug, name) = province;
    let plan = if shape.kind == Kind::Plan { "-plan" } else { "" };
    let id = format!("synthetic-{slug}-{}-{}{plan}", period.0, period.1);
    let mut rng = StdRng::seed_from_u64(seed ^ fnv1a(&id));
    // Amounts in hundredths of a million VND (whole 10,000 đồng), so every figure is exact.
    let mut schemes = Vec::with_capacity(records);
    let (mut total_schemes, mut total_cost) = (0i64, 0i64);
    let mut by_source = vec![0i64; SOURCES.len()];
    for n in 0..records {
        let cost: i64 = rng.gen_range(5_000..=200_000);
        let lines = rng.gen_range(1..=SOURCES.len());
        let mut sources: Vec<usize> = (0..SOURCES.len()).collect();
        sources.shuffle(&mut rng);
        // Most records are funded in full; some leave part unattributed, as real reports do.
        let mut left = if rng.gen_bool(0.9) { cost } else { cost * rng.gen_range(50..100) / 100 };
        let mut funding = Vec::with_capacity(lines);
        for (i, &source) in sources[..lines].iter().enumerate() {
            let amount = if i + 1 == lines { left } else { rng.gen_range(0..=left) };
            left -= amount;
            by_source[source] += amount;
            funding.push(SourceAmount { source: SOURCES[source].to_string(), amount: hundredths(amount), quote: None });
        }
        let mut keys: Vec<usize> = (0..INDICATORS.len()).collect();
        keys.shuffle(&mut rng);
        let indicators = keys[..rng.gen_range(0..=3)]
            .iter()
            .map(|&k| IndicatorValue {
                key: INDICATORS[k].0.to_string(),
                value: rng.gen_range(1..500).to_string(),
                note: None,
            })
            .collect();
        let scheme_count = rng.gen_range(1..=3);
        total_schemes += scheme_count;
        total_cost += cost;
        schemes.push(SchemeRecord {
            id: format!("r{n:07}"),
            scheme_count,
            activity: ACTIVITIES[rng.gen_range(0..ACTIVITIES.len())].to_string(),
            scope: if rng.gen_bool(0.7) { "local" } else { "national" }.to_string(),
            title: Names {
                vi: format!("Đề án giả lập số {}", n + 1), en: format!("Synthetic scheme no. {}", n + 1)
            },
            cost: hundredths(cost),
            funding,
            indicators,
            quote: None,
            note: None,
        });
    }
    let mut funding: Vec<ReportedSource<String>> = SOURCES
        .iter()
        .zip(&by_source)
        .map(|(source, &amount)| ReportedSource::exact(*source, hundredths(amount), None))
        .collect();
    funding.push(ReportedSource::exact("state_budget", hundredths(by_source[0] + by_source[1]), None));
    let mut schemes_reported = ReportedCount::exact(total_schemes, None);
    let mut cost_reported = ReportedAmount::exact(hundredths(total_cost), None);
    match fnv1a(&id) % 6 {
        0 if shape.approximate => cost_reported.qualifier = Qualifier::About,
        1 if shape.approximate => {
            schemes_reported = ReportedCount::exact(total_schemes - total_schemes / 100, None);
            schemes_reported.qualifier = Qualifier::AtLeast;
        }
        2 if shape.approximate => {
            funding[0].qualifier = Qualifier::About;
            funding[0].estimate = true;
        }
        _ => {}
    }
    ProgrammeDocument {
        id,
        currency: CURRENCY.into(),
        amount_unit: AMOUNT_UNIT.into(),
        names: Names {
            vi: format!("Chương trình khuyến công {name} giai đoạn {}-{} (dữ liệu giả lập)", period.0, period.1),
            en: format!("{name} industrial promotion programme, {}-{} (synthetic data)", period.0, period.1),
        },
        jurisdiction: name.to_string(),
        period: Period { start_year: period.0, end_year: period.1 },
        kind: shape.kind,
        status: Default::default(),
        part_of: None,
        legal_basis: None,
        approved_by: None,
        implementing_agency: None,
        source: SourceDocument {
            title: "Synthetic data made by `khuyencong generate` for scale tests".into(),
            publisher: "khuyencong".into(),
            date: "2026-01-01".into(),
            url: None,
            note: Some(Note::Both(Names {
                vi: "Mọi số liệu của chương trình này đều là số giả lập; không số nào lấy từ báo cáo đã công bố."
                    .into(),
                en: "Every figure in this programme is made up; none comes from a published report.".into(),
            })),
        },
        about_tolerance_percent: None,
        reported: Reported {
            schemes: Some(schemes_reported),
            schemes_by_scope: Vec::new(),
            tasks: None,
            schemes_registered: None,
            cost: Some(cost_reported),
            funding,
            tolerance: None,
        },
        indicator_definitions: INDICATORS
            .iter()
            .map(|(key, vi, en, unit, additive)| IndicatorDefinition {
                key: key.to_string(),
                names: Names { vi: vi.to_string(), en: en.to_string() },
                unit: unit.to_string(),
                additive: *additive,
            })
            .collect(),
        schemes,
    }
}

/// A period written `2021-2025`.
pub fn parse_period(text: &str) -> Option<(i64, i64)> {
    let (start, end) = text.split_once('-')?;
    let (start, end) = (start.trim().parse().ok()?, end.trim().parse().ok()?);
    (1900..=2200).contains(&start).then_some(())?;
    (start..=2200).contains(&end).then_some((start, end))
}

/// Hundredths of a million as the document's decimal text: 123456 → "1234.56".
fn hundredths(value: i64) -> String {
    format!("{}.{:02}", value / 100, value % 100)
}

/// A stable hash of an id (FNV-1a), so each programme's figures depend only on the seed and its id.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_three_provinces_with_distinct_slugs() {
        let slugs: std::collections::HashSet<_> = PROVINCES.iter().map(|p| p.0).collect();
        assert_eq!(slugs.len(), 63);
        assert!(PROVINCES.iter().all(|p| crate::domain::document::is_slug(p.0)));
        assert_eq!(ACTIVITIES.len(), 9);
        assert!(!ACTIVITIES.contains(&"unspecified"));
        assert_eq!(SOURCES, ["central_budget", "local_budget", "contributions"]);
    }

    #[test]
    fn a_programme_has_the_shape_asked_for_and_adds_up() {
        let doc = programme(("hai-phong", "Hải Phòng"), (2021, 2025), 200, 7, Shape::default());
        assert_eq!(doc.id, "synthetic-hai-phong-2021-2025");
        assert_eq!(doc.jurisdiction, "Hải Phòng");
        assert_eq!(doc.schemes.len(), 200);
        assert!(doc.schemes.iter().all(|r| (1..=3).contains(&r.funding.len()) && r.indicators.len() <= 3));
        let cents = |s: &str| s.replace('.', "").parse::<i64>().unwrap();
        let cost: i64 = doc.schemes.iter().map(|r| cents(&r.cost)).sum();
        assert_eq!(cents(doc.reported.cost.as_ref().unwrap().amount.as_ref().unwrap()), cost);
        assert!(doc.schemes.iter().all(|r| r.funding.iter().map(|l| cents(&l.amount)).sum::<i64>() <= cents(&r.cost)));
        assert_eq!(
            programme(("hai-phong", "Hải Phòng"), (2021, 2025), 200, 7, Shape::default()),
            doc,
            "same seed, same document"
        );
        assert_eq!(hundredths(123_456), "1234.56");
        assert_eq!(hundredths(5), "0.05");
        assert_eq!(parse_period("2021-2025"), Some((2021, 2025)));
        assert_eq!(parse_period("2025-2021"), None);
        assert_eq!(parse_period("soon"), None);
    }
}
