<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>model_fields</name>
    <message>
      <source>Không tìm thấy lĩnh vực này.</source>
      <translation>This field was not found.</translation>
    </message>
    <message>
      <source>Không xóa được lĩnh vực «{name}»: {count} mô hình đang thuộc lĩnh vực này. Hãy chuyển các mô hình đó sang lĩnh vực khác trước.</source>
      <translation>The field «{name}» cannot be removed: {count} models belong to it. Move those models to another field first.</translation>
    </message>
    <message>
      <source>Hãy nhập tên lĩnh vực.</source>
      <translation>Enter the field's name.</translation>
    </message>
    <message>
      <source>Đã có lĩnh vực «{name}».</source>
      <translation>There is already a field «{name}».</translation>
    </message>
    <message>
      <source>«{name}» là lĩnh vực của thành phố: tổ không sửa, chuyển hay xóa được. Hãy thêm lĩnh vực riêng của tổ nếu cần.</source>
      <translation>«{name}» is one of the city's fields: a team cannot rename, move or remove it. Add a field of the team's own if needed.</translation>
    </message>
  </context>
</TS>
