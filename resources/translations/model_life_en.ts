<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>cli</name>
    <message>
      <source>lý do chuyển trạng thái</source>
      <translation>the reason for the status change</translation>
    </message>
    <message>
      <source>số quyết định công nhận</source>
      <translation>the number of the recognition decision</translation>
    </message>
    <message>
      <source>ngày quyết định công nhận (YYYY-MM-DD)</source>
      <translation>the date of the recognition decision (YYYY-MM-DD)</translation>
    </message>
  </context>
  <context>
    <name>model_life</name>
    <message>
      <source>«Trạng thái»: công nhận mô hình phải kèm số và ngày quyết định, nên không đổi trạng thái ở đây được. Hãy dùng nút «Chuyển trạng thái, ghi lý do…» trên trang mô hình, hoặc lệnh {command}</source>
      <translation>«Status»: recognising a model needs the decision's number and date, so the status cannot be changed here. Use «Change the status, with its reason…» on the model's page, or the command {command}</translation>
    </message>
    <message>
      <source>«Trạng thái»: chuyển mô hình sang «{new}» phải ghi lý do, nên không đổi trạng thái ở đây được. Hãy dùng nút «Chuyển trạng thái, ghi lý do…» trên trang mô hình, hoặc lệnh {command}</source>
      <translation>«Status»: moving a model to «{new}» needs a reason, so the status cannot be changed here. Use «Change the status, with its reason…» on the model's page, or the command {command}</translation>
    </message>
    <message>
      <source>Chỉ cấp xã hoặc thành phố công nhận mô hình: máy của tổ dân vận không ghi được quyết định công nhận.</source>
      <translation>Only the commune or the city recognises a model: a team's laptop cannot record a recognition decision.</translation>
    </message>
    <message>
      <source>Mô hình chưa ở trạng thái «Được công nhận tiêu biểu»: hãy chuyển mô hình sang trạng thái này (kèm quyết định) trước.</source>
      <translation>The model is not «Recognised as outstanding» yet: move it to that status (with its decision) first.</translation>
    </message>
    <message>
      <source>«Cấp công nhận» phải là {choices}: hãy chọn cấp đã ra quyết định.</source>
      <translation>«Recognition level» must be {choices}: choose the level that made the decision.</translation>
    </message>
  </context>
  <context>
    <name>validation</name>
    <message>
      <source>«Lý do» không được để trống khi chuyển mô hình sang «{new}»: hãy ghi vì sao.</source>
      <translation>«Reason» cannot be empty when a model moves to «{new}»: write why.</translation>
    </message>
    <message>
      <source>«Ngày quyết định» không được để trống khi công nhận mô hình: hãy chọn ngày ký quyết định.</source>
      <translation>«Decision date» cannot be empty when a model is recognised: choose the date the decision was signed.</translation>
    </message>
    <message>
      <source>«Số quyết định» không được để trống khi công nhận mô hình: hãy nhập số quyết định công nhận.</source>
      <translation>«Decision number» cannot be empty when a model is recognised: enter the number of the recognition decision.</translation>
    </message>
  </context>
  <context>
    <name>entities</name>
    <message>
      <source>Công nhận mô hình</source>
      <translation>Model recognition</translation>
    </message>
    <message>
      <source>Lịch sử trạng thái mô hình</source>
      <translation>Model status history</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Trạng thái mới</source>
      <translation>New status</translation>
    </message>
    <message>
      <source>Trạng thái trước</source>
      <translation>Previous status</translation>
    </message>
    <message>
      <source>Đơn vị chuyển trạng thái</source>
      <translation>Unit that changed the status</translation>
    </message>
    <message>
      <source>Đơn vị công nhận</source>
      <translation>Recognising unit</translation>
    </message>
  </context>
  <context>
    <name>vocab</name>
    <message>
      <source>Cấp thành phố</source>
      <translation>City level</translation>
    </message>
    <message>
      <source>Cấp xã</source>
      <translation>Commune level</translation>
    </message>
    <message>
      <source>Dừng thực hiện</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>Không được công nhận</source>
      <translation>Not recognised</translation>
    </message>
  </context>
  <context>
    <name>server</name>
    <message>
      <source>Chỉ cấp xã hoặc thành phố ghi quyết định công nhận mô hình: máy của tổ dân vận không gửi được bản ghi công nhận.</source>
      <translation>Only the commune or the city records a model's recognition decision: a team's laptop cannot send a recognition.</translation>
    </message>
    <message>
      <source>Lịch sử trạng thái và quyết định công nhận của mô hình được giữ lại, không xóa được.</source>
      <translation>A model's status history and recognition decisions are kept: they cannot be deleted.</translation>
    </message>
    <message>
      <source>Không tìm thấy mô hình này trên máy chủ của thành phố: cấp xã hoặc thành phố chỉ ghi được cho mô hình mà tổ đã gửi lên.</source>
      <translation>This model is not on the city's server: the commune or the city can only record for a model the team has sent up.</translation>
    </message>
    <message>
      <source>Mô hình này không thuộc địa bàn của {unit}.</source>
      <translation>This model is not in the area of {unit}.</translation>
    </message>
    <message>
      <source>«Cấp công nhận» phải là cấp của đơn vị ra quyết định ({level}): hãy ghi đúng cấp.</source>
      <translation>«Recognition level» must be the level of the unit that decided ({level}): record the right level.</translation>
    </message>
    <message>
      <source>Quyết định công nhận cần «Số quyết định» và «Ngày quyết định»: hãy nhập đủ rồi gửi lại.</source>
      <translation>A recognition needs its «Decision number» and «Decision date»: enter both and send again.</translation>
    </message>
    <message>
      <source>Lịch sử trạng thái của mô hình không sửa được: mỗi lần chuyển trạng thái là một bản ghi mới.</source>
      <translation>A model's status history cannot be edited: each status change is a new record.</translation>
    </message>
    <message>
      <source>«Lý do» không được để trống khi chuyển mô hình sang «{new}»: hãy ghi vì sao.</source>
      <translation>«Reason» cannot be empty when a model moves to «{new}»: write why.</translation>
    </message>
  </context>
</TS>
