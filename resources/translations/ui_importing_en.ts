<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Nhập danh sách từ Excel</source>
      <translation>Import lists from Excel</translation>
    </message>
    <message>
      <source>Chọn tệp Excel (.xlsx) hoặc CSV mà tổ đang dùng để theo dõi. Ứng dụng đọc các cột theo tiêu đề, kiểm tra từng dòng và cho xem trước; chưa ghi gì cho đến khi bấm «Nhập». Nhập lại cùng tệp không tạo hồ sơ trùng.</source>
      <translation>Choose the Excel (.xlsx) or CSV file the team keeps its list in. The app reads the columns by their headings, checks every row and shows a preview; nothing is written until you press «Import». Importing the same file again makes no duplicates.</translation>
    </message>
    <message>
      <source>Loại hồ sơ:</source>
      <translation>Kind of record:</translation>
    </message>
    <message>
      <source>Chọn tệp…</source>
      <translation>Choose a file…</translation>
    </message>
    <message>
      <source>Tệp:</source>
      <translation>File:</translation>
    </message>
    <message>
      <source>Trang tính:</source>
      <translation>Sheet:</translation>
    </message>
    <message>
      <source>Bỏ qua các dòng có lỗi, nhập các dòng còn lại</source>
      <translation>Skip the rows with problems, import the others</translation>
    </message>
    <message>
      <source>Nhập</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Dừng</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Chọn tệp danh sách</source>
      <translation>Choose the list's file</translation>
    </message>
    <message>
      <source>Bảng tính (*.xlsx *.csv);;Mọi tệp (*)</source>
      <translation>Spreadsheets (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
      <source>Đang kiểm tra từng dòng…</source>
      <translation>Checking every row…</translation>
    </message>
    <message>
      <source>Đang đọc tệp…</source>
      <translation>Reading the file…</translation>
    </message>
    <message>
      <source>Thêm mới {add}, cập nhật {update}, đã có {same}, trùng {duplicate}, có lỗi {invalid}; {blank} dòng trống bỏ qua.</source>
      <translation>{add} to add, {update} to update, {same} already there, {duplicate} repeated, {invalid} with problems; {blank} empty rows skipped.</translation>
    </message>
    <message>
      <source>(không nhập cột này)</source>
      <translation>(leave this column out)</translation>
    </message>
    <message>
      <source>Đang ghi vào dữ liệu…</source>
      <translation>Writing into the data…</translation>
    </message>
    <message>
      <source>Đã nhập: thêm {added}, cập nhật {updated}; {left} dòng không ghi. Các thay đổi sẽ được gửi lên máy chủ của thành phố ở lần đồng bộ tới.</source>
      <translation>Imported: {added} added, {updated} updated; {left} rows not written. The changes will be sent to the city's server at the next sync.</translation>
    </message>
    <message>
      <source>Đã dừng: chưa ghi gì vào dữ liệu.</source>
      <translation>Stopped: nothing was written.</translation>
    </message>
    <message>
      <source>Dòng tiêu đề cột:</source>
      <translation>Header row:</translation>
    </message>
    <message>
      <source>Cột</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>Tiêu đề trong tệp</source>
      <translation>Heading in the file</translation>
    </message>
    <message>
      <source>Nhập vào mục</source>
      <translation>Imported into</translation>
    </message>
    <message>
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <source>Lỗi không mong đợi: {error}</source>
      <translation>Unexpected error: {error}</translation>
    </message>
    <message>
      <source>Đã dừng.</source>
      <translation>Stopped.</translation>
    </message>
    <message>
      <source>Đưa danh sách thành viên, mô hình, kiến nghị mà tổ đang giữ trong tệp Excel (.xlsx) hoặc CSV vào ứng dụng, có xem trước từng dòng trước khi ghi.</source>
      <translation>Bring the lists of members, models and petitions the team keeps in Excel (.xlsx) or CSV files into the app, with a preview of every row before anything is written.</translation>
    </message>
    <message>
      <source>Nhập từ tệp Excel, CSV…</source>
      <translation>Import from an Excel or CSV file…</translation>
    </message>
  </context>
  <context>
    <name>ImportPreview</name>
    <message>
      <source>Thêm mới</source>
      <translation>New</translation>
    </message>
    <message>
      <source>Cập nhật</source>
      <translation>Update</translation>
    </message>
    <message>
      <source>Đã có, giữ nguyên</source>
      <translation>Already there, unchanged</translation>
    </message>
    <message>
      <source>Có lỗi, không nhập</source>
      <translation>Has problems, not imported</translation>
    </message>
    <message>
      <source>Trùng dòng {line}, bỏ qua</source>
      <translation>Repeats row {line}, skipped</translation>
    </message>
    <message>
      <source>Dòng</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Việc</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Cần sửa</source>
      <translation>To correct</translation>
    </message>
    <message>
      <source>Đang lưu: {old}</source>
      <translation>Stored now: {old}</translation>
    </message>
  </context>
</TS>
