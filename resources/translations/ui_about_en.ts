<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>AboutDialog</name>
    <message>
      <source>{commit}, ngày {date}</source>
      <translation>{commit}, {date}</translation>
    </message>
    <message>
      <source>không rõ</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>Giới thiệu</source>
      <translation>About</translation>
    </message>
    <message>
      <source>Dân vận khéo</source>
      <translation>Dân vận khéo</translation>
    </message>
    <message>
      <source>Ứng dụng của tổ dân vận thôn, tổ dân phố.</source>
      <translation>The application of village and residential-group mass-mobilisation teams.</translation>
    </message>
    <message>
      <source>Đang đọc…</source>
      <translation>Reading…</translation>
    </message>
    <message>
      <source>Phiên bản</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Bản dựng</source>
      <translation>Build</translation>
    </message>
    <message>
      <source>Thư mục dữ liệu</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <source>Mở thư mục nhật ký</source>
      <translation>Open the logs folder</translation>
    </message>
    <message>
      <source>Dân vận khéo là phần mềm tự do theo Giấy phép Công cộng GNU, phiên bản 3 hoặc mới hơn (GPL-3.0-or-later): ai cũng được dùng, sao chép, sửa đổi và chia sẻ lại theo các điều khoản của giấy phép; toàn văn giấy phép ở tệp LICENSE đi kèm.</source>
      <translation>Dân vận khéo is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later): anyone may use, copy, change and share it again under the terms of that licence; its full text is in the LICENSE file that comes with it.</translation>
    </message>
    <message>
      <source>Giấy phép của các thành phần đi kèm (nguyên văn tiếng Anh)</source>
      <translation>Licences of the components it ships (in their original English)</translation>
    </message>
    <message>
      <source>Bản cài này không kèm tệp THIRD-PARTY-NOTICES.txt. Hãy cài lại từ bộ cài chính thức, hoặc xem tệp đó trong mã nguồn của ứng dụng.</source>
      <translation>This installation carries no THIRD-PARTY-NOTICES.txt. Install it again from the official installer, or read that file in the application's source code.</translation>
    </message>
    <message>
      <source>không đọc được ({error})</source>
      <translation>could not be read ({error})</translation>
    </message>
    <message>
      <source>Phiên bản và bản dựng của ứng dụng, thư mục dữ liệu, nhật ký lỗi, giấy phép của ứng dụng và của các thành phần đi kèm.</source>
      <translation>The application's version and build, the data folder, the error logs, and the licences of the application and of the components it ships.</translation>
    </message>
    <message>
      <source>Giới thiệu Dân vận khéo…</source>
      <translation>About Dân vận khéo…</translation>
    </message>
  </context>
</TS>
