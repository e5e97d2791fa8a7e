<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>validation</name>
    <message>
      <source>Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi người liên hệ: hãy nhập họ tên, hoặc bỏ chọn «Đồng ý chia sẻ thông tin liên hệ với mạng lưới».</source>
      <translation>The team agreed to share a contact but no contact person is given: type the full name, or untick «Agree to share contact details with the network».</translation>
    </message>
    <message>
      <source>Tổ đồng ý chia sẻ liên hệ nhưng chưa ghi số điện thoại: hãy nhập số điện thoại của người liên hệ, hoặc bỏ chọn «Đồng ý chia sẻ thông tin liên hệ với mạng lưới».</source>
      <translation>The team agreed to share a contact but no phone number is given: type the contact person's phone number, or untick «Agree to share contact details with the network».</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Đồng ý chia sẻ thông tin liên hệ với mạng lưới</source>
      <translation>Agree to share contact details with the network</translation>
    </message>
    <message>
      <source>Người liên hệ</source>
      <translation>Contact person</translation>
    </message>
    <message>
      <source>Chức vụ người liên hệ</source>
      <translation>Contact person's role</translation>
    </message>
    <message>
      <source>Số điện thoại người liên hệ</source>
      <translation>Contact person's phone</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Không nhập liên hệ khi chia sẻ: thẻ chỉ mang người liên hệ mà tổ đã đồng ý chia sẻ trên biểu mẫu mô hình. Hãy bỏ «--contact»; tổ ghi người liên hệ trên mô hình rồi đồng bộ.</source>
      <translation>A contact is not typed when sharing: a card carries only the contact the team agreed to share on the model form. Leave out «--contact»; the team records the contact on the model, then syncs.</translation>
    </message>
    <message>
      <source>Tổ không đồng ý chia sẻ liên hệ.</source>
      <translation>The team did not agree to share a contact.</translation>
    </message>
  </context>
</TS>
