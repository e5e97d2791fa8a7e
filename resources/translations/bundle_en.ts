<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>bundle</name>
    <message>
      <source>Gói đồng bộ bị hỏng hoặc đã bị sửa (nội dung không khớp với bản kê): gói bị từ chối toàn bộ, không có gì được ghi. Hãy chép lại gói từ máy đã làm ra nó.</source>
      <translation>The sync bundle is damaged or was altered (its contents do not match its manifest): the whole bundle was refused and nothing was written. Copy the bundle again from the computer that made it.</translation>
    </message>
    <message>
      <source>Gói được làm bằng phiên bản mới hơn của ứng dụng (định dạng {version}): hãy cập nhật ứng dụng rồi nhập lại.</source>
      <translation>The bundle was made by a newer version of the application (format {version}): update the application, then import it again.</translation>
    </message>
    <message>
      <source>Gói này được mã hóa: hãy nhập mật khẩu của gói (người làm gói đã đặt).</source>
      <translation>This bundle is encrypted: enter the bundle passphrase (set by whoever made the bundle).</translation>
    </message>
    <message>
      <source>Tệp này không phải là gói đồng bộ (.dvbundle) hoặc đã bị hỏng khi chép: hãy chép lại gói từ máy đã làm ra nó.</source>
      <translation>This file is not a sync bundle (.dvbundle), or it was damaged while copying: copy the bundle again from the computer that made it.</translation>
    </message>
    <message>
      <source>Chữ ký của gói không khớp với khóa của nơi gửi: gói đã bị sửa hoặc không do máy này làm ra. Gói bị từ chối toàn bộ; hãy xin làm lại gói.</source>
      <translation>The bundle's signature does not match its sender's key: the bundle was altered or was not made by that computer. The whole bundle was refused; ask for a new bundle.</translation>
    </message>
    <message>
      <source>Mật khẩu của gói không đúng: hãy nhập lại đúng mật khẩu đã đặt.</source>
      <translation>The bundle passphrase is wrong: enter the passphrase that was set.</translation>
    </message>
    <message>
      <source>Máy chủ trả lời không có khóa ký hợp lệ.</source>
      <translation>The server answered without a valid signing key.</translation>
    </message>
    <message>
      <source>Máy chưa đăng ký với máy chủ của thành phố nên chưa làm được gói đồng bộ: hãy đăng ký máy ở trang Đồng bộ một lần, ở nơi có mạng (ví dụ tại xã).</source>
      <translation>This computer is not enrolled with the city's server, so it cannot make a sync bundle yet: enrol it once on the Sync page, where there is a connection (for example at the commune office).</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố chưa có khóa ký của máy này: hãy đồng bộ qua mạng một lần (khóa được gửi tự động), sau đó gói USB mới dùng được.</source>
      <translation>The city's server does not have this computer's signing key yet: sync over the network once (the key is sent automatically); USB bundles work after that.</translation>
    </message>
    <message>
      <source>Đây là gói gửi lên máy chủ, không phải gói trả lời: hãy mang nó đến máy chủ của thành phố (lệnh danvan-server import-bundle).</source>
      <translation>This is a bundle for the server, not a reply: take it to the city's server (command danvan-server import-bundle).</translation>
    </message>
    <message>
      <source>Gói trả lời này dành cho một máy khác: hãy nhập gói mang đúng tên máy này.</source>
      <translation>This reply bundle is for another computer: import the reply that carries this computer's name.</translation>
    </message>
    <message>
      <source>Máy chưa có khóa của máy chủ của thành phố để kiểm tra gói: hãy đồng bộ qua mạng một lần rồi nhập lại gói.</source>
      <translation>This computer does not have the city's server's key to check the bundle yet: sync over the network once, then import the bundle again.</translation>
    </message>
    <message>
      <source>Gói trả lời đến từ một máy chủ khác (hoặc máy chủ đã được cài lại): hãy đồng bộ qua mạng hoặc xin gói mới.</source>
      <translation>The reply bundle comes from a different server (or the server was reinstalled): sync over the network or ask for a new bundle.</translation>
    </message>
    <message>
      <source>Gói trả lời thiếu phần kết quả: hãy xin máy chủ làm lại gói.</source>
      <translation>The reply bundle lacks its results: ask the server for a new bundle.</translation>
    </message>
    <message>
      <source>Gói trả lời có bản ghi hỏng: hãy xin máy chủ làm lại gói.</source>
      <translation>The reply bundle has a damaged record: ask the server for a new bundle.</translation>
    </message>
    <message>
      <source>Không đọc được tệp {name}: {reason}. Hãy cắm lại USB rồi thử lại.</source>
      <translation>Cannot read the file {name}: {reason}. Plug the USB stick in again and retry.</translation>
    </message>
    <message>
      <source>Không thấy tệp {name}: hãy chọn lại tệp gói trả lời.</source>
      <translation>The file {name} was not found: choose the reply bundle again.</translation>
    </message>
    <message>
      <source>Tệp quá lớn để là một gói trả lời.</source>
      <translation>The file is too large to be a reply bundle.</translation>
    </message>
    <message>
      <source>Đây là gói trả lời cho máy trạm, không phải gói gửi lên máy chủ.</source>
      <translation>This is a reply bundle for a laptop, not a bundle for the server.</translation>
    </message>
    <message>
      <source>Gói đến từ một máy chưa đăng ký với máy chủ này ({device}): hãy cấp mã đăng ký cho máy đó trước.</source>
      <translation>The bundle comes from a device not enrolled with this server ({device}): give that device an enrolment code first.</translation>
    </message>
    <message>
      <source>Máy làm gói ({device}) đã bị thu hồi quyền đồng bộ từ {when}: gói bị từ chối.</source>
      <translation>The device that made the bundle ({device}) was revoked on {when}: the bundle is refused.</translation>
    </message>
    <message>
      <source>Máy làm gói ({device}) chưa gửi khóa ký lên máy chủ: máy cần đồng bộ qua mạng một lần trước khi dùng gói USB.</source>
      <translation>The device that made the bundle ({device}) has not sent its signing key to the server: it must sync over the network once before using USB bundles.</translation>
    </message>
    <message>
      <source>Gói được làm cho một máy chủ khác (hoặc trước khi máy chủ này được cài lại): máy trạm cần đồng bộ qua mạng để làm lại gói.</source>
      <translation>The bundle was made for a different server (or before this server was reinstalled): the laptop must sync over the network to make a new bundle.</translation>
    </message>
    <message>
      <source>Không có máy nào mang mã {device} trên máy chủ này.</source>
      <translation>No device with the id {device} is known to this server.</translation>
    </message>
    <message>
      <source>{count} bản ghi chưa được cập nhật theo gói này vì máy đã gửi thay đổi của chúng mà chưa nhận được xác nhận; lần đồng bộ hoặc gói trả lời sau sẽ cập nhật.</source>
      <translation>{count} records were not updated from this reply: this laptop sent changes to them and their answer has not come back yet; the next sync or reply bundle will update them.</translation>
    </message>
    <message>
      <source>dữ liệu JSON trong {member} (byte)</source>
      <translation>the JSON data in {member} (bytes)</translation>
    </message>
    <message>
      <source>Tệp ZIP của gói có cấu trúc không an toàn (thành phần bị nén hoặc mã hóa, tên trùng nhau, hoặc khai báo nhiều byte hơn chính tệp): gói bị từ chối toàn bộ mà không giải nén gì. Hãy chép lại gói từ máy đã làm ra nó.</source>
      <translation>The bundle's ZIP archive is unsafe (a compressed or encrypted member, a name used twice, or more bytes declared than the file holds): the whole bundle was refused without unpacking anything. Copy the bundle again from the computer that made it.</translation>
    </message>
    <message>
      <source>Gói đồng bộ vượt giới hạn an toàn: {what} vượt quá {limit}. Gói bị từ chối toàn bộ, không có gì được ghi; hãy xin làm lại gói.</source>
      <translation>The sync bundle exceeds a safety limit: {what} is over {limit}. The whole bundle was refused and nothing was written; ask for a new bundle.</translation>
    </message>
    <message>
      <source>Thành phần {member} của gói lớn hơn kích thước mà bản kê khai báo ({size} byte): gói bị từ chối toàn bộ, không có gì được ghi. Hãy chép lại gói từ máy đã làm ra nó.</source>
      <translation>The bundle member {member} is larger than the size its manifest declares ({size} bytes): the whole bundle was refused and nothing was written. Copy the bundle again from the computer that made it.</translation>
    </message>
    <message>
      <source>số thành phần của gói</source>
      <translation>the number of the bundle's members</translation>
    </message>
    <message>
      <source>kích thước tệp gói (byte)</source>
      <translation>the size of the bundle file (bytes)</translation>
    </message>
    <message>
      <source>kích thước bản kê manifest.json (byte)</source>
      <translation>the size of the manifest, manifest.json (bytes)</translation>
    </message>
    <message>
      <source>kích thước chữ ký manifest.sig (byte)</source>
      <translation>the size of the signature, manifest.sig (bytes)</translation>
    </message>
    <message>
      <source>kích thước danh mục ZIP (byte)</source>
      <translation>the size of the ZIP directory (bytes)</translation>
    </message>
    <message>
      <source>Bản kê của gói trả lời thiếu mã máy chủ (epoch) nên không biết gói đến từ máy chủ nào: gói bị từ chối; hãy xin máy chủ của thành phố làm lại gói.</source>
      <translation>The reply bundle's manifest has no server code (epoch), so there is no telling which server it came from: the bundle was refused; ask the city's server for a new reply.</translation>
    </message>
    <message>
      <source>Bản kê của gói thiếu mã máy chủ (epoch) nên không biết gói được làm cho máy chủ nào: gói bị từ chối. Máy trạm cần đồng bộ qua mạng một lần rồi làm lại gói.</source>
      <translation>The bundle's manifest has no server code (epoch), so there is no telling which server it was made for: the bundle was refused. The laptop needs to sync online once, then make the bundle again.</translation>
    </message>
    <message>
      <source>Máy chủ chưa nhập gói {bundle} của máy {device}: hãy nhập gói đó trước rồi mới làm gói trả lời cho nó.</source>
      <translation>The server has not imported bundle {bundle} of device {device}: import that bundle first, then make its reply.</translation>
    </message>
    <message>
      <source>Máy đã nhập vào tổ dân vận có sẵn của thôn/tổ trên máy chủ của thành phố: thành viên và cuộc họp nhập trên máy này đã chuyển sang tổ đó và sẽ được gửi lại trong gói đồng bộ hoặc lần đồng bộ sau; tổ trưởng và quy chế là của tổ có sẵn.</source>
      <translation>This computer has joined the village's team that the city's server already holds: the members and meetings entered here have moved onto that team and will be sent again in the next sync bundle or sync; the leader and the regulation are that team's.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Đã ghi gói {path}: {operations} thay đổi, {files} tệp đính kèm.</source>
      <translation>Wrote the bundle {path}: {operations} changes, {files} attachments.</translation>
    </message>
    <message>
      <source>Đã nhập gói trả lời: máy chủ xác nhận {settled} thay đổi, từ chối {rejected}; nhận {changes} bản ghi mới.</source>
      <translation>Imported the reply bundle: the server confirmed {settled} changes and refused {rejected}; {changes} new records received.</translation>
    </message>
    <message>
      <source>gói đồng bộ qua USB khi không có mạng</source>
      <translation>sync bundles on a USB stick when there is no network</translation>
    </message>
    <message>
      <source>ghi gói các thay đổi chưa gửi ra USB</source>
      <translation>write the changes not yet sent to a bundle on a USB stick</translation>
    </message>
    <message>
      <source>tệp chứa mật khẩu của gói</source>
      <translation>file holding the bundle passphrase</translation>
    </message>
    <message>
      <source>nhập gói trả lời của máy chủ của thành phố</source>
      <translation>import the city's server's reply bundle</translation>
    </message>
    <message>
      <source>Không đọc được tệp mật khẩu {path}: {reason}</source>
      <translation>Cannot read the passphrase file {path}: {reason}</translation>
    </message>
  </context>
</TS>
