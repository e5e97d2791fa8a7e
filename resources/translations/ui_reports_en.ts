<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReportsPage</name>
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
      <source>Sáu tháng</source>
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
      <source>Khi chọn, văn bản lấy số «BC» tiếp theo trong năm của đơn vị (ví dụ «Số: 05/BC-…»); số in trên văn bản và đứng đầu tên tệp. Số chỉ được giữ khi ghi tệp thành công: nếu lỗi hoặc bấm «Hủy xuất», số được trả lại. Không chọn thì xuất bản nháp, chỗ số để trống.</source>
      <translation>When ticked, the document takes the unit's next «BC» number of the year (e.g. «Số: 05/BC-…»); the number is printed on the document and starts the file name. The number is kept only when the files are written: after an error or «Cancel export» it is given back. Unticked, a draft is exported with the number left blank.</translation>
    </message>
    <message>
      <source>Loại văn bản này không cấp số khi xuất (biên bản mang số khi hoàn tất cuộc họp).</source>
      <translation>This kind of document is not numbered on export (minutes get their number when the meeting is finalised).</translation>
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
</TS>
