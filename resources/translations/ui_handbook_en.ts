<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>MainWindow</name>
    <message>
      <source>Quy chế</source>
      <translation>Regulation</translation>
    </message>
  </context>
  <context>
    <name>HandbookPage</name>
    <message>
      <source>Sổ tay chưa có tài liệu.</source>
      <translation>The handbook has no documents yet.</translation>
    </message>
    <message>
      <source>Tài liệu có sẵn trong ứng dụng, phiên bản {version}.</source>
      <translation>Document shipped with the application, version {version}.</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Đã đánh dấu</source>
      <translation>Bookmarked</translation>
    </message>
    <message>
      <source>Mới cập nhật</source>
      <translation>What's new</translation>
    </message>
    <message>
      <source>Tìm trong sổ tay (Ctrl+F) — gõ có dấu hay không dấu đều được</source>
      <translation>Search the handbook (Ctrl+F) — with or without diacritics</translation>
    </message>
    <message>
      <source>Đánh dấu trang</source>
      <translation>Bookmark</translation>
    </message>
    <message>
      <source>Chọn một tài liệu ở bên trái để đọc.</source>
      <translation>Choose a document on the left to read it.</translation>
    </message>
    <message>
      <source>★ {title}</source>
      <translation>★ {title}</translation>
    </message>
    <message>
      <source>{title} (mới)</source>
      <translation>{title} (new)</translation>
    </message>
    <message>
      <source>Không tìm thấy tài liệu nào: hãy thử từ khác, ngắn hơn.</source>
      <translation>No document found: try other, shorter words.</translation>
    </message>
    <message>
      <source>Chưa đánh dấu tài liệu nào: mở một tài liệu và bấm «Đánh dấu trang».</source>
      <translation>No bookmarks yet: open a document and press “Bookmark”.</translation>
    </message>
    <message>
      <source>Không có tài liệu mới: bạn đã đọc hết.</source>
      <translation>Nothing new: you have read everything.</translation>
    </message>
    <message>
      <source>Tài liệu do cấp trên ban hành ngày {day}, phiên bản {version}.</source>
      <translation>Published by the higher level on {day}, version {version}.</translation>
    </message>
    <message>
      <source>Sổ tay công tác dân vận</source>
      <translation>Mass mobilisation handbook</translation>
    </message>
    <message>
      <source>Mới cập nhật ({count})</source>
      <translation>What's new ({count})</translation>
    </message>
    <message>
      <source>Có {count} tài liệu mới hoặc vừa cập nhật mà bạn chưa đọc: {titles}.</source>
      <translation>{count} new or updated documents you have not read yet: {titles}.</translation>
    </message>
    <message>
      <source>Bỏ đánh dấu</source>
      <translation>Remove bookmark</translation>
    </message>
    <message>
      <source>Khác</source>
      <translation>Other</translation>
    </message>
  </context>
  <context>
    <name>RegulationPage</name>
    <message>
      <source>Họp và báo cáo</source>
      <translation>Meetings and reports</translation>
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
      <source>Mỗi nơi nhận một dòng</source>
      <translation>One recipient per line</translation>
    </message>
    <message>
      <source>Nơi nhận báo cáo</source>
      <translation>Report recipients</translation>
    </message>
    <message>
      <source>Ngày thông qua</source>
      <translation>Adopted on</translation>
    </message>
    <message>
      <source>Ghi trên văn bản của tổ</source>
      <translation>Written on the team's documents</translation>
    </message>
    <message>
      <source>Tên cơ quan cấp trên có thể thay đổi: sửa ở đây, mọi văn bản xuất sau đó dùng tên mới.</source>
      <translation>The names of higher bodies may change: edit them here and every document exported afterwards uses the new name.</translation>
    </message>
    <message>
      <source>Nội dung quy chế</source>
      <translation>Regulation text</translation>
    </message>
    <message>
      <source>Dòng bắt đầu bằng ## là chương, ### là điều, - là một ý gạch đầu dòng.</source>
      <translation>A line starting with ## is a chapter, ### an article, - a dashed item.</translation>
    </message>
    <message>
      <source>Tạo từ quy chế mẫu</source>
      <translation>Create from the model regulation</translation>
    </message>
    <message>
      <source>Lưu quy chế (Ctrl+S)</source>
      <translation>Save regulation (Ctrl+S)</translation>
    </message>
    <message>
      <source>Mẫu Nhà nước</source>
      <translation>State format</translation>
    </message>
    <message>
      <source>Mẫu Đảng</source>
      <translation>Party format</translation>
    </message>
    <message>
      <source>Xuất Word</source>
      <translation>Export Word</translation>
    </message>
    <message>
      <source>Xuất PDF</source>
      <translation>Export PDF</translation>
    </message>
    <message>
      <source>Thay nội dung quy chế</source>
      <translation>Replace the regulation text</translation>
    </message>
    <message>
      <source>Nội dung đang có sẽ được thay bằng quy chế mẫu điền sẵn cho tổ. Tiếp tục?</source>
      <translation>The current text will be replaced by the model regulation filled in for the team. Continue?</translation>
    </message>
    <message>
      <source>Đã lưu quy chế.</source>
      <translation>Regulation saved.</translation>
    </message>
    <message>
      <source>Quy chế hoạt động của tổ</source>
      <translation>The team's operating regulation</translation>
    </message>
    <message>
      <source>Cơ quan ban hành</source>
      <translation>Issuing body</translation>
    </message>
    <message>
      <source>Cơ quan chủ quản (chi bộ)</source>
      <translation>Managing body (Party cell)</translation>
    </message>
    <message>
      <source>Địa danh ghi trên văn bản</source>
      <translation>Place name on documents</translation>
    </message>
    <message>
      <source>Không có việc nào đến hạn theo quy chế.</source>
      <translation>Nothing is due under the regulation.</translation>
    </message>
    <message>
      <source>Theo quy chế, hôm nay {day}:</source>
      <translation>Under the regulation, today {day}:</translation>
    </message>
    <message>
      <source>Sơ kết 6 tháng: hạn {day}.</source>
      <translation>Half-year review: due {day}.</translation>
    </message>
    <message>
      <source>Tổng kết năm: hạn {day}.</source>
      <translation>Year-end review: due {day}.</translation>
    </message>
    <message>
      <source>Họp định kỳ tới: hạn {day}.</source>
      <translation>Next regular meeting: due {day}.</translation>
    </message>
    <message>
      <source>Tổ chưa viết quy chế riêng: văn bản xuất ra sẽ dùng quy chế mẫu điền sẵn cho tổ. Bấm «Tạo từ quy chế mẫu» để đưa vào đây và sửa theo ý tổ.</source>
      <translation>The team has not written its own regulation: exported documents use the model regulation filled in for the team. Press “Create from the model regulation” to bring it here and adapt it.</translation>
    </message>
  </context>
  <context>
    <name>ExemplarsPage</name>
    <message>
      <source>Năm {year}: {people} cá nhân, {groups} tập thể được khen thưởng; {waiting} đề nghị đang chờ quyết định; {count} điển hình.</source>
      <translation>{year}: {people} individuals and {groups} collectives commended; {waiting} proposals awaiting a decision; {count} exemplars.</translation>
    </message>
    <message>
      <source>Xuất danh sách đề nghị</source>
      <translation>Export the proposal list</translation>
    </message>
    <message>
      <source>Thêm điển hình (Ctrl+N)</source>
      <translation>Add exemplar (Ctrl+N)</translation>
    </message>
    <message>
      <source>Sửa điển hình</source>
      <translation>Edit exemplar</translation>
    </message>
    <message>
      <source>Chấm điểm, đề nghị khen thưởng</source>
      <translation>Score and propose</translation>
    </message>
    <message>
      <source>Ghi quyết định</source>
      <translation>Record decision</translation>
    </message>
    <message>
      <source>Bộ tiêu chí</source>
      <translation>Criteria</translation>
    </message>
    <message>
      <source>Điển hình &amp; khen thưởng</source>
      <translation>Exemplars &amp; commendations</translation>
    </message>
    <message>
      <source>Năm:</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>Cá nhân, tập thể</source>
      <translation>Individual or collective</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Chức vụ, đơn vị</source>
      <translation>Position, unit</translation>
    </message>
    <message>
      <source>Thành tích</source>
      <translation>Achievement</translation>
    </message>
    <message>
      <source>Điểm</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Hình thức</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Cấp</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Quyết định</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Chưa đề nghị</source>
      <translation>Not proposed</translation>
    </message>
  </context>
  <context>
    <name>DueReminder</name>
    <message>
      <source>Sắp đến hạn họp định kỳ: {day}.</source>
      <translation>Regular meeting due soon: {day}.</translation>
    </message>
    <message>
      <source>Sắp đến hạn sơ kết 6 tháng đầu năm {year}: {day}.</source>
      <translation>Review of the first half of {year} due soon: {day}.</translation>
    </message>
    <message>
      <source>Sắp đến hạn tổng kết năm {year}: {day}.</source>
      <translation>Year-end review of {year} due soon: {day}.</translation>
    </message>
    <message>
      <source>Đã quá hạn họp định kỳ (hạn {day}).</source>
      <translation>Regular meeting overdue (due {day}).</translation>
    </message>
    <message>
      <source>Hôm nay là hạn họp định kỳ.</source>
      <translation>The regular meeting is due today.</translation>
    </message>
    <message>
      <source>Chưa sơ kết 6 tháng đầu năm {year} (hạn {day}).</source>
      <translation>Review of the first half of {year} not held yet (due {day}).</translation>
    </message>
    <message>
      <source>Chưa tổng kết năm {year} (hạn {day}).</source>
      <translation>Year-end review of {year} not held yet (due {day}).</translation>
    </message>
  </context>
  <context>
    <name>ReportExportUi</name>
    <message>
      <source>Đã ghi {path}.</source>
      <translation>Written {path}.</translation>
    </message>
    <message>
      <source>Không xuất được tệp ({error}): hãy thử lại hoặc chọn thư mục khác.</source>
      <translation>The file could not be exported ({error}): try again or choose another folder.</translation>
    </message>
    <message>
      <source>Đã hủy xuất tệp; không có tệp nào được ghi dở.</source>
      <translation>Export cancelled; no half-written file was left.</translation>
    </message>
    <message>
      <source>Chọn thư mục hoặc USB để lưu tệp</source>
      <translation>Choose a folder or USB stick for the file</translation>
    </message>
    <message>
      <source>An toàn để rút USB.</source>
      <translation>Safe to remove the USB stick.</translation>
    </message>
    <message>
      <source>Đang xuất tệp {format}…</source>
      <translation>Exporting {format}…</translation>
    </message>
  </context>
  <context>
    <name>ExemplarDialog</name>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Tên cá nhân, tập thể</source>
      <translation>Name of the individual or collective</translation>
    </message>
    <message>
      <source>Chức vụ, đơn vị</source>
      <translation>Position, unit</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Thành tích</source>
      <translation>Achievement</translation>
    </message>
    <message>
      <source>Sửa điển hình</source>
      <translation>Edit exemplar</translation>
    </message>
    <message>
      <source>Thêm điển hình</source>
      <translation>Add exemplar</translation>
    </message>
    <message>
      <source>Mô hình liên quan</source>
      <translation>Related models</translation>
    </message>
    <message>
      <source>Cuộc họp làm minh chứng</source>
      <translation>Meetings as evidence</translation>
    </message>
    <message>
      <source>{name} ({year})</source>
      <translation>{name} ({year})</translation>
    </message>
  </context>
  <context>
    <name>ProposalDialog</name>
    <message>
      <source>Đề nghị khen thưởng: {name}</source>
      <translation>Propose a commendation: {name}</translation>
    </message>
    <message>
      <source>Hình thức khen thưởng</source>
      <translation>Form of commendation</translation>
    </message>
    <message>
      <source>Cấp khen thưởng</source>
      <translation>Level of commendation</translation>
    </message>
    <message>
      <source>Thành tích đề nghị</source>
      <translation>Achievement proposed</translation>
    </message>
    <message>
      <source>Tổng điểm: {score}/{total}</source>
      <translation>Total score: {score}/{total}</translation>
    </message>
    <message>
      <source>Đánh dấu các tiêu chí đã đạt:</source>
      <translation>Tick the criteria met:</translation>
    </message>
    <message>
      <source>{text} ({points} điểm)</source>
      <translation>{text} ({points} points)</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>Quyết định khen thưởng: {name}</source>
      <translation>Commendation decision: {name}</translation>
    </message>
    <message>
      <source>ví dụ 125-QĐ/ĐU</source>
      <translation>for example 125-QĐ/ĐU</translation>
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
      <translation>Decided by</translation>
    </message>
    <message>
      <source>Hình thức khen thưởng</source>
      <translation>Form of commendation</translation>
    </message>
    <message>
      <source>Cấp khen thưởng</source>
      <translation>Level of commendation</translation>
    </message>
  </context>
  <context>
    <name>CriteriaDialog</name>
    <message>
      <source>Bộ tiêu chí chấm điểm</source>
      <translation>Scoring criteria</translation>
    </message>
    <message>
      <source>Nhập đúng bộ tiêu chí xã, phường ban hành. Đề nghị đã chấm vẫn giữ điểm cũ.</source>
      <translation>Enter the criteria your commune or ward published. Proposals already scored keep their score.</translation>
    </message>
    <message>
      <source>Thêm tiêu chí</source>
      <translation>Add criterion</translation>
    </message>
    <message>
      <source>Xóa tiêu chí đang chọn</source>
      <translation>Delete the selected criterion</translation>
    </message>
    <message>
      <source>Tổng: {total} điểm</source>
      <translation>Total: {total} points</translation>
    </message>
    <message>
      <source>Tiêu chí</source>
      <translation>Criterion</translation>
    </message>
    <message>
      <source>Điểm</source>
      <translation>Points</translation>
    </message>
  </context>
</TS>
