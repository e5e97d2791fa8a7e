<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>importing</name>
    <message>
      <source>Cùng tên với dòng {line} mà thiếu «{field}» nên không phân biệt được: nếu là hai người, hãy ghi «{field}» của từng người; nếu là một người, hãy giữ một dòng đúng, xóa dòng kia rồi nhập lại.</source>
      <translation>Same name as row {line} and no «{field}» to tell them apart: if they are two people, give each one's «{field}»; if it is one person, keep the right row, delete the other and import again.</translation>
    </message>
    <message>
      <source>Đã có {count} người tên «{who}» ({field}: {known}): hãy ghi «{field}» ở dòng này để biết là người nào; nếu là người mới, hãy ghi năm sinh của người đó.</source>
      <translation>There are already {count} people named «{who}» ({field}: {known}): give the «{field}» in this row to say which one; for a new person, give their year of birth.</translation>
    </message>
    <message>
      <source>chưa ghi</source>
      <translation>not given</translation>
    </message>
    <message>
      <source>Kiến nghị này có {count} người kiến nghị ({known}): hãy ghi «{column}» ở dòng này để biết sửa thông tin của người nào.</source>
      <translation>This petition was raised by {count} people ({known}): fill in «{column}» on this row to say whose details it changes.</translation>
    </message>
    <message>
      <source>«{column}» «{name}» không phải người nào đã ghi của kiến nghị này ({known}): nếu là một trong số họ, hãy ghi đúng tên người đó; nếu là người khác, hãy thêm người này ở trang Kiến nghị rồi nhập lại.</source>
      <translation>«{column}» «{name}» is none of the people recorded for this petition ({known}): if it is one of them, write that person's name as recorded; if it is someone else, add them on the Petitions page, then import again.</translation>
    </message>
    <message>
      <source>«{label}» «{text}» không phải là ngày: hãy ghi ngày/tháng/năm, ví dụ 15/03/2026.</source>
      <translation>«{label}» «{text}» is not a date: write day/month/year, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{label}» «{value}» không phải là ngày: hãy định dạng ô là ngày hoặc ghi ngày/tháng/năm, ví dụ 15/03/2026.</source>
      <translation>«{label}» «{value}» is not a date: format the cell as a date or write day/month/year, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{label}» «{text}» thiếu năm: hãy ghi đủ ngày/tháng/năm, ví dụ 15/03/2026.</source>
      <translation>«{label}» «{text}» has no year: write the whole day/month/year, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{label}» «{text}»: năm {year} không hợp lý; hãy ghi năm từ {first} đến {last}.</source>
      <translation>«{label}» «{text}»: the year {year} is not plausible; write a year from {first} to {last}.</translation>
    </message>
    <message>
      <source>«{label}» «{text}»: không có tháng {month}; tháng chỉ từ 1 đến 12 (ghi ngày trước, tháng sau).</source>
      <translation>«{label}» «{text}»: there is no month {month}; months run from 1 to 12 (the day comes first, then the month).</translation>
    </message>
    <message>
      <source>«{label}» «{text}» không phải ngày có thật: tháng {month}/{year} chỉ có {last} ngày.</source>
      <translation>«{label}» «{text}» is not a real day: {month}/{year} has only {last} days.</translation>
    </message>
    <message>
      <source>Chưa khởi tạo tổ dân vận: hãy khởi tạo trước khi nhập danh sách.</source>
      <translation>The team has not been set up: set it up before importing a list.</translation>
    </message>
    <message>
      <source>Cột {letter} «{heading}» có chữ gõ bằng bảng mã cũ {encoding} (dòng {row}: «{text}»), không phải Unicode: hãy mở tệp bằng Excel, chép bảng vào bộ nhớ, dùng công cụ «Chuyển mã» của Unikey (nguồn {encoding}, đích Unicode) rồi dán lại và lưu tệp; sau đó nhập lại.</source>
      <translation>Column {letter} «{heading}» holds text typed in the old {encoding} encoding (row {row}: «{text}»), not Unicode: open the file in Excel, copy the table, convert it with Unikey's «Chuyển mã» (converter) tool (source {encoding}, target Unicode), paste it back and save the file; then import it again.</translation>
    </message>
    <message>
      <source>Không có dòng {row}: trang tính có {count} dòng; hãy chọn dòng tiêu đề từ 1 đến {count}.</source>
      <translation>There is no row {row}: the sheet has {count} rows; choose a header row from 1 to {count}.</translation>
    </message>
    <message>
      <source>Không có dòng dữ liệu nào dưới dòng tiêu đề {row}: hãy chọn đúng trang tính và dòng tiêu đề.</source>
      <translation>There are no data rows below header row {row}: choose the right sheet and header row.</translation>
    </message>
    <message>
      <source>Không có cột {letter}: trang tính có các cột từ A đến {last}.</source>
      <translation>There is no column {letter}: the sheet has columns A to {last}.</translation>
    </message>
    <message>
      <source>Chưa có cột nào cho «{label}» (bắt buộc): hãy chọn cột ghi {label_lower} trong bảng các cột, hoặc thêm cột đó vào tệp.</source>
      <translation>No column gives «{label}» (required): choose the column holding {label_lower} in the table of columns, or add that column to the file.</translation>
    </message>
    <message>
      <source>Cột {letter}: không có mục «{name}»; hãy chọn một trong {known}.</source>
      <translation>Column {letter}: there is no field «{name}»; choose one of {known}.</translation>
    </message>
    <message>
      <source>Trùng với dòng {line} nhưng khác ở {fields}: hãy giữ một dòng đúng, xóa dòng kia rồi nhập lại.</source>
      <translation>Repeats row {line} but differs in {fields}: keep the right row, delete the other and import again.</translation>
    </message>
    <message>
      <source>«{label}» «{value}» không có trong danh mục lĩnh vực của tổ: hãy ghi một trong {known}, hoặc thêm lĩnh vực này ở trang Mô hình (nút «Lĩnh vực…») rồi nhập lại.</source>
      <translation>«{label}» «{value}» is not in the team's list of fields: write one of {known}, or add this field on the Models page (the «Fields…» button) and import again.</translation>
    </message>
    <message>
      <source>«Trạng thái» «{new}» do cấp xã hoặc thành phố quyết định, tổ dân vận không tự ghi được: hãy ghi một trong {allowed} (cấp trên công nhận qua máy chủ của thành phố).</source>
      <translation>«Status» «{new}» is decided by the commune or the city; a team cannot set it: write one of {allowed} (recognition comes from above through the city's server).</translation>
    </message>
    <message>
      <source>«Trạng thái»: không chuyển được mô hình từ «{old}» sang «{new}»; hãy ghi một trong {allowed}, hoặc để trống ô này để giữ trạng thái đang lưu.</source>
      <translation>«Status»: the model cannot move from «{old}» to «{new}»; write one of {allowed}, or leave the cell empty to keep the stored status.</translation>
    </message>
    <message>
      <source>Tệp {name} là định dạng Excel cũ (.xls), ứng dụng không đọc được: hãy mở tệp bằng Excel hoặc LibreOffice, chọn «Lưu thành» (Save As) kiểu «Sổ làm việc Excel (.xlsx)», rồi nhập tệp .xlsx đó.</source>
      <translation>The file {name} is in the old Excel format (.xls), which the app cannot read: open it in Excel or LibreOffice, choose «Save As» with the type «Excel Workbook (.xlsx)», then import that .xlsx file.</translation>
    </message>
    <message>
      <source>Tệp {name} là văn bản Word, không nhập được: hãy chép bảng trong văn bản sang Excel, lưu thành tệp .xlsx rồi nhập tệp đó.</source>
      <translation>The file {name} is a Word document and cannot be imported: copy its table into Excel, save it as an .xlsx file and import that file.</translation>
    </message>
    <message>
      <source>Tệp {name} quá lớn (quá {limit} dòng hoặc 50 MB): hãy chia thành nhiều tệp nhỏ hơn.</source>
      <translation>The file {name} is too large (over {limit} rows or 50 MB): split it into smaller files.</translation>
    </message>
    <message>
      <source>Không nhập được tệp {name}: chỉ nhập được tệp Excel (.xlsx) hoặc CSV (.csv). Hãy mở tệp bằng Excel rồi lưu thành .xlsx.</source>
      <translation>The file {name} cannot be imported: only Excel (.xlsx) and CSV (.csv) files can. Open the file in Excel and save it as .xlsx.</translation>
    </message>
    <message>
      <source>Tệp {name} không đọc được như một tệp Excel .xlsx ({reason}): tệp có thể bị hỏng hoặc đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu nếu có, lưu lại thành .xlsx rồi nhập lại.</source>
      <translation>The file {name} cannot be read as an Excel .xlsx file ({reason}): it may be damaged or password-protected; open it in Excel, remove any password, save it again as .xlsx and import it again.</translation>
    </message>
    <message>
      <source>Tệp không có trang tính «{sheet}»: hãy chọn một trong {names}.</source>
      <translation>The file has no sheet «{sheet}»: choose one of {names}.</translation>
    </message>
    <message>
      <source>Không mở được tệp {path}: {reason}. Hãy kiểm tra tên tệp và quyền đọc.</source>
      <translation>Cannot open the file {path}: {reason}. Check the file's name and that it may be read.</translation>
    </message>
    <message>
      <source>Trang tính có hơn {limit} dòng: hãy chia thành nhiều tệp nhỏ hơn.</source>
      <translation>The sheet has more than {limit} rows: split it into smaller files.</translation>
    </message>
    <message>
      <source>Dữ liệu đã thay đổi từ lúc xem trước (có thể vừa đồng bộ): hãy xem trước lại rồi nhập. Chưa ghi gì vào dữ liệu.</source>
      <translation>The data changed since the preview (perhaps a sync just ran): preview again, then import. Nothing was written.</translation>
    </message>
    <message>
      <source>Dòng {line}: {message}</source>
      <translation>Row {line}: {message}</translation>
    </message>
    <message>
      <source>{count} dòng có lỗi (dòng {lines}): hãy sửa các dòng đó trong tệp rồi nhập lại, hoặc chọn bỏ qua các dòng có lỗi. Chưa ghi gì vào dữ liệu.</source>
      <translation>{count} rows have problems (rows {lines}): correct them in the file and import again, or choose to skip the rows with problems. Nothing was written.</translation>
    </message>
    <message>
      <source>Không nhập được loại hồ sơ «{entity}»: hãy chọn một trong {known}.</source>
      <translation>Records of the kind «{entity}» cannot be imported: choose one of {known}.</translation>
    </message>
    <message>
      <source>Người kiến nghị</source>
      <translation>Petitioner</translation>
    </message>
    <message>
      <source>Địa chỉ người kiến nghị</source>
      <translation>Petitioner's address</translation>
    </message>
    <message>
      <source>Số điện thoại người kiến nghị</source>
      <translation>Petitioner's phone number</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Đã nhập: thêm {added}, cập nhật {updated}; {left} dòng không ghi (giữ nguyên, trùng, bỏ qua). Các thay đổi sẽ được gửi ở lần đồng bộ tới.</source>
      <translation>Imported: {added} added, {updated} updated; {left} rows not written (unchanged, repeated, skipped). The changes will be sent at the next sync.</translation>
    </message>
    <message>
      <source>Tệp {name}, trang tính «{sheet}», dòng tiêu đề {row}.</source>
      <translation>File {name}, sheet «{sheet}», header row {row}.</translation>
    </message>
    <message>
      <source>Xem trước: thêm {add}, cập nhật {update}, giữ nguyên {same}, trùng {duplicate}, lỗi {invalid}; {blank} dòng trống.</source>
      <translation>Preview: {add} to add, {update} to update, {same} unchanged, {duplicate} repeated, {invalid} with problems; {blank} empty rows.</translation>
    </message>
    <message>
      <source>nhập danh sách từ tệp Excel (.xlsx) hoặc CSV</source>
      <translation>import a list from an Excel (.xlsx) or CSV file</translation>
    </message>
    <message>
      <source>tệp .xlsx hoặc .csv</source>
      <translation>an .xlsx or .csv file</translation>
    </message>
    <message>
      <source>loại hồ sơ trong tệp</source>
      <translation>the kind of records in the file</translation>
    </message>
    <message>
      <source>tên trang tính (mặc định: trang đầu)</source>
      <translation>the sheet's name (default: the first sheet)</translation>
    </message>
    <message>
      <source>dòng chứa tiêu đề cột (mặc định: tự tìm)</source>
      <translation>the row holding the column headings (default: found automatically)</translation>
    </message>
    <message>
      <source>gán cột cho một mục, ví dụ B=phone; B=- để bỏ qua cột</source>
      <translation>give a column a field, e.g. B=phone; B=- leaves the column out</translation>
    </message>
    <message>
      <source>chỉ xem trước, không ghi</source>
      <translation>preview only, write nothing</translation>
    </message>
    <message>
      <source>không sửa các hồ sơ đã có, chỉ thêm hồ sơ mới</source>
      <translation>change no stored record, only add new ones</translation>
    </message>
    <message>
      <source>bỏ qua các dòng có lỗi, nhập các dòng còn lại</source>
      <translation>skip the rows with problems, import the others</translation>
    </message>
    <message>
      <source>Chỉ xem trước (--dry-run): chưa ghi gì vào dữ liệu.</source>
      <translation>Preview only (--dry-run): nothing was written.</translation>
    </message>
    <message>
      <source>(bỏ qua)</source>
      <translation>(left out)</translation>
    </message>
    <message>
      <source>Dòng {line}: cập nhật {who}: {changes}</source>
      <translation>Row {line}: update {who}: {changes}</translation>
    </message>
    <message>
      <source>Dòng {line}: trùng với dòng {first}, bỏ qua ({who}).</source>
      <translation>Row {line}: repeats row {first}, skipped ({who}).</translation>
    </message>
    <message>
      <source>--column «{item}»: hãy viết CỘT=MỤC, ví dụ --column B=phone (CỘT là chữ cái hoặc số thứ tự của cột, MỤC là một trong {known}, hoặc - để bỏ qua cột).</source>
      <translation>--column «{item}»: write COLUMN=FIELD, for example --column B=phone (COLUMN is the column's letter or number, FIELD one of {known}, or - to leave the column out).</translation>
    </message>
    <message>
      <source>Dòng {line}: lỗi ({who}): {problems}</source>
      <translation>Row {line}: problem ({who}): {problems}</translation>
    </message>
  </context>
</TS>
