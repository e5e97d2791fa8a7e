<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ModelStatus</name>
    <message>
      <source>Chuyển trạng thái mô hình</source>
      <translation>Change the model's status</translation>
    </message>
    <message>
      <source>Trạng thái mới</source>
      <translation>New status</translation>
    </message>
    <message>
      <source>Cấp công nhận</source>
      <translation>Recognition level</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <source>Ngày quyết định</source>
      <translation>Decision date</translation>
    </message>
  </context>
  <context>
    <name>ModelForm</name>
    <message>
      <source>Quá trình, công nhận</source>
      <translation>History, recognitions</translation>
    </message>
    <message>
      <source>Chuyển trạng thái, ghi lý do…</source>
      <translation>Change the status, with its reason…</translation>
    </message>
  </context>
  <context>
    <name>ModelLife</name>
    <message>
      <source>Quá trình chuyển trạng thái</source>
      <translation>Status history</translation>
    </message>
    <message>
      <source>Chuyển trạng thái</source>
      <translation>Move</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Người chuyển</source>
      <translation>Moved by</translation>
    </message>
    <message>
      <source>Ngày</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Quyết định công nhận</source>
      <translation>Recognition decisions</translation>
    </message>
    <message>
      <source>Cấp công nhận</source>
      <translation>Recognition level</translation>
    </message>
    <message>
      <source>Số quyết định</source>
      <translation>Decision number</translation>
    </message>
    <message>
      <source>Ngày quyết định</source>
      <translation>Decision date</translation>
    </message>
    <message>
      <source>Đơn vị công nhận</source>
      <translation>Recognising unit</translation>
    </message>
    <message>
      <source>Thêm quyết định công nhận</source>
      <translation>Add a recognition decision</translation>
    </message>
    <message>
      <source>Lưu mô hình trước, rồi xem quá trình và các lần công nhận ở đây.</source>
      <translation>Save the model first, then see its history and recognitions here.</translation>
    </message>
    <message>
      <source>{moves} lần chuyển trạng thái, {recognitions} quyết định công nhận.</source>
      <translation>{moves} status moves, {recognitions} recognition decisions.</translation>
    </message>
    <message>
      <source>Đã thêm quyết định công nhận.</source>
      <translation>The recognition decision was added.</translation>
    </message>
  </context>
</TS>
