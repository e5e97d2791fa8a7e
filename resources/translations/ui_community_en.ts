<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>MediationDialog</name>
    <message>
      <source>Vụ việc hòa giải</source>
      <translation>Mediation case</translation>
    </message>
    <message>
      <source>Thêm vụ việc hòa giải</source>
      <translation>Add a mediation case</translation>
    </message>
    <message>
      <source>Ví dụ: Tranh chấp lối đi chung</source>
      <translation>E.g. Dispute over a shared path</translation>
    </message>
    <message>
      <source>Ví dụ: Tổ hòa giải, tổ trưởng tổ dân phố, trưởng dòng họ</source>
      <translation>E.g. the mediation group, the residential group head, the clan head</translation>
    </message>
    <message>
      <source>(chưa có kết quả)</source>
      <translation>(no outcome yet)</translation>
    </message>
    <message>
      <source>Các bên:</source>
      <translation>Parties:</translation>
    </message>
    <message>
      <source>Thành phần tham gia hòa giải:</source>
      <translation>Who took part:</translation>
    </message>
    <message>
      <source>Kết quả:</source>
      <translation>Outcome:</translation>
    </message>
    <message>
      <source>Ngày có kết quả:</source>
      <translation>Outcome date:</translation>
    </message>
    <message>
      <source>Nơi chuyển đến:</source>
      <translation>Passed to:</translation>
    </message>
    <message>
      <source>Ghi chú kết quả:</source>
      <translation>Outcome note:</translation>
    </message>
    <message>
      <source>Vụ việc:</source>
      <translation>Case:</translation>
    </message>
    <message>
      <source>Loại việc:</source>
      <translation>Kind:</translation>
    </message>
    <message>
      <source>Nội dung vụ việc:</source>
      <translation>What happened:</translation>
    </message>
    <message>
      <source>Ngày hòa giải:</source>
      <translation>Date mediated:</translation>
    </message>
  </context>
  <context>
    <name>MediationsPage</name>
    <message>
      <source>{outcome} ({day})</source>
      <translation>{outcome} ({day})</translation>
    </message>
    <message>
      <source>{count} vụ việc; {pending} chưa có kết quả.</source>
      <translation>{count} cases; {pending} with no outcome yet.</translation>
    </message>
    <message>
      <source>Hòa giải ở cơ sở</source>
      <translation>Grassroots mediation</translation>
    </message>
    <message>
      <source>Thêm vụ việc (Ctrl+N)</source>
      <translation>Add a case (Ctrl+N)</translation>
    </message>
    <message>
      <source>Tìm vụ việc (Ctrl+F): tên, nội dung, thành phần</source>
      <translation>Find a case (Ctrl+F): name, content, who took part</translation>
    </message>
    <message>
      <source>Xóa vụ việc</source>
      <translation>Delete case</translation>
    </message>
    <message>
      <source>Xóa vụ việc «{name}» cùng danh sách các bên? Việc này không hoàn tác được.</source>
      <translation>Delete the case «{name}» with its list of parties? This cannot be undone.</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Chưa có vụ việc nào: bấm «Thêm vụ việc» để ghi vụ việc tổ tham gia hòa giải.</source>
      <translation>No cases yet: click «Add a case» to record a case the team helped mediate.</translation>
    </message>
    <message>
      <source>Ngày hòa giải</source>
      <translation>Mediated</translation>
    </message>
    <message>
      <source>Vụ việc</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Loại việc</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Số bên</source>
      <translation>Parties</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Nơi chuyển đến</source>
      <translation>Passed to</translation>
    </message>
  </context>
  <context>
    <name>AgendaPanel</name>
    <message>
      <source>Kiến nghị</source>
      <translation>Petition</translation>
    </message>
  </context>
  <context>
    <name>OpinionPetitions</name>
    <message>
      <source>✓ Đã thành kiến nghị</source>
      <translation>✓ Made a petition</translation>
    </message>
    <message>
      <source>Chuyển thành kiến nghị</source>
      <translation>Make it a petition</translation>
    </message>
    <message>
      <source>Ghi ý kiến đã chọn thành một kiến nghị để theo dõi việc chuyển và trả lời.</source>
      <translation>Record the selected opinion as a petition, to follow where it goes and its answer.</translation>
    </message>
    <message>
      <source>Mở kiến nghị</source>
      <translation>Open the petition</translation>
    </message>
  </context>
  <context>
    <name>OverviewPage</name>
    <message>
      <source>{count} kiến nghị quá hạn trả lời:</source>
      <translation>{count} petitions with the answer overdue:</translation>
    </message>
    <message>
      <source>Không có kiến nghị quá hạn trả lời; {waiting} kiến nghị đang chờ trả lời.</source>
      <translation>No petition answer is overdue; {waiting} petitions are waiting for an answer.</translation>
    </message>
    <message>
      <source>hạn {day}</source>
      <translation>due {day}</translation>
    </message>
    <message>
      <source>trang Kiến nghị</source>
      <translation>Petitions page</translation>
    </message>
    <message>
      <source>… và {more} kiến nghị khác.</source>
      <translation>… and {more} more petitions.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Kiến nghị</source>
      <translation>Petitions</translation>
    </message>
    <message>
      <source>Hòa giải</source>
      <translation>Mediation</translation>
    </message>
  </context>
  <context>
    <name>CommunityPage</name>
    <message>
      <source>Sửa…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Xóa…</source>
      <translation>Delete…</translation>
    </message>
    <message>
      <source>Tìm thấy {count} hồ sơ.</source>
      <translation>{count} records found.</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Không xóa</source>
      <translation>Keep it</translation>
    </message>
  </context>
  <context>
    <name>PeopleRows</name>
    <message>
      <source>Chưa ghi ai.</source>
      <translation>Nobody recorded yet.</translation>
    </message>
    <message>
      <source>Bỏ</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Bỏ người này khỏi danh sách</source>
      <translation>Take this person off the list</translation>
    </message>
    <message>
      <source>(chưa ghi)</source>
      <translation>(not recorded)</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Địa chỉ</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Số điện thoại</source>
      <translation>Phone number</translation>
    </message>
    <message>
      <source>Thêm người kiến nghị</source>
      <translation>Add a petitioner</translation>
    </message>
    <message>
      <source>Thêm một bên</source>
      <translation>Add a party</translation>
    </message>
  </context>
  <context>
    <name>PetitionDialog</name>
    <message>
      <source>Họ tên, địa chỉ, số điện thoại của các bên chỉ lưu trên máy của tổ và đến cán bộ phụ trách của xã, phường khi đồng bộ; không gửi lên máy chủ của thành phố. Không ghi tên các bên vào tên hay nội dung vụ việc.</source>
      <translation>The parties' names, addresses and phone numbers stay on the team's computers and reach the commune's officer in charge when syncing; they are never sent to the city's server. Do not write the parties' names in the case's name or content.</translation>
    </message>
    <message>
      <source>Từ ý kiến tại cuộc họp «{meeting}» ngày {day} — {speaker}: «{words}»</source>
      <translation>From an opinion at the meeting «{meeting}» on {day} — {speaker}: «{words}»</translation>
    </message>
    <message>
      <source>Họ tên, địa chỉ, số điện thoại của người kiến nghị chỉ lưu trên máy của tổ và đến cán bộ phụ trách của xã, phường khi đồng bộ; không gửi lên máy chủ của thành phố. Không ghi tên người dân vào ô nội dung hay ô trả lời.</source>
      <translation>The petitioners' names, addresses and phone numbers stay on the team's computers and reach the commune's officer in charge when syncing; they are never sent to the city's server. Do not write residents' names in the content or answer boxes.</translation>
    </message>
    <message>
      <source>Kiến nghị, phản ánh</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>Thêm kiến nghị, phản ánh</source>
      <translation>Add a petition</translation>
    </message>
    <message>
      <source>(chưa ghi)</source>
      <translation>(not recorded)</translation>
    </message>
    <message>
      <source>Người kiến nghị:</source>
      <translation>Petitioners:</translation>
    </message>
    <message>
      <source>Nơi chuyển đến:</source>
      <translation>Passed to:</translation>
    </message>
    <message>
      <source>Ngày chuyển:</source>
      <translation>Date passed on:</translation>
    </message>
    <message>
      <source>Nội dung trả lời:</source>
      <translation>Answer:</translation>
    </message>
    <message>
      <source>Ngày nhận trả lời:</source>
      <translation>Date answered:</translation>
    </message>
    <message>
      <source>Ví dụ: UBND phường, Công ty Điện lực</source>
      <translation>E.g. the ward People's Committee, the power company</translation>
    </message>
    <message>
      <source>Hạn trả lời: {day} ({days} ngày kể từ ngày chuyển, theo quy chế của tổ).</source>
      <translation>Answer due: {day} ({days} days from the date passed on, under the team's regulation).</translation>
    </message>
    <message>
      <source>Hạn trả lời: {day} ({days} ngày kể từ ngày tiếp nhận, theo quy chế của tổ).</source>
      <translation>Answer due: {day} ({days} days from the date received, under the team's regulation).</translation>
    </message>
    <message>
      <source>không rõ người phát biểu</source>
      <translation>speaker unknown</translation>
    </message>
    <message>
      <source>Nội dung kiến nghị, phản ánh:</source>
      <translation>Petition:</translation>
    </message>
    <message>
      <source>Chi tiết:</source>
      <translation>Details:</translation>
    </message>
    <message>
      <source>Ngày tiếp nhận:</source>
      <translation>Date received:</translation>
    </message>
    <message>
      <source>Lĩnh vực:</source>
      <translation>Field:</translation>
    </message>
    <message>
      <source>Người nêu:</source>
      <translation>Raised by:</translation>
    </message>
    <message>
      <source>Người dân đề nghị không nêu tên: không cần ghi ai ở danh sách trên.</source>
      <translation>The resident asked not to be named: nobody needs to be listed above.</translation>
    </message>
    <message>
      <source>Đã có trả lời.</source>
      <translation>Answered.</translation>
    </message>
  </context>
  <context>
    <name>PetitionsPage</name>
    <message>
      <source>⚠ Quá hạn {days} ngày</source>
      <translation>⚠ {days} days overdue</translation>
    </message>
    <message>
      <source>Đã trả lời {day}</source>
      <translation>Answered {day}</translation>
    </message>
    <message>
      <source>{count} kiến nghị; {overdue} quá hạn trả lời.</source>
      <translation>{count} petitions; {overdue} with the answer overdue.</translation>
    </message>
    <message>
      <source>Kiến nghị, phản ánh của Nhân dân</source>
      <translation>Residents' petitions</translation>
    </message>
    <message>
      <source>Thêm kiến nghị (Ctrl+N)</source>
      <translation>Add a petition (Ctrl+N)</translation>
    </message>
    <message>
      <source>Tìm kiến nghị (Ctrl+F): nội dung, người kiến nghị, nơi chuyển, trả lời</source>
      <translation>Find a petition (Ctrl+F): content, petitioner, passed to, answer</translation>
    </message>
    <message>
      <source>Xóa kiến nghị</source>
      <translation>Delete petition</translation>
    </message>
    <message>
      <source>Xóa kiến nghị «{name}» cùng danh sách người kiến nghị? Việc này không hoàn tác được.</source>
      <translation>Delete the petition «{name}» with its list of petitioners? This cannot be undone.</translation>
    </message>
    <message>
      <source>Tất cả</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Đang chờ trả lời</source>
      <translation>Waiting for an answer</translation>
    </message>
    <message>
      <source>Quá hạn</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <source>Đã trả lời</source>
      <translation>Answered</translation>
    </message>
    <message>
      <source>Chưa có kiến nghị nào: bấm «Thêm kiến nghị», hoặc «Chuyển thành kiến nghị» ở một ý kiến trong biên bản họp.</source>
      <translation>No petitions yet: click «Add a petition», or «Make it a petition» on an opinion in meeting minutes.</translation>
    </message>
    <message>
      <source>Ngày tiếp nhận</source>
      <translation>Received</translation>
    </message>
    <message>
      <source>Nội dung</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>Lĩnh vực</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Người nêu</source>
      <translation>Raised by</translation>
    </message>
    <message>
      <source>Nơi chuyển đến</source>
      <translation>Passed to</translation>
    </message>
    <message>
      <source>Hạn trả lời</source>
      <translation>Answer due</translation>
    </message>
    <message>
      <source>Tình trạng</source>
      <translation>State</translation>
    </message>
  </context>
  <context>
    <name>RegulationPage</name>
    <message>
      <source>Để trống: {days} ngày</source>
      <translation>Left empty: {days} days</translation>
    </message>
    <message>
      <source>Để trống: {day}</source>
      <translation>Empty: {day}</translation>
    </message>
    <message>
      <source>Thời hạn trả lời kiến nghị (ngày)</source>
      <translation>Petition answer period (days)</translation>
    </message>
  </context>
</TS>
