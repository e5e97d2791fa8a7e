<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>SelfTest</name>
    <message>
      <source>bản sao dữ liệu của tổ: mở được, nâng cấp và kiểm tra đều tốt</source>
      <translation>copy of the team's data: opened, upgraded and checked, all good</translation>
    </message>
    <message>
      <source>bản sao dữ liệu của tổ: chưa có dữ liệu để thử</source>
      <translation>copy of the team's data: no data yet to try</translation>
    </message>
    <message>
      <source>bản sao dữ liệu của tổ: {error}</source>
      <translation>copy of the team's data: {error}</translation>
    </message>
    <message>
      <source>bản sao dữ liệu của tổ: {problems}</source>
      <translation>copy of the team's data: {problems}</translation>
    </message>
    <message>
      <source>Tự kiểm tra: {total} mục đều tốt.</source>
      <translation>Self-test: all {total} checks passed.</translation>
    </message>
    <message>
      <source>Tự kiểm tra: {errors} trong {total} mục bị lỗi.</source>
      <translation>Self-test: {errors} of {total} checks failed.</translation>
    </message>
    <message>
      <source>kiểm tra bản cài đặt (trong một thư mục tạm) rồi thoát</source>
      <translation>check this installation (in a temporary folder), then exit</translation>
    </message>
    <message>
      <source>cửa sổ: chương trình dòng lệnh không mang thư viện giao diện Qt ({error}); hãy chạy danvan-desktop --self-test để kiểm tra cửa sổ</source>
      <translation>window: the command-line program does not carry the Qt interface library ({error}); run danvan-desktop --self-test to check the window</translation>
    </message>
    <message>
      <source>cửa sổ: không nạp được Qt ({error})</source>
      <translation>window: Qt could not be loaded ({error})</translation>
    </message>
    <message>
      <source>kho dữ liệu thử: đã lập tổ, thêm một mô hình và một cuộc họp</source>
      <translation>test store: team set up, one model and one meeting added</translation>
    </message>
    <message>
      <source>kho dữ liệu thử: {error}</source>
      <translation>test store: {error}</translation>
    </message>
    <message>
      <source>kho dữ liệu thử: không thêm được bản ghi</source>
      <translation>test store: the records could not be added</translation>
    </message>
    <message>
      <source>văn bản «{kind}» ({format})</source>
      <translation>document «{kind}» ({format})</translation>
    </message>
    <message>
      <source>văn bản: không mở được kho thử ({error})</source>
      <translation>documents: the test store could not be opened ({error})</translation>
    </message>
    <message>
      <source>{what}: đã ghi và đọc lại</source>
      <translation>{what}: written and read back</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>LỖI</source>
      <translation>ERROR</translation>
    </message>
    <message>
      <source>BỎ QUA</source>
      <translation>SKIPPED</translation>
    </message>
    <message>
      <source>không biết đọc lại định dạng {format}</source>
      <translation>no way to read back the format {format}</translation>
    </message>
    <message>
      <source>đọc lại không thấy chữ «{text}»</source>
      <translation>the text «{text}» is not found when read back</translation>
    </message>
    <message>
      <source>tệp {name} trống hoặc không có</source>
      <translation>the file {name} is empty or missing</translation>
    </message>
    <message>
      <source>tệp PDF không bắt đầu bằng %PDF-</source>
      <translation>the PDF file does not start with %PDF-</translation>
    </message>
    <message>
      <source>tệp PDF bị cắt cụt: thiếu startxref và %%EOF ở cuối</source>
      <translation>the PDF file is cut short: startxref and %%EOF are missing at its end</translation>
    </message>
    <message>
      <source>tệp PDF hỏng: startxref không chỉ tới bảng tham chiếu</source>
      <translation>the PDF file is damaged: startxref does not point at the cross-reference table</translation>
    </message>
    <message>
      <source>tệp PDF không có trang nào</source>
      <translation>the PDF file has no page</translation>
    </message>
    <message>
      <source>tệp PDF không nhúng phông Liberation Serif</source>
      <translation>the PDF file does not embed the Liberation Serif font</translation>
    </message>
    <message>
      <source>python-docx không mở được tệp ({error})</source>
      <translation>python-docx cannot open the file ({error})</translation>
    </message>
    <message>
      <source>openpyxl không mở được tệp ({error})</source>
      <translation>openpyxl cannot open the file ({error})</translation>
    </message>
    <message>
      <source>phông chữ của PDF: {count} kiểu chữ đủ tiếng Việt</source>
      <translation>PDF fonts: {count} faces cover Vietnamese</translation>
    </message>
    <message>
      <source>bản dịch tiếng Anh của các lệnh: đọc được {count} tệp</source>
      <translation>English of the commands: {count} files read</translation>
    </message>
    <message>
      <source>bản dịch tiếng Anh của các lệnh: không có tệp nào trong {folder}</source>
      <translation>English of the commands: no file in {folder}</translation>
    </message>
    <message>
      <source>bản dịch tiếng Anh của các lệnh: «{source}» ra «{answer}», không phải «{english}»</source>
      <translation>English of the commands: «{source}» gives «{answer}», not «{english}»</translation>
    </message>
    <message>
      <source>phông chữ của PDF: {name} thiếu chữ {letters}</source>
      <translation>PDF fonts: {name} lacks the letters {letters}</translation>
    </message>
    <message>
      <source>phông chữ của PDF: không mở được {name} ({error})</source>
      <translation>PDF fonts: {name} cannot be opened ({error})</translation>
    </message>
    <message>
      <source>bản dịch tiếng Anh của các lệnh: không đọc được {name} ({error})</source>
      <translation>English of the commands: {name} cannot be read ({error})</translation>
    </message>
  </context>
</TS>
