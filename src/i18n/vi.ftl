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

## Lỗi: điều gì không đúng, cho người đọc (không viết hoa chữ đầu: chúng nối tiếp tiêu đề)

parameter-unknown-value = { $parameter } { $value } không hợp lệ; các giá trị được phép: { $allowed }
parameter-missing = cần có { $parameter }; các giá trị được phép: { $allowed }
parameter-invalid = { $parameter }: { $detail }
parameter-unknown-takes-none = tham số truy vấn { $name } không được hỗ trợ: thao tác này không nhận tham số nào (tên bắt đầu bằng `_` được bỏ qua)
parameter-unknown = tham số truy vấn { $name } không được hỗ trợ; thao tác này nhận: { $declared } (tên bắt đầu bằng `_` được bỏ qua)
document-problems = tài liệu có { $count } lỗi
database-unavailable = Cơ sở dữ liệu không trả lời; hãy thử lại sau ít phút.
internal-error = Máy chủ không trả lời được yêu cầu này.
write-exists = chương trình đã tồn tại (ETag của nó là "{ $version }-json"): If-None-Match: * chỉ dùng để tạo mới; để thay thế, hãy gửi If-Match: "{ $version }-json" (hoặc không gửi điều kiện)
write-changed = chương trình đã thay đổi: ETag hiện nay là "{ $version }-json"; hãy đọc lại và gửi lại với If-Match: "{ $version }-json"
write-no-programme = chương trình không tồn tại, nên không If-Match nào đúng được

## Xác thực và giới hạn ghi

too-many = { $what }; hãy thử lại sau { $seconds } giây
auth-no-token = thao tác này cần một bearer token: Authorization: Bearer <token>
auth-too-many-failures = địa chỉ này đã xác thực sai quá nhiều lần
auth-malformed = header Authorization phải có dạng: Bearer kc_<id>_<secret>
auth-invalid = token không hợp lệ: không có, đã bị thu hồi hoặc đã hết hạn
auth-scope = token { $name } có phạm vi { $has }; thao tác này cần { $needs }
auth-too-many-writes = token này đã ghi quá nhiều lần

## Lỗi của các đường dẫn

downloads-busy = máy chủ đang phục vụ số lượt tải toàn bộ chương trình nhiều nhất cho phép cùng lúc; hãy thử lại sau ít phút
parameter-not-a-version = { $value } không phải phiên bản dữ liệu (một số nguyên từ 0 trở lên)
parameter-not-a-limit = { $value } không phải số nguyên từ 1 đến { $max }
parameter-not-a-cursor = không phải con trỏ do API này cấp; hãy bắt đầu lại mà không có nó
parameter-parser = không hợp lệ: { $detail }
query-parser = chuỗi truy vấn không hợp lệ: { $detail }
path-parser = không có tài nguyên này: { $detail }
document-id-not-path = { $id } phải là mã trong đường dẫn, { $path }
method-not-allowed = { $method } không được phép ở đây; được phép: { $allowed }
method-not-allowed-long = phương thức này không được phép ở đây; được phép: { $allowed }
path-unknown = không có tài nguyên nào ở { $path }; xem /openapi.json để biết các đường dẫn của API
programme-not-found = không tìm thấy chương trình { $id }

## Lỗi của header và nội dung yêu cầu

edit-needs-if-match = thao tác sửa này cần If-Match với ETag hiện tại của chương trình (từ bất kỳ GET nào của chương trình), để hai người sửa không bao giờ ghi đè lên nhau
body-not-json = nội dung phải là application/json, không phải { $sent }
body-not-json-none = nội dung phải là application/json, nhưng yêu cầu không có Content-Type
body-too-large = nội dung lớn hơn { $limit } byte
body-stalled = nội dung ngừng gửi đến trong { $seconds } giây
body-unreadable = không đọc được nội dung: { $error }
parameter-repeated = được gửi nhiều lần; chỉ gửi một lần
nul-in-path = đường dẫn chứa ký tự NUL (%00), điều mà không tham số nào được có
nul-in-query = chuỗi truy vấn chứa ký tự NUL (%00), điều mà không tham số nào được có

## Lỗi của bản ghi đề án

scheme-not-found = không tìm thấy bản ghi đề án { $scheme } trong chương trình { $programme }
scheme-id-not-path = { $id } phải là mã đề án trong đường dẫn, { $path }
scheme-id-taken = mã đề án { $id } đã được dùng trong chương trình này (dùng PUT để thay thế)

## Tổng quá lớn để lưu

sum-too-large = làm { $what } vượt quá { $most } triệu đồng, mức lớn nhất có thể lưu
sum-itemised-cost = tổng kinh phí đã liệt kê của chương trình
sum-group-cost = kinh phí của một nhóm bản ghi
sum-group-funding = nguồn kinh phí của một nhóm bản ghi
sum-indicator-too-large = làm tổng của chỉ số { $key } trên các bản ghi lớn hơn mức một số thập phân chính xác chứa được ({ $most })

## Lỗi của tài liệu chương trình (422), mỗi lỗi tại con trỏ JSON của nó

text-nul = không được chứa ký tự NUL (U+0000)
text-empty = không được để trống
text-too-long = dài tối đa { $max } ký tự
amount-negative = không được âm
amount-invalid = { $value } { $problem }
money-not-decimal = phải là một số thập phân viết dưới dạng chuỗi, ví dụ "735.50"
money-too-precise = có hơn { $places } chữ số thập phân (số tiền tính bằng triệu đồng, chính xác đến 10.000 đồng)
money-too-large = quá lớn
count-too-small = phải ít nhất là { $least }
count-too-large = quá lớn
source-unknown = nguồn kinh phí { $key } không có; các nguồn được phép: { $allowed }
source-twice = nguồn kinh phí { $key } được ghi hai lần
not-a-slug = { $value } không phải mã định danh hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch nối đơn (tối đa 100 ký tự)
currency-must-be = phải là { $currency }
unit-must-be = phải là { $unit }: số tiền tính bằng triệu đồng
year-out-of-range = phải là một năm từ 1900 đến 2200
period-backwards = { $end } sớm hơn năm bắt đầu start_year { $start }
not-a-date = { $value } không phải ngày theo ISO 8601 (YYYY-MM-DD)
scope-unknown = phạm vi { $key } không có; các phạm vi được phép: { $allowed }
scope-twice = phạm vi { $key } được ghi hai lần
not-a-key = { $value } không phải khóa hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch dưới đơn
indicator-defined-twice = chỉ số { $key } được định nghĩa hai lần
too-many-records = có hơn 2.000.000 bản ghi
scheme-id-twice = mã đề án { $id } được dùng hai lần
activity-unknown = hoạt động { $key } không có; các hoạt động được phép: { $allowed }
funding-over-cost = các dòng kinh phí cộng lại { $funded }, nhiều hơn kinh phí của bản ghi { $cost }
indicator-undefined = chỉ số { $key } không có trong /indicator_definitions
indicator-twice = chỉ số { $key } được ghi hai lần
indicator-not-decimal = { $value } phải là một số thập phân viết dưới dạng chuỗi, ví dụ "610"
indicator-too-precise = { $value } có nhiều chữ số hơn mức một phép cộng chính xác chứa được (28 chữ số có nghĩa)
json-trailing = có văn bản thừa sau giá trị JSON: { $error }

## Thông báo của bộ đọc JSON

json-located = { $what } (dòng { $line }, cột { $column })
json-missing-field = thiếu trường { $field }
json-unknown-field = trường { $field } không có trong định dạng; các trường được phép: { $expected }
json-unknown-field-either = trường { $field } không có trong định dạng; các trường được phép: { $first }, { $second }
json-unknown-field-one-of = trường { $field } không có trong định dạng; các trường được phép: { $fields }
json-invalid-type = sai kiểu dữ liệu: có { $found }, cần { $expected }
json-invalid-value = giá trị không hợp lệ: có { $found }, cần { $expected }
json-duplicate-field = trường { $field } xuất hiện hai lần
json-eof-value = văn bản JSON kết thúc giữa chừng
json-eof-object = văn bản JSON kết thúc giữa chừng
json-eof-list = văn bản JSON kết thúc giữa chừng
json-eof-string = văn bản JSON kết thúc giữa chừng
json-syntax = không phải JSON hợp lệ ({ $what })
json-not-whole = { $number } không phải số nguyên trong khoảng cho phép
json-unreadable = không đọc được tài liệu JSON: { $text }

## Các trang: khung trang (page-…), biểu đồ và liên kết

page-home = Trang chủ
page-site = Kết quả Chương trình Khuyến công
page-intro = Số liệu các chương trình khuyến công, chính xác đến từng đồng đã công bố, kèm câu gốc của nguồn tin. Mỗi số báo cáo được đặt cạnh tổng của các bản ghi đề án, và phần chênh lệch được nói rõ.
page-programme = Chương trình
page-period = Giai đoạn
page-jurisdiction = Địa phương
page-schemes = Số đề án
page-cost = Tổng kinh phí
page-state_budget = Ngân sách nhà nước
page-contributions = Đóng góp của tổ chức, cá nhân
page-reported = Báo cáo
page-itemised = Cộng từ bản ghi
page-gap = Chênh lệch
page-implied = Suy ra (không phải số báo cáo)
page-unit = triệu đồng
page-source = Nguồn số liệu
page-published = đăng ngày
page-legal_basis = Căn cứ
page-agency = Đơn vị thực hiện
page-reconciliation = Số báo cáo và số cộng từ các bản ghi
page-reconciliation_intro = Cột “Báo cáo” là số chương trình công bố; cột “Cộng từ bản ghi” là tổng của các bản ghi đề án; “Chênh lệch” là hiệu của hai số.
page-notes = Giải thích
page-by_activity = Theo nội dung hoạt động
page-by_source = Theo nguồn kinh phí
page-activity = Nội dung hoạt động
page-funding_source = Nguồn kinh phí
page-share_itemised = Tỷ lệ trên số cộng từ bản ghi
page-share_reported = Tỷ lệ trên tổng báo cáo
page-nothing_itemised = chưa có bản ghi
page-records = Các bản ghi đề án
page-scope = Phạm vi
page-funding = Kinh phí theo nguồn
page-no_funding_line = nguồn tin không nói nguồn kinh phí
page-indicators = Chỉ số
page-quote = Câu gốc
page-our_note = Ghi chú của chúng tôi
page-downloads = Tải về và dữ liệu máy đọc
page-other_language = English
page-chart_table = Bảng số liệu của biểu đồ
page-not_published = không công bố
page-more_records = Trang này hiện các bản ghi đầu tiên; tải tệp CSV để có toàn bộ.
page-more_programmes = Trang này hiện các chương trình mới nhất; xem danh sách đầy đủ ở
page-none_yet = Chưa có chương trình nào.
chart-activity-title = Kinh phí các bản ghi đề án theo nội dung hoạt động (triệu đồng)
chart-activity-description = Mỗi nội dung hoạt động một thanh, dài theo kinh phí các bản ghi của nó. Các bản ghi cộng lại { $total } triệu đồng; số liệu ở bảng bên dưới.
chart-source-title = Kinh phí theo nguồn: số cộng từ bản ghi bên cạnh số báo cáo (triệu đồng)
chart-source-description = Với mỗi nguồn kinh phí, một thanh cho các dòng kinh phí của bản ghi (xanh) và một thanh cho số chương trình báo cáo (cam), nếu có; số liệu ở bảng bên dưới.
link-totals = Tổng hợp (JSON)
link-breakdown-activity = Phân tích theo hoạt động (JSON)
link-schemes = Các bản ghi đề án (JSON)
link-schemes-csv = Các bản ghi đề án (CSV, cho bảng tính)
link-breakdown-activity-csv = Phân tích theo hoạt động (CSV)
link-breakdown-source-csv = Phân tích theo nguồn kinh phí (CSV)
link-export = Toàn bộ tài liệu chương trình (JSON)

## Tên cột của các tệp tải về (khóa CSV giữ nguyên; tên này cho người đọc)

column-source-own = { $source }: dòng kinh phí ghi đúng nguồn này (triệu đồng)
column-source-rolled-up = { $source } cộng các nguồn con (triệu đồng)
column-indicator = { $name } ({ $unit })
column-unattributed-million-vnd = Không có dòng kinh phí (triệu đồng)
column-scheme-id = Mã bản ghi
column-activity = Nội dung hoạt động
column-scope = Phạm vi
column-scheme-count = Số đề án
column-cost-million-vnd = Kinh phí (triệu đồng)
column-title-vi = Tên (tiếng Việt)
column-title-en = Tên (tiếng Anh)
column-quote = Câu gốc của nguồn tin
column-note = Ghi chú của chúng tôi
column-share-of-itemised-cost-percent = Tỷ lệ trên kinh phí cộng từ bản ghi (%)
column-share-of-reported-cost-percent = Tỷ lệ trên tổng kinh phí báo cáo (%)
column-name-vi = Tên (tiếng Việt)
column-name-en = Tên (tiếng Anh)
column-nothing-itemised = Chưa có bản ghi
column-source = Nguồn kinh phí
column-parent = Thuộc nguồn
column-schemes-with-lines-under = Số đề án có dòng kinh phí thuộc nguồn
column-own-million-vnd = Dòng kinh phí ghi đúng nguồn này (triệu đồng)
column-rolled-up-million-vnd = Cộng các nguồn con (triệu đồng)
column-reported-funding-million-vnd = Báo cáo (triệu đồng)
column-funding-gap-million-vnd = Chênh lệch (triệu đồng)
column-implied-at-least-million-vnd = Suy ra, ít nhất (triệu đồng)
column-implied-at-most-million-vnd = Suy ra, nhiều nhất (triệu đồng)
column-schemes = Số đề án
column-reported-schemes = Số đề án báo cáo
column-schemes-gap = Chênh lệch số đề án

## Tệp bảng tính: tên trang, nhãn và các từ của trang trích dẫn

sheet-about = Thông tin
about-programme = Chương trình
about-programme-vi = Chương trình (tiếng Việt)
about-jurisdiction = Địa phương
about-period = Giai đoạn
about-source = Nguồn số liệu
about-publisher = Nơi đăng
about-published = Ngày đăng
about-source-note = Ghi chú về nguồn
about-data-version = Phiên bản dữ liệu
about-written-at = Thời điểm ghi dữ liệu (UTC)
about-unit = Đơn vị số tiền
about-exactness = Độ chính xác
about-exactness-text = Số tiền là số của bảng tính (dấu phẩy động nhị phân, như định dạng tệp lưu), mỗi số làm tròn đến hai chữ số thập phân đúng bằng số chính xác; các tệp JSON và CSV là văn bản thập phân chính xác.
column-measure = Chỉ tiêu
column-reported = Báo cáo
column-itemised = Cộng từ bản ghi
column-gap = Chênh lệch
column-own-unsplit = Chưa chia cho nguồn con (triệu đồng)
row-schemes = Số đề án
row-cost = Tổng kinh phí
sheet-totals = Tổng hợp
sheet-by-activity = Theo hoạt động
sheet-by-scope = Theo phạm vi
sheet-by-source = Theo nguồn
sheet-schemes-truncated = Trang này chỉ có các bản ghi đầu tiên (giới hạn của một trang tính); tệp schemes.csv có đủ.
sheet-schemes = Đề án
column-where = Ở đâu
column-figure = Số liệu
quote-reported = báo cáo
quote-legal-basis = căn cứ
quote-schemes = số đề án
quote-cost = tổng kinh phí
quote-record = bản ghi
sheet-quotes = Trích dẫn

## Đơn vị

unit-amounts = triệu đồng
indicator-not-found = chương trình { $id } không có chỉ số { $key }
