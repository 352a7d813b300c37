-- Reference taxonomies. Activities: Decree 45/2012/NĐ-CP, Article 4 (the clause's opening words;
-- Decree 235/2025/NĐ-CP amended the article, so each row keeps its decree and clause).

INSERT INTO activities (key, decree, clause, position, name_vi, name_en) VALUES
  ('vocational_training', '45/2012/NĐ-CP, Điều 4', 1, 1, 'Tổ chức đào tạo nghề, truyền nghề', 'Vocational training and craft-skill transfer'),
  ('management_capacity', '45/2012/NĐ-CP, Điều 4', 2, 2, 'Hỗ trợ nâng cao năng lực quản lý doanh nghiệp', 'Business-management capacity (incl. start-ups, cleaner production, markets)'),
  ('demonstration_technology_transfer', '45/2012/NĐ-CP, Điều 4', 3, 3, 'Hỗ trợ xây dựng mô hình trình diễn kỹ thuật; chuyển giao công nghệ', 'Technical demonstration models and technology transfer'),
  ('rural_product_promotion', '45/2012/NĐ-CP, Điều 4', 4, 4, 'Phát triển sản phẩm công nghiệp nông thôn tiêu biểu', 'Promotion of typical rural industrial products'),
  ('consulting_assistance', '45/2012/NĐ-CP, Điều 4', 5, 5, 'Tư vấn trợ giúp các cơ sở công nghiệp nông thôn', 'Consulting and assistance to rural industrial establishments'),
  ('information_provision', '45/2012/NĐ-CP, Điều 4', 6, 6, 'Cung cấp thông tin về chính sách, thị trường', 'Information on policies and markets'),
  ('linkage_clusters_relocation', '45/2012/NĐ-CP, Điều 4', 7, 7, 'Hỗ trợ liên doanh liên kết, phát triển cụm công nghiệp', 'Linkages, industrial clusters and relocation'),
  ('international_cooperation', '45/2012/NĐ-CP, Điều 4', 8, 8, 'Hợp tác quốc tế về khuyến công', 'International cooperation on industrial promotion'),
  ('programme_management_capacity', '45/2012/NĐ-CP, Điều 4', 9, 9, 'Nâng cao năng lực quản lý và tổ chức thực hiện hoạt động khuyến công', 'Capacity to manage and carry out industrial promotion'),
  ('unspecified', NULL, NULL, 10, 'Không nêu rõ', 'Not stated by the source');

INSERT INTO funding_sources (key, parent, position, name_vi, name_en) VALUES
  ('state_budget', NULL, 1, 'Ngân sách nhà nước', 'State budget'),
  ('central_budget', 'state_budget', 2, 'Ngân sách Trung ương (kinh phí khuyến công quốc gia)', 'Central budget (national industrial-promotion funds)'),
  ('local_budget', 'state_budget', 3, 'Ngân sách địa phương (kinh phí khuyến công địa phương)', 'Local budget: province or city (local industrial-promotion funds)'),
  ('contributions', NULL, 4, 'Đóng góp của các tổ chức, cá nhân tham gia và thụ hưởng', 'Contributions of participating organisations and individuals');

INSERT INTO funding_source_closure (source, ancestor) VALUES
  ('state_budget', 'state_budget'),
  ('central_budget', 'central_budget'),
  ('central_budget', 'state_budget'),
  ('local_budget', 'local_budget'),
  ('local_budget', 'state_budget'),
  ('contributions', 'contributions');

INSERT INTO scopes (key, position, name_vi, name_en) VALUES
  ('local', 1, 'Đề án khuyến công địa phương', 'Local scheme'),
  ('national', 2, 'Đề án khuyến công quốc gia', 'National scheme'),
  ('unknown', 3, 'Không nêu rõ', 'Not stated by the source');
