<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReportPresets</name>
    <message>
      <source>Mẫu trình bày {source}, mục “{key}”: {what}. Hãy sửa tệp mẫu rồi thử lại.</source>
      <translation>Layout preset {source}, entry “{key}”: {what}. Correct the preset file and try again.</translation>
    </message>
    <message>
      <source>thiếu mục này</source>
      <translation>this entry is missing</translation>
    </message>
    <message>
      <source>cần một số không âm</source>
      <translation>a non-negative number is needed</translation>
    </message>
    <message>
      <source>cần một chuỗi chữ</source>
      <translation>a text string is needed</translation>
    </message>
    <message>
      <source>cần một trong: {allowed}</source>
      <translation>one of these is needed: {allowed}</translation>
    </message>
    <message>
      <source>cần một kiểu chữ có size_pt</source>
      <translation>a text style with size_pt is needed</translation>
    </message>
    <message>
      <source>cần size_pt và các cờ bold, italic, caps, underline</source>
      <translation>size_pt and the flags bold, italic, caps, underline are needed</translation>
    </message>
    <message>
      <source>cần một danh sách kiểu chữ</source>
      <translation>a list of text styles is needed</translation>
    </message>
    <message>
      <source>Không có mẫu trình bày “{name}” ({path}).</source>
      <translation>There is no layout preset “{name}” ({path}).</translation>
    </message>
    <message>
      <source>Không đọc được mẫu trình bày {path}: {error}. Hãy sửa tệp mẫu rồi thử lại.</source>
      <translation>Cannot read the layout preset {path}: {error}. Correct the preset file and try again.</translation>
    </message>
    <message>
      <source>Văn bản hành chính (Nghị định 30/2020/NĐ-CP)</source>
      <translation>Administrative document (Decree 30/2020/NĐ-CP)</translation>
    </message>
    <message>
      <source>Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)</source>
      <translation>Party document (Guidance 36-HD/VPTW)</translation>
    </message>
  </context>
  <context>
    <name>ReportFormats</name>
    <message>
      <source>Không có định dạng xuất “{name}”. Hãy chọn một trong: {known}.</source>
      <translation>There is no export format “{name}”. Choose one of: {known}.</translation>
    </message>
    <message>
      <source>Văn bản Word (DOCX)</source>
      <translation>Word document (DOCX)</translation>
    </message>
    <message>
      <source>Tệp PDF</source>
      <translation>PDF file</translation>
    </message>
    <message>
      <source>Bảng tính Excel (XLSX)</source>
      <translation>Excel spreadsheet (XLSX)</translation>
    </message>
  </context>
  <context>
    <name>ReportSamples</name>
    <message>
      <source>Không tìm thấy chương trình {program}. Hãy cài gói {package} rồi chạy lại.</source>
      <translation>The program {program} was not found. Install the package {package} and run again.</translation>
    </message>
  </context>
</TS>
