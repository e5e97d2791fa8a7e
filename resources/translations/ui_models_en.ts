<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ModelFieldsDialog</name>
    <message>
      <source>Danh sách lĩnh vực</source>
      <translation>Model fields</translation>
    </message>
    <message>
      <source>Các lĩnh vực để xếp mô hình «Dân vận khéo». Chỉ xóa được lĩnh vực chưa có mô hình nào; mô hình giữ lĩnh vực của mình khi đổi tên lĩnh vực.</source>
      <translation>The fields "Dân vận khéo" models are filed under. Only a field with no models can be removed; models keep their field when it is renamed.</translation>
    </message>
    <message>
      <source>Tên lĩnh vực</source>
      <translation>Field name</translation>
    </message>
    <message>
      <source>Thêm lĩnh vực</source>
      <translation>Add field</translation>
    </message>
    <message>
      <source>Đổi tên</source>
      <translation>Rename</translation>
    </message>
    <message>
      <source>Lên trên</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Xuống dưới</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>Xóa</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>{name} ({count} mô hình)</source>
      <translation>{name} ({count} models)</translation>
    </message>
    <message>
      <source>{name} · Lĩnh vực của thành phố</source>
      <translation>{name} · The city's field</translation>
    </message>
    <message>
      <source>Lĩnh vực của thành phố: thành phố đặt tên và thứ tự; tổ không sửa hay xóa được.</source>
      <translation>The city's field: the city sets its name and order; a team cannot change or remove it.</translation>
    </message>
  </context>
  <context>
    <name>ModelsPage</name>
    <message>
      <source>Lĩnh vực…</source>
      <translation>Fields…</translation>
    </message>
  </context>
</TS>
