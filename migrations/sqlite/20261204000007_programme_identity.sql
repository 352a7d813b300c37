-- Issue 27: what a programme is. A document may say it is a plan or a result, final or an
-- estimate, approved by a decision, and a part (a year, a round, to a date) of another
-- programme; its reported figures may count tasks and registered schemes, never added to the
-- scheme count. The defaults (result, final) are what every programme stored so far is.
ALTER TABLE programmes ADD COLUMN kind TEXT NOT NULL DEFAULT 'result' CHECK (kind IN ('result', 'plan'));
ALTER TABLE programmes ADD COLUMN status TEXT NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'estimate'));
ALTER TABLE programmes ADD COLUMN approved_by_title TEXT;
ALTER TABLE programmes ADD COLUMN approved_by_number TEXT;
ALTER TABLE programmes ADD COLUMN approved_by_date TEXT;
ALTER TABLE programmes ADD COLUMN approved_by_issuer TEXT;
ALTER TABLE programmes ADD COLUMN approved_by_quote TEXT;
ALTER TABLE programmes ADD COLUMN part_of TEXT;
ALTER TABLE programmes ADD COLUMN part_kind TEXT CHECK (part_kind IN ('year', 'round', 'to_date'));
ALTER TABLE programmes ADD COLUMN part_label TEXT;
ALTER TABLE programmes ADD COLUMN reported_tasks INTEGER;
ALTER TABLE programmes ADD COLUMN reported_tasks_quote TEXT;
ALTER TABLE programmes ADD COLUMN reported_registered INTEGER;
ALTER TABLE programmes ADD COLUMN reported_registered_quote TEXT;
CREATE INDEX programmes_by_kind ON programmes (kind, end_year, start_year, id);

-- Jurisdictions as reference data, with time: the provinces and centrally-run cities (codes of
-- the General Statistics Office's list of administrative units: Decision 124/2004/QĐ-TTg before
-- 1 July 2025, Decision 19/2025/QĐ-TTg since; a merged unit kept one predecessor's code) and the
-- nation. A unit in force has no `valid_to` and no successor; one replaced names it. Changes
-- before 2025 (the 2004 splits, Hà Tây into Hà Nội in 2008) are not recorded: such a unit is
-- given as it was on 31 December 2024.
CREATE TABLE jurisdictions (
    id          TEXT    NOT NULL PRIMARY KEY,
    position    INTEGER NOT NULL UNIQUE,
    code        TEXT,
    level       TEXT    NOT NULL CHECK (level IN ('national', 'province', 'municipality')),
    name_vi     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    valid_from  TEXT,
    valid_to    TEXT,
    successor   TEXT    REFERENCES jurisdictions (id),
    act         TEXT
) STRICT;

INSERT INTO jurisdictions (id, position, code, level, name_vi, name_en, valid_from, valid_to, successor, act) VALUES
    ('viet-nam', 0, NULL, 'national', 'Việt Nam', 'Viet Nam', NULL, NULL, NULL, NULL),
    ('ha-noi', 1, '01', 'municipality', 'Hà Nội', 'Hanoi', NULL, NULL, NULL, NULL),
    ('cao-bang', 3, '04', 'province', 'Cao Bằng', 'Cao Bang', NULL, NULL, NULL, NULL),
    ('tuyen-quang-2025', 6, '08', 'province', 'Tuyên Quang', 'Tuyen Quang', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dien-bien', 8, '11', 'province', 'Điện Biên', 'Dien Bien', NULL, NULL, NULL, NULL),
    ('lai-chau', 9, '12', 'province', 'Lai Châu', 'Lai Chau', NULL, NULL, NULL, NULL),
    ('son-la', 10, '14', 'province', 'Sơn La', 'Son La', NULL, NULL, NULL, NULL),
    ('lao-cai-2025', 12, '15', 'province', 'Lào Cai', 'Lao Cai', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('thai-nguyen-2025', 15, '19', 'province', 'Thái Nguyên', 'Thai Nguyen', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('lang-son', 16, '20', 'province', 'Lạng Sơn', 'Lang Son', NULL, NULL, NULL, NULL),
    ('quang-ninh', 17, '22', 'province', 'Quảng Ninh', 'Quang Ninh', NULL, NULL, NULL, NULL),
    ('bac-ninh-2025', 19, '24', 'province', 'Bắc Ninh', 'Bac Ninh', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('phu-tho-2025', 21, '25', 'province', 'Phú Thọ', 'Phu Tho', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hai-phong-2025', 26, '31', 'municipality', 'Hải Phòng', 'Hai Phong', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hung-yen-2025', 28, '33', 'province', 'Hưng Yên', 'Hung Yen', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ninh-binh-2025', 33, '37', 'province', 'Ninh Bình', 'Ninh Binh', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('thanh-hoa', 34, '38', 'province', 'Thanh Hóa', 'Thanh Hoa', NULL, NULL, NULL, NULL),
    ('nghe-an', 35, '40', 'province', 'Nghệ An', 'Nghe An', NULL, NULL, NULL, NULL),
    ('ha-tinh', 36, '42', 'province', 'Hà Tĩnh', 'Ha Tinh', NULL, NULL, NULL, NULL),
    ('quang-tri-2025', 38, '44', 'province', 'Quảng Trị', 'Quang Tri', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hue', 41, '46', 'municipality', 'Huế', 'Hue', '2025-01-01', NULL, NULL, 'Nghị quyết số 1314/NQ-UBTVQH15 ngày 30/11/2024 của Ủy ban Thường vụ Quốc hội về việc thành lập thành phố Huế trực thuộc trung ương'),
    ('da-nang-2025', 43, '48', 'municipality', 'Đà Nẵng', 'Da Nang', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('quang-ngai-2025', 46, '51', 'province', 'Quảng Ngãi', 'Quang Ngai', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('gia-lai-2025', 48, '52', 'province', 'Gia Lai', 'Gia Lai', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('khanh-hoa-2025', 51, '56', 'province', 'Khánh Hòa', 'Khanh Hoa', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dak-lak-2025', 57, '66', 'province', 'Đắk Lắk', 'Dak Lak', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('lam-dong-2025', 60, '68', 'province', 'Lâm Đồng', 'Lam Dong', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dong-nai-2025', 65, '75', 'province', 'Đồng Nai', 'Dong Nai', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ho-chi-minh-2025', 68, '79', 'municipality', 'Hồ Chí Minh', 'Ho Chi Minh City', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('tay-ninh-2025', 70, '80', 'province', 'Tây Ninh', 'Tay Ninh', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dong-thap-2025', 72, '82', 'province', 'Đồng Tháp', 'Dong Thap', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('vinh-long-2025', 76, '86', 'province', 'Vĩnh Long', 'Vinh Long', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('an-giang-2025', 80, '91', 'province', 'An Giang', 'An Giang', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('can-tho-2025', 82, '92', 'municipality', 'Cần Thơ', 'Can Tho', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ca-mau-2025', 87, '96', 'province', 'Cà Mau', 'Ca Mau', '2025-07-01', NULL, NULL, 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ha-giang', 2, '02', 'province', 'Hà Giang', 'Ha Giang', NULL, '2025-06-30', 'tuyen-quang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('bac-kan', 4, '06', 'province', 'Bắc Kạn', 'Bac Kan', NULL, '2025-06-30', 'thai-nguyen-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('tuyen-quang', 5, '08', 'province', 'Tuyên Quang', 'Tuyen Quang', NULL, '2025-06-30', 'tuyen-quang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('lao-cai', 7, '10', 'province', 'Lào Cai', 'Lao Cai', NULL, '2025-06-30', 'lao-cai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('yen-bai', 11, '15', 'province', 'Yên Bái', 'Yen Bai', NULL, '2025-06-30', 'lao-cai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hoa-binh', 13, '17', 'province', 'Hòa Bình', 'Hoa Binh', NULL, '2025-06-30', 'phu-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('thai-nguyen', 14, '19', 'province', 'Thái Nguyên', 'Thai Nguyen', NULL, '2025-06-30', 'thai-nguyen-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('bac-giang', 18, '24', 'province', 'Bắc Giang', 'Bac Giang', NULL, '2025-06-30', 'bac-ninh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('phu-tho', 20, '25', 'province', 'Phú Thọ', 'Phu Tho', NULL, '2025-06-30', 'phu-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('vinh-phuc', 22, '26', 'province', 'Vĩnh Phúc', 'Vinh Phuc', NULL, '2025-06-30', 'phu-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('bac-ninh', 23, '27', 'province', 'Bắc Ninh', 'Bac Ninh', NULL, '2025-06-30', 'bac-ninh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hai-duong', 24, '30', 'province', 'Hải Dương', 'Hai Duong', NULL, '2025-06-30', 'hai-phong-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hai-phong', 25, '31', 'municipality', 'Hải Phòng', 'Hai Phong', NULL, '2025-06-30', 'hai-phong-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hung-yen', 27, '33', 'province', 'Hưng Yên', 'Hung Yen', NULL, '2025-06-30', 'hung-yen-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('thai-binh', 29, '34', 'province', 'Thái Bình', 'Thai Binh', NULL, '2025-06-30', 'hung-yen-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ha-nam', 30, '35', 'province', 'Hà Nam', 'Ha Nam', NULL, '2025-06-30', 'ninh-binh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('nam-dinh', 31, '36', 'province', 'Nam Định', 'Nam Dinh', NULL, '2025-06-30', 'ninh-binh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ninh-binh', 32, '37', 'province', 'Ninh Bình', 'Ninh Binh', NULL, '2025-06-30', 'ninh-binh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('quang-binh', 37, '44', 'province', 'Quảng Bình', 'Quang Binh', NULL, '2025-06-30', 'quang-tri-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('quang-tri', 39, '45', 'province', 'Quảng Trị', 'Quang Tri', NULL, '2025-06-30', 'quang-tri-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('thua-thien-hue', 40, '46', 'province', 'Thừa Thiên Huế', 'Thua Thien Hue', NULL, '2024-12-31', 'hue', 'Nghị quyết số 1314/NQ-UBTVQH15 ngày 30/11/2024 của Ủy ban Thường vụ Quốc hội về việc thành lập thành phố Huế trực thuộc trung ương'),
    ('da-nang', 42, '48', 'municipality', 'Đà Nẵng', 'Da Nang', NULL, '2025-06-30', 'da-nang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('quang-nam', 44, '49', 'province', 'Quảng Nam', 'Quang Nam', NULL, '2025-06-30', 'da-nang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('quang-ngai', 45, '51', 'province', 'Quảng Ngãi', 'Quang Ngai', NULL, '2025-06-30', 'quang-ngai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('binh-dinh', 47, '52', 'province', 'Bình Định', 'Binh Dinh', NULL, '2025-06-30', 'gia-lai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('phu-yen', 49, '54', 'province', 'Phú Yên', 'Phu Yen', NULL, '2025-06-30', 'dak-lak-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('khanh-hoa', 50, '56', 'province', 'Khánh Hòa', 'Khanh Hoa', NULL, '2025-06-30', 'khanh-hoa-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ninh-thuan', 52, '58', 'province', 'Ninh Thuận', 'Ninh Thuan', NULL, '2025-06-30', 'khanh-hoa-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('binh-thuan', 53, '60', 'province', 'Bình Thuận', 'Binh Thuan', NULL, '2025-06-30', 'lam-dong-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('kon-tum', 54, '62', 'province', 'Kon Tum', 'Kon Tum', NULL, '2025-06-30', 'quang-ngai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('gia-lai', 55, '64', 'province', 'Gia Lai', 'Gia Lai', NULL, '2025-06-30', 'gia-lai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dak-lak', 56, '66', 'province', 'Đắk Lắk', 'Dak Lak', NULL, '2025-06-30', 'dak-lak-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dak-nong', 58, '67', 'province', 'Đắk Nông', 'Dak Nong', NULL, '2025-06-30', 'lam-dong-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('lam-dong', 59, '68', 'province', 'Lâm Đồng', 'Lam Dong', NULL, '2025-06-30', 'lam-dong-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('binh-phuoc', 61, '70', 'province', 'Bình Phước', 'Binh Phuoc', NULL, '2025-06-30', 'dong-nai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('tay-ninh', 62, '72', 'province', 'Tây Ninh', 'Tay Ninh', NULL, '2025-06-30', 'tay-ninh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('binh-duong', 63, '74', 'province', 'Bình Dương', 'Binh Duong', NULL, '2025-06-30', 'ho-chi-minh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dong-nai', 64, '75', 'province', 'Đồng Nai', 'Dong Nai', NULL, '2025-06-30', 'dong-nai-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ba-ria-vung-tau', 66, '77', 'province', 'Bà Rịa - Vũng Tàu', 'Ba Ria - Vung Tau', NULL, '2025-06-30', 'ho-chi-minh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ho-chi-minh', 67, '79', 'municipality', 'Hồ Chí Minh', 'Ho Chi Minh City', NULL, '2025-06-30', 'ho-chi-minh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('long-an', 69, '80', 'province', 'Long An', 'Long An', NULL, '2025-06-30', 'tay-ninh-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('tien-giang', 71, '82', 'province', 'Tiền Giang', 'Tien Giang', NULL, '2025-06-30', 'dong-thap-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ben-tre', 73, '83', 'province', 'Bến Tre', 'Ben Tre', NULL, '2025-06-30', 'vinh-long-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('tra-vinh', 74, '84', 'province', 'Trà Vinh', 'Tra Vinh', NULL, '2025-06-30', 'vinh-long-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('vinh-long', 75, '86', 'province', 'Vĩnh Long', 'Vinh Long', NULL, '2025-06-30', 'vinh-long-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('dong-thap', 77, '87', 'province', 'Đồng Tháp', 'Dong Thap', NULL, '2025-06-30', 'dong-thap-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('an-giang', 78, '89', 'province', 'An Giang', 'An Giang', NULL, '2025-06-30', 'an-giang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('kien-giang', 79, '91', 'province', 'Kiên Giang', 'Kien Giang', NULL, '2025-06-30', 'an-giang-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('can-tho', 81, '92', 'municipality', 'Cần Thơ', 'Can Tho', NULL, '2025-06-30', 'can-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('hau-giang', 83, '93', 'province', 'Hậu Giang', 'Hau Giang', NULL, '2025-06-30', 'can-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('soc-trang', 84, '94', 'province', 'Sóc Trăng', 'Soc Trang', NULL, '2025-06-30', 'can-tho-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('bac-lieu', 85, '95', 'province', 'Bạc Liêu', 'Bac Lieu', NULL, '2025-06-30', 'ca-mau-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh'),
    ('ca-mau', 86, '96', 'province', 'Cà Mau', 'Ca Mau', NULL, '2025-06-30', 'ca-mau-2025', 'Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh');

-- Other ways reports write a unit's name, beside its own (after the resolver's normalisation:
-- lower case, no "tỉnh"/"thành phố"/"TP." before it, one kind of dash).
CREATE TABLE jurisdiction_names (
    name            TEXT NOT NULL,
    jurisdiction_id TEXT NOT NULL REFERENCES jurisdictions (id),
    PRIMARY KEY (name, jurisdiction_id)
) STRICT;
INSERT INTO jurisdiction_names (name, jurisdiction_id) VALUES
    ('cả nước', 'viet-nam'),
    ('toàn quốc', 'viet-nam'),
    ('hcm', 'ho-chi-minh'),
    ('hcm', 'ho-chi-minh-2025'),
    ('tphcm', 'ho-chi-minh'),
    ('tphcm', 'ho-chi-minh-2025'),
    ('thừa thiên-huế', 'thua-thien-hue'),
    ('sài gòn', 'ho-chi-minh');
