<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReportKinds</name>
    <message>
      <source>Quy chế hoạt động của Tổ</source>
      <translation>Team operating regulation</translation>
    </message>
  </context>
  <context>
    <name>regulation</name>
    <message>
      <source>«Ngày họp trong kỳ» phải từ 1 đến 31: hãy chọn lại ngày họp.</source>
      <translation>“Meeting day in the period” must be from 1 to 31: choose the meeting day again.</translation>
    </message>
    <message>
      <source>Không có kỳ báo cáo {value}: hãy chọn trong tháng, quý, 6 tháng, năm.</source>
      <translation>There is no reporting period {value}: choose among month, quarter, half-year, year.</translation>
    </message>
  </context>
  <context>
    <name>commendation</name>
    <message>
      <source>Có mô hình “Dân vận khéo” được công nhận hoặc đang triển khai có hiệu quả</source>
      <translation>Has a “Skilful mass mobilisation” model that is recognised or running effectively</translation>
    </message>
    <message>
      <source>Vận động được bà con hiến đất, góp ngày công, tiền hoặc vật tư cho việc chung</source>
      <translation>Persuaded residents to donate land, labour days, money or materials for common works</translation>
    </message>
    <message>
      <source>Tham gia hòa giải thành các vụ việc ở khu dân cư</source>
      <translation>Helped settle disputes in the neighbourhood</translation>
    </message>
    <message>
      <source>Nắm và phản ánh kịp thời ý kiến, kiến nghị của bà con</source>
      <translation>Heard and passed on residents' opinions and requests in time</translation>
    </message>
    <message>
      <source>Dự đầy đủ các cuộc họp của tổ trong năm</source>
      <translation>Attended every team meeting of the year</translation>
    </message>
    <message>
      <source>Có cách làm được nơi khác học tập, nhân rộng</source>
      <translation>Has a way of working that others learnt from and copied</translation>
    </message>
    <message>
      <source>Gương mẫu chấp hành chủ trương, chính sách và quy định ở địa phương</source>
      <translation>Sets an example in following policies and local rules</translation>
    </message>
    <message>
      <source>mô hình</source>
      <translation>models</translation>
    </message>
    <message>
      <source>cuộc họp</source>
      <translation>meetings</translation>
    </message>
    <message>
      <source>Chưa có «{label}»: hãy nhập {label_lower} ghi trên quyết định khen thưởng.</source>
      <translation>“{label}” is missing: enter the {label_lower} written on the commendation decision.</translation>
    </message>
    <message>
      <source>Có {what} làm minh chứng đã bị xóa: hãy chọn lại danh sách {what}.</source>
      <translation>Some {what} cited as evidence were deleted: choose the {what} again.</translation>
    </message>
    <message>
      <source>Điểm của tiêu chí thứ {number} phải là số từ 0 trở lên: hãy sửa lại ô điểm.</source>
      <translation>The points of criterion {number} must be a number of 0 or more: correct the points cell.</translation>
    </message>
    <message>
      <source>Điểm của tiêu chí thứ {number} phải là một số cụ thể, không phải vô cực hay NaN: hãy sửa lại ô điểm, ví dụ 12,5.</source>
      <translation>The points of criterion {number} must be an actual number, not infinity or NaN: correct the points cell, for example 12.5.</translation>
    </message>
    <message>
      <source>Tiêu chí thứ {number} có ký tự không lưu được (thường do dán từ một phần mềm khác): hãy xóa đoạn chữ đó rồi gõ lại.</source>
      <translation>Criterion {number} has a character that cannot be saved (usually pasted from another program): delete that text and type it again.</translation>
    </message>
    <message>
      <source>Khen thưởng này đã có quyết định: không chấm lại điểm được; hãy sửa phần quyết định nếu cần.</source>
      <translation>This commendation has been decided: it cannot be scored again; edit the decision if needed.</translation>
    </message>
  </context>
</TS>
