<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>SelfTest</name>
    <message>
      <source>phông chữ giao diện: {family} đủ tiếng Việt</source>
      <translation>interface font: {family} covers Vietnamese</translation>
    </message>
    <message>
      <source>{what}: đã nạp {names}</source>
      <translation>{what}: loaded {names}</translation>
    </message>
    <message>
      <source>cửa sổ chính: lỗi khi mở ({error})</source>
      <translation>main window: error while opening ({error})</translation>
    </message>
    <message>
      <source>phông chữ giao diện: thiếu tệp {names}</source>
      <translation>interface font: missing files {names}</translation>
    </message>
    <message>
      <source>phông chữ giao diện: không nạp được {family}</source>
      <translation>interface font: {family} could not be loaded</translation>
    </message>
    <message>
      <source>phông chữ giao diện: {family} thiếu chữ {letters}</source>
      <translation>interface font: {family} lacks the letters {letters}</translation>
    </message>
    <message>
      <source>{what}: không có tệp .qm nào</source>
      <translation>{what}: no .qm file</translation>
    </message>
    <message>
      <source>bản dịch tiếng Anh của cửa sổ</source>
      <translation>English of the window</translation>
    </message>
    <message>
      <source>bản dịch tiếng Việt của Qt</source>
      <translation>Qt's Vietnamese</translation>
    </message>
    <message>
      <source>cửa sổ chính: không có kho dữ liệu thử để mở</source>
      <translation>main window: no test store to open</translation>
    </message>
    <message>
      <source>cửa sổ chính: đã mở và vẽ xong danh sách mô hình ({platform})</source>
      <translation>main window: opened, model list painted ({platform})</translation>
    </message>
    <message>
      <source>cửa sổ chính: danh sách báo đã vẽ nhưng cửa sổ chưa được vẽ</source>
      <translation>main window: the list says it painted but the window was never painted</translation>
    </message>
    <message>
      <source>cửa sổ chính: chưa vẽ xong sau {seconds} giây</source>
      <translation>main window: not painted after {seconds} seconds</translation>
    </message>
    <message>
      <source>cửa sổ chính: kho thử không mở được, hiện trình cài đặt ban đầu</source>
      <translation>main window: the test store did not open, the first-run wizard came up</translation>
    </message>
    <message>
      <source>cửa sổ chính: kho thử không mở được, hiện hộp khôi phục</source>
      <translation>main window: the test store did not open, the recovery dialog came up</translation>
    </message>
    <message>
      <source>cửa sổ chính: trang mô hình không báo đã vẽ</source>
      <translation>main window: the model page does not say when it has painted</translation>
    </message>
    <message>
      <source>{what}: không nạp được {name}</source>
      <translation>{what}: {name} could not be loaded</translation>
    </message>
    <message>
      <source>{what}: {name} dịch «{source}» không ra «{expected}»</source>
      <translation>{what}: {name} does not translate «{source}» as «{expected}»</translation>
    </message>
  </context>
</TS>
