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
      <source>Chuyển trạng thái, ghi lý do…</source>
      <translation>Change the status, with its reason…</translation>
    </message>
  </context>
</TS>
