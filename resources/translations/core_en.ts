<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>validation</name>
    <message>
      <source>«{label}» «{value}» không phải là một ngày trong năm: hãy nhập ngày và tháng, ví dụ 15/6.</source>
      <translation>«{label}» «{value}» is not a day of the year: type the day and the month, for example 15/6.</translation>
    </message>
    <message>
      <source>«{half}» phải trước «{year}» trong năm: hãy chọn lại ngày chốt số liệu sơ kết 6 tháng.</source>
      <translation>«{half}» must come before «{year}» in the year: choose the half-year cut-off day again.</translation>
    </message>
    <message>
      <source>«{label}» dài {length} ký tự; tối đa {limit} ký tự: hãy rút gọn.</source>
      <translation>«{label}» is {length} characters long; at most {limit} characters: shorten it.</translation>
    </message>
    <message>
      <source>«{label}» «{value}» không phải số điện thoại: hãy nhập từ {minimum} đến {maximum} chữ số (có thể cách nhau bằng dấu cách, dấu chấm, gạch ngang hoặc ngoặc đơn, có thể có dấu + ở đầu), ví dụ 0905 123 456 hoặc +84 905 123 456.</source>
      <translation>«{label}» «{value}» is not a phone number: enter {minimum} to {maximum} digits (they may be grouped with spaces, dots, dashes or brackets, and start with a +), for example 0905 123 456 or +84 905 123 456.</translation>
    </message>
    <message>
      <source>số hộ có đại diện dự họp ({limit})</source>
      <translation>the households represented ({limit})</translation>
    </message>
    <message>
      <source>tổng số hộ của thôn, tổ dân phố ({limit})</source>
      <translation>the village's households ({limit})</translation>
    </message>
    <message>
      <source>số người có mặt ({limit})</source>
      <translation>the people present ({limit})</translation>
    </message>
    <message>
      <source>Tổng số phiếu là {cast} ({in_favour} tán thành, {against} không tán thành, {abstain} không biểu quyết), nhiều hơn {bound}: hãy sửa số phiếu, hoặc điểm danh lại nếu còn người có mặt chưa được đánh dấu.</source>
      <translation>The votes add up to {cast} ({in_favour} in favour, {against} against, {abstain} abstaining), more than {bound}: correct the counts, or the attendance if someone present is not ticked.</translation>
    </message>
    <message>
      <source>Biểu quyết «{subject}» có {cast} phiếu, nhiều hơn {bound}: hãy sửa số phiếu ở thẻ «Kết luận, biểu quyết».</source>
      <translation>The vote «{subject}» has {cast} votes, more than {bound}: correct its counts on the «Conclusions, votes» tab.</translation>
    </message>
    <message>
      <source>hãy chọn {allowed}.</source>
      <translation>choose {allowed}.</translation>
    </message>
    <message>
      <source>từ trạng thái hiện tại, vai trò này không được chuyển mô hình sang trạng thái khác.</source>
      <translation>from its current status, this role may not move the model to another status.</translation>
    </message>
    <message>
      <source>«Trạng thái»: {role} không được chuyển mô hình từ «{old}» sang «{new}»; {hint}</source>
      <translation>«Status»: {role} may not move a model from «{old}» to «{new}»; {hint}</translation>
    </message>
    <message>
      <source>Mô hình mới phải ở trạng thái «{initial}»: hãy đăng ký trước, rồi mới chuyển trạng thái.</source>
      <translation>A new model must start as «{initial}»: register it first, then move its status.</translation>
    </message>
    <message>
      <source>Không có trạng thái «{value}»: hãy chọn một trạng thái trong danh sách.</source>
      <translation>There is no status «{value}»: choose a status from the list.</translation>
    </message>
    <message>
      <source>hãy nhập một số nguyên, ví dụ 12</source>
      <translation>enter a whole number, for example 12</translation>
    </message>
    <message>
      <source>hãy nhập một số, ví dụ 12,5</source>
      <translation>enter a number, for example 12.5</translation>
    </message>
    <message>
      <source>hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2026</source>
      <translation>enter the date as day/month/year, for example 05/01/2026</translation>
    </message>
    <message>
      <source>hãy nhập theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/01/2026 08:00</source>
      <translation>enter day/month/year hour:minute, for example 05/01/2026 08:00</translation>
    </message>
    <message>
      <source>hãy chọn có hoặc không</source>
      <translation>choose yes or no</translation>
    </message>
    <message>
      <source>hãy chọn lại từ danh sách</source>
      <translation>choose again from the list</translation>
    </message>
    <message>
      <source>hãy nhập lại</source>
      <translation>enter it again</translation>
    </message>
    <message>
      <source>Biên bản đã hoàn tất và bị khóa: hãy tạo bản đính chính để sửa nội dung.</source>
      <translation>The minutes are final and locked: make a correction to change them.</translation>
    </message>
    <message>
      <source>«{label}» do {owner} ghi, {role} không được sửa: hãy để nguyên mục này.</source>
      <translation>«{label}» is written by {owner}; {role} may not change it: leave this field as it is.</translation>
    </message>
    <message>
      <source>«{label}» không được để trống: hãy nhập {label_lower}.</source>
      <translation>«{label}» must not be empty: enter the {label_lower}.</translation>
    </message>
    <message>
      <source>«{label}» không hợp lệ ({value}): hãy chọn một trong {choices}.</source>
      <translation>«{label}» is not valid ({value}): choose one of {choices}.</translation>
    </message>
    <message>
      <source>«{end}» ở trước «{start}»: hãy chọn {end_lower} từ {start_lower} trở về sau.</source>
      <translation>«{end}» is before «{start}»: choose a {end_lower} on or after the {start_lower}.</translation>
    </message>
    <message>
      <source>«Thời hạn» ở trước ngày họp {day}: hãy chọn thời hạn từ ngày họp trở về sau.</source>
      <translation>«Deadline» is before the meeting day {day}: choose a deadline on or after the meeting day.</translation>
    </message>
    <message>
      <source>«Mã xã, phường» {code} không có trong danh mục đơn vị hành chính của tỉnh, thành phố đã chọn: hãy chọn xã, phường từ danh sách.</source>
      <translation>«Commune or ward code» {code} is not in the official list for the chosen province or city: choose the commune or ward from the list.</translation>
    </message>
    <message>
      <source>«Lĩnh vực» «{value}» không có trong danh mục lĩnh vực: hãy chọn một lĩnh vực trong danh sách.</source>
      <translation>«Field» «{value}» is not in the list of fields: choose a field from the list.</translation>
    </message>
    <message>
      <source>Mục «{name}» không thuộc {entity}: hãy bỏ mục này.</source>
      <translation>«{name}» is not a field of {entity}: leave it out.</translation>
    </message>
    <message>
      <source>«{label}» không hợp lệ ({value}): {hint}.</source>
      <translation>«{label}» is not valid ({value}): {hint}.</translation>
    </message>
    <message>
      <source>«{label}» dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.</source>
      <translation>«{label}» is {length} characters long, over the limit of {limit}: shorten it.</translation>
    </message>
    <message>
      <source>«{label}» không được là số âm: hãy nhập 0 hoặc lớn hơn.</source>
      <translation>«{label}» must not be negative: enter 0 or more.</translation>
    </message>
    <message>
      <source>«{represented_label}» ({represented}) lớn hơn «{total_label}» ({total}): hãy sửa để số hộ dự họp không vượt quá tổng số hộ.</source>
      <translation>«{represented_label}» ({represented}) is more than «{total_label}» ({total}): correct it so that the households attending do not exceed the total households.</translation>
    </message>
    <message>
      <source>«{label}» có ký tự hỏng, không phải chữ Unicode hợp lệ (thường do dán từ một phần mềm khác): hãy xóa đoạn chữ đó rồi gõ lại.</source>
      <translation>«{label}» contains a broken character that is not valid Unicode text (usually pasted from another program): delete that text and type it again.</translation>
    </message>
    <message>
      <source>«{label}» có ký tự rỗng (NUL) không lưu được (thường do dán từ một phần mềm khác): hãy xóa đoạn chữ đó rồi gõ lại.</source>
      <translation>«{label}» contains a NUL character that cannot be saved (usually pasted from another program): delete that text and type it again.</translation>
    </message>
    <message>
      <source>«{label}» phải là số từ {minimum} đến {maximum}: hãy nhập một số trong khoảng này.</source>
      <translation>«{label}» must be a number from {minimum} to {maximum}: enter a number in this range.</translation>
    </message>
    <message>
      <source>«{label}» phải là một số cụ thể (không phải vô cực hay NaN): hãy nhập một số, ví dụ 12,5.</source>
      <translation>«{label}» must be an actual number (not infinity or NaN): enter a number, for example 12.5.</translation>
    </message>
    <message>
      <source>«{label}» lồng nhau quá {limit} tầng, không lưu được: hãy chọn lại từ danh sách.</source>
      <translation>«{label}» is nested more than {limit} levels deep and cannot be saved: choose again from the list.</translation>
    </message>
    <message>
      <source>«{label}» quá lớn (quá {limit} ký tự và giá trị): hãy bỏ bớt mục trong danh sách.</source>
      <translation>«{label}» is too large (over {limit} characters and values): remove some items from the list.</translation>
    </message>
    <message>
      <source>«{label}» không phải mã hồ sơ hợp lệ: hãy chọn lại từ danh sách.</source>
      <translation>«{label}» is not a valid record id: choose again from the list.</translation>
    </message>
    <message>
      <source>Mới có {represented}/{total} hộ có đại diện dự họp, chưa quá một nửa số hộ của thôn, tổ dân phố: theo {law}, cộng đồng chưa quyết định được việc gì tại cuộc họp này.</source>
      <translation>Only {represented} of {total} households are represented, not more than half of the village's households: under the {law}, the community cannot decide anything at this meeting.</translation>
    </message>
  </context>
  <context>
    <name>attachments</name>
    <message>
      <source>không phải một tệp</source>
      <translation>not a file</translation>
    </message>
    <message>
      <source>Không đọc được tệp {path} ({reason}): hãy chọn lại tệp.</source>
      <translation>Cannot read the file {path} ({reason}): choose the file again.</translation>
    </message>
  </context>
  <context>
    <name>backup</name>
    <message>
      <source>Không khôi phục được: {reason} Dữ liệu hiện tại chưa bị thay đổi.</source>
      <translation>Cannot restore: {reason} The current data has not been changed.</translation>
    </message>
    <message>
      <source>không tìm thấy tệp {path}.</source>
      <translation>the file {path} was not found.</translation>
    </message>
    <message>
      <source>bản sao lưu do phiên bản mới hơn của ứng dụng tạo; hãy cài phiên bản mới nhất.</source>
      <translation>the backup was made by a newer release of the application; install the latest release.</translation>
    </message>
    <message>
      <source>tệp {name} bị hỏng hoặc không phải tệp nén hợp lệ; hãy chọn một bản sao lưu khác.</source>
      <translation>the file {name} is damaged or is not a valid zip file; choose another backup.</translation>
    </message>
    <message>
      <source>dữ liệu trong bản sao lưu không toàn vẹn ({result}).</source>
      <translation>the data in the backup is not intact ({result}).</translation>
    </message>
    <message>
      <source>tệp {name} không phải bản sao lưu của ứng dụng này.</source>
      <translation>the file {name} is not a backup of this application.</translation>
    </message>
    <message>
      <source>tệp {name} trong bản sao lưu bị hỏng (sai mã kiểm tra); hãy chọn một bản sao lưu khác.</source>
      <translation>the file {name} inside the backup is damaged (wrong checksum); choose another backup.</translation>
    </message>
  </context>
  <context>
    <name>store</name>
    <message>
      <source>Dữ liệu này do phiên bản mới hơn của ứng dụng ghi (lược đồ {found}, phiên bản này hiểu đến {known}): hãy cài phiên bản mới nhất rồi mở lại; dữ liệu chưa bị thay đổi.</source>
      <translation>This data was written by a newer release of the application (schema {found}; this release knows up to {known}): install the latest release and open it again; the data has not been changed.</translation>
    </message>
    <message>
      <source>Không có dữ liệu trong thư mục {path}: hãy khởi tạo bằng lệnh «danvan init» hoặc chọn đúng thư mục dữ liệu.</source>
      <translation>There is no data in the folder {path}: set it up with «danvan init» or choose the right data folder.</translation>
    </message>
    <message>
      <source>Không tạo được thư mục dữ liệu {path}: {error}.</source>
      <translation>Cannot create the data folder {path}: {error}.</translation>
    </message>
    <message>
      <source>Tệp dữ liệu {path} bị hỏng hoặc không phải dữ liệu của ứng dụng ({error}): hãy khôi phục từ bản sao lưu gần nhất.</source>
      <translation>The data file {path} is damaged or is not this application's data ({error}): restore the latest backup.</translation>
    </message>
    <message>
      <source>Sai liên kết khóa ngoại ở bảng {table}</source>
      <translation>Broken foreign-key link in table {table}</translation>
    </message>
    <message>
      <source>Thư mục dữ liệu {path} chỉ đọc được (ổ đĩa, USB hoặc quyền của thư mục không cho ghi), nên ứng dụng không ghi được dữ liệu: hãy bỏ chế độ chỉ đọc hoặc chép thư mục sang ổ ghi được rồi mở lại. Dữ liệu không bị hỏng.</source>
      <translation>The data folder {path} is read-only (the disk, the USB stick or the folder's permissions do not allow writing), so the application cannot save anything: make it writable, or copy the folder to a writable disk, and open it again. The data is not damaged.</translation>
    </message>
    <message>
      <source>Ổ đĩa chứa thư mục dữ liệu {path} đã đầy, nên ứng dụng không ghi được: hãy xóa bớt tệp không cần để giải phóng chỗ trống rồi làm lại. Dữ liệu không bị hỏng.</source>
      <translation>The disk holding the data folder {path} is full, so the application cannot save anything: delete files you do not need to free some space, then try again. The data is not damaged.</translation>
    </message>
    <message>
      <source>Tệp dữ liệu {path} bị hỏng ({error}); ứng dụng không ghi gì vào đó nữa.</source>
      <translation>The data file {path} is damaged ({error}); the application writes nothing more into it.</translation>
    </message>
    <message>
      <source>Tệp dữ liệu bị hỏng: {error}</source>
      <translation>The data file is damaged: {error}</translation>
    </message>
    <message>
      <source>Dữ liệu có lỗi. Hãy đóng ứng dụng, chép thư mục dữ liệu ra USB để giữ lại, rồi khôi phục bản sao lưu gần nhất bằng «danvan restore TỆP» (hoặc mục Cài đặt → Sao lưu). Nếu cần hỗ trợ, gửi kèm thư mục đã chép.</source>
      <translation>The data has errors. Close the application, copy the data folder to a USB stick to keep it, then restore the latest backup with «danvan restore FILE» (or Settings → Backup). If you need help, send the copied folder with your request.</translation>
    </message>
    <message>
      <source>Thiết lập {name} là {value}, cần {expected}</source>
      <translation>Setting {name} is {value}, it must be {expected}</translation>
    </message>
    <message>
      <source>Không tìm thấy {entity} có mã {id}: có thể hồ sơ đã bị xóa; hãy tải lại danh sách.</source>
      <translation>No {entity} with id {id}: it may have been deleted; reload the list.</translation>
    </message>
    <message>
      <source>Không có loại hồ sơ «{entity}»: hãy chọn một trong {known}.</source>
      <translation>There is no record type «{entity}»: choose one of {known}.</translation>
    </message>
    <message>
      <source>«{label}» trỏ tới hồ sơ không còn tồn tại: hãy chọn lại.</source>
      <translation>«{label}» points to a record that no longer exists: choose again.</translation>
    </message>
  </context>
  <context>
    <name>lists</name>
    <message>
      <source>Không sắp xếp được theo cột «{order}».</source>
      <translation>Cannot sort by the column «{order}».</translation>
    </message>
  </context>
  <context>
    <name>templates</name>
    <message>
      <source>tháng</source>
      <translation>month</translation>
    </message>
    <message>
      <source>quý</source>
      <translation>quarter</translation>
    </message>
    <message>
      <source>Nội dung họp đột xuất</source>
      <translation>Business of the ad-hoc meeting</translation>
    </message>
    <message>
      <source>Họp Tổ dân vận tháng {month:02d}/{year}</source>
      <translation>Mobilisation team meeting {month:02d}/{year}</translation>
    </message>
    <message>
      <source>Sơ kết 6 tháng đầu năm {year}</source>
      <translation>Half-year review {year}</translation>
    </message>
    <message>
      <source>Tổng kết năm {year}</source>
      <translation>Year-end review {year}</translation>
    </message>
    <message>
      <source>Đánh giá kết quả thực hiện nhiệm vụ {span} trước</source>
      <translation>Review of the tasks of the past {span}</translation>
    </message>
    <message>
      <source>Nắm tình hình nhân dân; ý kiến, kiến nghị của người dân</source>
      <translation>Residents' situation, opinions and requests</translation>
    </message>
    <message>
      <source>Tiến độ các mô hình “Dân vận khéo” của tổ</source>
      <translation>Progress of the team's “Dân vận khéo” models</translation>
    </message>
    <message>
      <source>Phân công nhiệm vụ {span} tới</source>
      <translation>Tasks for the coming {span}</translation>
    </message>
    <message>
      <source>Sơ kết công tác dân vận 6 tháng đầu năm {year}</source>
      <translation>Review of mobilisation work in the first half of {year}</translation>
    </message>
    <message>
      <source>Tự đánh giá các mô hình “Dân vận khéo”</source>
      <translation>Self-assessment of the “Dân vận khéo” models</translation>
    </message>
    <message>
      <source>Đề xuất điển hình, khen thưởng</source>
      <translation>Proposals of exemplars and commendations</translation>
    </message>
    <message>
      <source>Phương hướng nhiệm vụ 6 tháng cuối năm</source>
      <translation>Direction for the second half of the year</translation>
    </message>
    <message>
      <source>Tổng kết công tác dân vận năm {year}</source>
      <translation>Review of mobilisation work in {year}</translation>
    </message>
    <message>
      <source>Đánh giá, đề nghị công nhận mô hình “Dân vận khéo” tiêu biểu</source>
      <translation>Assessing and proposing outstanding “Dân vận khéo” models</translation>
    </message>
    <message>
      <source>Bình xét điển hình, đề nghị khen thưởng</source>
      <translation>Selecting exemplars and proposing commendations</translation>
    </message>
    <message>
      <source>Phương hướng nhiệm vụ năm {year}</source>
      <translation>Direction for {year}</translation>
    </message>
    <message>
      <source>Thông tin tình hình của thôn, tổ dân phố</source>
      <translation>News of the village or residential group</translation>
    </message>
    <message>
      <source>Bàn và quyết định các việc của cộng đồng</source>
      <translation>Discussing and deciding community matters</translation>
    </message>
    <message>
      <source>Họp Tổ dân vận quý {q}/{year}</source>
      <translation>Mobilisation team meeting, quarter {q}/{year}</translation>
    </message>
    <message>
      <source>Biểu quyết theo hộ gia đình</source>
      <translation>Vote by household</translation>
    </message>
    <message>
      <source>Ý kiến, kiến nghị của người dân</source>
      <translation>Residents' opinions and proposals</translation>
    </message>
  </context>
  <context>
    <name>meetings</name>
    <message>
      <source>Biên bản chưa có kết luận của chủ trì: hãy ghi ít nhất một kết luận (thẻ «Kết luận, biểu quyết») rồi hoàn tất.</source>
      <translation>The minutes have no conclusion of the chair yet: write at least one conclusion (tab «Conclusions, votes») and then finalise.</translation>
    </message>
    <message>
      <source>Cuộc họp ghi ngày {date}, chưa diễn ra: chỉ hoàn tất biên bản sau khi đã họp (nếu nhập nhầm ngày, hãy sửa «Thời gian bắt đầu»).</source>
      <translation>The meeting is dated {date} and has not taken place: finalise the minutes only after the meeting (if the date was typed wrong, correct «Start time»).</translation>
    </message>
    <message>
      <source>Chưa ghi «Thời gian kết thúc»: hãy nhập giờ kết thúc cuộc họp trước khi hoàn tất biên bản.</source>
      <translation>«End time» is missing: enter the time the meeting ended before finalising the minutes.</translation>
    </message>
    <message>
      <source>Biên bản còn là bản nháp: hãy sửa trực tiếp, không cần đính chính.</source>
      <translation>The minutes are still a draft: edit them directly, no correction is needed.</translation>
    </message>
  </context>
  <context>
    <name>team</name>
    <message>
      <source>Đảng ủy {commune}</source>
      <translation>Party Committee of {commune}</translation>
    </message>
    <message>
      <source>Ủy ban Mặt trận Tổ quốc Việt Nam {commune}</source>
      <translation>Viet Nam Fatherland Front Committee of {commune}</translation>
    </message>
    <message>
      <source>Thư mục dữ liệu này đã được khởi tạo cho một tổ: hãy dùng thư mục khác hoặc mở dữ liệu đã có.</source>
      <translation>This data folder is already set up for a team: use another folder or open the existing data.</translation>
    </message>
    <message>
      <source>Chưa khởi tạo tổ dân vận: hãy chạy «danvan init» hoặc trình hướng dẫn.</source>
      <translation>No team has been set up yet: run «danvan init» or the setup wizard.</translation>
    </message>
    <message>
      <source>Tổ chưa có quy chế hoạt động: hãy tạo quy chế.</source>
      <translation>The team has no operating regulation yet: create one.</translation>
    </message>
    <message>
      <source>«Mã tỉnh, thành phố» {code} không có trong danh mục: hãy chọn tỉnh, thành phố từ danh sách (Huế là 46).</source>
      <translation>«Province code» {code} is not in the official list: choose the province or city from the list (Huế is 46).</translation>
    </message>
    <message>
      <source>Bí thư chi bộ</source>
      <translation>Party cell secretary</translation>
    </message>
    <message>
      <source>Chi bộ {village}</source>
      <translation>Party cell of {village}</translation>
    </message>
  </context>
  <context>
    <name>TeamWork</name>
    <message>
      <source>Không tìm thấy cuộc họp này: có thể biên bản đã bị xóa; hãy tải lại danh sách.</source>
      <translation>This meeting was not found: the minutes may have been deleted; reload the list.</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Đồng hồ máy tính lệch {minutes} phút so với máy chủ: hãy chỉnh lại ngày giờ cho đúng; dữ liệu không bị ảnh hưởng.</source>
      <translation>The laptop clock is {minutes} minutes off the server's: set the date and time right; the data is not affected.</translation>
    </message>
    <message>
      <source>Chưa có địa chỉ máy chủ: hãy nhập địa chỉ do cán bộ quản trị cung cấp trong mục Đồng bộ hoặc Cài đặt.</source>
      <translation>No server address yet: enter the address the administrator gave you on the Sync or Settings page.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Đã khởi tạo tổ dân vận, mã {id}.</source>
      <translation>Team set up, id {id}.</translation>
    </message>
    <message>
      <source>{problem} (và {count} lỗi khác)</source>
      <translation>{problem} (and {count} more problems)</translation>
    </message>
    <message>
      <source>Số biên bản: {number:02d}/BB</source>
      <translation>Minutes number: {number:02d}/BB</translation>
    </message>
    <message>
      <source>Đã tạo dữ liệu mẫu ({size}).</source>
      <translation>Demo data created ({size}).</translation>
    </message>
    <message>
      <source>Đã đăng ký máy với máy chủ; vai trò: {role}.</source>
      <translation>This laptop is enrolled with the server; role: {role}.</translation>
    </message>
    <message>
      <source>Đồng bộ xong: gửi {pushed}, máy chủ đã có sẵn {duplicates}, nhận {pulled}, xung đột {conflicts}, bị từ chối {rejected}; {sent} byte đi, {received} byte về.</source>
      <translation>Sync done: {pushed} sent, {duplicates} already on the server, {pulled} received, {conflicts} conflicts, {rejected} rejected; {sent} bytes out, {received} bytes in.</translation>
    </message>
    <message>
      <source>Mã thoát: 0 đã gửi hết và nhận đủ; 2 còn thay đổi chưa gửi được (máy chủ từ chối), chưa đăng ký hoặc địa chỉ sai; 3 lỗi không mong đợi; 130 đã dừng bằng Ctrl+C (thay đổi còn chờ được giữ lại).</source>
      <translation>Exit codes: 0 everything sent and received; 2 changes left that could not be sent (the server refused them), not enrolled or a wrong address; 3 an unexpected error; 130 stopped with Ctrl+C (the waiting changes are kept).</translation>
    </message>
    <message>
      <source>Đã đổi địa chỉ máy chủ thành {url}; lần đồng bộ sau dùng địa chỉ này.</source>
      <translation>The server address is now {url}; the next sync uses it.</translation>
    </message>
    <message>
      <source>Không có loại hồ sơ «{entity}»; các loại: {names}.</source>
      <translation>There is no record type «{entity}»; the types: {names}.</translation>
    </message>
    <message>
      <source>Các trường của {entity} (TÊN=GIÁ_TRỊ):</source>
      <translation>The fields of {entity} (NAME=VALUE):</translation>
    </message>
    <message>
      <source>bắt buộc</source>
      <translation>required</translation>
    </message>
    <message>
      <source>không bắt buộc</source>
      <translation>optional</translation>
    </message>
    <message>
      <source>chọn một: {choices}</source>
      <translation>one of: {choices}</translation>
    </message>
    <message>
      <source>năm bốn chữ số, ví dụ 2025</source>
      <translation>a four-digit year, for example 2025</translation>
    </message>
    <message>
      <source>Các loại: {names}.</source>
      <translation>The types: {names}.</translation>
    </message>
    <message>
      <source>các trường của loại hồ sơ và giá trị được chọn</source>
      <translation>the record type's fields and their choices</translation>
    </message>
    <message>
      <source>máy này, đơn vị, vai trò, máy chủ, lần đồng bộ cuối, thay đổi còn chờ</source>
      <translation>this laptop, unit, role, server, last sync, waiting changes</translation>
    </message>
    <message>
      <source>Khóa JSON (--json): {keys}.</source>
      <translation>JSON keys (--json): {keys}.</translation>
    </message>
    <message>
      <source>đổi địa chỉ máy chủ của thành phố (và tệp CA), không đăng ký lại</source>
      <translation>change the city server's address (and CA file) without enrolling again</translation>
    </message>
    <message>
      <source>tệp chứng chỉ (CA) .pem của thành phố</source>
      <translation>the city's certificate authority (CA) .pem file</translation>
    </message>
    <message>
      <source>thử lại cho tới khi gửi hết và nhận đủ (Ctrl+C để dừng)</source>
      <translation>retry until everything is sent and received (Ctrl+C to stop)</translation>
    </message>
    <message>
      <source>Đã dừng đồng bộ; {count} thay đổi còn chờ gửi.</source>
      <translation>Sync stopped; {count} changes are still waiting to be sent.</translation>
    </message>
    <message>
      <source>{error} Thử lại sau {seconds} giây (Ctrl+C để dừng).</source>
      <translation>{error} Trying again in {seconds} seconds (Ctrl+C to stop).</translation>
    </message>
    <message>
      <source>Còn {count} thay đổi chưa gửi được.</source>
      <translation>{count} changes could not be sent.</translation>
    </message>
    <message>
      <source>Lần trước ứng dụng không đóng bình thường: kiểm tra toàn bộ dữ liệu.</source>
      <translation>The application did not close normally last time: checking all the data.</translation>
    </message>
    <message>
      <source>Dữ liệu tốt ({kind}).</source>
      <translation>Data is sound ({kind}).</translation>
    </message>
    <message>
      <source>Chưa đến hạn sao lưu tự động.</source>
      <translation>No automatic backup is due yet.</translation>
    </message>
    <message>
      <source>Đã sao lưu vào {path}.</source>
      <translation>Backed up to {path}.</translation>
    </message>
    <message>
      <source>Đã khôi phục từ {file}; dữ liệu cũ được giữ ở {safety}.</source>
      <translation>Restored from {file}; the previous data is kept in {safety}.</translation>
    </message>
    <message>
      <source>Đã khôi phục từ {file}.</source>
      <translation>Restored from {file}.</translation>
    </message>
    <message>
      <source>Máy chủ đã được khôi phục từ bản sao lưu cũ: đã gửi lại {count} hồ sơ.</source>
      <translation>The server was restored from an older backup: {count} records were sent again.</translation>
    </message>
    <message>
      <source>Dân vận khéo: các lệnh không cần giao diện.</source>
      <translation>Dân vận khéo: headless commands.</translation>
    </message>
    <message>
      <source>thư mục dữ liệu (mặc định: DANVAN_DATA_DIR)</source>
      <translation>data folder (default: DANVAN_DATA_DIR)</translation>
    </message>
    <message>
      <source>khởi tạo dữ liệu cho một tổ dân vận</source>
      <translation>set up the data of a mobilisation team</translation>
    </message>
    <message>
      <source>kiểm tra dữ liệu</source>
      <translation>check the data</translation>
    </message>
    <message>
      <source>tìm kiếm, gõ có dấu hoặc không dấu</source>
      <translation>search, typed with or without diacritics</translation>
    </message>
    <message>
      <source>tạo dữ liệu mẫu của Huế</source>
      <translation>create Huế demo data</translation>
    </message>
    <message>
      <source>sao lưu dữ liệu và tệp đính kèm</source>
      <translation>back up the data and attachments</translation>
    </message>
    <message>
      <source>khôi phục từ một bản sao lưu</source>
      <translation>restore from a backup</translation>
    </message>
    <message>
      <source>đăng ký máy với máy chủ của thành phố</source>
      <translation>enrol this laptop with the city's server</translation>
    </message>
    <message>
      <source>đồng bộ với máy chủ của thành phố</source>
      <translation>sync with the city's server</translation>
    </message>
    <message>
      <source>các xung đột chưa giải quyết</source>
      <translation>unresolved conflicts</translation>
    </message>
    <message>
      <source>Mỗi mục phải viết dạng TÊN=GIÁ_TRỊ, ví dụ name=Thôn 1.</source>
      <translation>Write each field as NAME=VALUE, for example name=Village 1.</translation>
    </message>
    <message>
      <source>Lỗi: {message}</source>
      <translation>Error: {message}</translation>
    </message>
    <message>
      <source>Lỗi không mong đợi: {error}. Chi tiết đã ghi vào {log}.</source>
      <translation>Unexpected error: {error}. Details were written to {log}.</translation>
    </message>
  </context>
  <context>
    <name>entities</name>
    <message>
      <source>Đơn vị</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Cài đặt của máy</source>
      <translation>This laptop's settings</translation>
    </message>
    <message>
      <source>Tổ dân vận</source>
      <translation>Mobilisation team</translation>
    </message>
    <message>
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Quy chế hoạt động</source>
      <translation>Operating regulation</translation>
    </message>
    <message>
      <source>Lĩnh vực</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Mô hình</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>Chỉ số kết quả</source>
      <translation>Result indicator</translation>
    </message>
    <message>
      <source>Nguồn lực huy động</source>
      <translation>Resources mobilised</translation>
    </message>
    <message>
      <source>Điển hình</source>
      <translation>Exemplar</translation>
    </message>
    <message>
      <source>Khen thưởng</source>
      <translation>Commendation</translation>
    </message>
    <message>
      <source>Cuộc họp</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>Điểm danh</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>Nội dung họp</source>
      <translation>Agenda item</translation>
    </message>
    <message>
      <source>Ý kiến</source>
      <translation>Opinion</translation>
    </message>
    <message>
      <source>Kết luận</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Biểu quyết</source>
      <translation>Vote</translation>
    </message>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>Tài liệu sổ tay</source>
      <translation>Handbook document</translation>
    </message>
    <message>
      <source>Tệp đính kèm</source>
      <translation>Attachment</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Đầu kỳ đánh giá</source>
      <translation>Period reviewed from</translation>
    </message>
    <message>
      <source>Cuối kỳ đánh giá</source>
      <translation>Period reviewed to</translation>
    </message>
    <message>
      <source>Ngày chốt số liệu sơ kết 6 tháng</source>
      <translation>Half-year figures cut-off day</translation>
    </message>
    <message>
      <source>Ngày chốt số liệu tổng kết năm</source>
      <translation>Year figures cut-off day</translation>
    </message>
    <message>
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Mã tỉnh, thành phố</source>
      <translation>Province code</translation>
    </message>
    <message>
      <source>Số bản sao lưu tự động giữ lại</source>
      <translation>Automatic backups to keep</translation>
    </message>
    <message>
      <source>Số giờ giữa hai lần tự động sao lưu</source>
      <translation>Hours between automatic backups</translation>
    </message>
    <message>
      <source>Mã xã, phường</source>
      <translation>Commune or ward code</translation>
    </message>
    <message>
      <source>Xã, phường</source>
      <translation>Commune or ward</translation>
    </message>
    <message>
      <source>Tên đơn vị</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <source>Loại địa bàn</source>
      <translation>Kind of area</translation>
    </message>
    <message>
      <source>Đơn vị cấp trên</source>
      <translation>Parent unit</translation>
    </message>
    <message>
      <source>Địa danh cũ</source>
      <translation>Former place name</translation>
    </message>
    <message>
      <source>Tên tổ</source>
      <translation>Team name</translation>
    </message>
    <message>
      <source>Ngày thành lập</source>
      <translation>Established on</translation>
    </message>
    <message>
      <source>Quyết định thành lập</source>
      <translation>Founding decision</translation>
    </message>
    <message>
      <source>Chữ viết tắt của tổ</source>
      <translation>Team abbreviation</translation>
    </message>
    <message>
      <source>Tổ</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Tổ chức, đoàn thể</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Số điện thoại</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <source>Bắt đầu nhiệm kỳ</source>
      <translation>Term start</translation>
    </message>
    <message>
      <source>Kết thúc nhiệm kỳ</source>
      <translation>Term end</translation>
    </message>
    <message>
      <source>Thứ tự</source>
      <translation>Order</translation>
    </message>
    <message>
      <source>Năm sinh</source>
      <translation>Year of birth</translation>
    </message>
    <message>
      <source>Định kỳ họp</source>
      <translation>Meeting period</translation>
    </message>
    <message>
      <source>Ngày họp trong kỳ</source>
      <translation>Meeting day in the period</translation>
    </message>
    <message>
      <source>Kỳ báo cáo</source>
      <translation>Reporting periods</translation>
    </message>
    <message>
      <source>Nơi nhận báo cáo</source>
      <translation>Report recipients</translation>
    </message>
    <message>
      <source>Cơ quan ban hành</source>
      <translation>Issuing body</translation>
    </message>
    <message>
      <source>Cơ quan chủ quản</source>
      <translation>Managing body</translation>
    </message>
    <message>
      <source>Địa danh ghi trên văn bản</source>
      <translation>Place name on documents</translation>
    </message>
    <message>
      <source>Nội dung quy chế</source>
      <translation>Regulation text</translation>
    </message>
    <message>
      <source>Ngày thông qua</source>
      <translation>Adopted on</translation>
    </message>
    <message>
      <source>Mã lĩnh vực</source>
      <translation>Field code</translation>
    </message>
    <message>
      <source>Tên lĩnh vực</source>
      <translation>Field name</translation>
    </message>
    <message>
      <source>Tên mô hình</source>
      <translation>Model name</translation>
    </message>
    <message>
      <source>Sự cần thiết và lý do</source>
      <translation>Situation and reasons</translation>
    </message>
    <message>
      <source>Mục tiêu và tiêu chí đánh giá</source>
      <translation>Goals and assessment criteria</translation>
    </message>
    <message>
      <source>Nội dung và cách làm</source>
      <translation>Content and method</translation>
    </message>
    <message>
      <source>Phạm vi, đối tượng</source>
      <translation>Area and people served</translation>
    </message>
    <message>
      <source>Chủ thể thực hiện, phối hợp</source>
      <translation>Who carries it out and coordinates</translation>
    </message>
    <message>
      <source>Nguồn lực</source>
      <translation>Resources</translation>
    </message>
    <message>
      <source>Thời gian, lộ trình</source>
      <translation>Timeline</translation>
    </message>
    <message>
      <source>Sản phẩm cụ thể</source>
      <translation>Concrete outputs</translation>
    </message>
    <message>
      <source>Duy trì và nhân rộng</source>
      <translation>Sustaining and replicating</translation>
    </message>
    <message>
      <source>Lĩnh vực</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Năm đăng ký</source>
      <translation>Registration year</translation>
    </message>
    <message>
      <source>Ngày bắt đầu</source>
      <translation>Start date</translation>
    </message>
    <message>
      <source>Ngày đánh giá kết quả</source>
      <translation>Assessment date</translation>
    </message>
    <message>
      <source>Nhận xét của cấp trên</source>
      <translation>Reviewer's comments</translation>
    </message>
    <message>
      <source>Cấp công nhận</source>
      <translation>Recognition level</translation>
    </message>
    <message>
      <source>Ngày công nhận</source>
      <translation>Recognised on</translation>
    </message>
    <message>
      <source>Mô hình</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>Chỉ số</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit of measure</translation>
    </message>
    <message>
      <source>Giá trị</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>Ngày ghi nhận</source>
      <translation>Recorded on</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Loại nguồn lực</source>
      <translation>Kind of resource</translation>
    </message>
    <message>
      <source>Số lượng</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Ngày huy động</source>
      <translation>Mobilised on</translation>
    </message>
    <message>
      <source>Người, tổ chức đóng góp</source>
      <translation>Contributor</translation>
    </message>
    <message>
      <source>Loại điển hình</source>
      <translation>Kind of exemplar</translation>
    </message>
    <message>
      <source>Tên cá nhân, tập thể</source>
      <translation>Person or collective</translation>
    </message>
    <message>
      <source>Chức vụ, đơn vị</source>
      <translation>Position and unit</translation>
    </message>
    <message>
      <source>Thành tích</source>
      <translation>Achievements</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Mô hình liên quan</source>
      <translation>Linked models</translation>
    </message>
    <message>
      <source>Cuộc họp làm minh chứng</source>
      <translation>Meetings as evidence</translation>
    </message>
    <message>
      <source>Điển hình</source>
      <translation>Exemplar</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Hình thức khen thưởng</source>
      <translation>Form of commendation</translation>
    </message>
    <message>
      <source>Cấp khen thưởng</source>
      <translation>Commendation level</translation>
    </message>
    <message>
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <source>Ngày quyết định</source>
      <translation>Decision date</translation>
    </message>
    <message>
      <source>Cơ quan quyết định</source>
      <translation>Deciding body</translation>
    </message>
    <message>
      <source>Thành tích đề nghị</source>
      <translation>Achievements proposed</translation>
    </message>
    <message>
      <source>Điểm đánh giá</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Tiêu chí đã đạt</source>
      <translation>Criteria met</translation>
    </message>
    <message>
      <source>Loại cuộc họp</source>
      <translation>Kind of meeting</translation>
    </message>
    <message>
      <source>Tên cuộc họp</source>
      <translation>Meeting title</translation>
    </message>
    <message>
      <source>Thời gian bắt đầu</source>
      <translation>Start time</translation>
    </message>
    <message>
      <source>Thời gian kết thúc</source>
      <translation>End time</translation>
    </message>
    <message>
      <source>Địa điểm</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Chủ trì</source>
      <translation>Chair</translation>
    </message>
    <message>
      <source>Thư ký</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <source>Diễn biến cuộc họp</source>
      <translation>Proceedings</translation>
    </message>
    <message>
      <source>Tình trạng biên bản</source>
      <translation>Minutes state</translation>
    </message>
    <message>
      <source>Số văn bản</source>
      <translation>Document number</translation>
    </message>
    <message>
      <source>Năm đánh số</source>
      <translation>Numbering year</translation>
    </message>
    <message>
      <source>Lần sửa</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Thay thế biên bản</source>
      <translation>Replaces minutes</translation>
    </message>
    <message>
      <source>Số hộ có đại diện dự họp</source>
      <translation>Households represented</translation>
    </message>
    <message>
      <source>Thời điểm hoàn tất</source>
      <translation>Finalised at</translation>
    </message>
    <message>
      <source>Cuộc họp</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Có mặt</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Lý do vắng</source>
      <translation>Reason for absence</translation>
    </message>
    <message>
      <source>Khách mời</source>
      <translation>Guest</translation>
    </message>
    <message>
      <source>Đơn vị, chức vụ</source>
      <translation>Unit and position</translation>
    </message>
    <message>
      <source>Nội dung</source>
      <translation>Content</translation>
    </message>
    <message>
      <source>Ghi chép</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Nội dung họp</source>
      <translation>Agenda item</translation>
    </message>
    <message>
      <source>Người phát biểu</source>
      <translation>Speaker</translation>
    </message>
    <message>
      <source>Nội dung ý kiến</source>
      <translation>Opinion</translation>
    </message>
    <message>
      <source>Nội dung kết luận</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Vấn đề biểu quyết</source>
      <translation>Subject of the vote</translation>
    </message>
    <message>
      <source>Số tán thành</source>
      <translation>In favour</translation>
    </message>
    <message>
      <source>Số không tán thành</source>
      <translation>Against</translation>
    </message>
    <message>
      <source>Số không biểu quyết</source>
      <translation>Abstentions</translation>
    </message>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Task</translation>
    </message>
    <message>
      <source>Người phụ trách</source>
      <translation>Person in charge</translation>
    </message>
    <message>
      <source>Thời hạn</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <source>Ngày hoàn thành</source>
      <translation>Done on</translation>
    </message>
    <message>
      <source>Mã tài liệu</source>
      <translation>Document code</translation>
    </message>
    <message>
      <source>Tiêu đề</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Chủ đề</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Phiên bản</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Nguồn</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Ngày ban hành</source>
      <translation>Issued on</translation>
    </message>
    <message>
      <source>Mã băm SHA-256</source>
      <translation>SHA-256 hash</translation>
    </message>
    <message>
      <source>Loại hồ sơ</source>
      <translation>Record type</translation>
    </message>
    <message>
      <source>Hồ sơ</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Tên tệp</source>
      <translation>File name</translation>
    </message>
    <message>
      <source>Kiểu tệp</source>
      <translation>File type</translation>
    </message>
    <message>
      <source>Dung lượng</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Chú thích</source>
      <translation>Caption</translation>
    </message>
    <message>
      <source>Tổng số hộ của thôn, tổ dân phố</source>
      <translation>Total households of the village or residential group</translation>
    </message>
  </context>
  <context>
    <name>vocab</name>
    <message>
      <source>Đề nghị</source>
      <translation>Proposed</translation>
    </message>
    <message>
      <source>Đã quyết định</source>
      <translation>Decided</translation>
    </message>
    <message>
      <source>Cá nhân</source>
      <translation>Individual</translation>
    </message>
    <message>
      <source>Tập thể</source>
      <translation>Collective</translation>
    </message>
    <message>
      <source>Họp định kỳ</source>
      <translation>Regular meeting</translation>
    </message>
    <message>
      <source>Họp đột xuất</source>
      <translation>Ad-hoc meeting</translation>
    </message>
    <message>
      <source>Sơ kết 6 tháng</source>
      <translation>Half-year review</translation>
    </message>
    <message>
      <source>Tổng kết năm</source>
      <translation>Year-end review</translation>
    </message>
    <message>
      <source>Họp cộng đồng dân cư</source>
      <translation>Village community meeting</translation>
    </message>
    <message>
      <source>Hằng tháng</source>
      <translation>Monthly</translation>
    </message>
    <message>
      <source>Hằng quý</source>
      <translation>Quarterly</translation>
    </message>
    <message>
      <source>Bản nháp</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Đã hoàn tất</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>Tổ trưởng</source>
      <translation>Leader</translation>
    </message>
    <message>
      <source>Tổ phó</source>
      <translation>Deputy</translation>
    </message>
    <message>
      <source>Tổ viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Đã đăng ký</source>
      <translation>Registered</translation>
    </message>
    <message>
      <source>Đang triển khai</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>Đã tự đánh giá</source>
      <translation>Self-assessed</translation>
    </message>
    <message>
      <source>Được công nhận tiêu biểu</source>
      <translation>Recognised as outstanding</translation>
    </message>
    <message>
      <source>Được nhân rộng</source>
      <translation>Replicated</translation>
    </message>
    <message>
      <source>Tạm dừng, củng cố</source>
      <translation>Paused, being strengthened</translation>
    </message>
    <message>
      <source>Tháng</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Quý</source>
      <translation>Quarter</translation>
    </message>
    <message>
      <source>6 tháng</source>
      <translation>Half-year</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Tiền</source>
      <translation>Money</translation>
    </message>
    <message>
      <source>Vật tư</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>Ngày công</source>
      <translation>Labour days</translation>
    </message>
    <message>
      <source>Đất hiến</source>
      <translation>Land donated</translation>
    </message>
    <message>
      <source>Khác</source>
      <translation>Other</translation>
    </message>
    <message>
      <source>Tổ dân vận</source>
      <translation>Mobilisation team</translation>
    </message>
    <message>
      <source>Cấp xã hoặc thành phố</source>
      <translation>Commune or city reviewer</translation>
    </message>
    <message>
      <source>Đang thực hiện</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Đã hoàn thành</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Đã hủy</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <source>Thôn, tổ dân phố</source>
      <translation>Village or residential group</translation>
    </message>
    <message>
      <source>Xã, phường</source>
      <translation>Commune or ward</translation>
    </message>
    <message>
      <source>Tỉnh, thành phố</source>
      <translation>Province or city</translation>
    </message>
    <message>
      <source>Thôn</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Bản</source>
      <translation>Hamlet</translation>
    </message>
    <message>
      <source>Tổ dân phố</source>
      <translation>Residential group</translation>
    </message>
    <message>
      <source>Kinh tế</source>
      <translation>Economy</translation>
    </message>
    <message>
      <source>Văn hóa - xã hội</source>
      <translation>Culture and society</translation>
    </message>
    <message>
      <source>Quốc phòng - an ninh</source>
      <translation>Defence and security</translation>
    </message>
    <message>
      <source>Xây dựng hệ thống chính trị, cải cách hành chính</source>
      <translation>Building the political system, administrative reform</translation>
    </message>
    <message>
      <source>Xây dựng nông thôn mới, đô thị văn minh</source>
      <translation>New rural development, civilised towns</translation>
    </message>
    <message>
      <source>Lĩnh vực khác</source>
      <translation>Other fields</translation>
    </message>
  </context>
  <context>
    <name>build_info</name>
    <message>
      <source>in phiên bản của chương trình rồi thoát</source>
      <translation>print the program's version and exit</translation>
    </message>
  </context>
  <context>
    <name>setup</name>
    <message>
      <source>Thư mục dữ liệu này đã được thiết lập: máy thay thế hoặc máy của cấp xã, thành phố cần một thư mục dữ liệu mới; với máy đã thiết lập, hãy đăng ký trong mục Đồng bộ.</source>
      <translation>This data folder is already set up: a replacement laptop or a commune or city laptop needs a new data folder; to enrol a laptop already set up, use the Sync page.</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố chưa có tổ dân vận của {unit}: máy thay thế chỉ dùng cho tổ đã đồng bộ lên máy chủ. Hãy thiết lập «Tổ mới» trong một thư mục dữ liệu khác và xin cán bộ quản trị mã đăng ký mới.</source>
      <translation>The city server has no mass mobilisation team for {unit} yet: a replacement laptop is only for a team already synced to the server. Set up a «New team» in another data folder and ask the administrator for a new enrolment code.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Tổ mới cần --commune, --village và --leader (thiếu: {missing}); máy thay thế hoặc máy của cấp xã, thành phố dùng --replacement ĐỊA_CHỈ --code MÃ.</source>
      <translation>A new team needs --commune, --village and --leader (missing: {missing}); a replacement laptop or a commune or city laptop uses --replacement ADDRESS --code CODE.</translation>
    </message>
    <message>
      <source>Hãy nhập mã đăng ký do cán bộ quản trị cấp: --code MÃ.</source>
      <translation>Enter the enrolment code the administrator gave you: --code CODE.</translation>
    </message>
    <message>
      <source>ĐỊA_CHỈ</source>
      <translation>ADDRESS</translation>
    </message>
    <message>
      <source>máy thay thế của một tổ đã có trên máy chủ, hoặc máy của cấp xã, thành phố: đăng ký với máy chủ này (cùng --code) rồi nhận dữ liệu, không tạo gì mới</source>
      <translation>a replacement laptop of a team the server already holds, or a commune or city laptop: enrol with this server (with --code) and receive the data, creating nothing new</translation>
    </message>
    <message>
      <source>mã đăng ký do cán bộ quản trị cấp</source>
      <translation>the enrolment code the administrator gave</translation>
    </message>
  </context>
</TS>
