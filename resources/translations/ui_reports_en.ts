<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Đang chuẩn bị…</source>
      <translation>Preparing…</translation>
    </message>
    <message>
      <source>Đã được thay thế bởi văn bản mã {id}</source>
      <translation>Replaced by document ID {id}</translation>
    </message>
    <message>
      <source>ngày {date}</source>
      <translation>dated {date}</translation>
    </message>
    <message>
      <source>Đã được thay thế bởi số {number}</source>
      <translation>Replaced by No. {number}</translation>
    </message>
    <message>
      <source>Đã được thay thế bởi văn bản ngày {date}</source>
      <translation>Replaced by the document dated {date}</translation>
    </message>
    <message>
      <source>số {number}</source>
      <translation>No. {number}</translation>
    </message>
    <message>
      <source>Sửa và cấp lại…</source>
      <translation>Correct and reissue…</translation>
    </message>
    <message>
      <source>Lập lại văn bản đã chọn từ dữ liệu hiện có, cấp số mới và ghi rõ văn bản này thay thế văn bản cũ.</source>
      <translation>Build the selected document again from the current records, give it a new number and state that it replaces the old one.</translation>
    </message>
    <message>
      <source>Sửa và cấp lại văn bản</source>
      <translation>Correct and reissue a document</translation>
    </message>
    <message>
      <source>Lập lại văn bản {old} từ dữ liệu hiện có và cấp văn bản mới thay thế nó? Văn bản mới lấy số tiếp theo và ghi «Văn bản này thay thế văn bản {old}»; văn bản cũ vẫn được giữ, đánh dấu đã được thay thế.</source>
      <translation>Build document {old} again from the current records and issue a new document replacing it? The new document takes the next number and states «This document replaces document {old}»; the old one is kept, marked as replaced.</translation>
    </message>
    <message>
      <source>Cấp văn bản thay thế</source>
      <translation>Issue the replacement</translation>
    </message>
    <message>
      <source>Để sau</source>
      <translation>Not now</translation>
    </message>
    <message>
      <source>Đã cấp văn bản {new} thay thế văn bản {old}. Bấm «Xuất lại…» để ghi tệp.</source>
      <translation>Issued document {new}, replacing document {old}. Click «Write again…» to write the file.</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>(không số)</source>
      <translation>(no number)</translation>
    </message>
    <message>
      <source>Tên văn bản</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Số</source>
      <translation>Number</translation>
    </message>
    <message>
      <source>Xuất lại…</source>
      <translation>Write again…</translation>
    </message>
    <message>
      <source>Chưa cấp văn bản nào trên máy này.</source>
      <translation>No document has been issued on this computer yet.</translation>
    </message>
    <message>
      <source>Văn bản đã cấp</source>
      <translation>Issued documents</translation>
    </message>
    <message>
      <source>Bản xem trước của văn bản đã hoàn tất, số {number}. Tệp Word, PDF có cùng nội dung; chỗ ngắt dòng, ngắt trang có thể khác.</source>
      <translation>Preview of the finalised document, number {number}. The Word and PDF files have the same content; line and page breaks may differ.</translation>
    </message>
    <message>
      <source>Xuất ra USB…</source>
      <translation>Export to USB…</translation>
    </message>
    <message>
      <source>Thể thức</source>
      <translation>Layout</translation>
    </message>
    <message>
      <source>Đang lập bản xem trước…</source>
      <translation>Preparing the preview…</translation>
    </message>
    <message>
      <source>Bản xem trước của bản nháp (chưa có số). Tệp Word, PDF có cùng nội dung; chỗ ngắt dòng, ngắt trang có thể khác.</source>
      <translation>Preview of the draft (not numbered yet). The Word and PDF files have the same content; line and page breaks may differ.</translation>
    </message>
    <message>
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>Văn bản cần làm</source>
      <translation>Document to make</translation>
    </message>
    <message>
      <source>Văn bản nhà nước</source>
      <translation>State document</translation>
    </message>
    <message>
      <source>Văn bản Đảng</source>
      <translation>Party document</translation>
    </message>
  </context>
  <context>
    <name>ReportParams</name>
    <message>
      <source>Kỳ báo cáo</source>
      <translation>Reporting period</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Gõ để tìm mô hình, ví dụ: duong hoa</source>
      <translation>Type to find a model, e.g. duong hoa</translation>
    </message>
    <message>
      <source>Gõ để tìm cuộc họp, ví dụ: thang 3</source>
      <translation>Type to find a meeting, e.g. thang 3</translation>
    </message>
    <message>
      <source>Chỉ tổ của mình</source>
      <translation>Our team only</translation>
    </message>
    <message>
      <source>Xã, phường của đơn vị mình</source>
      <translation>Our own commune or ward</translation>
    </message>
    <message>
      <source>Quy chế lấy từ trang «Quy chế»; không cần chọn gì thêm.</source>
      <translation>The regulation comes from the «Regulation» page; nothing more to choose.</translation>
    </message>
    <message>
      <source>Hãy chọn một mô hình trong danh sách bên trái.</source>
      <translation>Choose a model in the list on the left.</translation>
    </message>
    <message>
      <source>Hãy chọn một cuộc họp trong danh sách bên trái.</source>
      <translation>Choose a meeting in the list on the left.</translation>
    </message>
    <message>
      <source>Tháng</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <source>Tháng {month}</source>
      <translation>Month {month}</translation>
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
      <source>6 tháng đầu năm</source>
      <translation>First half of the year</translation>
    </message>
    <message>
      <source>6 tháng cuối năm</source>
      <translation>Second half of the year</translation>
    </message>
    <message>
      <source>Mô hình</source>
      <translation>Model</translation>
    </message>
    <message>
      <source>Cuộc họp</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>Năm đăng ký</source>
      <translation>Year registered</translation>
    </message>
    <message>
      <source>Phạm vi</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>Xã, phường</source>
      <translation>Commune or ward</translation>
    </message>
    <message>
      <source>Quý {roman}</source>
      <translation>Quarter {roman}</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Văn bản đã cấp số {number} ngày {date}: mọi tệp xuất lại in đúng bản đã cấp, cùng số, cùng ngày và cùng nội dung.</source>
      <translation>Document issued as number {number} on {date}: every file written again prints the copy as issued, with the same number, date and content.</translation>
    </message>
    <message>
      <source>Khi chọn, văn bản lấy số tiếp theo trong năm của đơn vị ban hành (ví dụ «Số: 05/BC-…») và được lưu lại đúng như khi cấp: xuất lại sau này, ở định dạng nào, cũng in đúng bản đó. Số chỉ được giữ khi ghi tệp thành công: nếu lỗi hoặc bấm «Hủy xuất», số được trả lại. Không chọn thì xuất bản dự thảo, có dòng «DỰ THẢO», chỗ số để trống.</source>
      <translation>When ticked, the document takes its issuing body's next number of the year (for example «Số: 05/BC-…») and is kept exactly as issued: written again later, in any format, it prints that same copy. The number is kept only when the files are written: after an error or «Cancel export» it is given back. Unticked, a draft is exported, marked «DỰ THẢO», with the number left blank.</translation>
    </message>
    <message>
      <source>Biên bản không cấp số khi xuất: biên bản được cấp số khi hoàn tất cuộc họp; biên bản chưa hoàn tất in dòng «DỰ THẢO».</source>
      <translation>Minutes take no number on export: they are numbered when the meeting is finalised; minutes not finalised carry «DỰ THẢO» (draft).</translation>
    </message>
    <message>
      <source>Văn bản đã ban hành ngày {date}: mọi tệp xuất lại in đúng bản đã ban hành.</source>
      <translation>Document issued on {date}: every file written again prints the copy as issued.</translation>
    </message>
    <message>
      <source>Loại văn bản này không có số riêng. Khi chọn, văn bản được lưu lại đúng như khi ban hành và không còn dòng «DỰ THẢO»; không chọn thì xuất bản dự thảo.</source>
      <translation>This kind of document has no number of its own. When ticked, the document is kept exactly as issued and no longer carries «DỰ THẢO» (draft); otherwise a draft is exported.</translation>
    </message>
    <message>
      <source>Ban hành văn bản khi xuất</source>
      <translation>Issue the document on export</translation>
    </message>
    <message>
      <source>Đã cấp số {number} ngày {date}.</source>
      <translation>Issued as number {number} on {date}.</translation>
    </message>
    <message>
      <source>Xuất lại «{title}»</source>
      <translation>Write «{title}» again</translation>
    </message>
    <message>
      <source>Không xuất được tệp ({error}): hãy thử lại hoặc chọn nơi lưu khác.</source>
      <translation>The file could not be exported ({error}): try again or choose another place to save it.</translation>
    </message>
    <message>
      <source>Word (DOCX)</source>
      <translation>Word (DOCX)</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>Excel (XLSX)</source>
      <translation>Excel (XLSX)</translation>
    </message>
    <message>
      <source>Đã hủy xuất tệp; không có tệp nào được ghi.</source>
      <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
      <source>Xuất ra USB</source>
      <translation>Export to USB</translation>
    </message>
    <message>
      <source>Tên tệp</source>
      <translation>File name</translation>
    </message>
    <message>
      <source>Định dạng</source>
      <translation>Formats</translation>
    </message>
    <message>
      <source>Số văn bản</source>
      <translation>Document number</translation>
    </message>
    <message>
      <source>An toàn để rút USB.</source>
      <translation>Safe to remove the USB stick.</translation>
    </message>
    <message>
      <source>Cấp số văn bản khi xuất</source>
      <translation>Issue a document number when exporting</translation>
    </message>
    <message>
      <source>Xuất</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Hủy xuất</source>
      <translation>Cancel export</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Chọn thư mục hoặc USB để lưu tệp</source>
      <translation>Choose a folder or USB stick to save the file to</translation>
    </message>
    <message>
      <source>Đang chuẩn bị…</source>
      <translation>Preparing…</translation>
    </message>
    <message>
      <source>Xuất «{kind}»</source>
      <translation>Export «{kind}»</translation>
    </message>
    <message>
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <source>Dữ liệu có thể chưa xuống hết USB: hãy dùng «Gỡ USB an toàn» của máy trước khi rút.</source>
      <translation>The data may not all be on the stick yet: use the computer's «Safely remove» before pulling it out.</translation>
    </message>
    <message>
      <source>Đã ghi {count} tệp vào {folder}:</source>
      <translation>Wrote {count} file(s) to {folder}:</translation>
    </message>
  </context>
  <context>
    <name>ExportTargets</name>
    <message>
      <source>{name} ({path}) — trống {free} / {total}</source>
      <translation>{name} ({path}) — {free} free of {total}</translation>
    </message>
    <message>
      <source>chỉ đọc, không ghi được</source>
      <translation>read-only, cannot be written</translation>
    </message>
    <message>
      <source>Lưu vào</source>
      <translation>Save to</translation>
    </message>
    <message>
      <source>Làm mới danh sách USB</source>
      <translation>Refresh the USB list</translation>
    </message>
    <message>
      <source>Thư mục khác…</source>
      <translation>Another folder…</translation>
    </message>
    <message>
      <source>Không đọc được danh sách USB ({error}).</source>
      <translation>Could not read the list of USB sticks ({error}).</translation>
    </message>
    <message>
      <source>USB này đang ở chế độ chỉ đọc: hãy gạt khóa chống ghi sang vị trí mở, cắm lại rồi bấm «Làm mới danh sách USB», hoặc chọn nơi lưu khác.</source>
      <translation>This stick is read-only: slide its write-protect switch to unlocked, plug it in again and click «Refresh the USB list», or choose another place.</translation>
    </message>
    <message>
      <source>Thư mục {path}</source>
      <translation>Folder {path}</translation>
    </message>
    <message>
      <source>Chưa thấy USB nào: hãy cắm USB rồi bấm «Làm mới danh sách USB», hoặc bấm «Thư mục khác…».</source>
      <translation>No USB stick found: plug one in and click «Refresh the USB list», or click «Another folder…».</translation>
    </message>
  </context>
  <context>
    <name>ReportTexts</name>
    <message>
      <source>Điền gợi ý từ số liệu vào ô trống</source>
      <translation>Fill the empty boxes with suggestions from the records</translation>
    </message>
    <message>
      <source>Ô còn trống được điền phần gợi ý lấy từ các cuộc họp, nhiệm vụ, kiến nghị và vụ việc hòa giải của kỳ báo cáo; ô đã có chữ giữ nguyên.</source>
      <translation>Empty boxes get suggestions drawn from the period's meetings, tasks, petitions and mediation cases; boxes with text stay as they are.</translation>
    </message>
    <message>
      <source>Phần Tổ trưởng viết vào báo cáo. Các ô đang có gợi ý lấy từ số liệu của kỳ: hãy sửa, bổ sung; nội dung được lưu riêng cho kỳ báo cáo này ngay khi gõ.</source>
      <translation>What the leader writes into the report. The boxes hold suggestions drawn from the period's records: edit and complete them; the text is kept for this report period as you type.</translation>
    </message>
    <message>
      <source>Phần Tổ trưởng viết vào báo cáo, đã lưu riêng cho kỳ báo cáo này; sửa đến đâu được lưu đến đó.</source>
      <translation>What the leader writes into the report, kept for this report period; every change is kept as you type.</translation>
    </message>
  </context>
</TS>
