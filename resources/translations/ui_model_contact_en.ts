<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ModelForm</name>
    <message>
      <source>Liên hệ trên mạng lưới</source>
      <translation>Contact on the network</translation>
    </message>
    <message>
      <source>Chỉ khi tổ đồng ý, thẻ của mô hình trên mạng lưới mới có người liên hệ dưới đây; bỏ chọn thì thẻ không còn liên hệ sau lần đồng bộ tới.</source>
      <translation>Only when the team agrees does the model's card on the network carry the contact below; untick it and the card loses the contact after the next sync.</translation>
    </message>
    <message>
      <source>Họ và tên</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>Ví dụ: Tổ trưởng</source>
      <translation>For example: Leader</translation>
    </message>
  </context>
  <context>
    <name>ReplicationsPanel</name>
    <message>
      <source>Liên hệ trên thẻ (tổ đã đồng ý): {contact}</source>
      <translation>Contact on the card (the team agreed): {contact}</translation>
    </message>
    <message>
      <source>Tổ không đồng ý chia sẻ liên hệ.</source>
      <translation>The team did not agree to share a contact.</translation>
    </message>
  </context>
</TS>
