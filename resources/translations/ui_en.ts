<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>AppController</name>
    <message>
      <source>Đã khôi phục dữ liệu từ bản sao lưu.</source>
      <translation>The data has been restored from the backup.</translation>
    </message>
    <message>
      <source>Chưa khôi phục được: {error}</source>
      <translation>Could not restore: {error}</translation>
    </message>
    <message>
      <source>Lần trước ứng dụng không đóng bình thường: đang kiểm tra toàn bộ dữ liệu… Với nhiều dữ liệu, việc này có thể mất một phút.</source>
      <translation>The application did not close normally last time: checking all the data… With a lot of data this can take a minute.</translation>
    </message>
    <message>
      <source>Đang kiểm tra dữ liệu</source>
      <translation>Checking the data</translation>
    </message>
    <message>
      <source>Dữ liệu có lỗi</source>
      <translation>The data has errors</translation>
    </message>
    <message>
      <source>Lần trước ứng dụng không đóng bình thường, và kiểm tra toàn bộ dữ liệu thấy lỗi. Nên khôi phục bản sao lưu gần nhất; dữ liệu hiện tại được giữ lại thành một bản sao lưu riêng trước khi thay.</source>
      <translation>The application did not close normally last time, and a full check of the data found errors. Restoring the latest backup is recommended; the current data is kept as a separate backup before it is replaced.</translation>
    </message>
    <message>
      <source>Lần kiểm tra trước thấy dữ liệu có lỗi, nên ứng dụng không ghi gì thêm vào dữ liệu này. Hãy khôi phục bản sao lưu gần nhất, hoặc thoát và nhờ cán bộ kỹ thuật kiểm tra (lệnh danvan check --full).</source>
      <translation>The last check found errors in the data, so the application writes nothing more into it. Restore the latest backup, or quit and ask a technician to check it (command danvan check --full).</translation>
    </message>
    <message>
      <source>Không mở được dữ liệu</source>
      <translation>The data cannot be opened</translation>
    </message>
    <message>
      <source>Không mở được dữ liệu trong thư mục {path}. Có thể khôi phục bản sao lưu gần nhất, hoặc thoát và nhờ cán bộ kỹ thuật kiểm tra.</source>
      <translation>The data in the folder {path} cannot be opened. You can restore the latest backup, or quit and ask a technician to check it.</translation>
    </message>
    <message>
      <source>Đã tự động sao lưu: {name}</source>
      <translation>Automatic backup made: {name}</translation>
    </message>
    <message>
      <source>Chưa tự động sao lưu được: {error}</source>
      <translation>The automatic backup could not be made: {error}</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsPanel</name>
    <message>
      <source>Chọn ảnh hoặc tài liệu</source>
      <translation>Choose photos or documents</translation>
    </message>
    <message>
      <source>Ảnh và tài liệu (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx *.odt *.txt);;Mọi tệp (*)</source>
      <translation>Photos and documents (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx *.odt *.txt);;All files (*)</translation>
    </message>
    <message>
      <source>Thêm ảnh, tài liệu…</source>
      <translation>Add photos, documents…</translation>
    </message>
    <message>
      <source>Mở</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Gỡ khỏi mô hình</source>
      <translation>Remove from the model</translation>
    </message>
    <message>
      <source>{name} — {size} KB</source>
      <translation>{name} — {size} KB</translation>
    </message>
    <message>
      <source>Đang chép tệp vào dữ liệu của tổ…</source>
      <translation>Copying the files into the team's data…</translation>
    </message>
    <message>
      <source>Không mở được tệp {name}: máy chưa có chương trình xem loại tệp này.</source>
      <translation>Cannot open the file {name}: this computer has no program to view this kind of file.</translation>
    </message>
  </context>
  <context>
    <name>Wizard</name>
    <message>
      <source>Địa bàn của tổ</source>
      <translation>The team's area</translation>
    </message>
    <message>
      <source>Chọn tỉnh, thành phố và xã, phường; nhập tên thôn, tổ dân phố.</source>
      <translation>Choose the province or city and the commune or ward; type the name of the village or residential group.</translation>
    </message>
    <message>
      <source>Ví dụ: Tổ dân phố 5</source>
      <translation>For example: Tổ dân phố 5</translation>
    </message>
    <message>
      <source>Tỉnh, thành phố</source>
      <translation>Province or city</translation>
    </message>
    <message>
      <source>Xã, phường</source>
      <translation>Commune or ward</translation>
    </message>
    <message>
      <source>Loại địa bàn</source>
      <translation>Kind of area</translation>
    </message>
    <message>
      <source>Tên thôn, tổ dân phố</source>
      <translation>Village or residential group</translation>
    </message>
    <message>
      <source>Tổ dân vận</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Tên tổ và người tổ trưởng.</source>
      <translation>The team's name and its leader.</translation>
    </message>
    <message>
      <source>Không bắt buộc, ví dụ 0905 123 456</source>
      <translation>Optional, for example 0905 123 456</translation>
    </message>
    <message>
      <source>Tên tổ dân vận</source>
      <translation>Team's name</translation>
    </message>
    <message>
      <source>Họ và tên tổ trưởng</source>
      <translation>Leader's full name</translation>
    </message>
    <message>
      <source>Số điện thoại</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố (không bắt buộc)</source>
      <translation>City server (optional)</translation>
    </message>
    <message>
      <source>Ứng dụng dùng được đầy đủ khi không có mạng và không có máy chủ. Có thể để trống và nhập sau trong mục Cài đặt.</source>
      <translation>The application works fully with no network and no server. You may leave this empty and enter it later under Settings.</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>Mã đăng ký thiết bị</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>Dân vận khéo — thiết lập lần đầu</source>
      <translation>Dân vận khéo — first-time setup</translation>
    </message>
    <message>
      <source>Đang lưu…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Chưa có tên thôn, tổ dân phố: hãy nhập tên, ví dụ Tổ dân phố 5.</source>
      <translation>The village or residential group has no name yet: type its name, for example Tổ dân phố 5.</translation>
    </message>
    <message>
      <source>Chưa có tên tổ dân vận: hãy nhập tên tổ, ví dụ Tổ dân vận tổ dân phố 5.</source>
      <translation>The team has no name yet: type its name, for example Tổ dân vận tổ dân phố 5.</translation>
    </message>
    <message>
      <source>Chưa có họ và tên tổ trưởng: hãy nhập họ và tên của tổ trưởng.</source>
      <translation>The team leader's full name is missing: type the leader's full name.</translation>
    </message>
    <message>
      <source>Tổ dân vận {village}</source>
      <translation>Tổ dân vận {village}</translation>
    </message>
    <message>
      <source>Số điện thoại chỉ gồm chữ số (có thể có dấu + ở đầu), từ 8 đến 20 ký tự; hãy sửa lại hoặc để trống.</source>
      <translation>A phone number has only digits (a + may lead), 8 to 20 characters; correct it or leave it empty.</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại hoặc để trống.</source>
      <translation>The server address must start with https:// ; correct it or leave it empty.</translation>
    </message>
    <message>
      <source>Không lưu được thiết lập ({error}); hãy thử lại.</source>
      <translation>The setup could not be saved ({error}); try again.</translation>
    </message>
  </context>
  <context>
    <name>IndicatorPanel</name>
    <message>
      <source>Ví dụ: Số ngày công đóng góp</source>
      <translation>For example: Labour days given</translation>
    </message>
    <message>
      <source>Ví dụ: 12,5</source>
      <translation>For example: 12.5</translation>
    </message>
    <message>
      <source>Thêm chỉ số</source>
      <translation>Add reading</translation>
    </message>
    <message>
      <source>Xóa dòng đã chọn</source>
      <translation>Delete the selected rows</translation>
    </message>
    <message>
      <source>Ngày ghi nhận</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Chỉ số</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <source>Giá trị</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>Đơn vị tính</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Ghi chú</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Dân vận khéo</source>
      <translation>Dân vận khéo</translation>
    </message>
    <message>
      <source>Đã xảy ra lỗi không mong muốn ({error}). Dữ liệu đã lưu không bị ảnh hưởng; chi tiết được ghi vào {log}.</source>
      <translation>An unexpected error occurred ({error}). Saved data is not affected; the details were written to {log}.</translation>
    </message>
    <message>
      <source>Có lỗi</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>Dân vận khéo — {team}</source>
      <translation>Dân vận khéo — {team}</translation>
    </message>
    <message>
      <source>nhật ký của ứng dụng</source>
      <translation>the application's log</translation>
    </message>
    <message>
      <source>Tổng quan</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>Mô hình</source>
      <translation>Models</translation>
    </message>
    <message>
      <source>Cuộc họp</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Tasks</translation>
    </message>
    <message>
      <source>Tổ dân vận</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Điển hình &amp; khen thưởng</source>
      <translation>Exemplars &amp; commendations</translation>
    </message>
    <message>
      <source>Sổ tay</source>
      <translation>Handbook</translation>
    </message>
    <message>
      <source>Báo cáo</source>
      <translation>Reports</translation>
    </message>
    <message>
      <source>Đồng bộ</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>ModelForm</name>
    <message>
      <source>Mô hình «Dân vận khéo»</source>
      <translation>"Dân vận khéo" models</translation>
    </message>
    <message>
      <source>Đăng ký</source>
      <translation>Registration</translation>
    </message>
    <message>
      <source>Chỉ số kết quả</source>
      <translation>Result indicators</translation>
    </message>
    <message>
      <source>Ảnh, tài liệu</source>
      <translation>Photos, documents</translation>
    </message>
    <message>
      <source>Đăng ký mô hình mới</source>
      <translation>Register a new model</translation>
    </message>
    <message>
      <source>Mô hình: {name}</source>
      <translation>Model: {name}</translation>
    </message>
    <message>
      <source>Đã lưu.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Không có thay đổi nào cần lưu.</source>
      <translation>There are no changes to save.</translation>
    </message>
    <message>
      <source>Chưa lưu được: hãy sửa các mục có ghi chú bên dưới.</source>
      <translation>Not saved: correct the items with a note below.</translation>
    </message>
    <message>
      <source>Thay đổi chưa lưu</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <source>Mô hình có thay đổi chưa lưu. Lưu trước khi đóng?</source>
      <translation>The model has unsaved changes. Save before closing?</translation>
    </message>
    <message>
      <source>Từ trạng thái này, tổ không được chuyển mô hình sang trạng thái khác.</source>
      <translation>From this status the team may not move the model to another status.</translation>
    </message>
    <message>
      <source>Mô hình mới luôn ở trạng thái «Đã đăng ký».</source>
      <translation>A new model always starts as "Registered".</translation>
    </message>
  </context>
  <context>
    <name>ModelTable</name>
    <message>
      <source>Tên mô hình</source>
      <translation>Model name</translation>
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
      <source>Năm</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Cập nhật</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>Đoạn khớp</source>
      <translation>Match</translation>
    </message>
  </context>
  <context>
    <name>ModelsPage</name>
    <message>
      <source>Thêm mô hình (Ctrl+N)</source>
      <translation>New model (Ctrl+N)</translation>
    </message>
    <message>
      <source>Tìm mô hình (Ctrl+F) — gõ có dấu hay không dấu đều được</source>
      <translation>Search models (Ctrl+F) — with or without diacritics</translation>
    </message>
    <message>
      <source>Mọi lĩnh vực</source>
      <translation>All fields</translation>
    </message>
    <message>
      <source>Mọi trạng thái</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <source>Tìm thấy {count} mô hình.</source>
      <translation>{count} models found.</translation>
    </message>
    <message>
      <source>{count} mô hình.</source>
      <translation>{count} models.</translation>
    </message>
    <message>
      <source>Mô hình «Dân vận khéo»</source>
      <translation>"Dân vận khéo" models</translation>
    </message>
    <message>
      <source>Đang tải…</source>
      <translation>Loading…</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <source>Việc cần làm</source>
      <translation>To do</translation>
    </message>
    <message>
      <source>Lần họp định kỳ gần nhất: {day}.</source>
      <translation>Last regular meeting: {day}.</translation>
    </message>
    <message>
      <source>Đã lên lịch họp định kỳ ngày {day}.</source>
      <translation>Regular meeting planned for {day}.</translation>
    </message>
    <message>
      <source>Chưa có cuộc họp định kỳ nào.</source>
      <translation>No regular meeting yet.</translation>
    </message>
    <message>
      <source>Đã quá hạn họp định kỳ (hạn {day}): hãy tổ chức cuộc họp của kỳ này.</source>
      <translation>The regular meeting is overdue (due {day}): hold this period's meeting.</translation>
    </message>
    <message>
      <source>Cuộc họp định kỳ tới: hạn {day}.</source>
      <translation>Next regular meeting: due {day}.</translation>
    </message>
    <message>
      <source>{count} nhiệm vụ quá hạn:</source>
      <translation>{count} overdue tasks:</translation>
    </message>
    <message>
      <source>Tổng quan</source>
      <translation>Overview</translation>
    </message>
    <message>
      <source>Mô hình</source>
      <translation>Models</translation>
    </message>
    <message>
      <source>Thành viên</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>Cuộc họp</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>Nhiệm vụ đang thực hiện</source>
      <translation>Open tasks</translation>
    </message>
    <message>
      <source>Mô hình theo lĩnh vực</source>
      <translation>Models by field</translation>
    </message>
    <message>
      <source>Mô hình theo trạng thái</source>
      <translation>Models by status</translation>
    </message>
    <message>
      <source>Số cuộc họp trong 12 tháng qua</source>
      <translation>Meetings in the last 12 months</translation>
    </message>
    <message>
      <source>Không có nhiệm vụ quá hạn.</source>
      <translation>No overdue tasks.</translation>
    </message>
    <message>
      <source>chưa giao người</source>
      <translation>nobody assigned</translation>
    </message>
    <message>
      <source>• {title} — {owner} — hạn {day}</source>
      <translation>• {title} — {owner} — due {day}</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Bản sao trước khi khôi phục {day} {time} — {size} KB — {name}</source>
      <translation>Copy made before a restore {day} {time} — {size} KB — {name}</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ, mã đăng ký và chứng chỉ (CA) được nhập và sửa ở trang Đồng bộ, khung «Máy chủ của thành phố».</source>
      <translation>The server address, the enrolment code and the certificate (CA) are entered and changed on the Sync page, in the «City server» box.</translation>
    </message>
    <message>
      <source>Mở trang Đồng bộ</source>
      <translation>Open the Sync page</translation>
    </message>
    <message>
      <source>chưa có</source>
      <translation>none yet</translation>
    </message>
    <message>
      <source>Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu hiện tại được giữ lại trong danh sách sao lưu, với tên «Bản sao trước khi khôi phục», để có thể quay lại khi cần.</source>
      <translation>Replace the current data with the backup {name}? The current data is kept in the list of backups, named «Copy made before a restore», so you can go back to it if needed.</translation>
    </message>
    <message>
      <source>Ngôn ngữ</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Ngôn ngữ giao diện</source>
      <translation>Interface language</translation>
    </message>
    <message>
      <source>Ngôn ngữ mới được áp dụng ngay: cửa sổ chính được vẽ lại bằng ngôn ngữ đã chọn. Văn bản, báo cáo xuất ra vẫn viết bằng tiếng Việt.</source>
      <translation>The new language applies at once: the main window is redrawn in the chosen language. Documents and reports are still written in Vietnamese.</translation>
    </message>
    <message>
      <source>Sao lưu</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>giờ</source>
      <translation>hours</translation>
    </message>
    <message>
      <source>Số bản sao lưu tự động giữ lại</source>
      <translation>Automatic backups to keep</translation>
    </message>
    <message>
      <source>Tự động sao lưu sau mỗi</source>
      <translation>Back up automatically every</translation>
    </message>
    <message>
      <source>Sao lưu ngay</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>Khôi phục bản đã chọn…</source>
      <translation>Restore the selected backup…</translation>
    </message>
    <message>
      <source>Mở thư mục sao lưu</source>
      <translation>Open the backup folder</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố (không bắt buộc)</source>
      <translation>City server (optional)</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>Mã đăng ký thiết bị</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>Lưu thông tin máy chủ</source>
      <translation>Save the server details</translation>
    </message>
    <message>
      <source>{day} lúc {time} — {size} KB — {name}</source>
      <translation>{day} at {time} — {size} KB — {name}</translation>
    </message>
    <message>
      <source>Đang sao lưu…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>Đã sao lưu vào {path}.</source>
      <translation>Backed up to {path}.</translation>
    </message>
    <message>
      <source>Không sao lưu được: {error}</source>
      <translation>The backup failed: {error}</translation>
    </message>
    <message>
      <source>Khôi phục dữ liệu</source>
      <translation>Restore data</translation>
    </message>
    <message>
      <source>Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu hiện tại được giữ lại thành một bản sao lưu riêng trước khi thay.</source>
      <translation>Replace the current data with the backup {name}? The current data is kept as a separate backup before it is replaced.</translation>
    </message>
    <message>
      <source>Cài đặt</source>
      <translation>Settings</translation>
    </message>
    <message>
      <source>Chưa có bản sao lưu nào.</source>
      <translation>No backups yet.</translation>
    </message>
    <message>
      <source>Đang sao lưu dữ liệu và tệp đính kèm…</source>
      <translation>Backing up the data and attachments…</translation>
    </message>
    <message>
      <source>Hãy chọn một bản sao lưu trong danh sách.</source>
      <translation>Choose a backup in the list.</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại.</source>
      <translation>The server address must start with https:// ; correct it.</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Đồng bộ</source>
      <translation>Sync</translation>
    </message>
  </context>
  <context>
    <name>TasksPage</name>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Tasks</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <source>Hủy</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>RecoveryDialog</name>
    <message>
      <source>Dân vận khéo — kiểm tra dữ liệu</source>
      <translation>Dân vận khéo — data check</translation>
    </message>
    <message>
      <source>Khôi phục bản đã chọn</source>
      <translation>Restore the selected backup</translation>
    </message>
    <message>
      <source>Vẫn mở dữ liệu hiện tại</source>
      <translation>Open the current data anyway</translation>
    </message>
    <message>
      <source>Thoát</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>Các bản sao lưu (mới nhất ở trên):</source>
      <translation>Backups (newest first):</translation>
    </message>
    <message>
      <source>{day} lúc {time} — {name}</source>
      <translation>{day} at {time} — {name}</translation>
    </message>
    <message>
      <source>Chưa có bản sao lưu nào.</source>
      <translation>No backups yet.</translation>
    </message>
  </context>
  <context>
    <name>StatusBar</name>
    <message>
      <source>Thay đổi chờ đồng bộ: …</source>
      <translation>Changes waiting to sync: …</translation>
    </message>
    <message>
      <source>Thay đổi chờ đồng bộ: {count}</source>
      <translation>Changes waiting to sync: {count}</translation>
    </message>
    <message>
      <source>Đã kết nối máy chủ</source>
      <translation>Connected to the server</translation>
    </message>
    <message>
      <source>Chưa kết nối máy chủ</source>
      <translation>Not connected to the server</translation>
    </message>
    <message>
      <source>Đồng bộ lần cuối: {when}</source>
      <translation>Last sync: {when}</translation>
    </message>
    <message>
      <source>Đồng bộ lần cuối: chưa đồng bộ</source>
      <translation>Last sync: never</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>Dữ liệu chưa được mở: hãy mở lại ứng dụng.</source>
      <translation>The data is not open: restart the application.</translation>
    </message>
    <message>
      <source>Đã hủy theo yêu cầu.</source>
      <translation>Cancelled as asked.</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Cập nhật Dân vận khéo</source>
      <translation>Dân vận khéo update</translation>
    </message>
    <message>
      <source>Dân vận khéo: ứng dụng của tổ dân vận thôn, tổ dân phố.</source>
      <translation>Dân vận khéo: the application of village and residential-group mass-mobilisation teams.</translation>
    </message>
    <message>
      <source>thư mục dữ liệu của tổ</source>
      <translation>the team's data folder</translation>
    </message>
    <message>
      <source>trang mở đầu tiên</source>
      <translation>the page to open first</translation>
    </message>
    <message>
      <source>kiểm tra bản cài đặt trong một thư mục tạm rồi thoát</source>
      <translation>check this installation in a temporary folder, then exit</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>«{text}» không phải là ngày: hãy nhập ngày/tháng/năm, ví dụ 15/03/2026.</source>
      <translation>«{text}» is not a date: type day/month/year, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{text}» thiếu năm: hãy nhập đủ ngày/tháng/năm, ví dụ 15/03/2026.</source>
      <translation>«{text}» has no year: type day/month/year in full, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{text}»: năm cần đủ 4 chữ số (hoặc 2 chữ số cuối), ví dụ 15/03/2026.</source>
      <translation>«{text}»: the year needs 4 digits (or its last 2), for example 15/03/2026.</translation>
    </message>
    <message>
      <source>«{text}»: năm {year} không hợp lý; hãy nhập năm từ 1900 đến 2099.</source>
      <translation>«{text}»: the year {year} cannot be right; type a year from 1900 to 2099.</translation>
    </message>
    <message>
      <source>«{text}»: không có tháng {month}; tháng chỉ từ 1 đến 12.</source>
      <translation>«{text}»: there is no month {month}; months go from 1 to 12.</translation>
    </message>
    <message>
      <source>«{text}» không phải ngày có thật: tháng {month}/{year} chỉ có {last} ngày.</source>
      <translation>«{text}» is not a real date: month {month}/{year} has only {last} days.</translation>
    </message>
    <message>
      <source>«{text}» không phải là giờ: hãy nhập giờ:phút, ví dụ 08:30.</source>
      <translation>«{text}» is not a time: type hours:minutes, for example 08:30.</translation>
    </message>
    <message>
      <source>«{text}» không phải giờ có thật: giờ từ 00:00 đến 23:59.</source>
      <translation>«{text}» is not a real time: times go from 00:00 to 23:59.</translation>
    </message>
    <message>
      <source>«{text}» thiếu giờ: hãy nhập cả giờ, ví dụ 15/03/2026 08:30.</source>
      <translation>«{text}» has no time: type the time too, for example 15/03/2026 08:30.</translation>
    </message>
    <message>
      <source>«{text}» không phải là ngày giờ: hãy nhập ngày/tháng/năm giờ:phút, ví dụ 15/03/2026 08:30.</source>
      <translation>«{text}» is not a date and time: type day/month/year hours:minutes, for example 15/03/2026 08:30.</translation>
    </message>
    <message>
      <source>Chọn trên lịch (Alt+↓)</source>
      <translation>Pick on the calendar (Alt+↓)</translation>
    </message>
    <message>
      <source>ngày/tháng/năm</source>
      <translation>day/month/year</translation>
    </message>
    <message>
      <source>Hãy nhập ngày, ví dụ 15/03/2026.</source>
      <translation>Type a date, for example 15/03/2026.</translation>
    </message>
    <message>
      <source>ngày/tháng/năm giờ:phút</source>
      <translation>day/month/year hours:minutes</translation>
    </message>
    <message>
      <source>Hãy nhập ngày giờ, ví dụ 15/03/2026 08:30.</source>
      <translation>Type a date and time, for example 15/03/2026 08:30.</translation>
    </message>
  </context>
  <context>
    <name>Wizard</name>
    <message>
      <source>Tổ mới</source>
      <translation>New team</translation>
    </message>
    <message>
      <source>Máy thay thế (tổ đã có trên máy chủ, hoặc máy của cấp xã, thành phố)</source>
      <translation>Replacement laptop (a team already on the server, or a commune or city laptop)</translation>
    </message>
    <message>
      <source>Máy thay thế cần địa chỉ máy chủ: hãy nhập địa chỉ do cán bộ quản trị cấp.</source>
      <translation>A replacement laptop needs the server address: enter the address the administrator gave you.</translation>
    </message>
    <message>
      <source>Máy thay thế cần mã đăng ký: hãy nhập mã do cán bộ quản trị cấp.</source>
      <translation>A replacement laptop needs the enrolment code: enter the code the administrator gave you.</translation>
    </message>
  </context>
</TS>
