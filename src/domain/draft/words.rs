//! The dictionaries the drafts read by, in our own words: the phrases of each activity of the
//! reference, the words that name each funding source, and a figure's clause (the words before
//! it that say what it is).

/// Whether the character at `k` ends a sentence: a full stop that is not inside a number
/// ("1.188,56" ends nothing), or a line break.
pub fn ends_sentence(chars: &[char], k: usize) -> bool {
    chars[k] == '\n' || chars[k] == '.' && !chars.get(k + 1).is_some_and(char::is_ascii_digit)
}

/// The words of a figure's clause before it (lower-cased), from the last `.`, `;`, `:`, `(`,
/// or line break.
pub fn clause_before(chars: &[char], start: usize) -> String {
    let mut to = start;
    loop {
        // At most a few hundred characters back: a text with no full stop costs no more.
        let floor = start.saturating_sub(300);
        let from = chars[floor..to.max(floor)]
            .iter()
            .rposition(|c| matches!(c, '.' | ';' | ':' | '(' | '\n'))
            .map_or(floor, |i| floor + i + 1);
        // "… tổng kinh phí thực hiện là: 41.306,53": a colon with no words of its own after it
        // does not end the clause.
        let after: String = chars[from..start].iter().collect::<String>().to_lowercase();
        if from > 0 && chars[from - 1] == ':' && after.split_whitespace().all(|w| w == "là") {
            to = from - 1;
            continue;
        }
        return chars[from..start].iter().collect::<String>().to_lowercase();
    }
}

/// A source of funding by its words. Where several match at one place, the longest names it
/// ("khuyến công thành phố" over "khuyến công").
const SOURCES: [(&str, &str); 22] = [
    ("ngân sách trung ương", "central_budget"),
    ("khuyến công quốc gia", "central_budget"),
    ("khuyến công cấp quốc gia", "central_budget"),
    ("kcqg", "central_budget"),
    ("ngân sách tỉnh", "local_budget"),
    ("ngân sách thành phố", "local_budget"),
    ("ngân sách địa phương", "local_budget"),
    ("khuyến công địa phương", "local_budget"),
    ("khuyến công thành phố", "local_budget"),
    ("khuyến công tỉnh", "local_budget"),
    ("khuyến công cấp tỉnh", "local_budget"),
    ("khuyến công cấp địa phương", "local_budget"),
    ("kcđp", "local_budget"),
    ("ngân sách nhà nước", "state_budget"),
    ("kinh phí khuyến công", "state_budget"),
    ("vốn khuyến công", "state_budget"),
    ("đối ứng", "contributions"),
    ("đóng góp", "contributions"),
    ("thụ hưởng", "contributions"),
    ("xã hội hóa", "contributions"),
    ("huy động", "contributions"),
    ("vốn của các cơ sở", "contributions"),
];

/// Where each source's words are in `clause`, as (start, length, key), leaving out the words
/// that say a count's scope ("10 đề án khuyến công quốc gia với kinh phí…": not the central
/// budget's money) or name an agency ("Trung tâm Khuyến công tỉnh").
fn sources_in(clause: &str) -> impl Iterator<Item = (usize, usize, &'static str)> + '_ {
    SOURCES.iter().flat_map(move |(words, key)| {
        clause
            .match_indices(words)
            .filter(|(at, _)| {
                let before = clause[..*at].trim_end();
                // "10 đề án khuyến công quốc gia": a count's scope (not "các đề án khuyến công
                // quốc gia là 1,6 tỷ đồng", which names the source).
                let counted =
                    before.strip_suffix("đề án").is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()));
                !counted && !before.ends_with("trung tâm")
            })
            .map(move |(at, _)| (at, words.len(), *key))
    })
}

/// The source `clause` names nearest its end: (where its words start, its key).
pub fn source_named(clause: &str) -> Option<(usize, &'static str)> {
    sources_in(clause).max_by(|a, b| (a.0 + a.1).cmp(&(b.0 + b.1)).then(a.1.cmp(&b.1))).map(|(at, _, key)| (at, key))
}

/// The source `clause` names first.
pub fn first_source_named(clause: &str) -> Option<&'static str> {
    sources_in(clause).min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1))).map(|(_, _, key)| key)
}

/// Keywords of each activity of the reference (Decree 45/2012 Article 4), in our own words:
/// phrases a report uses for that kind of support.
pub const ACTIVITY_WORDS: [(&str, &[&str]); 9] = [
    (
        "vocational_training",
        &["đào tạo nghề", "truyền nghề", "dạy nghề", "tay nghề", "đào tạo lao động", "đào tạo thợ"],
    ),
    (
        "management_capacity",
        &[
            "năng lực quản lý",
            "khởi sự doanh nghiệp",
            "tập huấn",
            "hội thảo",
            "tham quan",
            "sở hữu công nghiệp",
            "quản trị doanh nghiệp",
        ],
    ),
    (
        "demonstration_technology_transfer",
        &[
            "mô hình trình diễn",
            "chuyển giao công nghệ",
            "máy móc",
            "thiết bị",
            "dây chuyền",
            "tiến bộ khoa học",
            "ứng dụng công nghệ",
        ],
    ),
    (
        "rural_product_promotion",
        &[
            "hội chợ",
            "triển lãm",
            "bình chọn sản phẩm",
            "sản phẩm công nghiệp nông thôn tiêu biểu",
            "phòng trưng bày",
            "giới thiệu sản phẩm",
            "quảng bá sản phẩm",
        ],
    ),
    (
        "consulting_assistance",
        &["tư vấn", "trợ giúp", "lập dự án", "tem nhãn", "marketing", "thương hiệu", "thiết kế mẫu"],
    ),
    (
        "information_provision",
        &[
            "cung cấp thông tin",
            "bản tin",
            "trang thông tin",
            "tờ gấp",
            "phóng sự",
            "truyền hình",
            "ấn phẩm",
            "tuyên truyền",
        ],
    ),
    (
        "linkage_clusters_relocation",
        &["liên doanh", "liên kết", "hạ tầng cụm công nghiệp", "di dời", "hiệp hội", "xử lý ô nhiễm"],
    ),
    ("international_cooperation", &["hợp tác quốc tế", "nước ngoài", "quốc tế về khuyến công"]),
    (
        "programme_management_capacity",
        &[
            "hoạt động khuyến công",
            "nghiệp vụ khuyến công",
            "cán bộ khuyến công",
            "chương trình khuyến công",
            "cán bộ làm công tác khuyến công",
        ],
    ),
];

/// The activity the words of `text` name most (the first named on a tie), if any.
pub fn activity_of(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    ACTIVITY_WORDS
        .iter()
        .map(|(key, words)| {
            let hits: usize = words.iter().map(|w| lower.matches(w).count()).sum();
            let first = words.iter().filter_map(|w| lower.find(w)).min().unwrap_or(usize::MAX);
            (*key, hits, first)
        })
        .filter(|(_, hits, _)| *hits > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(key, _, _)| key)
}

/// The words after a count of schemes that say its scope, as reports write them.
const SCOPES: [(&str, &str); 9] = [
    ("khuyến công địa phương", "local"),
    ("khuyến công quốc gia", "national"),
    ("khuyến công cấp tỉnh", "local"),
    ("khuyến công cấp thành phố", "local"),
    ("khuyến công cấp địa phương", "local"),
    ("khuyến công cấp quốc gia", "national"),
    ("khuyến công tỉnh", "local"),
    ("kcđp", "local"),
    ("kcqg", "national"),
];

/// The scope the words right after a count say (`after`, lower-cased), and how many Unicode
/// scalars those words take, the white space before them included.
pub fn scope_after(after: &str) -> Option<(&'static str, usize)> {
    let trimmed = after.trim_start();
    let space = after.chars().count() - trimmed.chars().count();
    SCOPES
        .iter()
        .filter(|(words, _)| trimmed.starts_with(words))
        .max_by_key(|(words, _)| words.len())
        .map(|(words, scope)| (*scope, space + words.chars().count()))
}
