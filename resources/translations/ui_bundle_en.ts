<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>BundleDialog</name>
    <message>
      <source>Dừng</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>Đóng</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Chọn USB hoặc thư mục để ghi gói</source>
      <translation>Choose the USB stick or folder to write the bundle to</translation>
    </message>
    <message>
      <source>Chọn gói trả lời</source>
      <translation>Choose the reply bundle</translation>
    </message>
    <message>
      <source>Gói đồng bộ (*.dvbundle)</source>
      <translation>Sync bundles (*.dvbundle)</translation>
    </message>
    <message>
      <source>Đang chuẩn bị gói…</source>
      <translation>Preparing the bundle…</translation>
    </message>
    <message>
      <source>Đang kiểm tra và nhập gói…</source>
      <translation>Checking and importing the bundle…</translation>
    </message>
    <message>
      <source>Ghi gói đồng bộ ra USB</source>
      <translation>Write a sync bundle to USB</translation>
    </message>
    <message>
      <source>Khi không có mạng, hãy ghi các thay đổi chưa gửi vào một gói trên USB và mang đến xã để nhập vào máy chủ của thành phố. Gói được ký bằng khóa của máy này; nếu đặt mật khẩu, nội dung gói được mã hóa và ở xã cần nhập đúng mật khẩu.</source>
      <translation>When there is no network, write the changes not yet sent into a bundle on a USB stick and take it to the commune office to be imported into the city's server. The bundle is signed with this computer's key; if you set a passphrase, its contents are encrypted and the same passphrase is needed at the commune.</translation>
    </message>
    <message>
      <source>Mật khẩu (không bắt buộc):</source>
      <translation>Passphrase (optional):</translation>
    </message>
    <message>
      <source>Nhập lại mật khẩu:</source>
      <translation>Repeat the passphrase:</translation>
    </message>
    <message>
      <source>Ghi gói</source>
      <translation>Write bundle</translation>
    </message>
    <message>
      <source>Nhập gói trả lời từ USB</source>
      <translation>Import a reply bundle from USB</translation>
    </message>
    <message>
      <source>Chọn gói trả lời (tệp .dvbundle) mà máy chủ của thành phố làm cho máy này. Gói mang kết quả của các thay đổi đã gửi và dữ liệu mới của tổ.</source>
      <translation>Choose the reply bundle (.dvbundle file) the city's server made for this computer. It carries the results of the changes sent and the team's new data.</translation>
    </message>
    <message>
      <source>Chọn tệp…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>Gói trả lời:</source>
      <translation>Reply bundle:</translation>
    </message>
    <message>
      <source>Mật khẩu (nếu có):</source>
      <translation>Passphrase (if any):</translation>
    </message>
    <message>
      <source>Nhập gói</source>
      <translation>Import bundle</translation>
    </message>
    <message>
      <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.</source>
      <translation>The two passphrases differ: type them again.</translation>
    </message>
    <message>
      <source>Đang dừng…</source>
      <translation>Stopping…</translation>
    </message>
    <message>
      <source>Đã ghi gói {name}: {operations} thay đổi, {files} tệp đính kèm.</source>
      <translation>Wrote the bundle {name}: {operations} changes, {files} attachments.</translation>
    </message>
    <message>
      <source>Đã nhập gói trả lời: máy chủ xác nhận {settled} thay đổi, từ chối {rejected}; nhận {changes} bản ghi mới.</source>
      <translation>Imported the reply bundle: the server confirmed {settled} changes and refused {rejected}; {changes} new records received.</translation>
    </message>
    <message>
      <source>Đã dừng: không có gì được ghi ra USB.</source>
      <translation>Stopped: nothing was written to the USB stick.</translation>
    </message>
    <message>
      <source>Đang ghi gói…</source>
      <translation>Writing the bundle…</translation>
    </message>
    <message>
      <source>An toàn để rút USB.</source>
      <translation>The USB stick can be removed safely.</translation>
    </message>
    <message>
      <source>Dữ liệu có thể chưa xuống hết USB: hãy dùng «Gỡ USB an toàn» của máy trước khi rút.</source>
      <translation>The data may not all be on the stick yet: use the computer's «Safely remove» before pulling it out.</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Ghi gói ra USB…</source>
      <translation>Write bundle to USB…</translation>
    </message>
    <message>
      <source>Nhập gói trả lời…</source>
      <translation>Import reply bundle…</translation>
    </message>
    <message>
      <source>Không có mạng?</source>
      <translation>No network?</translation>
    </message>
  </context>
</TS>
