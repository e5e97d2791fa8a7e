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
</TS>
