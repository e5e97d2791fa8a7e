<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReportPresets</name>
    <message>
      <source>Mẫu trình bày {source}, mục “{key}”: {what}. Hãy sửa tệp mẫu rồi thử lại.</source>
      <translation>Layout preset {source}, entry “{key}”: {what}. Correct the preset file and try again.</translation>
    </message>
    <message>
      <source>thiếu mục này</source>
      <translation>this entry is missing</translation>
    </message>
    <message>
      <source>cần một số không âm</source>
      <translation>a non-negative number is needed</translation>
    </message>
    <message>
      <source>cần một chuỗi chữ</source>
      <translation>a text string is needed</translation>
    </message>
    <message>
      <source>cần một trong: {allowed}</source>
      <translation>one of these is needed: {allowed}</translation>
    </message>
    <message>
      <source>cần một kiểu chữ có size_pt</source>
      <translation>a text style with size_pt is needed</translation>
    </message>
    <message>
      <source>cần size_pt và các cờ bold, italic, caps, underline</source>
      <translation>size_pt and the flags bold, italic, caps, underline are needed</translation>
    </message>
    <message>
      <source>cần một danh sách kiểu chữ</source>
      <translation>a list of text styles is needed</translation>
    </message>
    <message>
      <source>Không có mẫu trình bày “{name}” ({path}).</source>
      <translation>There is no layout preset “{name}” ({path}).</translation>
    </message>
    <message>
      <source>Không đọc được mẫu trình bày {path}: {error}. Hãy sửa tệp mẫu rồi thử lại.</source>
      <translation>Cannot read the layout preset {path}: {error}. Correct the preset file and try again.</translation>
    </message>
    <message>
      <source>Văn bản hành chính (Nghị định 30/2020/NĐ-CP)</source>
      <translation>Administrative document (Decree 30/2020/NĐ-CP)</translation>
    </message>
    <message>
      <source>Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)</source>
      <translation>Party document (Guidance 36-HD/VPTW)</translation>
    </message>
  </context>
  <context>
    <name>ReportFormats</name>
    <message>
      <source>Không có định dạng xuất “{name}”. Hãy chọn một trong: {known}.</source>
      <translation>There is no export format “{name}”. Choose one of: {known}.</translation>
    </message>
    <message>
      <source>Văn bản Word (DOCX)</source>
      <translation>Word document (DOCX)</translation>
    </message>
    <message>
      <source>Tệp PDF</source>
      <translation>PDF file</translation>
    </message>
    <message>
      <source>Bảng tính Excel (XLSX)</source>
      <translation>Excel spreadsheet (XLSX)</translation>
    </message>
  </context>
  <context>
    <name>ReportSamples</name>
    <message>
      <source>Không tìm thấy chương trình {program}. Hãy cài gói {package} rồi chạy lại.</source>
      <translation>The program {program} was not found. Install the package {package} and run again.</translation>
    </message>
  </context>
  <context>
    <name>ReportBuilders</name>
    <message>
      <source>Năm {year} nằm ngoài khoảng báo cáo được: hãy nhập năm từ {first} đến {last}.</source>
      <translation>The year {year} is outside the years reports cover: enter a year from {first} to {last}.</translation>
    </message>
    <message>
      <source>Hãy chọn {what} cần xuất báo cáo.</source>
      <translation>Choose the {what} to export.</translation>
    </message>
    <message>
      <source>mô hình</source>
      <translation>model</translation>
    </message>
    <message>
      <source>cuộc họp</source>
      <translation>meeting</translation>
    </message>
    <message>
      <source>Không có loại báo cáo «{name}»: hãy chọn một trong {known}.</source>
      <translation>There is no report kind «{name}»: choose one of {known}.</translation>
    </message>
    <message>
      <source>Loại báo cáo «{kind}» không dùng tham số {names}: hãy bỏ tham số này.</source>
      <translation>The report kind «{kind}» does not take {names}: leave it out.</translation>
    </message>
    <message>
      <source>«{name}» phải là một số nguyên, ví dụ 2026.</source>
      <translation>«{name}» must be a whole number, for example 2026.</translation>
    </message>
    <message>
      <source>Chưa có «{what}» để ghi lên văn bản: hãy nhập trong Quy chế hoạt động của tổ (hoặc trong hộp thoại xuất báo cáo) rồi thử lại.</source>
      <translation>There is no «{what}» to write on the document: enter it in the team's operating regulation (or in the export dialog) and try again.</translation>
    </message>
    <message>
      <source>Không có mẫu trình bày «{preset}»: hãy chọn state (Nhà nước) hoặc party (Đảng).</source>
      <translation>There is no layout preset «{preset}»: choose state or party.</translation>
    </message>
    <message>
      <source>Không tìm thấy cuộc họp có mã {id}: có thể biên bản đã bị xóa; hãy chọn lại.</source>
      <translation>No meeting with id {id} was found: the minutes may have been deleted; choose again.</translation>
    </message>
    <message>
      <source>Không tìm thấy mô hình có mã {id}: có thể mô hình đã bị xóa; hãy chọn lại.</source>
      <translation>No model with id {id} was found: it may have been deleted; choose again.</translation>
    </message>
    <message>
      <source>Không có kỳ báo cáo «{kind}»: hãy chọn tháng, quý, 6 tháng hoặc năm.</source>
      <translation>There is no reporting period «{kind}»: choose month, quarter, half-year or year.</translation>
    </message>
    <message>
      <source>Không có tháng {month}: hãy chọn từ 1 đến 12.</source>
      <translation>There is no month {month}: choose 1 to 12.</translation>
    </message>
    <message>
      <source>Không có quý {quarter}: hãy chọn từ 1 đến 4.</source>
      <translation>There is no quarter {quarter}: choose 1 to 4.</translation>
    </message>
    <message>
      <source>Hãy chọn tháng cần báo cáo.</source>
      <translation>Choose the month to report on.</translation>
    </message>
    <message>
      <source>Hãy chọn quý cần báo cáo.</source>
      <translation>Choose the quarter to report on.</translation>
    </message>
    <message>
      <source>Chưa khởi tạo tổ dân vận nên chưa có số liệu để báo cáo: hãy chạy trình hướng dẫn hoặc lệnh «danvan init».</source>
      <translation>The team has not been set up, so there is nothing to report yet: run the setup wizard or «danvan init».</translation>
    </message>
    <message>
      <source>Không tìm thấy đơn vị của tổ trong dữ liệu.</source>
      <translation>The team's unit was not found in the data.</translation>
    </message>
    <message>
      <source>Hãy chọn xã, phường cần tổng hợp báo cáo.</source>
      <translation>Choose the commune or ward to sum up.</translation>
    </message>
    <message>
      <source>Dữ liệu chưa có thôn, tổ dân phố nào thuộc xã, phường mã {code}: hãy đồng bộ dữ liệu hoặc chọn xã, phường khác.</source>
      <translation>The data holds no village or residential group of the commune or ward with code {code}: sync the data or choose another commune or ward.</translation>
    </message>
  </context>
  <context>
    <name>ReportKinds</name>
    <message>
      <source>Tờ trình đề nghị khen thưởng</source>
      <translation>Commendation proposal</translation>
    </message>
    <message>
      <source>Danh sách thành viên Tổ</source>
      <translation>Team member list</translation>
    </message>
    <message>
      <source>Bản đăng ký mô hình</source>
      <translation>Model registration</translation>
    </message>
    <message>
      <source>Biên bản họp</source>
      <translation>Meeting minutes</translation>
    </message>
    <message>
      <source>Báo cáo định kỳ của Tổ</source>
      <translation>Team's periodic report</translation>
    </message>
    <message>
      <source>Bảng thống kê mô hình</source>
      <translation>Model statistics</translation>
    </message>
    <message>
      <source>Báo cáo tổng hợp của xã, phường</source>
      <translation>Commune or ward roll-up report</translation>
    </message>
  </context>
  <context>
    <name>ReportExport</name>
    <message>
      <source>Văn bản mã {id} đã được thay thế bằng văn bản mã {newer} ({number}): hãy sửa văn bản mới hơn đó.</source>
      <translation>Document {id} has already been replaced by document {newer} ({number}): correct that newer one instead.</translation>
    </message>
    <message>
      <source>Không ghi được tệp {name} vào thư mục {folder} ({detail}). Hãy kiểm tra thư mục rồi thử lại.</source>
      <translation>Cannot write the file {name} into the folder {folder} ({detail}). Check the folder and try again.</translation>
    </message>
    <message>
      <source>Tệp {name} trong thư mục {folder} đang được mở bằng chương trình khác. Hãy đóng tệp đó (ví dụ trong Word hoặc Excel) rồi thử lại.</source>
      <translation>The file {name} in the folder {folder} is open in another program. Close it (in Word or Excel, for example) and try again.</translation>
    </message>
    <message>
      <source>Tệp {name} quá lớn so với định dạng của ổ đĩa chứa thư mục {folder}. Hãy chọn nơi lưu khác.</source>
      <translation>The file {name} is too large for the format of the disk holding the folder {folder}. Choose another place.</translation>
    </message>
    <message>
      <source>Kiểm tra lại tệp {name} sau khi ghi thấy nội dung trong thư mục {folder} không khớp với bản gốc, nên tệp không được lưu. Hãy thử lại hoặc chọn nơi lưu khác.</source>
      <translation>Reading the file {name} back from the folder {folder} did not match what was written, so the file was not kept. Try again or choose another place.</translation>
    </message>
    <message>
      <source>Thư mục {folder} không còn truy cập được khi đang ghi tệp {name}, nên tệp chưa được ghi; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy kiểm tra thư mục rồi ghi lại.</source>
      <translation>The folder {folder} could no longer be reached while writing the file {name}, so the file was not written; an older file of the same name (if any) is untouched. Check the folder and write again.</translation>
    </message>
    <message>
      <source>Ổ đĩa chứa thư mục {folder} đã đầy khi đang ghi tệp {name}; phần đã ghi dở được xóa. Hãy xóa bớt tệp hoặc chọn nơi lưu khác.</source>
      <translation>The disk holding the folder {folder} filled up while writing the file {name}; the part written was removed. Delete some files or choose another place.</translation>
    </message>
    <message>
      <source>Ổ đĩa chứa thư mục {folder} không đủ chỗ trống để ghi tệp {name}: cần {needed}, chỉ còn trống {free}. Hãy xóa bớt tệp hoặc chọn nơi lưu khác.</source>
      <translation>The disk holding the folder {folder} has no room for the file {name}: {needed} is needed, only {free} is free. Delete some files or choose another place.</translation>
    </message>
    <message>
      <source>Không ghi được vào thư mục {folder}: thư mục chỉ cho đọc hoặc máy không cho ghi vào đó. Hãy chọn thư mục khác.</source>
      <translation>Cannot write into the folder {folder}: it is read-only or this computer may not write there. Choose another folder.</translation>
    </message>
    <message>
      <source>Đã hủy xuất báo cáo; không có tệp dở dang nào được để lại.</source>
      <translation>The export was cancelled; no half-written file was left.</translation>
    </message>
    <message>
      <source>Không có thư mục {path}: hãy kiểm tra lại đường dẫn (nếu là USB, hãy cắm lại USB) hoặc chọn thư mục khác.</source>
      <translation>The folder {path} does not exist: check the path (for a USB stick, plug it in again) or choose another folder.</translation>
    </message>
    <message>
      <source>«{kind}» không cấp số khi xuất: biên bản được cấp số khi hoàn tất cuộc họp. Hãy hoàn tất biên bản rồi xuất, không chọn cấp số.</source>
      <translation>«{kind}» takes no number on export: minutes are numbered when the meeting is finalised. Finalise the minutes, then export them without issuing.</translation>
    </message>
    <message>
      <source>Đang đọc văn bản đã cấp…</source>
      <translation>Reading the issued document…</translation>
    </message>
    <message>
      <source>«{kind}» này đã được cấp số {number} ngày {date}. Để có thêm định dạng khác của đúng văn bản đó, hãy xuất lại bản đã cấp (mã {id}): chọn nó trong «Văn bản đã cấp» ở trang Báo cáo, hoặc dùng lệnh «danvan export --reissue {id}».</source>
      <translation>This «{kind}» was already issued as number {number} on {date}. For another format of that same document, write the issued copy again (number {id} in the register): choose it under «Issued documents» on the Reports page, or run «danvan export --reissue {id}».</translation>
    </message>
    <message>
      <source>«{kind}» này đã được ban hành ngày {date}. Để có thêm định dạng khác của đúng văn bản đó, hãy xuất lại bản đã ban hành (mã {id}): chọn nó trong «Văn bản đã cấp» ở trang Báo cáo, hoặc dùng lệnh «danvan export --reissue {id}».</source>
      <translation>This «{kind}» was already issued on {date}. For another format of that same document, write the issued copy again (number {id} in the register): choose it under «Issued documents» on the Reports page, or run «danvan export --reissue {id}».</translation>
    </message>
    <message>
      <source>«{kind}» không xuất được ra {format}: hãy chọn {allowed}.</source>
      <translation>«{kind}» cannot be exported as {format}: choose {allowed}.</translation>
    </message>
    <message>
      <source>Đang lập báo cáo từ dữ liệu…</source>
      <translation>Building the report from the data…</translation>
    </message>
    <message>
      <source>Đang trình bày tệp {format}…</source>
      <translation>Laying out the {format} file…</translation>
    </message>
    <message>
      <source>Đang ghi tệp…</source>
      <translation>Writing the file…</translation>
    </message>
    <message>
      <source>Đã ghi xong.</source>
      <translation>Written.</translation>
    </message>
    <message>
      <source>Đã hủy xuất báo cáo.</source>
      <translation>The export was cancelled.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Tệp {path} không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã UTF-8 (Unicode) rồi chạy lại lệnh.</source>
      <translation>The file {path} is not UTF-8 text: save it again in UTF-8 (Unicode) and run the command again.</translation>
    </message>
    <message>
      <source>Không đọc được tệp {path} ({reason}): hãy kiểm tra đường dẫn rồi chạy lại lệnh.</source>
      <translation>Cannot read the file {path} ({reason}): check the path and run the command again.</translation>
    </message>
    <message>
      <source>Báo cáo kỳ này không có mục «{section}»: hãy chọn một trong {names}.</source>
      <translation>The report of this period has no section «{section}»: choose one of {names}.</translation>
    </message>
    <message>
      <source>Đã lưu mục «{section}» ({count} ký tự).</source>
      <translation>Saved the section «{section}» ({count} characters).</translation>
    </message>
    <message>
      <source>Đã xóa nội dung mục «{section}».</source>
      <translation>Cleared the section «{section}».</translation>
    </message>
    <message>
      <source>(chưa viết)</source>
      <translation>(not written)</translation>
    </message>
    <message>
      <source>các mục Tổ trưởng viết trong báo cáo định kỳ (sơ kết, tổng kết)</source>
      <translation>the sections the leader writes in a periodic report (half-year and year-end reviews)</translation>
    </message>
    <message>
      <source>Lưu các mục Tổ trưởng viết cho báo cáo định kỳ của một kỳ, như trang Báo cáo: lệnh «danvan export periodic-report» cùng kỳ dùng các mục đã lưu. Báo cáo 6 tháng và năm có: situation (tình hình Nhân dân), shortcomings (hạn chế, nguyên nhân), lessons (bài học kinh nghiệm), next_tasks (phương hướng, nhiệm vụ kỳ tới), proposals (kiến nghị, đề xuất); báo cáo tháng, quý chỉ có proposals. Tệp trống xóa nội dung mục; dòng bắt đầu bằng «-» là một ý gạch đầu dòng.</source>
      <translation>Keeps the sections the leader writes for the periodic report of a period, as the Reports page does: «danvan export periodic-report» of the same period uses them. Half-year and year reports have: situation (the residents' situation and opinions), shortcomings (shortcomings and causes), lessons (lessons learned), next_tasks (tasks for the next period), proposals (proposals); month and quarter reports have proposals only. An empty file clears the section; a line starting with «-» is a bullet item.</translation>
    </message>
    <message>
      <source>lưu một mục từ tệp văn bản UTF-8</source>
      <translation>save one section from a UTF-8 text file</translation>
    </message>
    <message>
      <source>TỆP</source>
      <translation>FILE</translation>
    </message>
    <message>
      <source>tệp văn bản UTF-8 (- để đọc từ đầu vào chuẩn)</source>
      <translation>a UTF-8 text file (- to read standard input)</translation>
    </message>
    <message>
      <source>in các mục đã lưu của kỳ</source>
      <translation>print the sections kept for the period</translation>
    </message>
    <message>
      <source>tháng (6 tháng cuối năm: 7 đến 12)</source>
      <translation>month (second half of the year: 7 to 12)</translation>
    </message>
    <message>
      <source>Mã văn bản đã cấp «{id}» phải là một số, ví dụ --reissue 3 (xem trang Báo cáo, mục «Văn bản đã cấp»).</source>
      <translation>The register number «{id}» of an issued document must be a number, for example --reissue 3 (see «Issued documents» on the Reports page).</translation>
    </message>
    <message>
      <source>Hãy ghi loại văn bản cần xuất (một trong: {kinds}) hoặc --reissue MÃ để xuất lại một văn bản đã cấp.</source>
      <translation>Name the kind of document to export (one of: {kinds}) or --reissue ID to write an issued document again.</translation>
    </message>
    <message>
      <source>xuất lại văn bản đã cấp mang mã này</source>
      <translation>write again the issued document with this register number</translation>
    </message>
    <message>
      <source>--reissue xuất lại đúng văn bản đã cấp, nên không dùng cùng {given}: hãy bỏ các phần đó.</source>
      <translation>--reissue writes the issued document exactly as issued, so it does not take {given}: leave those out.</translation>
    </message>
    <message>
      <source>--correct cấp văn bản thay thế cho đúng văn bản đã cấp đó, nên không dùng cùng {given}: hãy bỏ các phần đó.</source>
      <translation>--correct issues the replacement of that very issued document, so it does not take {given}: leave those out.</translation>
    </message>
    <message>
      <source>cấp văn bản thay thế văn bản đã cấp mang mã này</source>
      <translation>issue a document replacing the issued document with this register number</translation>
    </message>
    <message>
      <source>Đã cấp số {number} ngày {date}; mã văn bản đã cấp: {id} (xuất lại bằng «danvan export --reissue {id} --format …»).</source>
      <translation>Issued as number {number} on {date}; register number: {id} (write it again with «danvan export --reissue {id} --format …»).</translation>
    </message>
    <message>
      <source>Đã ban hành ngày {date}; mã văn bản đã cấp: {id} (xuất lại bằng «danvan export --reissue {id} --format …»).</source>
      <translation>Issued on {date}; register number: {id} (write it again with «danvan export --reissue {id} --format …»).</translation>
    </message>
    <message>
      <source>trống {free} / {total}</source>
      <translation>{free} free of {total}</translation>
    </message>
    <message>
      <source>Đã ghi {path} ({size}).</source>
      <translation>Wrote {path} ({size}).</translation>
    </message>
    <message>
      <source>Không thấy USB nào đang cắm: hãy cắm USB rồi chạy lại lệnh.</source>
      <translation>No USB stick is plugged in: plug one in and run the command again.</translation>
    </message>
    <message>
      <source>chỉ đọc</source>
      <translation>read-only</translation>
    </message>
    <message>
      <source>ghi được</source>
      <translation>writable</translation>
    </message>
    <message>
      <source>Chưa chọn nơi lưu tệp: hãy thêm --to THƯ_MỤC hoặc --volume SỐ (xem «danvan volumes»).</source>
      <translation>No place to save the file: add --to FOLDER or --volume NUMBER (see «danvan volumes»).</translation>
    </message>
    <message>
      <source>An toàn để rút USB.</source>
      <translation>Safe to remove the USB stick.</translation>
    </message>
    <message>
      <source>xuất báo cáo, biên bản ra DOCX, PDF, XLSX</source>
      <translation>export reports and minutes as DOCX, PDF, XLSX</translation>
    </message>
    <message>
      <source>mã mô hình hoặc cuộc họp</source>
      <translation>id of the model or meeting</translation>
    </message>
    <message>
      <source>mã xã, phường (báo cáo tổng hợp)</source>
      <translation>commune or ward code (roll-up report)</translation>
    </message>
    <message>
      <source>thư mục lưu tệp</source>
      <translation>folder to save the file in</translation>
    </message>
    <message>
      <source>số thứ tự USB trong «danvan volumes»</source>
      <translation>number of the USB stick in «danvan volumes»</translation>
    </message>
    <message>
      <source>tên tệp (mặc định: theo tên văn bản)</source>
      <translation>file name (default: from the document's title)</translation>
    </message>
    <message>
      <source>cấp số văn bản khi xuất</source>
      <translation>give the document its number when exporting</translation>
    </message>
    <message>
      <source>liệt kê USB đang cắm</source>
      <translation>list the USB sticks plugged in</translation>
    </message>
    <message>
      <source>Không có USB số {number} (đang cắm {count} USB): hãy xem danh sách bằng lệnh «danvan volumes».</source>
      <translation>There is no USB stick number {number} ({count} plugged in): see the list with «danvan volumes».</translation>
    </message>
  </context>
  <context>
    <name>IssuedDocuments</name>
    <message>
      <source>Không có văn bản đã cấp mang mã {id}: hãy xem danh sách văn bản đã cấp ở trang Báo cáo.</source>
      <translation>There is no issued document number {id} in the register: see the list of issued documents on the Reports page.</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Tình hình Nhân dân, dư luận xã hội</source>
      <translation>Residents' situation and public opinion</translation>
    </message>
    <message>
      <source>Hạn chế và nguyên nhân</source>
      <translation>Shortcomings and their causes</translation>
    </message>
    <message>
      <source>Bài học kinh nghiệm</source>
      <translation>Lessons learned</translation>
    </message>
    <message>
      <source>Phương hướng, nhiệm vụ kỳ tới</source>
      <translation>Tasks for the next period</translation>
    </message>
    <message>
      <source>Kiến nghị, đề xuất</source>
      <translation>Proposals</translation>
    </message>
  </context>
  <context>
    <name>entities</name>
    <message>
      <source>Nội dung báo cáo do Tổ trưởng viết</source>
      <translation>Report text written by the leader</translation>
    </message>
  </context>
</TS>
