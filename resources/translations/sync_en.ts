<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>SyncTransport</name>
    <message>
      <source>Mất kết nối tới máy chủ tỉnh. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại khi có mạng.</source>
      <translation>The connection to the provincial server was lost. Your data is kept on this computer and will be sent automatically when the network is back.</translation>
    </message>
    <message>
      <source>Đường truyền tới máy chủ tỉnh bị treo quá {seconds} giây. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại khi mạng ổn định.</source>
      <translation>The link to the provincial server stalled for more than {seconds} seconds. Your data is kept on this computer and will be sent automatically when the network is stable.</translation>
    </message>
    <message>
      <source>Không xác minh được chứng chỉ bảo mật của máy chủ tỉnh. Hãy kiểm tra tệp chứng chỉ (CA) của tỉnh trong phần Cài đặt, hoặc mạng đang chặn kết nối.</source>
      <translation>The provincial server's security certificate could not be verified. Check the province's certificate authority (CA) file in Settings; otherwise the network may be intercepting the connection.</translation>
    </message>
    <message>
      <source>Máy chủ tỉnh đang gặp sự cố (mã {status}); sẽ tự thử lại sau.</source>
      <translation>The provincial server has a problem (code {status}); the app will try again later.</translation>
    </message>
    <message>
      <source>Máy chủ tỉnh từ chối yêu cầu (mã {status}).</source>
      <translation>The provincial server refused the request (code {status}).</translation>
    </message>
    <message>
      <source>Phiên bản ứng dụng này đã cũ, máy chủ tỉnh không nhận nữa. Hãy cập nhật ứng dụng; dữ liệu vẫn được giữ trên máy để gửi sau.</source>
      <translation>This version of the app is too old for the provincial server. Please update the app; your data is kept on this computer to be sent later.</translation>
    </message>
    <message>
      <source>Máy chủ tỉnh chuyển hướng sang {location}. Hãy kiểm tra địa chỉ máy chủ trong phần Cài đặt.</source>
      <translation>The provincial server redirects to {location}. Check the server address in Settings.</translation>
    </message>
    <message>
      <source>Đã dừng đồng bộ theo yêu cầu.</source>
      <translation>Synchronisation stopped as you asked.</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ tỉnh phải bắt đầu bằng https:// (ví dụ https://dongbo.hue.gov.vn).</source>
      <translation>The provincial server address must start with https:// (for example https://dongbo.hue.gov.vn).</translation>
    </message>
    <message>
      <source>Không đọc được tệp chứng chỉ (CA) của tỉnh: {path}. Hãy chọn lại tệp .pem hoặc .crt do quản trị máy chủ cung cấp.</source>
      <translation>The province's certificate authority (CA) file cannot be read: {path}. Choose again the .pem or .crt file the server administrator gave you.</translation>
    </message>
  </context>
</TS>
