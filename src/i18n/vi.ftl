# Thông điệp của API bằng tiếng Việt. Số tiền viết như bài viết nguồn (41.306,53); từ ngữ theo
# ../shared/GLOSSARY.md. Mỗi thông điệp có cùng mã và cùng tham số như trong en.ftl (có kiểm thử).

## Từ nối

list-and = và
list-or = hoặc

## /totals: số liệu công bố và số cộng từ các nhóm đề án

totals-schemes-gap = Bài viết nêu { $reported } đề án; các nhóm đề án cộng lại { $itemised } đề án: chênh lệch { $gap }.
totals-scope-gap = Bài viết nêu { $reported } { $scope }; các nhóm đề án ghi { $itemised } đề án thuộc cấp này: chênh lệch { $gap }.
totals-scope-unsplit = Bài viết nêu { $reported } { $scope } nhưng không tách các nhóm đề án theo cấp ({ $unsplit } đề án đã ghi không nêu cấp), nên đây không phải chênh lệch: suy ra từ số công bố, ít nhất { $least } và nhiều nhất { $most } trong { $recorded } đề án đã ghi là { $scope }.
totals-cost-gap = Bài viết nêu tổng kinh phí { $reported } triệu đồng; các nhóm đề án cộng lại { $itemised } triệu đồng: chênh lệch { $gap } triệu đồng.
totals-unattributed = { $amount } triệu đồng trong kinh phí cộng từ các nhóm đề án là kinh phí không nêu nguồn: bài viết không nêu ai đã chi.
funding-gap = Bài viết nêu { $source } { $reported } triệu đồng; các dòng kinh phí cộng lại { $itemised } triệu đồng: chênh lệch { $gap } triệu đồng.
gap-may-be-unattributed = Phần chênh lệch này không nằm trên dòng kinh phí nào; tối đa { $most } triệu đồng trong đó có thể nằm trong các nhóm đề án không nêu nguồn.
funding-gap-unsplit = Bài viết nêu { $source } { $reported } triệu đồng, các dòng kinh phí ghi nguồn này cộng lại { $itemised } triệu đồng; nhưng bài viết không tách theo cấp { $own } triệu đồng { $parent }, nên phần còn lại ({ $gap } triệu đồng) không phải kinh phí nằm ngoài các nhóm đề án (xem phần suy ra).
funding-unsplit = { $own } triệu đồng { $source } không được tách cho nguồn cấp dưới: bài viết không nêu cấp nào đã chi.
funding-implied = Suy ra từ số công bố (không phải số công bố): trong { $unsplit } triệu đồng { $parent } chưa tách theo cấp, phần của { $source } ít nhất là { $least } và nhiều nhất là { $most } triệu đồng.
reported-children-exceed = Các số công bố không thể cùng đúng: { $children } cộng lại { $sum }, nhiều hơn số công bố của { $parent } ({ $reported }) mà chúng thuộc về; vì vậy không suy ra giới hạn nào từ các số này.
source-amount = { $source } { $amount }
totals-schemes-gap-bounds = Bài viết nêu { $reported } đề án; các nhóm đề án cộng lại { $itemised } đề án: chênh lệch { $gap }.
totals-scope-gap-bounds = Bài viết nêu { $reported } { $scope }; các nhóm đề án ghi { $itemised } đề án thuộc cấp này: chênh lệch { $gap }.
totals-cost-gap-bounds = Bài viết nêu tổng kinh phí { $reported } triệu đồng; các nhóm đề án cộng lại { $itemised } triệu đồng: chênh lệch { $gap } triệu đồng.
funding-gap-bounds = Bài viết nêu { $source } { $reported } triệu đồng; các dòng kinh phí cộng lại { $itemised } triệu đồng: chênh lệch { $gap } triệu đồng.
gap-holds-throughout = Kết luận này đúng với mọi giá trị mà số công bố cho phép.
gap-holds-for-part = Các nhóm đề án thấp hơn, bằng hay vượt số công bố chỉ đúng với một phần khoảng giá trị của số đó: số công bố chưa đủ để kết luận.
totals-cost-covers = Tổng số công bố ({ $reported } triệu đồng) chỉ gồm { $sources }, nên được so với các dòng kinh phí của các nguồn này ({ $lines } triệu đồng), không so với toàn bộ kinh phí cộng từ các nhóm đề án ({ $itemised } triệu đồng); { $unattributed } triệu đồng kinh phí không nêu nguồn không đưa vào so sánh.
funding-remainder = Bài viết nêu { $source } là phần còn lại, không nêu số: suy ra từ các số công bố khác là { $implied } triệu đồng (số tính ra, không phải số công bố).
funding-remainder-unfixed = Bài viết nêu { $source } là phần còn lại, không nêu số; các số công bố khác không đủ để tính ra phần này.
remainder-basis = Số tính ra, không phải số công bố: số công bố cấp trên trừ các nguồn cùng cấp đã công bố ({ $others }).
figure-none = không có số
figure-exact = { $value }
figure-at-least = trên { $value }
figure-at-most = dưới { $value }
figure-about = khoảng { $value }
figure-range = từ { $min } đến { $max }
figure-estimate = ước { $figure }
figure-percent = { $value }%
row-cost-covers = so với các dòng kinh phí của { $sources }
across-part-with-whole = là một phần của { $whole }, chương trình này đã được tính: không cộng một phần vào tổng thể của nó
across-part = là một phần của { $whole }: không tính các phần, trừ khi yêu cầu `parts=true`
across-kinds-mixed = Các chương trình gồm cả kế hoạch và kết quả thực hiện: số liệu của chúng không bao giờ được cộng với nhau, nên không có số tổng.
across-basis = Tổng số công bố của { $count } chương trình.
across-unpublished-schemes = Không cộng số đề án công bố: { $count } chương trình ({ $programmes }) không nêu số này.
across-unpublished-cost = Không cộng tổng kinh phí công bố: { $count } chương trình ({ $programmes }) không nêu số này.
across-covers-differ = Không cộng tổng kinh phí công bố: tổng kinh phí của { $programmes } gồm các nguồn kinh phí khác với các chương trình còn lại (không cộng tổng hỗ trợ của nhà nước với tổng có cả vốn đối ứng); kinh phí cộng từ các nhóm đề án là của mọi nhóm đề án.
figure-remainder = phần còn lại, không nêu số (tính ra: { $implied })
figure-remainder-unfixed = phần còn lại, không nêu số
interval-between = từ { $least } đến { $most }
interval-at-least = ít nhất { $least }
interval-at-most = nhiều nhất { $most }
interval-open = chưa xác định
bounds-basis-exact = Số công bố là một số chính xác.
bounds-basis-at-least = Số công bố là giới hạn dưới ("trên", "hơn"): bằng hoặc lớn hơn số đó.
bounds-basis-at-most = Số công bố là giới hạn trên ("dưới"): bằng hoặc nhỏ hơn số đó.
bounds-basis-about = Số công bố là số gần đúng ("gần", "khoảng"): trong phạm vi { $tolerance } % về mỗi phía (đến số chữ số thập phân của số công bố).
bounds-basis-range = Số công bố là một khoảng, không có một số duy nhất.
bounds-basis-estimate = Đây là số ước thực hiện ("ước"), chưa phải số chính thức.
gap-bounds-basis = Chênh lệch là khoảng giá trị của số công bố trừ { $itemised } cộng từ các nhóm đề án.
share-bounds-basis = Tỷ lệ trên một số công bố không chính xác: từ phần nhỏ nhất chia cho cơ sở lớn nhất đến phần lớn nhất chia cho cơ sở nhỏ nhất.

## Điều số công bố cho phép suy ra về kinh phí và đề án chưa tách

implied-overspent = Không suy ra được cách chia { $unsplit } triệu đồng { $parent } chưa tách theo cấp: bài viết nêu { $source } { $reported } triệu đồng nhưng các dòng kinh phí ghi nguồn này đã cộng lại { $itemised } triệu đồng.
implied-no-room = Không suy ra được cách chia { $unsplit } triệu đồng { $parent } chưa tách theo cấp: số công bố của { $sources } chỉ còn chỗ cho { $room } triệu đồng.
implied-basis = Suy ra từ số công bố (không phải số công bố): bài viết nêu { $source } { $reported } triệu đồng, các dòng kinh phí ghi nguồn này cộng lại { $itemised }, nên trong { $unsplit } triệu đồng { $parent } chưa tách, phần của nguồn này nhiều nhất là { $most }; các nguồn khác thuộc { $parent } chỉ nhận được nhiều nhất { $others }, nên phần của nguồn này ít nhất là { $least } triệu đồng.
implied-basis-unreported = Suy ra từ số công bố (không phải số công bố): bài viết không nêu số của { $source }, nên nguồn này có thể nhận toàn bộ { $unsplit } triệu đồng { $parent } chưa tách; các nguồn khác thuộc { $parent } chỉ nhận được nhiều nhất { $others }, nên phần của nguồn này ít nhất là { $least } triệu đồng.
implied-schemes-basis = Suy ra từ số công bố (không phải số công bố): bài viết nêu { $reported } { $scope } trong tổng số { $total } đề án và không tách các nhóm đề án theo cấp; { $unsplit } đề án đã ghi thuộc các nhóm không nêu cấp và { $outside } đề án không thuộc nhóm nào, nên ít nhất { $least } và nhiều nhất { $most } trong { $recorded } đề án đã ghi là { $scope }.
implied-schemes-basis-no-total = Suy ra từ số công bố (không phải số công bố): bài viết nêu { $reported } { $scope } và không tách các nhóm đề án theo cấp; { $unsplit } đề án đã ghi thuộc các nhóm không nêu cấp, nên ít nhất { $least } và nhiều nhất { $most } trong { $recorded } đề án đã ghi là { $scope }.

## Phân tích: các dòng bao gồm những gì

shares-reported = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án lấy mẫu số là { $itemised } triệu đồng; tỷ lệ trên tổng kinh phí công bố lấy mẫu số là { $reported } triệu đồng.
shares-unreported = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án tính trên { $itemised } triệu đồng; bài viết không nêu tổng kinh phí, nên không có tỷ lệ trên tổng kinh phí công bố.
source-reported-share = Tỷ lệ số công bố trên tổng kinh phí công bố là số công bố của mỗi nguồn chia cho tổng kinh phí công bố: phần bài viết ghi cho nguồn đó.
coverage-no-totals = Bài viết không nêu số tổng: các dòng gồm { $schemes } đề án và { $cost } triệu đồng cộng từ các nhóm đề án.
coverage = Các dòng gồm { $schemes } và { $cost } công bố: { $rest }
coverage-schemes = { $itemised } trong { $reported } đề án
coverage-schemes-unreported = { $itemised } đề án (bài viết không nêu tổng số)
coverage-cost = { $itemised } trong { $reported } triệu đồng
coverage-cost-unreported = { $itemised } triệu đồng (bài viết không nêu tổng kinh phí)
coverage-complete = không thiếu phần nào của số công bố.
coverage-missing = phần chênh lệch ({ $missing }) có trong số công bố nhưng không thuộc nhóm đề án nào, nên không dòng nào thể hiện.
coverage-bounds = Các dòng gồm { $schemes } và { $cost }: { $rest }
coverage-unsettled-also = Với { $gaps }, số công bố chưa đủ để biết có phần nào bị thiếu hay không.
missing-cost-partial = chênh lệch { $gap } triệu đồng so với các dòng kinh phí của các nguồn mà tổng số công bố bao gồm, có thể nằm trong các nhóm đề án không nêu nguồn
coverage-schemes-bounds = { $itemised } đề án (số công bố: { $reported })
coverage-cost-bounds = { $itemised } triệu đồng (số công bố: { $reported })
coverage-unsettled = số công bố chưa đủ để biết có phần nào bị thiếu hay không: { $gaps }.
shares-partial-total = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án lấy mẫu số là { $itemised } triệu đồng; tổng số công bố ({ $reported } triệu đồng) chỉ gồm một số nguồn kinh phí, nên không tính tỷ lệ của từng dòng trên số này.
funding-remainder-contradicted = Bài viết nêu { $source } là phần còn lại, không nêu số, nhưng các số công bố khác không để lại phần nào cho nguồn này ({ $rest } triệu đồng): các số này không thể cùng đúng.
missing-schemes = { $gap } đề án
missing-cost = { $gap } triệu đồng
missing-bounds = chênh lệch { $gap } đề án
missing-cost-bounds = chênh lệch { $gap } triệu đồng
empty-scopes = Không nhóm đề án nào ghi là { $keys }: bài viết không tách các nhóm đề án theo cấp, nên số 0 ở đây chỉ có nghĩa là bài viết không nêu.
empty-scopes-reported = Bài viết nêu { $schemes }.
scope-schemes = { $count } { $scope }
empty-activities = Bài viết không nêu số liệu cho { $keys }, nên số 0 ở đây chỉ có nghĩa là bài viết không nêu.
unknown-scope-may-include = { $schemes } đề án ({ $cost } triệu đồng) không nêu cấp có thể gồm một phần trong số đó.
unspecified-activity-may-include = { $schemes } đề án ({ $cost } triệu đồng) không nêu nội dung hoạt động có thể gồm một phần trong số đó.
funding-list-rolls-up = Kinh phí theo nguồn của mỗi dòng được tính gồm cả nguồn cấp dưới: số của nguồn cấp trên đã gồm các dòng kinh phí của nguồn cấp dưới, nên cộng cả danh sách sẽ tính các dòng đó hai lần; chỉ cộng các nguồn không có nguồn cấp trên.
source-rolled-up = Kinh phí của mỗi dòng gồm cả nguồn cấp dưới; các dòng không có nguồn cấp trên cộng với kinh phí không nêu nguồn bằng tổng kinh phí.
source-schemes-overlap = Số đề án của mỗi dòng là số đề án có dòng kinh phí thuộc nguồn đó: một đề án được chi từ nhiều nguồn được đếm ở mỗi nguồn, nên số đề án của các dòng không cộng thành tổng.
source-empty = Không dòng kinh phí nào ghi { $source } hoặc nguồn cấp dưới của nó: số 0 ở đây chỉ có nghĩa là bài viết không nêu.
source-empty-reported = Bài viết nêu { $reported } triệu đồng từ nguồn này.
source-may-include = { $holders } có thể gồm một phần của nguồn này.
holder-unsplit = { $own } triệu đồng { $source } chưa tách theo cấp
holder-unattributed = { $amount } triệu đồng kinh phí không nêu nguồn

## Tiêu đề lỗi (trường `title` của RFC 9457), một cho mỗi loại lỗi

problem-not-found = Không tìm thấy
problem-invalid-parameter = Tham số không hợp lệ
problem-invalid-document = Dữ liệu không hợp lệ
problem-method-not-allowed = Phương thức không được phép
problem-unauthorized = Cần mã truy cập
problem-forbidden = Mã truy cập này không được phép
problem-precondition-failed = Dữ liệu đã được thay đổi
problem-precondition-required = Cần If-Match
problem-payload-too-large = Nội dung yêu cầu quá lớn
problem-unsupported-media-type = Kiểu nội dung không được hỗ trợ
problem-too-many-requests = Quá nhiều yêu cầu
problem-request-timeout = Hết thời gian chờ yêu cầu
problem-conflict = Xung đột
problem-not-acceptable = Không có định dạng được chấp nhận
problem-unavailable = Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại
problem-internal = Lỗi máy chủ

## Lỗi: điều gì không đúng, cho người đọc (không viết hoa chữ đầu: chúng nối tiếp tiêu đề)

parameter-unknown-value = { $parameter } { $value } không hợp lệ; các giá trị được phép: { $allowed }
parameter-missing = cần có { $parameter }; các giá trị được phép: { $allowed }
parameter-invalid = { $parameter }: { $detail }
parameter-unknown-takes-none = tham số truy vấn { $name } không được hỗ trợ: thao tác này không nhận tham số nào (tên bắt đầu bằng `_` được bỏ qua)
parameter-unknown = tham số truy vấn { $name } không được hỗ trợ; thao tác này nhận: { $declared } (tên bắt đầu bằng `_` được bỏ qua)
document-problems = dữ liệu có { $count } lỗi
database-unavailable = Cơ sở dữ liệu không trả lời; hãy thử lại sau ít phút.
internal-error = Máy chủ không trả lời được yêu cầu này.
write-exists = chương trình đã tồn tại (ETag của nó là "{ $version }-json"): If-None-Match: * chỉ dùng để tạo mới; để thay thế, hãy gửi If-Match: "{ $version }-json" (hoặc không gửi điều kiện)
write-changed = chương trình đã thay đổi: ETag hiện nay là "{ $version }-json"; hãy đọc lại và gửi lại với If-Match: "{ $version }-json"
write-no-programme = chương trình không tồn tại, nên không If-Match nào đúng được

## Xác thực và giới hạn ghi

too-many = { $what }; hãy thử lại sau { $seconds } giây
auth-no-token = thao tác này cần mã truy cập (bearer token): Authorization: Bearer <token>
auth-too-many-failures = địa chỉ này đã xác thực sai quá nhiều lần
auth-malformed = header Authorization phải có dạng: Bearer kc_<id>_<secret>
auth-invalid = mã truy cập không hợp lệ: không có, đã bị thu hồi hoặc đã hết hạn
auth-scope = mã truy cập { $name } có phạm vi { $has }; thao tác này cần { $needs }
auth-too-many-writes = mã truy cập này đã ghi quá nhiều lần

## Lỗi của các đường dẫn

downloads-busy = máy chủ đang phục vụ số lượt tải toàn bộ chương trình nhiều nhất cho phép cùng lúc; hãy thử lại sau ít phút
parameter-not-a-version = { $value } không phải phiên bản dữ liệu (một số nguyên từ 0 trở lên)
changes-since-future = since { $since } lớn hơn phiên bản dữ liệu mới nhất, { $latest }: cơ sở dữ liệu này không phải cơ sở dữ liệu mà bản sao đã theo dõi (hoặc nó được khôi phục từ một bản cũ hơn). Hãy bắt đầu lại từ 0, hoặc từ latest_version nếu chỉ cần những thay đổi từ nay
not-acceptable = thao tác này chỉ trả về { $offered }, và tiêu đề Accept ({ $accept }) không nhận định dạng nào trong đó
parameter-not-a-limit = { $value } không phải số nguyên từ 1 đến { $max }
parameter-not-a-cursor = không phải con trỏ do API này cấp; hãy bắt đầu lại mà không có nó
parameter-parser = giá trị không đúng định dạng mà tham số này nhận
parameter-absent = cần có nhưng không được gửi
query-parser = chuỗi truy vấn không đọc được (kiểm tra cách mã hóa phần trăm và tên các tham số)
path-parser = không có tài nguyên này: đường dẫn không đọc được
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
body-unreadable = không đọc được nội dung yêu cầu
parameter-repeated = được gửi nhiều lần; chỉ gửi một lần
nul-in-path = đường dẫn chứa ký tự NUL (%00), điều mà không tham số nào được có
nul-in-query = chuỗi truy vấn chứa ký tự NUL (%00), điều mà không tham số nào được có

## Lỗi của bản ghi đề án

scheme-not-found = không tìm thấy nhóm đề án { $scheme } trong chương trình { $programme }
scheme-id-not-path = { $id } phải là mã đề án trong đường dẫn, { $path }
scheme-id-taken = mã đề án { $id } đã được dùng trong chương trình này (dùng PUT để thay thế)

## Tổng quá lớn để lưu

sum-too-large = làm { $what } vượt quá { $most } triệu đồng, mức lớn nhất có thể lưu
sum-itemised-cost = tổng kinh phí đã liệt kê của chương trình
sum-group-cost = kinh phí của một số nhóm đề án cộng lại
sum-group-funding = nguồn kinh phí của một số nhóm đề án cộng lại
sum-indicator-too-large = làm tổng của chỉ số { $key } trên các nhóm đề án lớn hơn mức một số thập phân chính xác chứa được ({ $most })

## Lỗi của tài liệu chương trình (422), mỗi lỗi tại con trỏ JSON của nó

text-nul = không được chứa ký tự NUL (U+0000)
text-not-xml = không được chứa { $code }: một ký tự điều khiển hoặc phi ký tự mà không tài liệu XML nào (nên không bảng tính nào) chứa được
jurisdiction-unknown = địa phương { $text } không phải tỉnh, thành phố hay cả nước nào có hiệu lực trong giai đoạn { $start }–{ $end } mà chúng tôi biết: giữ nguyên như đã viết, không gắn với đơn vị nào (xem GET /jurisdictions)
jurisdiction-ambiguous = địa phương { $text } trùng tên với nhiều đơn vị có hiệu lực năm { $start }: { $units }; giữ nguyên như đã viết, không gắn với đơn vị nào
jurisdiction-straddles = giai đoạn { $start }–{ $end } bao gồm ngày { $date }, khi { $unit } trở thành một phần của { $then }: chương trình được tính cho { $unit }, đơn vị có hiệu lực khi giai đoạn bắt đầu
part-of-itself = một chương trình không thể là một phần của chính nó
url-not-http = phải là một địa chỉ URL đầy đủ bắt đầu bằng http:// hoặc https:// (một liên kết trang web hiển thị; không phải thứ trình duyệt sẽ chạy)
text-empty = không được để trống
text-too-long = dài tối đa { $max } ký tự
amount-negative = không được âm
amount-invalid = { $value } { $problem }
money-not-decimal = phải là một số thập phân viết dưới dạng chuỗi, ví dụ "735.50"
money-too-precise = có hơn { $places } chữ số thập phân (số tiền tính bằng triệu đồng, chính xác đến 10.000 đồng)
money-too-large = quá lớn
count-too-small = phải ít nhất là { $least }
count-too-large = quá lớn
figure-missing = là bắt buộc, trừ khi `qualifier` là `range` (số liệu dạng khoảng ghi `min` và `max` thay cho { $field }) hoặc, với một nguồn kinh phí, `remainder` là true
range-has-no-figure = số liệu dạng khoảng không có một { $field } duy nhất: hãy ghi `min` và `max`
range-needs-ends = số liệu dạng khoảng cần cả `min` và `max`
ends-without-range = `min` và `max` chỉ dùng cho số liệu dạng khoảng (đặt `qualifier` là "range")
range-backwards = `max` ({ $max }) nhỏ hơn `min` ({ $min })
remainder-with-figure = phần còn lại không có số: bỏ `amount`, `min`, `max`, `qualifier` và `estimate`
remainder-twice = mỗi cấp chỉ có một nguồn là phần còn lại; { $other } đã là phần còn lại
tolerance-invalid = { $value } không phải tỷ lệ phần trăm từ 0 đến 99,99 viết dưới dạng chuỗi số thập phân (ví dụ "5")
covers-empty = không có nguồn nào; bỏ `covers` nếu tổng gồm mọi nguồn, hoặc ghi một số nguồn trong { $allowed }
covers-not-top = { $key } không phải nguồn kinh phí cấp cao nhất; `covers` chỉ ghi các nguồn trong { $allowed }
covers-twice = { $key } được ghi hai lần
source-unknown = không có nguồn kinh phí { $key }; các nguồn được phép: { $allowed }
source-twice = nguồn kinh phí { $key } được ghi hai lần
not-a-slug = { $value } không phải mã định danh hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch nối đơn (tối đa 100 ký tự)
currency-must-be = phải là { $currency }
unit-must-be = phải là { $unit }: số tiền tính bằng triệu đồng
year-out-of-range = phải là một năm từ 1900 đến 2200
period-backwards = { $end } sớm hơn năm bắt đầu ({ $start })
not-a-date = { $value } không phải ngày theo ISO 8601 (YYYY-MM-DD)
scope-unknown = không có cấp { $key }; các cấp được phép: { $allowed }
scope-twice = cấp { $key } được ghi hai lần
not-a-key = { $value } không phải khóa hợp lệ: chỉ dùng chữ thường, chữ số và dấu gạch dưới đơn
indicator-defined-twice = chỉ số { $key } được định nghĩa hai lần
too-many-records = có hơn 2.000.000 nhóm đề án
scheme-id-twice = mã đề án { $id } được dùng hai lần
activity-unknown = không có nội dung hoạt động { $key }; các nội dung hoạt động được phép: { $allowed }
funding-over-cost = các dòng kinh phí cộng lại { $funded } triệu đồng, nhiều hơn kinh phí của nhóm đề án ({ $cost } triệu đồng)
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
json-invalid-type = sai kiểu dữ liệu: có { $found }, không phải kiểu mà trường này nhận
json-invalid-value = giá trị không hợp lệ: có { $found }, không phải giá trị mà trường này nhận
json-duplicate-field = trường { $field } xuất hiện hai lần
json-eof-value = văn bản JSON kết thúc giữa chừng
json-eof-object = văn bản JSON kết thúc giữa chừng
json-eof-list = văn bản JSON kết thúc giữa chừng
json-eof-string = văn bản JSON kết thúc giữa chừng
json-syntax = không phải JSON hợp lệ
json-not-whole = { $number } không phải số nguyên trong khoảng cho phép
json-unreadable = không đọc được tài liệu JSON

## Các trang: khung trang (page-…), biểu đồ và liên kết

page-home = Trang chủ
page-site = Kết quả Chương trình Khuyến công
page-intro = Số liệu các chương trình khuyến công, đúng như đã công bố, kèm câu gốc của bài viết. Mỗi số công bố được đặt cạnh số cộng từ các nhóm đề án, và mọi chênh lệch đều được giải thích.
page-kind-plan = kế hoạch
page-status-estimate = ước thực hiện
page-part-of = { $label } ({ $part }) của { $programme }
page-part-year = năm
page-part-round = đợt
page-part-to-date = lũy kế đến ngày
page-programme = Chương trình
page-period = Giai đoạn
page-jurisdiction = Địa phương
page-schemes = Số đề án
page-cost = Tổng kinh phí
page-state_budget = Ngân sách nhà nước
page-contributions = Đóng góp của tổ chức, cá nhân
page-reported = Số công bố
page-itemised = Cộng từ nhóm đề án
page-gap = Chênh lệch
page-implied = Suy ra từ số công bố (không phải số công bố)
page-unit = triệu đồng
page-source = Bài viết nguồn
page-published = đăng ngày
page-copy_from = bản chúng tôi dùng lấy từ
page-legal_basis = Căn cứ
page-agency = Đơn vị thực hiện
page-reconciliation = Số công bố và số cộng từ các nhóm đề án
page-reconciliation_intro = Cột “Số công bố” là số bài viết nêu; cột “Cộng từ nhóm đề án” là tổng của các nhóm đề án; “Chênh lệch” là hiệu của hai số, chỉ ở nơi bài viết nêu cả hai số ở cùng một cấp.
page-notes = Giải thích
page-by_activity = Theo nội dung hoạt động
page-by_source = Theo nguồn kinh phí
page-activity = Nội dung hoạt động
page-funding_source = Nguồn kinh phí
page-share_itemised = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án
page-share_reported = Tỷ lệ trên tổng kinh phí công bố
page-reported_share = Tỷ lệ của số công bố trên tổng kinh phí công bố
page-not_split = bài viết không tách theo cấp
implied-range-schemes = { $least }–{ $most } trong { $recorded } đề án đã ghi
implied-range-amount = { $least } – { $most } (phần trong { $unsplit } triệu đồng chưa tách)
page-nothing_itemised = bài viết không nêu số liệu
page-records = Các nhóm đề án
page-scope = Cấp
page-funding = Kinh phí theo nguồn
page-no_funding_line = bài viết không nêu nguồn kinh phí
page-indicators = Chỉ số
page-quote = Câu gốc của bài viết
page-our_note = Ghi chú của chúng tôi
page-downloads = Tải về và dữ liệu máy đọc
page-other_language = English
page-language = Ngôn ngữ
page-chart_table = Bảng số liệu của biểu đồ
page-not_published = không công bố
page-more_records = Trang này hiện các nhóm đề án đầu tiên; tải tệp CSV để có đủ.
page-more_programmes = Trang này hiện các chương trình mới nhất; xem danh sách đầy đủ ở
page-none_yet = Chưa có chương trình nào.
chart-activity-title = Kinh phí các nhóm đề án theo nội dung hoạt động (triệu đồng)
chart-activity-description = Mỗi nội dung hoạt động một thanh, dài theo kinh phí các nhóm đề án của nó. Các nhóm đề án cộng lại { $total } triệu đồng; số liệu ở bảng bên dưới.
chart-source-title = Kinh phí theo nguồn: số cộng từ nhóm đề án bên cạnh số công bố (triệu đồng)
chart-source-description = Với mỗi nguồn kinh phí, một thanh cho các dòng kinh phí của các nhóm đề án (xanh) và một thanh cho số công bố (cam), nếu có; số liệu ở bảng bên dưới.
link-totals = Tổng hợp (JSON)
link-breakdown-activity = Phân tích theo hoạt động (JSON)
link-schemes = Các nhóm đề án (JSON)
link-schemes-csv = Các nhóm đề án (CSV, cho bảng tính)
link-breakdown-activity-csv = Phân tích theo hoạt động (CSV)
link-breakdown-source-csv = Phân tích theo nguồn kinh phí (CSV)
link-workbook = Bảng tính (XLSX, cho Excel và LibreOffice; in trên trang khổ ngang)
link-schemes-csv-bom = Các nhóm đề án (CSV có dấu BOM, cho Excel)
link-export = Toàn bộ tài liệu chương trình (JSON)

## Tên cột của các tệp tải về (khóa CSV giữ nguyên; tên này cho người đọc)

column-source-own = { $source }: dòng kinh phí ghi đúng nguồn này (triệu đồng)
column-source-rolled-up = { $source }, gồm cả nguồn cấp dưới (triệu đồng)
column-indicator = { $name } ({ $unit })
column-unattributed-million-vnd = Kinh phí không nêu nguồn (triệu đồng)
column-scheme-id = Mã nhóm đề án
column-activity = Nội dung hoạt động
column-scope = Cấp
column-scheme-count = Số đề án
column-cost-million-vnd = Kinh phí (triệu đồng)
column-title-vi = Tên (tiếng Việt)
column-title-en = Tên (tiếng Anh)
column-quote = Câu gốc của bài viết
column-note = Ghi chú của chúng tôi (tiếng Anh)
column-note-vi = Ghi chú của chúng tôi (tiếng Việt)
column-share-of-itemised-cost-percent = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án (%)
column-share-of-reported-cost-percent = Tỷ lệ trên tổng kinh phí công bố (%)
column-rolled-up-share-of-itemised-cost-percent = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án, gồm cả nguồn cấp dưới (%)
column-own-share-of-itemised-cost-percent = Tỷ lệ trên tổng kinh phí cộng từ các nhóm đề án, chỉ dòng ghi đúng nguồn này (%)
column-name-vi = Tên (tiếng Việt)
column-name-en = Tên (tiếng Anh)
column-nothing-itemised = Bài viết không nêu số liệu
column-source = Nguồn kinh phí
column-parent = Thuộc nguồn cấp trên
column-schemes-with-lines-under = Số đề án có dòng kinh phí thuộc nguồn
column-own-million-vnd = Dòng kinh phí ghi đúng nguồn này (triệu đồng)
column-rolled-up-million-vnd = Gồm cả nguồn cấp dưới (triệu đồng)
column-reported-funding-million-vnd = Số công bố (triệu đồng)
column-reported-share-of-reported-cost-percent = Tỷ lệ của số công bố trên tổng kinh phí công bố (%)
column-funding-gap-million-vnd = Chênh lệch (triệu đồng)
column-implied-at-least-million-vnd = Suy ra từ số công bố, ít nhất (triệu đồng)
column-implied-at-most-million-vnd = Suy ra từ số công bố, nhiều nhất (triệu đồng)
column-schemes = Số đề án
column-reported-schemes = Số đề án công bố
column-schemes-gap = Chênh lệch số đề án
column-reported-funding-remainder = Công bố là phần còn lại, không nêu số
column-remainder-implied = Phần còn lại, tính ra (triệu đồng)
column-qualifier = { $column }: cách công bố
column-estimate = { $column }: số ước
column-at-least = { $column }: ít nhất
column-at-most = { $column }: nhiều nhất
qualifier-exact = chính xác
qualifier-at-least = trên
qualifier-at-most = dưới
qualifier-about = khoảng
qualifier-range = từ … đến …

## Tệp bảng tính: tên trang, nhãn và các từ của trang trích dẫn

sheet-about = Thông tin
about-programme = Chương trình
about-programme-vi = Chương trình (tiếng Việt)
about-id = Mã chương trình
about-jurisdiction = Địa phương
about-period = Giai đoạn
about-source = Bài viết nguồn
about-publisher = Bản chúng tôi dùng lấy từ
about-published = Ngày đăng bài
about-url = Địa chỉ trang
about-source-note = Ghi chú về nguồn
about-data-version = Phiên bản dữ liệu
about-written-at = Thời điểm ghi dữ liệu (UTC)
about-unit = Đơn vị số tiền
about-exactness = Độ chính xác
about-exactness-text = Số tiền là số của bảng tính (dấu phẩy động nhị phân, như định dạng tệp lưu), mỗi số làm tròn đến hai chữ số thập phân đúng bằng số chính xác; các tệp JSON và CSV là văn bản thập phân chính xác.
column-measure = Chỉ tiêu
column-reported = Số công bố
column-itemised = Cộng từ nhóm đề án
column-gap = Chênh lệch
column-own-unsplit = Chưa tách cho nguồn cấp dưới (triệu đồng)
row-schemes = Số đề án
row-cost = Tổng kinh phí
sheet-totals = Tổng hợp
sheet-by-activity = Theo hoạt động
sheet-by-scope = Theo cấp
sheet-by-source = Theo nguồn
sheet-schemes-truncated = Trang này chỉ có các nhóm đề án đầu tiên (giới hạn của một trang tính); tệp CSV các nhóm đề án có đủ.
sheet-schemes = Nhóm đề án
column-where = Ở đâu
column-figure = Số liệu
quote-reported = số công bố
quote-legal-basis = căn cứ
quote-schemes = số đề án
quote-cost = tổng kinh phí
quote-record = nhóm đề án
sheet-quotes = Trích dẫn

## Đơn vị

unit-amounts = triệu đồng
indicator-not-found = chương trình { $id } không có chỉ số { $key }
unit-person = người
unit-person-time = lượt người
unit-copies-per-issue = cuốn/kỳ
unit-issues-per-year = kỳ/năm
cell-yes = có
cell-no = không
across-part-overlaps = là một phần của { $whole } ({ $label }) mà số liệu đã được các phần khác trong tổng tính: trong các phần của một chương trình chỉ cộng những phần không trùng nhau (các năm, nếu không có thì các đợt, nếu không có thì số lũy kế mới nhất)
across-part-repeated = là một phần của { $whole } ({ $label }) trùng với một phần khác trong tổng ({ $kept }); hãy nêu phần cần dùng bằng `programme`
across-kind-not-asked = { $kind }: chỉ cộng các loại nêu trong `kind` (mặc định `result`)
across-outside-years = giai đoạn { $start }-{ $end } nằm ngoài khoảng `from_year`..`to_year`
across-outside-jurisdictions = địa phương ({ $jurisdiction }) không thuộc các địa phương nêu trong `jurisdiction`
across-covers-partial = Tổng kinh phí công bố của { $programmes } chỉ gồm một số nguồn kinh phí: chênh lệch được tính so với các dòng kinh phí của những nguồn đó ({ $compared } triệu đồng), không phải tổng kinh phí cộng từ các nhóm đề án ({ $itemised } triệu đồng).
across-split-by-kind = Các dòng được tách theo loại (đã thêm `kind` vào cách nhóm), để không dòng nào cộng kế hoạch với kết quả thực hiện.
across-year-not-split = Không tách theo năm, vì kéo dài nhiều năm: { $programmes }; mỗi chương trình nằm ở một dòng không có năm, theo giai đoạn của nó.
across-years-of = các năm { $period }
across-kind-result = Kết quả thực hiện
across-kind-plan = Kế hoạch
across-grain-scope = Số liệu công bố theo cấp chỉ có số đề án: không chương trình nào công bố kinh phí theo cấp, nên kinh phí của các dòng là số cộng từ các nhóm đề án.
across-grain-source = Số công bố của một dòng là tổng số công bố của các chương trình cho nguồn đó; số đề án là các đề án có dòng kinh phí thuộc nguồn đó, không cộng được giữa các nguồn.
across-grain-none = Không chương trình nào công bố số liệu theo { $by ->
        [activity] nội dung hoạt động
        [activity-scope] nội dung hoạt động và cấp
        [activity-source] nội dung hoạt động và nguồn kinh phí
       *[scope-source] cấp và nguồn kinh phí
    }: các dòng chỉ là số cộng từ các nhóm đề án.
across-unpublished-source = Không cộng số công bố của { $source } ở các dòng có { $programmes }: các chương trình này không nêu số đó.
across-nothing = Không có chương trình nào phù hợp với điều kiện lọc: mọi tổng đều bằng 0.
across-too-large = tổng của các chương trình vượt quá giới hạn API lưu được; hãy thu hẹp điều kiện lọc
parameter-repeated-item = { $value } được nêu hai lần
parameter-too-many-drilldowns = nhiều nhất hai cách nhóm, không phải { $count }
parameter-empty-item = danh sách có một mục trống
parameter-not-a-year = { $value } không phải là một năm từ 1900 đến 2200
parameter-years-backwards = from_year { $from } sau to_year { $to }
parameter-unknown-programme = không có chương trình { $value }
parameter-unknown-jurisdiction = không có địa phương { $value } (xem /jurisdictions)
compare-basis-figure = Số công bố, với các giá trị mà cách nêu số cho phép.
compare-basis-difference = Số của chương trình so sánh trừ số của chương trình gốc, trên mọi giá trị mỗi số có thể có.
compare-basis-change = Chênh lệch tính theo phần trăm số của chương trình gốc, trên mọi giá trị mỗi số có thể có, làm tròn ra phía ngoài.
compare-schemes = Số đề án
compare-cost = Tổng kinh phí
compare-measure = { $name }
compare-by-published = theo số liệu công bố
compare-by-records = theo số cộng từ các nhóm đề án
compare-exceeded = { $measure }: kết quả thực hiện vượt kế hoạch { $difference } ({ $basis }).
compare-fell-short = { $measure }: kết quả thực hiện thấp hơn kế hoạch { $difference } ({ $basis }).
compare-met = { $measure }: kết quả thực hiện đúng bằng kế hoạch ({ $basis }).
compare-undetermined = { $measure }: số liệu không đủ để kết luận kết quả thực hiện vượt hay chưa đạt kế hoạch: chênh lệch là { $difference } ({ $basis }).
compare-change = Tương ứng { $percent }.
compare-result-against-plan = Một chương trình là kế hoạch, chương trình kia là kết quả thực hiện: các ghi chú về vượt hay chưa đạt đọc kế hoạch là `base` và kết quả là `other`.
compare-covers-differ = Tổng kinh phí công bố của { $base } và { $other } gồm các nguồn kinh phí khác nhau: hiển thị cả hai số, không tính chênh lệch.
column-drilldown = { $by }
column-programmes = Số chương trình
column-scheme-records = Số nhóm đề án
column-reported-cost-million-vnd = Kinh phí công bố (triệu đồng)
column-cost-gap-million-vnd = Chênh lệch kinh phí (triệu đồng)
column-source-reported = { $source }: số công bố (triệu đồng)
column-programme-id = Chương trình
column-left-out-because = Đã cộng, hoặc lý do không cộng
aggregate-total = Tổng cộng
aggregate-included = đã cộng
sheet-aggregate = Tổng hợp
sheet-aggregate-programmes = Các chương trình
page-aggregate_title = Tổng hợp nhiều chương trình
page-aggregate_intro = Các chương trình được lọc, cộng lại theo từng nhóm: “Số công bố” cộng số liệu công bố của các chương trình, chỉ khi mọi chương trình trong dòng đều nêu số đó; “Cộng từ nhóm đề án” cộng các nhóm đề án của chúng; chênh lệch là hiệu số. Không cộng kế hoạch với kết quả thực hiện, cũng không cộng một phần vào tổng thể của nó.
page-compare_title = So sánh hai chương trình
page-compare_intro = Từng chỉ tiêu của hai chương trình: số liệu công bố và số cộng từ các nhóm đề án để riêng, chênh lệch (chương trình thứ hai trừ chương trình thứ nhất) và tỷ lệ thay đổi so với chương trình thứ nhất.
page-total = Tổng cộng
page-programmes = Số chương trình
page-excluded = Các chương trình không được cộng, và lý do
page-measure = Chỉ tiêu
page-base = Thứ nhất (gốc)
page-other = Thứ hai
page-difference = Chênh lệch
page-change_percent = Thay đổi (%)
page-published_figures = Số liệu công bố
page-records_sums = Cộng từ các nhóm đề án
page-more_rows = Trang này chỉ hiển thị các dòng đầu; tệp CSV và bảng tính có đủ tất cả.
page-json = JSON
page-csv = CSV (mỗi ô một giá trị)
page-xlsx = Bảng tính (XLSX)
chart-aggregate-title = Kinh phí theo dòng (triệu đồng)
chart-aggregate-description = Mỗi dòng một thanh, dài theo kinh phí cộng từ các nhóm đề án, và một thanh cho tổng kinh phí công bố khi mọi chương trình trong dòng đều nêu số đó; số liệu ở bảng bên dưới.
chart-compare-title = Kinh phí cộng từ các nhóm đề án theo chỉ tiêu (triệu đồng)
chart-compare-description = Với mỗi nguồn kinh phí và nội dung hoạt động, một thanh cho { $base } và một thanh cho { $other }, dài theo số cộng từ các nhóm đề án; số liệu ở các bảng bên trên.
across-scope-unsplit = { $programmes } có nhóm đề án không nêu cấp: số đề án công bố theo cấp không so được với các nhóm đề án đó, nên các dòng này không có chênh lệch số đề án (bài viết không tách theo cấp).
across-cut-former-unit = { $unit } không còn là đơn vị hành chính: các chương trình của nó được cộng cùng các chương trình của đơn vị được sáp nhập thành ({ $today }), và các dòng theo địa phương mang tên đơn vị đó, trừ khi yêu cầu `as_published=true`.
drilldown-programme = Chương trình
drilldown-jurisdiction = Địa phương
drilldown-period = Giai đoạn
drilldown-year = Năm
drilldown-kind = Loại
drilldown-activity = Nội dung hoạt động
drilldown-scope = Cấp
drilldown-source = Nguồn kinh phí
column-drilldown-name-vi = { $by }: tên tiếng Việt
column-drilldown-name-en = { $by }: tên tiếng Anh
column-source-reported-bounds = { $source }: số công bố
across-more = { $count } chương trình khác
across-unpublished-scope = Không cộng số đề án công bố theo cấp ở các dòng có { $programmes }: các chương trình này không nêu số theo cấp đó.
across-unattributed = { $amount } triệu đồng kinh phí của các nhóm đề án không có dòng kinh phí nào: khoản này không nằm ở dòng nào theo nguồn (bài viết không nêu nguồn).
parameter-too-many-items = nhiều nhất { $max } mục

## Bản nháp từ văn bản báo cáo (POST /drafts, khuyencong draft)
draft-revenue = doanh thu của cơ sở, không phải kinh phí chương trình
draft-production-value = giá trị sản xuất, không phải kinh phí chương trình
draft-wage = tiền lương hoặc thu nhập, không phải kinh phí chương trình
draft-investment = vốn đầu tư của cơ sở, không phải kinh phí chương trình
draft-rate = mức hỗ trợ cho mỗi đề án hoặc theo thời gian: một định mức, không phải tổng số
draft-workers = số người được đào tạo hoặc tham gia: một kết quả, không phải số đề án
draft-undecided = đã tìm thấy nhưng các quy tắc không xác định được vị trí: hãy tự điền nếu số liệu này thuộc chương trình
draft-qualified-record-count = số đề án của một nhóm có từ chỉ mức độ ("trên", "gần", "ước", một khoảng): nhóm đề án chỉ ghi số chính xác
draft-qualified-record-cost = kinh phí của một nhóm đề án có từ chỉ mức độ: kinh phí của nhóm đề án phải chính xác, nên để người nhập quyết định
draft-qualified-record-funding = một dòng kinh phí theo nguồn có từ chỉ mức độ: dòng kinh phí phải chính xác, nên để người nhập quyết định
draft-qualified-indicator = một chỉ tiêu có từ chỉ mức độ: giá trị chỉ tiêu phải chính xác, nên để người nhập quyết định
draft-pair = hai số viết liền ("01/02": được công nhận trên số đăng ký): để người nhập quyết định
draft-remainder = { $pointer } được nêu là phần còn lại của kinh phí, không có số: bản nháp ghi là phần còn lại
draft-in-addition = nhóm đề án tại { $pointer } mở đầu bằng "Ngoài ra": các đề án này nằm trong hay ngoài tổng số của chương trình cần người nhập xác nhận
draft-no-activity = văn bản không nêu nội dung hoạt động của { $pointer }: ghi "Không nêu rõ" (unspecified) trừ khi người nhập biết
draft-unplaced = { $count } số liệu đã tìm thấy nhưng chưa được xếp vào bản nháp: xem lý do của từng số liệu
draft-fill-in = văn bản không nêu { $pointer }: hãy điền trước khi lưu
draft-empty = văn bản trống: hãy đưa văn bản báo cáo
draft-not-utf8 = văn bản không ở dạng UTF-8 (byte lỗi đầu tiên ở vị trí { $at }): hãy lưu báo cáo dưới dạng UTF-8 rồi đưa lại
draft-too-long = nội dung gửi lên dài { $bytes } byte, vượt quá { $limit } byte mà bản nháp đọc được: hãy gửi từng báo cáo một
body-not-text = nội dung phải là text/plain; charset=utf-8, không phải { $sent }
body-not-text-none = nội dung phải là text/plain; charset=utf-8, nhưng yêu cầu không có Content-Type
page-drafts_title = Bản nháp từ văn bản báo cáo
page-drafts_intro = Dán một bài báo cáo về chương trình khuyến công. Bản nháp tìm mọi khoản kinh phí và số lượng, kèm nguyên văn, mức độ chính xác và vị trí trong văn bản chương trình; hãy sửa những gì bản nháp chưa quyết định được rồi lưu. Không có gì được lưu cho đến khi bạn bấm lưu.
page-drafts_no_script = Trang này cần JavaScript để gửi văn bản; nếu không có, hãy gửi văn bản tới POST /drafts.
page-drafts_text_label = Văn bản báo cáo
page-drafts_token_label = Mã truy cập (quyền ghi)
page-drafts_token_help = Cần để lập bản nháp và để lưu; mã chỉ ở trong trang này và chỉ được gửi tới máy chủ này.
page-drafts_read = Lập bản nháp
page-drafts_highlighted = Văn bản, với mọi số liệu được đánh dấu
page-drafts_legend_placed = đã xếp vào bản nháp
page-drafts_legend_unplaced = chưa xếp
page-drafts_legend_approximate = số gần đúng hoặc ước thực hiện
page-drafts_warnings = Những điểm cần kiểm tra
page-drafts_figures = Các số liệu tìm thấy
page-drafts_value = Giá trị
page-drafts_field = Trường
page-drafts_reason = Lý do chưa xếp
page-drafts_document = Bản nháp văn bản chương trình
page-drafts_document_help = Từng trường của văn bản: sửa hoặc điền giá trị (trường để trống là không có), rồi lưu.
page-drafts_save = Lưu
page-drafts_save_help = Lưu sẽ tạo chương trình với mã bạn đặt (PUT /programmes/{id} với If-None-Match: *): không bao giờ thay thế chương trình đã có.
page-drafts_answer = Trả lời của máy chủ
page-drafts_saved = đã lưu
page-drafts_failed = chưa lưu
page-drafts_need_token = Cần mã truy cập có quyền ghi: hãy nhập ở trên.
page-drafts_need_id = Hãy đặt mã cho chương trình (trường /id) trước khi lưu.
page-drafts_none = Không có.
page-drafts_at_least = tối thiểu
page-drafts_at_most = tối đa
page-drafts_about = khoảng
page-drafts_range = một khoảng
page-drafts_estimate = ước thực hiện
draft-price = giá bán hoặc đơn giá, không phải kinh phí chương trình
draft-other-period = câu chứa số liệu nói về một năm khác với thời gian của chương trình: không phải số liệu của chương trình này
draft-invalid = theo bản nháp hiện tại, { $pointer } sẽ không được chấp nhận: { $problem }
draft-records-left-out = { $count } nhóm đề án chưa có số đề án hoặc kinh phí chính xác: không được tính khi đối chiếu với số liệu công bố
draft-in-addition-reported = { $pointer } được đọc từ câu mở đầu bằng "Ngoài ra": đây là số liệu của chương trình hay là phần thêm ngoài đó cần người nhập xác nhận
draft-comparison = một mức chênh lệch ("vượt", "tăng", "so với"), không phải số lượng
