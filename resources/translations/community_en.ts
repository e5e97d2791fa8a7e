<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>team</name>
    <message>
      <source>Chức vụ «{text}» dài quá {limit} ký tự hoặc có ký tự hỏng: hãy gõ lại cho ngắn gọn.</source>
      <translation>The position «{text}» is longer than {limit} characters or holds a broken character: type it again, shorter.</translation>
    </message>
  </context>
  <context>
    <name>store</name>
    <message>
      <source>Không tìm thấy {entity} có mã {id} trong hồ sơ này: có thể đã bị xóa; hãy tải lại hồ sơ.</source>
      <translation>No {entity} with id {id} in this record: it may have been deleted; reload the record.</translation>
    </message>
    <message>
      <source>Không tìm thấy vụ việc hòa giải này: có thể đã bị xóa; hãy tải lại danh sách.</source>
      <translation>This mediation case was not found: it may have been deleted; reload the list.</translation>
    </message>
    <message>
      <source>Không tìm thấy kiến nghị này: có thể đã bị xóa; hãy tải lại danh sách.</source>
      <translation>This petition was not found: it may have been deleted; reload the list.</translation>
    </message>
  </context>
  <context>
    <name>validation</name>
    <message>
      <source>«{missing}» còn trống trong khi đã có «{present}»: hãy nhập {missing_lower}.</source>
      <translation>«{missing}» is empty while «{present}» is filled in: enter the {missing_lower}.</translation>
    </message>
    <message>
      <source>«Nơi chuyển đến» còn trống: vụ việc đã chuyển cơ quan có thẩm quyền, hãy ghi tên cơ quan, đơn vị đã nhận vụ việc.</source>
      <translation>«Passed to» is empty: the case was passed on to the competent body; enter the body that took it.</translation>
    </message>
  </context>
  <context>
    <name>entities</name>
    <message>
      <source>Kiến nghị, phản ánh</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>Người kiến nghị</source>
      <translation>Petitioner</translation>
    </message>
    <message>
      <source>Vụ việc hòa giải</source>
      <translation>Mediation case</translation>
    </message>
    <message>
      <source>Bên liên quan trong vụ việc</source>
      <translation>Party to the case</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Thời hạn trả lời kiến nghị (ngày)</source>
      <translation>Days to answer a petition</translation>
    </message>
    <message>
      <source>Nội dung kiến nghị, phản ánh</source>
      <translation>Matter raised</translation>
    </message>
    <message>
      <source>Chi tiết</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Ngày tiếp nhận</source>
      <translation>Received on</translation>
    </message>
    <message>
      <source>Người nêu</source>
      <translation>Raised by</translation>
    </message>
    <message>
      <source>Ý kiến tại cuộc họp</source>
      <translation>Opinion at a meeting</translation>
    </message>
    <message>
      <source>Nơi chuyển đến</source>
      <translation>Passed to</translation>
    </message>
    <message>
      <source>Ngày chuyển</source>
      <translation>Passed on</translation>
    </message>
    <message>
      <source>Nội dung trả lời</source>
      <translation>Answer</translation>
    </message>
    <message>
      <source>Ngày nhận trả lời</source>
      <translation>Answered on</translation>
    </message>
    <message>
      <source>Kiến nghị, phản ánh</source>
      <translation>Petition</translation>
    </message>
    <message>
      <source>Cá nhân hay hộ gia đình</source>
      <translation>Person or household</translation>
    </message>
    <message>
      <source>Địa chỉ</source>
      <translation>Address</translation>
    </message>
    <message>
      <source>Vụ việc</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Loại việc</source>
      <translation>Kind of dispute</translation>
    </message>
    <message>
      <source>Nội dung vụ việc</source>
      <translation>What the case is about</translation>
    </message>
    <message>
      <source>Ngày hòa giải</source>
      <translation>Mediated on</translation>
    </message>
    <message>
      <source>Thành phần tham gia hòa giải</source>
      <translation>Who took part in the mediation</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Ngày có kết quả</source>
      <translation>Outcome on</translation>
    </message>
    <message>
      <source>Ghi chú kết quả</source>
      <translation>Note on the outcome</translation>
    </message>
    <message>
      <source>Vụ việc hòa giải</source>
      <translation>Mediation case</translation>
    </message>
    <message>
      <source>Bên</source>
      <translation>Side</translation>
    </message>
  </context>
  <context>
    <name>vocab</name>
    <message>
      <source>Tranh chấp đất đai, ranh giới</source>
      <translation>Land or boundary dispute</translation>
    </message>
    <message>
      <source>Mâu thuẫn giữa hàng xóm</source>
      <translation>Quarrel between neighbours</translation>
    </message>
    <message>
      <source>Hôn nhân và gia đình</source>
      <translation>Marriage and family</translation>
    </message>
    <message>
      <source>Thừa kế, tài sản</source>
      <translation>Inheritance, property</translation>
    </message>
    <message>
      <source>Vay mượn, hợp đồng dân sự</source>
      <translation>Loans, civil contracts</translation>
    </message>
    <message>
      <source>Môi trường, vệ sinh, tiếng ồn</source>
      <translation>Environment, sanitation, noise</translation>
    </message>
    <message>
      <source>Vi phạm pháp luật chưa đến mức bị xử lý</source>
      <translation>Minor breach of the law, not punishable</translation>
    </message>
    <message>
      <source>Việc khác</source>
      <translation>Other matter</translation>
    </message>
    <message>
      <source>Hòa giải thành</source>
      <translation>Settled</translation>
    </message>
    <message>
      <source>Hòa giải không thành</source>
      <translation>Not settled</translation>
    </message>
    <message>
      <source>Chuyển cơ quan có thẩm quyền</source>
      <translation>Passed on to the competent body</translation>
    </message>
    <message>
      <source>Bí thư chi bộ</source>
      <translation>Party cell secretary</translation>
    </message>
    <message>
      <source>Trưởng thôn</source>
      <translation>Village head</translation>
    </message>
    <message>
      <source>Trưởng ban công tác Mặt trận</source>
      <translation>Head of the Front work committee</translation>
    </message>
    <message>
      <source>Phó bí thư chi bộ</source>
      <translation>Deputy Party cell secretary</translation>
    </message>
    <message>
      <source>Phó trưởng thôn</source>
      <translation>Deputy village head</translation>
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
      <source>Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở</source>
      <translation>Head of the grassroots security and order team</translation>
    </message>
    <message>
      <source>Trưởng dòng họ</source>
      <translation>Clan head</translation>
    </message>
    <message>
      <source>Già làng</source>
      <translation>Village elder</translation>
    </message>
    <message>
      <source>Người có uy tín trong cộng đồng</source>
      <translation>Respected person of the community</translation>
    </message>
    <message>
      <source>Bên thứ nhất</source>
      <translation>First party</translation>
    </message>
    <message>
      <source>Bên thứ hai</source>
      <translation>Second party</translation>
    </message>
    <message>
      <source>Người có quyền lợi, nghĩa vụ liên quan</source>
      <translation>Person with related rights or duties</translation>
    </message>
    <message>
      <source>Hộ gia đình</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>Đất đai, xây dựng</source>
      <translation>Land, building</translation>
    </message>
    <message>
      <source>Giao thông, điện, nước sinh hoạt</source>
      <translation>Roads, power, water supply</translation>
    </message>
    <message>
      <source>Môi trường, vệ sinh</source>
      <translation>Environment, sanitation</translation>
    </message>
    <message>
      <source>Chính sách xã hội, an sinh</source>
      <translation>Social policy, welfare</translation>
    </message>
    <message>
      <source>An ninh, trật tự</source>
      <translation>Security and order</translation>
    </message>
    <message>
      <source>Y tế, giáo dục</source>
      <translation>Health, education</translation>
    </message>
    <message>
      <source>Thủ tục hành chính</source>
      <translation>Administrative procedures</translation>
    </message>
    <message>
      <source>Nhóm hộ dân</source>
      <translation>Group of households</translation>
    </message>
    <message>
      <source>Người dân đề nghị không nêu tên</source>
      <translation>Not named, at the resident's request</translation>
    </message>
    <message>
      <source>Phó trưởng bản</source>
      <translation>Deputy hamlet head</translation>
    </message>
    <message>
      <source>Tổ phó tổ dân phố</source>
      <translation>Deputy head of the residential group</translation>
    </message>
    <message>
      <source>Trưởng bản</source>
      <translation>Hamlet head</translation>
    </message>
    <message>
      <source>Tổ trưởng tổ dân phố</source>
      <translation>Head of the residential group</translation>
    </message>
    <message>
      <source>Đang chờ trả lời</source>
      <translation>Waiting for an answer</translation>
    </message>
    <message>
      <source>Quá hạn trả lời</source>
      <translation>Answer overdue</translation>
    </message>
    <message>
      <source>Đã trả lời</source>
      <translation>Answered</translation>
    </message>
    <message>
      <source>Chưa có kết quả</source>
      <translation>No outcome yet</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>HỌ_TÊN</source>
      <translation>FULL_NAME</translation>
    </message>
    <message>
      <source>người kiến nghị (petition) hoặc một bên hòa giải (mediation)</source>
      <translation>a petitioner (petition) or a party to the case (mediation)</translation>
    </message>
    <message>
      <source>petition: waiting, overdue, answered; mediation: pending, settled, not_settled, passed_on</source>
      <translation>petition: waiting, overdue, answered; mediation: pending, settled, not_settled, passed_on</translation>
    </message>
    <message>
      <source>--person chỉ dùng cho petition (người kiến nghị) và mediation (các bên hòa giải): hãy bỏ --person.</source>
      <translation>--person is only for petition (petitioners) and mediation (the parties): leave out --person.</translation>
    </message>
    <message>
      <source>Không có tình trạng «{state}»: hãy chọn một trong {choices}.</source>
      <translation>There is no state «{state}»: choose one of {choices}.</translation>
    </message>
  </context>
</TS>
