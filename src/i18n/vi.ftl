# Thông điệp của API bằng tiếng Việt. Số tiền viết như bài viết nguồn (41.306,53); từ ngữ theo
# ../shared/GLOSSARY.md. Mỗi thông điệp có cùng mã và cùng tham số như trong en.ftl (có kiểm thử).

## Từ nối

list-and = và
list-or = hoặc

## /totals: chênh lệch giữa số liệu công bố và tổng các bản ghi

totals-schemes-gap = Chương trình báo cáo { $reported } đề án; các bản ghi đề án cộng lại { $itemised }: chênh lệch { $gap }.
totals-scope-gap = Chương trình báo cáo { $reported } đề án phạm vi { $scope }; các bản ghi đề án ghi { $itemised } đề án là { $scope }: chênh lệch { $gap }.
totals-cost-gap = Chương trình báo cáo tổng kinh phí { $reported } triệu đồng; các bản ghi đề án cộng lại { $itemised }: chênh lệch { $gap }.
totals-unattributed = { $amount } triệu đồng trong kinh phí đã liệt kê không có dòng nguồn kinh phí nào: nguồn tin không nói ai đã chi.
funding-gap = Nguồn { $source }: chương trình báo cáo { $reported } triệu đồng; các dòng kinh phí cộng lại { $itemised }: chênh lệch { $gap }.
funding-unsplit = { $own } triệu đồng thuộc nguồn { $source } không được chia cho các nguồn con: nguồn tin không nói nguồn nào đã chi.
funding-implied = Suy ra, không phải số liệu được báo cáo: trong { $unsplit } triệu đồng chưa chia của nguồn { $parent }, ít nhất { $least } và nhiều nhất { $most } là của { $source }, theo phép tính trên các số liệu đã báo cáo (xem `implied`).

## Điều số liệu công bố cho phép suy ra về phần kinh phí chưa chia theo nguồn

implied-overspent = Không suy ra được giới hạn cho cách chia { $unsplit } triệu đồng chưa chia của nguồn { $parent }: { $source } báo cáo { $reported } nhưng các dòng kinh phí của nó đã cộng lại { $itemised }.
implied-no-room = Không suy ra được giới hạn cho cách chia { $unsplit } triệu đồng chưa chia của nguồn { $parent }: số liệu báo cáo của { $sources } chỉ chứa được { $room }.
implied-basis = Suy ra, không phải số liệu được báo cáo: { $source } báo cáo { $reported } triệu đồng, trong đó { $itemised } đã được liệt kê cho nó, nên nhiều nhất { $most } trong { $unsplit } triệu đồng chưa chia của { $parent } là của nó; các phần khác của { $parent } chứa được nhiều nhất { $others }, nên ít nhất { $least } là của nó.
implied-basis-unreported = Suy ra, không phải số liệu được báo cáo: { $source } không có số liệu báo cáo, nên có thể chiếm toàn bộ { $unsplit } triệu đồng chưa chia của { $parent }; các phần khác của { $parent } chứa được nhiều nhất { $others }, nên ít nhất { $least } là của nó.

## Phân tích: các dòng bao gồm những gì

shares-reported = `share_percent` là tỷ lệ trên kinh phí đã liệt kê ({ $itemised }); `share_of_reported_percent` là tỷ lệ trên tổng kinh phí báo cáo ({ $reported }).
shares-unreported = `share_percent` là tỷ lệ trên kinh phí đã liệt kê ({ $itemised }); chương trình không báo cáo tổng kinh phí, nên `share_of_reported_percent` là null.
coverage-no-totals = Chương trình không báo cáo tổng số: các dòng gồm { $schemes } đề án và { $cost } triệu đồng đã liệt kê.
coverage = Các dòng bao gồm { $schemes } và { $cost } chương trình báo cáo: { $rest }
coverage-schemes = { $itemised } trong { $reported } đề án
coverage-schemes-unreported = { $itemised } đề án (không có số báo cáo)
coverage-cost = { $itemised } trong { $reported } triệu đồng
coverage-cost-unreported = { $itemised } triệu đồng (không có tổng kinh phí báo cáo)
coverage-complete = không có gì được báo cáo bị bỏ sót.
coverage-missing = phần chênh lệch ({ $missing }) có trong tổng số báo cáo nhưng không có trong bản ghi đề án nào, nên không dòng nào thể hiện.
missing-schemes = { $gap } đề án
missing-cost = { $gap } triệu đồng
empty-scopes = Không bản ghi đề án nào được tính là { $keys }: các số 0 của những dòng này không phải số 0 đã biết.
empty-scopes-reported = Chương trình báo cáo { $schemes } (`reported_schemes`).
scope-schemes = { $count } đề án { $scope }
empty-activities = Không có gì được liệt kê cho { $keys }: chương trình không công bố số liệu cho các mục này, nên các số 0 không phải số 0 đã biết.
unknown-may-include = { $schemes } đề án ({ $cost } triệu đồng) được tính là `{ $unknown }` có thể bao gồm một phần của chúng.
source-rolled-up = Kinh phí của mỗi dòng được cộng dồn từ các nguồn con; các dòng không có nguồn cha cộng với `unattributed` bằng tổng kinh phí.
source-schemes-overlap = `schemes` của một dòng đếm các đề án có dòng kinh phí thuộc nguồn đó: một đề án được chi từ nhiều nguồn được đếm ở mỗi nguồn, nên `schemes` không cộng thành tổng.
source-empty = Không dòng kinh phí nào ghi `{ $source }` hoặc nguồn con của nó: các số 0 của dòng này không phải số 0 đã biết.
source-empty-reported = Chương trình báo cáo { $reported } triệu đồng từ nguồn này (`reported_cost`).
source-may-include = { $holders } có thể bao gồm một phần của nó.
holder-unsplit = { $own } triệu đồng chưa chia của nguồn `{ $source }`
holder-unattributed = { $amount } triệu đồng không có dòng kinh phí nào

## Tiêu đề lỗi (trường `title` của RFC 9457), một cho mỗi loại lỗi

problem-not-found = Không tìm thấy
problem-invalid-parameter = Tham số yêu cầu không hợp lệ
problem-invalid-document = Tài liệu không hợp lệ
problem-method-not-allowed = Phương thức không được phép
problem-unauthorized = Cần xác thực
problem-forbidden = Token này không được phép
problem-precondition-failed = Phiên bản không khớp
problem-precondition-required = Cần If-Match
problem-payload-too-large = Nội dung yêu cầu quá lớn
problem-unsupported-media-type = Kiểu nội dung không được hỗ trợ
problem-too-many-requests = Quá nhiều yêu cầu
problem-request-timeout = Hết thời gian chờ yêu cầu
problem-unavailable = Dịch vụ tạm thời không phục vụ được
problem-internal = Lỗi máy chủ
