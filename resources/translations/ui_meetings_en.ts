<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>AttendancePanel</name>
    <message>
      <source>Thành viên</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Khách mời</source>
      <translation>Guest</translation>
    </message>
    <message>
      <source>Bỏ dấu «Có mặt» ở người vắng rồi ghi lý do; bấm đúp vào ô để sửa.</source>
      <translation>Untick «Present» for those absent and type the reason; double-click a cell to edit it.</translation>
    </message>
    <message>
      <source>Bỏ người đã chọn khỏi danh sách</source>
      <translation>Remove the selected person from the list</translation>
    </message>
    <message>
      <source>Thêm vào danh sách dự họp</source>
      <translation>Add to the attendance list</translation>
    </message>
    <message>
      <source>Mọi thành viên của tổ đã có trong danh sách</source>
      <translation>Every team member is already on the list</translation>
    </message>
    <message>
      <source>Thêm thành viên</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>Thành viên của tổ:</source>
      <translation>Team member:</translation>
    </message>
    <message>
      <source>ví dụ: Cán bộ Ủy ban Mặt trận Tổ quốc phường</source>
      <translation>e.g. officer of the ward Fatherland Front committee</translation>
    </message>
    <message>
      <source>Thêm khách mời</source>
      <translation>Add guest</translation>
    </message>
    <message>
      <source>Có mặt {present}/{total} thành viên; {guests} khách mời.</source>
      <translation>{present}/{total} members present; {guests} guests.</translation>
    </message>
    <message>
      <source>Tên khách mời:</source>
      <translation>Guest's name:</translation>
    </message>
    <message>
      <source>Đơn vị, chức vụ:</source>
      <translation>Organisation, position:</translation>
    </message>
    <message>
      <source>Có mặt</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Đơn vị, chức vụ</source>
      <translation>Organisation, position</translation>
    </message>
    <message>
      <source>Lý do vắng</source>
      <translation>Reason for absence</translation>
    </message>
    <message>
      <source>Là</source>
      <translation>Attends as</translation>
    </message>
  </context>
  <context>
    <name>AgendaPanel</name>
    <message>
      <source>Nội dung mới…</source>
      <translation>New agenda item…</translation>
    </message>
    <message>
      <source>Thêm nội dung</source>
      <translation>Add item</translation>
    </message>
    <message>
      <source>Xóa nội dung</source>
      <translation>Delete item</translation>
    </message>
    <message>
      <source>Nội dung:</source>
      <translation>Agenda item:</translation>
    </message>
    <message>
      <source>Ghi chép:</source>
      <translation>Notes:</translation>
    </message>
    <message>
      <source>Xóa ý kiến đã chọn</source>
      <translation>Delete the selected opinion</translation>
    </message>
    <message>
      <source>Chọn hoặc gõ tên</source>
      <translation>Choose or type a name</translation>
    </message>
    <message>
      <source>Thêm ý kiến (Ctrl+Enter)</source>
      <translation>Add opinion (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Ý kiến khác (ngoài các nội dung trên)</source>
      <translation>Other opinions (outside the items above)</translation>
    </message>
    <message>
      <source>Ý kiến phát biểu:</source>
      <translation>Opinions given:</translation>
    </message>
    <message>
      <source>Người phát biểu:</source>
      <translation>Speaker:</translation>
    </message>
    <message>
      <source>Ý kiến:</source>
      <translation>Opinion:</translation>
    </message>
    <message>
      <source>Nội dung này còn {count} ý kiến: hãy xóa các ý kiến đó trước khi xóa nội dung.</source>
      <translation>This item still has {count} opinions: delete them before deleting the item.</translation>
    </message>
    <message>
      <source>Nội dung họp</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Người phát biểu</source>
      <translation>Speaker</translation>
    </message>
    <message>
      <source>Ý kiến</source>
      <translation>Opinion</translation>
    </message>
  </context>
  <context>
    <name>OutcomesPanel</name>
    <message>
      <source>Tán thành:</source>
      <translation>In favour:</translation>
    </message>
    <message>
      <source>Không tán thành:</source>
      <translation>Against:</translation>
    </message>
    <message>
      <source>Không biểu quyết:</source>
      <translation>Abstaining:</translation>
    </message>
    <message>
      <source>Kết luận của cuộc họp</source>
      <translation>Conclusions of the meeting</translation>
    </message>
    <message>
      <source>Kết luận mới:</source>
      <translation>New conclusion:</translation>
    </message>
    <message>
      <source>Thêm kết luận</source>
      <translation>Add conclusion</translation>
    </message>
    <message>
      <source>Xóa kết luận đã chọn</source>
      <translation>Delete the selected conclusion</translation>
    </message>
    <message>
      <source>Biểu quyết (nếu có)</source>
      <translation>Votes (if any)</translation>
    </message>
    <message>
      <source>Thêm biểu quyết</source>
      <translation>Add vote</translation>
    </message>
    <message>
      <source>Số phiếu:</source>
      <translation>Counts:</translation>
    </message>
    <message>
      <source>Xóa biểu quyết đã chọn</source>
      <translation>Delete the selected vote</translation>
    </message>
    <message>
      <source>Vấn đề:</source>
      <translation>Question:</translation>
    </message>
    <message>
      <source>Tán thành</source>
      <translation>In favour</translation>
    </message>
    <message>
      <source>Không tán thành</source>
      <translation>Against</translation>
    </message>
    <message>
      <source>Không biểu quyết</source>
      <translation>Abstaining</translation>
    </message>
    <message>
      <source>TT</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Kết luận</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Vấn đề biểu quyết</source>
      <translation>Question voted on</translation>
    </message>
  </context>
  <context>
    <name>MeetingTasksPanel</name>
    <message>
      <source>Chọn thành viên hoặc gõ tên</source>
      <translation>Choose a member or type a name</translation>
    </message>
    <message>
      <source>Xóa nhiệm vụ đã chọn</source>
      <translation>Delete the selected task</translation>
    </message>
    <message>
      <source>Giao nhiệm vụ</source>
      <translation>Assign task</translation>
    </message>
    <message>
      <source>Theo dõi và đánh dấu hoàn thành ở mục «Nhiệm vụ».</source>
      <translation>Follow tasks up and mark them done on the «Tasks» page.</translation>
    </message>
    <message>
      <source>Nhiệm vụ mới:</source>
      <translation>New task:</translation>
    </message>
    <message>
      <source>Người phụ trách:</source>
      <translation>Person in charge:</translation>
    </message>
    <message>
      <source>Thời hạn:</source>
      <translation>Deadline:</translation>
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
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
  </context>
  <context>
    <name>MeetingEditor</name>
    <message>
      <source>Biên bản này đã hoàn tất ({number}) và đã được đính chính bằng bản lần {version}, nên chỉ để xem. Bấm «Mở bản đính chính» để xem hoặc sửa bản mới.</source>
      <translation>These minutes are final ({number}) and were corrected by version {version}, so they are for reading only. Press «Open the correction» to read or change the new version.</translation>
    </message>
    <message>
      <source>Biên bản đã hoàn tất ({number}) nên chỉ để xem, không sửa được. Muốn sửa nội dung, bấm «Đính chính…» để lập một bản đính chính; bản này và số của nó vẫn được giữ.</source>
      <translation>The minutes are final ({number}), so they are for reading only and cannot be changed. To change the content, press «Correct…» to make a correction; these minutes and their number are kept.</translation>
    </message>
    <message>
      <source>Chưa lưu vào biên bản: thời gian có ghi chú màu đỏ không phải ngày giờ có thật, hãy sửa lại. Phần đang soạn vẫn được giữ trong bản nháp.</source>
      <translation>Not saved into the minutes: the time marked in red is not a real date and time; correct it. What you are writing is still kept in the draft.</translation>
    </message>
    <message>
      <source>← Danh sách cuộc họp</source>
      <translation>← Meeting list</translation>
    </message>
    <message>
      <source>Lưu (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>Hoàn tất biên bản…</source>
      <translation>Finalise minutes…</translation>
    </message>
    <message>
      <source>Đính chính…</source>
      <translation>Correct…</translation>
    </message>
    <message>
      <source>Mở bản đính chính</source>
      <translation>Open the correction</translation>
    </message>
    <message>
      <source>lần {version}</source>
      <translation>version {version}</translation>
    </message>
    <message>
      <source>Điểm danh ({present}/{total})</source>
      <translation>Attendance ({present}/{total})</translation>
    </message>
    <message>
      <source>Nhiệm vụ ({count})</source>
      <translation>Tasks ({count})</translation>
    </message>
    <message>
      <source>Đã tự động lưu nháp lúc {time}</source>
      <translation>Draft saved automatically at {time}</translation>
    </message>
    <message>
      <source>Chưa lưu được vào biên bản: hãy sửa các mục có ghi chú màu đỏ. Phần đang soạn vẫn được giữ trong bản nháp.</source>
      <translation>Not saved into the minutes yet: correct the fields with a red note. What you typed is kept in the draft.</translation>
    </message>
    <message>
      <source>Biên bản vừa đóng chưa lưu được vì có mục chưa hợp lệ; phần đang soạn vẫn được giữ trong bản nháp và sẽ hiện lại khi mở biên bản đó.</source>
      <translation>The minutes just closed could not be saved because a field is not valid; what was typed is kept in the draft and comes back when those minutes are opened.</translation>
    </message>
    <message>
      <source>Hoàn tất biên bản</source>
      <translation>Finalise minutes</translation>
    </message>
    <message>
      <source>Hoàn tất biên bản «{title}»? Biên bản sẽ được cấp số và khóa lại; muốn sửa sau này phải lập bản đính chính.</source>
      <translation>Finalise the minutes «{title}»? They will get their number and be locked; to change them later you will have to make a correction.</translation>
    </message>
    <message>
      <source>Hoàn tất</source>
      <translation>Finalise</translation>
    </message>
    <message>
      <source>Đã hoàn tất biên bản; biên bản đã được cấp số và khóa.</source>
      <translation>The minutes are final: they have their number and are locked.</translation>
    </message>
    <message>
      <source>Đính chính biên bản</source>
      <translation>Correct the minutes</translation>
    </message>
    <message>
      <source>Lập bản đính chính cho biên bản {number}? Bản hiện tại được giữ nguyên; bản đính chính mở ra để sửa rồi hoàn tất lại.</source>
      <translation>Make a correction of the minutes {number}? The current version is kept as it is; the correction opens for editing and is finalised again.</translation>
    </message>
    <message>
      <source>Lập bản đính chính</source>
      <translation>Make a correction</translation>
    </message>
    <message>
      <source>Thông tin chung</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Điểm danh</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>Nội dung, ý kiến</source>
      <translation>Agenda, opinions</translation>
    </message>
    <message>
      <source>Kết luận, biểu quyết</source>
      <translation>Conclusions, votes</translation>
    </message>
    <message>
      <source>Nhiệm vụ</source>
      <translation>Tasks</translation>
    </message>
    <message>
      <source>đã được đính chính bằng bản lần {version}</source>
      <translation>corrected by version {version}</translation>
    </message>
    <message>
      <source>Biên bản đã được lưu; không có gì mới cần lưu.</source>
      <translation>The minutes are saved; there is nothing new to save.</translation>
    </message>
    <message>
      <source>Đã lưu biên bản lúc {time}.</source>
      <translation>Minutes saved at {time}.</translation>
    </message>
    <message>
      <source>Đang sửa bản đính chính; biên bản cũ {number} vẫn được giữ.</source>
      <translation>Editing the correction; the old minutes {number} are kept.</translation>
    </message>
    <message>
      <source>đã khóa, muốn sửa hãy lập bản đính chính</source>
      <translation>locked; to change them, make a correction</translation>
    </message>
    <message>
      <source>Đã bỏ phần khôi phục.</source>
      <translation>The restored text was discarded.</translation>
    </message>
    <message>
      <source>Để sau</source>
      <translation>Not now</translation>
    </message>
    <message>
      <source>Bỏ phần khôi phục</source>
      <translation>Discard restored text</translation>
    </message>
    <message>
      <source>Đã khôi phục phần đang soạn dở chưa lưu vào biên bản (tự động lưu lúc {time}). Bấm «Lưu» để ghi vào biên bản, hoặc bỏ phần này để trở về bản đã lưu.</source>
      <translation>Text typed earlier and not yet saved into the minutes was restored (saved automatically at {time}). Press «Save» to write it into the minutes, or discard it to go back to the saved minutes.</translation>
    </message>
  </context>
  <context>
    <name>MeetingHeader</name>
    <message>
      <source>Ghi lại diễn biến cuộc họp. Nội dung được tự động lưu nháp sau mỗi 3 giây.</source>
      <translation>Write down the proceedings. What you type is saved as a draft every 3 seconds.</translation>
    </message>
    <message>
      <source>Diễn biến cuộc họp (ghi theo trình tự):</source>
      <translation>Proceedings (in the order things happened):</translation>
    </message>
    <message>
      <source>số hộ, ví dụ 120</source>
      <translation>households, e.g. 120</translation>
    </message>
  </context>
  <context>
    <name>NewMeetingDialog</name>
    <message>
      <source>Kỳ đánh giá từ ngày:</source>
      <translation>Period reviewed from:</translation>
    </message>
    <message>
      <source>Đến ngày:</source>
      <translation>To:</translation>
    </message>
    <message>
      <source>Cuộc họp mới</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>Biên bản được lập theo mẫu: tên cuộc họp, các nội dung họp theo quy chế, chủ trì và danh sách thành viên được điền sẵn, có thể sửa sau.</source>
      <translation>The minutes start from a template: the meeting's name, the agenda from the regulation, the chair and the member list are filled in, and can be changed afterwards.</translation>
    </message>
    <message>
      <source>ví dụ: Nhà văn hóa tổ dân phố 5</source>
      <translation>e.g. Residential group 5 community hall</translation>
    </message>
    <message>
      <source>Lập biên bản</source>
      <translation>Create minutes</translation>
    </message>
    <message>
      <source>Loại cuộc họp:</source>
      <translation>Kind of meeting:</translation>
    </message>
    <message>
      <source>Thời gian bắt đầu:</source>
      <translation>Starts at:</translation>
    </message>
    <message>
      <source>Địa điểm:</source>
      <translation>Place:</translation>
    </message>
    <message>
      <source>Họp cộng đồng dân cư là cuộc họp của thôn, tổ dân phố, do trưởng thôn, tổ trưởng tổ dân phố chủ trì cùng Ban công tác Mặt trận; biên bản do thôn, tổ dân phố lập, đếm theo hộ (Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15): danh sách thành viên không được điền sẵn; hãy ghi tổng số hộ của thôn, tổ dân phố và số hộ có đại diện dự họp trong biên bản.</source>
      <translation>A community meeting is the village's or residential group's meeting, chaired by its head with the Front work committee; the village or residential group keeps the minutes, counted in households (Law on Grassroots Democracy 10/2022/QH15): the member list is not filled in; enter the total households of the village or residential group and the households represented in the minutes.</translation>
    </message>
  </context>
  <context>
    <name>TaskDialog</name>
    <message>
      <source>Nhiệm vụ mới</source>
      <translation>New task</translation>
    </message>
    <message>
      <source>Nhiệm vụ:</source>
      <translation>Task:</translation>
    </message>
    <message>
      <source>Người phụ trách:</source>
      <translation>Person in charge:</translation>
    </message>
    <message>
      <source>Thời hạn:</source>
      <translation>Deadline:</translation>
    </message>
  </context>
  <context>
    <name>MemberDialog</name>
    <message>
      <source>Trưởng thôn</source>
      <translation>Village head</translation>
    </message>
    <message>
      <source>Trưởng ban công tác Mặt trận</source>
      <translation>Head of the Front work committee</translation>
    </message>
    <message>
      <source>Tổ trưởng tổ dân phố</source>
      <translation>Head of the residential group</translation>
    </message>
    <message>
      <source>Trưởng bản</source>
      <translation>Hamlet head</translation>
    </message>
    <message>
      <source>Bí thư chi bộ</source>
      <translation>Party cell secretary</translation>
    </message>
    <message>
      <source>Phó bí thư chi bộ</source>
      <translation>Deputy Party cell secretary</translation>
    </message>
    <message>
      <source>Chi hội trưởng Hội Cựu chiến binh</source>
      <translation>Head of the veterans' association branch</translation>
    </message>
    <message>
      <source>Chi hội trưởng Hội Nông dân</source>
      <translation>Head of the farmers' association branch</translation>
    </message>
    <message>
      <source>Chi hội trưởng Hội Liên hiệp Phụ nữ</source>
      <translation>Head of the women's union branch</translation>
    </message>
    <message>
      <source>Chi hội trưởng Hội Người cao tuổi</source>
      <translation>Head of the elderly association branch</translation>
    </message>
    <message>
      <source>Bí thư chi đoàn Thanh niên</source>
      <translation>Youth union branch secretary</translation>
    </message>
    <message>
      <source>Thôn đội trưởng</source>
      <translation>Village militia leader</translation>
    </message>
    <message>
      <source>Công an viên</source>
      <translation>Police auxiliary</translation>
    </message>
    <message>
      <source>Người có uy tín trong cộng đồng</source>
      <translation>Respected person of the community</translation>
    </message>
    <message>
      <source>Sửa thông tin thành viên</source>
      <translation>Edit member</translation>
    </message>
    <message>
      <source>Thêm thành viên</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>Họ và tên:</source>
      <translation>Full name:</translation>
    </message>
    <message>
      <source>Năm sinh:</source>
      <translation>Year of birth:</translation>
    </message>
    <message>
      <source>Vai trò trong tổ:</source>
      <translation>Role in the team:</translation>
    </message>
    <message>
      <source>Chức vụ:</source>
      <translation>Position:</translation>
    </message>
    <message>
      <source>Tổ chức, đoàn thể:</source>
      <translation>Organisation:</translation>
    </message>
    <message>
      <source>Số điện thoại:</source>
      <translation>Phone:</translation>
    </message>
    <message>
      <source>Bắt đầu nhiệm kỳ:</source>
      <translation>Term starts:</translation>
    </message>
    <message>
      <source>Kết thúc nhiệm kỳ:</source>
      <translation>Term ends:</translation>
    </message>
    <message>
      <source>Tổ đã có tổ trưởng: {names}. Mỗi tổ chỉ có một tổ trưởng; nếu đây là tổ trưởng mới, hãy chuyển người cũ thành tổ phó hoặc tổ viên.</source>
      <translation>The team already has a leader: {names}. A team has one leader; if this is the new leader, make the previous one a deputy or a member.</translation>
    </message>
  </context>
  <context>
    <name>MeetingsPage</name>
    <message>
      <source> (đính chính lần {version})</source>
      <translation> (correction, version {version})</translation>
    </message>
    <message>
      <source> — đã có bản đính chính lần {version}</source>
      <translation> — corrected by version {version}</translation>
    </message>
    <message>
      <source>Cuộc họp mới (Ctrl+N)</source>
      <translation>New meeting (Ctrl+N)</translation>
    </message>
    <message>
      <source>Tìm cuộc họp (Ctrl+F): tên, địa điểm, ý kiến, kết luận…</source>
      <translation>Search meetings (Ctrl+F): name, place, opinions, conclusions…</translation>
    </message>
    <message>
      <source>Tìm thấy {count} cuộc họp.</source>
      <translation>{count} meetings found.</translation>
    </message>
    <message>
      <source>Cuộc họp và biên bản</source>
      <translation>Meetings and minutes</translation>
    </message>
    <message>
      <source>{count} cuộc họp, mới nhất ở trên.</source>
      <translation>{count} meetings, newest first.</translation>
    </message>
    <message>
      <source>Chưa có cuộc họp nào: bấm «Cuộc họp mới» để lập biên bản đầu tiên.</source>
      <translation>No meetings yet: press «New meeting» to write the first minutes.</translation>
    </message>
    <message>
      <source>Thời gian</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Tên cuộc họp</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Số biên bản</source>
      <translation>Number</translation>
    </message>
  </context>
  <context>
    <name>TasksPage</name>
    <message>
      <source>⚠ Quá hạn {days} ngày</source>
      <translation>⚠ Overdue by {days} days</translation>
    </message>
    <message>
      <source>Đã hoàn thành {day}</source>
      <translation>Done on {day}</translation>
    </message>
    <message>
      <source>Nhiệm vụ mới (Ctrl+N)</source>
      <translation>New task (Ctrl+N)</translation>
    </message>
    <message>
      <source>Tìm nhiệm vụ (Ctrl+F): việc, người phụ trách, cuộc họp</source>
      <translation>Search tasks (Ctrl+F): task, person in charge, meeting</translation>
    </message>
    <message>
      <source>{count} nhiệm vụ; {overdue} quá hạn.</source>
      <translation>{count} tasks; {overdue} overdue.</translation>
    </message>
    <message>
      <source>Mọi thay đổi ở trang này được lưu ngay khi đánh dấu.</source>
      <translation>Every change on this page is saved as soon as you tick it.</translation>
    </message>
    <message>
      <source>Nhiệm vụ được giao</source>
      <translation>Tasks given</translation>
    </message>
    <message>
      <source>Xong</source>
      <translation>Done</translation>
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
      <source>Giao tại cuộc họp</source>
      <translation>Given at meeting</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Đang thực hiện</source>
      <translation>In progress</translation>
    </message>
    <message>
      <source>Quá hạn</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Đã hoàn thành</source>
      <translation>Done</translation>
    </message>
  </context>
  <context>
    <name>TeamPage</name>
    <message>
      <source>Nhập danh sách…</source>
      <translation>Import a list…</translation>
    </message>
    <message>
      <source>Xuất danh sách…</source>
      <translation>Export the list…</translation>
    </message>
    <message>
      <source>⚠ Tổ chưa có tổ trưởng: hãy chọn một thành viên làm tổ trưởng (thường là bí thư chi bộ).</source>
      <translation>⚠ The team has no leader: make one member the leader (usually the Party cell secretary).</translation>
    </message>
    <message>
      <source>⚠ Tổ đang có {count} tổ trưởng ({names}): mỗi tổ chỉ có một tổ trưởng; hãy chuyển những người còn lại thành tổ phó hoặc tổ viên.</source>
      <translation>⚠ The team has {count} leaders ({names}): a team has one leader; make the others deputies or members.</translation>
    </message>
    <message>
      <source>Thêm thành viên (Ctrl+N)</source>
      <translation>Add member (Ctrl+N)</translation>
    </message>
    <message>
      <source>Sửa…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Xóa…</source>
      <translation>Remove…</translation>
    </message>
    <message>
      <source>Tìm thành viên (Ctrl+F): tên, chức vụ, đoàn thể</source>
      <translation>Search members (Ctrl+F): name, position, organisation</translation>
    </message>
    <message>
      <source>{count} thành viên: {leaders} tổ trưởng, {deputies} tổ phó, {members} tổ viên.</source>
      <translation>{count} members: {leaders} leader, {deputies} deputies, {members} members.</translation>
    </message>
    <message>
      <source>Xóa thành viên</source>
      <translation>Remove member</translation>
    </message>
    <message>
      <source>Xóa {name} khỏi tổ? Tên vẫn được giữ trong các biên bản và nhiệm vụ đã có.</source>
      <translation>Remove {name} from the team? The name stays in existing minutes and tasks.</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Không xóa</source>
      <translation>Keep</translation>
    </message>
    <message>
      <source>Thành viên tổ dân vận</source>
      <translation>Team members</translation>
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
      <source>Chức vụ</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Tổ chức, đoàn thể</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Điện thoại</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Nhiệm kỳ</source>
      <translation>Term</translation>
    </message>
  </context>
</TS>
