<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>SyncTransport</name>
    <message>
      <source>Mất kết nối tới máy chủ của thành phố. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại khi có mạng.</source>
      <translation>The connection to the city's server was lost. Your data is kept on this computer and will be sent automatically when the network is back.</translation>
    </message>
    <message>
      <source>Đường truyền tới máy chủ của thành phố bị treo quá {seconds} giây. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi lại khi mạng ổn định.</source>
      <translation>The link to the city's server stalled for more than {seconds} seconds. Your data is kept on this computer and will be sent automatically when the network is stable.</translation>
    </message>
    <message>
      <source>Không kết nối được tới máy chủ của thành phố {host}: máy chủ chưa chạy, hoặc địa chỉ máy chủ hay mạng chưa đúng. Dữ liệu vẫn được giữ trên máy và sẽ tự gửi khi kết nối được.</source>
      <translation>Cannot connect to the city's server {host}: the server is not running, or the server address or the network is wrong. Your data is kept on this computer and will be sent automatically once a connection can be made.</translation>
    </message>
    <message>
      <source>Không xác minh được chứng chỉ bảo mật của máy chủ của thành phố. Hãy kiểm tra tệp chứng chỉ (CA) của thành phố ở trang Đồng bộ (khung «Máy chủ của thành phố»), hoặc mạng đang chặn kết nối.</source>
      <translation>The city's server's security certificate could not be verified. Check the city's certificate authority (CA) file on the Sync page (the «City server» box); otherwise the network may be intercepting the connection.</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố đang gặp sự cố (mã {status}); sẽ tự thử lại sau.</source>
      <translation>The city's server has a problem (code {status}); the app will try again later.</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố từ chối yêu cầu (mã {status}).</source>
      <translation>The city's server refused the request (code {status}).</translation>
    </message>
    <message>
      <source>Phiên bản ứng dụng này đã cũ, máy chủ của thành phố không nhận nữa. Hãy cập nhật ứng dụng; dữ liệu vẫn được giữ trên máy để gửi sau.</source>
      <translation>This version of the app is too old for the city's server. Please update the app; your data is kept on this computer to be sent later.</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố chuyển hướng sang {location}. Hãy kiểm tra địa chỉ máy chủ ở trang Đồng bộ (khung «Máy chủ của thành phố»).</source>
      <translation>The city's server redirects to {location}. Check the server address on the Sync page (the «City server» box).</translation>
    </message>
    <message>
      <source>Đã dừng đồng bộ theo yêu cầu.</source>
      <translation>Synchronisation stopped as you asked.</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ của thành phố phải bắt đầu bằng https:// (ví dụ https://dongbo.hue.gov.vn).</source>
      <translation>The city's server address must start with https:// (for example https://dongbo.hue.gov.vn).</translation>
    </message>
    <message>
      <source>Địa chỉ http:// chỉ dùng được cho máy chủ chạy trên chính máy này (127.0.0.1, localhost); máy chủ của thành phố phải dùng https:// (ví dụ https://dongbo.hue.gov.vn).</source>
      <translation>An http:// address only works for a server running on this very computer (127.0.0.1, localhost); the city's server must use https:// (for example https://dongbo.hue.gov.vn).</translation>
    </message>
    <message>
      <source>Không đọc được tệp chứng chỉ (CA) của thành phố: {path}. Hãy chọn lại tệp .pem hoặc .crt do quản trị máy chủ cung cấp.</source>
      <translation>The city's certificate authority (CA) file cannot be read: {path}. Choose again the .pem or .crt file the server administrator gave you.</translation>
    </message>
  </context>
  <context>
    <name>sync</name>
    <message>
      <source>Hãy chọn giữ giá trị hiện tại hoặc giá trị bị thay.</source>
      <translation>Choose to keep either the current value or the replaced one.</translation>
    </message>
    <message>
      <source>Không tìm thấy xung đột này: có thể nó đã được giải quyết trên máy khác; hãy đồng bộ rồi xem lại.</source>
      <translation>This conflict was not found: it may have been resolved on another computer. Sync, then look again.</translation>
    </message>
    <message>
      <source>Máy này không lưu được bản ghi này ({error}): hãy báo cán bộ quản trị máy chủ của thành phố sửa lại bản ghi.</source>
      <translation>This computer cannot store this record ({error}): ask the administrator of the city's server to repair the record.</translation>
    </message>
    <message>
      <source>Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành viên và cuộc họp nhập trên máy này đã chuyển sang tổ đó; tổ trưởng và quy chế là của tổ có sẵn.</source>
      <translation>This computer has joined the village's team that the city's server already holds: the members and meetings entered here have moved onto that team; the leader and the regulation are that team's.</translation>
    </message>
  </context>
  <context>
    <name>SyncAttachments</name>
    <message>
      <source>Đã dừng gửi tệp đính kèm theo yêu cầu.</source>
      <translation>Sending the attachments was stopped as requested.</translation>
    </message>
    <message>
      <source>Tệp tải về từ máy chủ không khớp mã kiểm tra nên đã bị bỏ: hãy mở lại tệp để tải lại.</source>
      <translation>The file downloaded from the server did not match its checksum and was discarded: open the file again to download it again.</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố chưa nhận tệp đính kèm {name}: {reason}</source>
      <translation>The city's server has not accepted the attachment {name}: {reason}</translation>
    </message>
    <message>
      <source>Tệp đính kèm {name} trên máy đã bị hỏng (mã kiểm tra không khớp): hãy đính kèm lại tệp gốc.</source>
      <translation>The attachment {name} on this computer is damaged (its checksum does not match): attach the original file again.</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Mã băm bản gửi lên máy chủ</source>
      <translation>SHA-256 hash of the copy sent to the server</translation>
    </message>
  </context>
  <context>
    <name>updates</name>
    <message>
      <source>Bản cập nhật bị từ chối: tệp chữ ký không đọc được.</source>
      <translation>Update refused: its signature file cannot be read.</translation>
    </message>
    <message>
      <source>Bản cập nhật bị từ chối: nó được ký bằng khóa «{key}» mà phần mềm này không tin cậy. Chỉ cài bản do nhóm phát triển phát hành.</source>
      <translation>Update refused: it is signed with the key «{key}», which this software does not trust. Install only updates released by the development team.</translation>
    </message>
    <message>
      <source>Bản cập nhật bị từ chối: chữ ký không khớp với nội dung, có thể bản này đã bị sửa hoặc chép hỏng. Hãy lấy lại bản cập nhật.</source>
      <translation>Update refused: the signature does not match the contents; the update may have been altered or copied badly. Get the update again.</translation>
    </message>
    <message>
      <source>Bản cập nhật bị từ chối: bản kê các tệp không hợp lệ.</source>
      <translation>Update refused: its list of files is not valid.</translation>
    </message>
    <message>
      <source>Bản cập nhật {version} bị từ chối: bản này dành cho {other}, không phải cho máy này ({platform}).</source>
      <translation>Update {version} refused: it is for {other}, not for this computer ({platform}).</translation>
    </message>
    <message>
      <source>Bản cập nhật {version} bị từ chối: không rõ phiên bản đang cài ({installed}). Hãy cài lại phần mềm từ bộ cài đặt.</source>
      <translation>Update {version} refused: the installed version is unknown ({installed}). Reinstall the software from its installer.</translation>
    </message>
    <message>
      <source>Bản cập nhật {version} bị từ chối: máy đang chạy phiên bản {installed}, không cài lại bản cũ hơn hay cùng phiên bản.</source>
      <translation>Update {version} refused: this computer runs version {installed}; an older or the same version is not installed.</translation>
    </message>
    <message>
      <source>Bản cập nhật {version} chỉ cài được lên phiên bản {minimum} trở lên; máy đang chạy {installed}. Hãy cài bản {minimum} trước, hoặc dùng bộ cài đặt đầy đủ.</source>
      <translation>Update {version} installs only over version {minimum} or later; this computer runs {installed}. Install version {minimum} first, or use the full installer.</translation>
    </message>
  </context>
</TS>
