<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ConflictsView</name>
    <message>
      <source>(trống)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>Không có xung đột nào cần xem lại.</source>
      <translation>There are no conflicts to review.</translation>
    </message>
    <message>
      <source>Giữ giá trị hiện tại</source>
      <translation>Keep the current value</translation>
    </message>
    <message>
      <source>Dùng giá trị bị thay</source>
      <translation>Use the replaced value</translation>
    </message>
    <message>
      <source>«{field}» của «{record}» đã được sửa trên hai máy. Máy chủ giữ giá trị gửi sau; giá trị kia được lưu lại ở đây. Phần tô màu là chỗ hai bản khác nhau.</source>
      <translation>“{field}” of “{record}” was changed on two computers. The server kept the value sent last; the other one is kept here. The highlighted parts are where the two differ.</translation>
    </message>
    <message>
      <source>Giá trị hiện tại (đang dùng ở mọi máy)</source>
      <translation>Current value (in use on every computer)</translation>
    </message>
    <message>
      <source>Giá trị bị thay</source>
      <translation>Replaced value</translation>
    </message>
    <message>
      <source>Hồ sơ</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Mục</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Giá trị hiện tại</source>
      <translation>Current value</translation>
    </message>
  </context>
  <context>
    <name>StatusBar</name>
    <message>
      <source>Đồng bộ lần cuối: {when} qua USB</source>
      <translation>Last sync: {when} by USB</translation>
    </message>
    <message>
      <source>Đang đồng bộ…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>Mất kết nối máy chủ</source>
      <translation>Lost the connection to the server</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Chưa kết nối máy chủ</source>
      <translation>Not connected to the server</translation>
    </message>
    <message>
      <source>{when} qua USB</source>
      <translation>{when} by USB</translation>
    </message>
    <message>
      <source>Lưu địa chỉ</source>
      <translation>Save address</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ phải bắt đầu bằng https:// ; hãy sửa lại.</source>
      <translation>The server address must start with https:// ; correct it.</translation>
    </message>
    <message>
      <source>Đồng bộ xong: gửi {pushed} thay đổi, máy chủ đã có sẵn {duplicates}, nhận {pulled}, {conflicts} xung đột, {rejected} bị từ chối; {sent} byte đi, {received} byte về.</source>
      <translation>Sync finished: {pushed} changes sent, {duplicates} already on the server, {pulled} received, {conflicts} conflicts, {rejected} refused; {sent} bytes out, {received} bytes in.</translation>
    </message>
    <message>
      <source>Lần đồng bộ gần nhất ({when}) chưa xong: {error}</source>
      <translation>The last sync ({when}) did not finish: {error}</translation>
    </message>
    <message>
      <source>Lần đồng bộ gần nhất ({when}) thành công: {count} thay đổi.</source>
      <translation>The last sync ({when}) succeeded: {count} changes.</translation>
    </message>
    <message>
      <source>Nhật ký đồng bộ</source>
      <translation>Sync log</translation>
    </message>
    <message>
      <source>Đồng bộ với máy chủ</source>
      <translation>Sync with the server</translation>
    </message>
    <message>
      <source>Đồng bộ ngay</source>
      <translation>Sync now</translation>
    </message>
    <message>
      <source>Dừng</source>
      <translation>Stop</translation>
    </message>
    <message>
      <source>Xuất nhật ký ra tệp…</source>
      <translation>Export the log to a file…</translation>
    </message>
    <message>
      <source>Xung đột ({count})</source>
      <translation>Conflicts ({count})</translation>
    </message>
    <message>
      <source>Thay đổi bị từ chối ({count})</source>
      <translation>Refused changes ({count})</translation>
    </message>
    <message>
      <source>Bản ghi không nhận được ({count})</source>
      <translation>Records not taken in ({count})</translation>
    </message>
    <message>
      <source>Máy này không lưu được các bản ghi dưới đây từ máy chủ của thành phố (giá trị không hợp lệ); các bản ghi khác vẫn đồng bộ bình thường. Hãy báo cán bộ quản trị máy chủ mã hồ sơ và lý do; khi máy chủ sửa xong, lần đồng bộ sau sẽ tự nhận bản đã sửa.</source>
      <translation>This computer could not store the records below from the city's server (invalid values); all other records sync as usual. Tell the server's administrator the record ids and the reasons; once the server has repaired them, the next sync takes in the repaired versions by itself.</translation>
    </message>
    <message>
      <source>Chưa kiểm tra kết nối</source>
      <translation>Connection not checked yet</translation>
    </message>
    <message>
      <source>chưa đồng bộ</source>
      <translation>never</translation>
    </message>
    <message>
      <source>{connection}. Thay đổi chờ gửi: {pending}. Đồng bộ lần cuối: {last}.</source>
      <translation>{connection}. Changes waiting to be sent: {pending}. Last sync: {last}.</translation>
    </message>
    <message>
      <source>Phiên bản ứng dụng này đã cũ, máy chủ của thành phố không nhận dữ liệu từ nó nữa: hãy cập nhật ứng dụng. Trong lúc chờ, mọi thay đổi vẫn được giữ trên máy và xếp hàng chờ gửi ({pending} thay đổi).</source>
      <translation>This version of the app is too old: the city's server no longer accepts its data. Please update the app. Until then every change is kept on this computer and waits in the queue ({pending} changes).</translation>
    </message>
    <message>
      <source>Đang kết nối máy chủ của thành phố…</source>
      <translation>Connecting to the city's server…</translation>
    </message>
    <message>
      <source>Đang gửi thay đổi lên máy chủ: {done}/{total}</source>
      <translation>Sending changes to the server: {done}/{total}</translation>
    </message>
    <message>
      <source>Đang nhận dữ liệu từ máy chủ…</source>
      <translation>Receiving data from the server…</translation>
    </message>
    <message>
      <source>Đã đăng ký. Đang nhận toàn bộ dữ liệu của tổ từ máy chủ…</source>
      <translation>Enrolled. Receiving all of the team's data from the server…</translation>
    </message>
    <message>
      <source>Xuất nhật ký đồng bộ</source>
      <translation>Export the sync log</translation>
    </message>
    <message>
      <source>Bảng CSV (*.csv)</source>
      <translation>CSV table (*.csv)</translation>
    </message>
    <message>
      <source>Chưa giải quyết được xung đột: {error}</source>
      <translation>The conflict could not be resolved: {error}</translation>
    </message>
    <message>
      <source>Đã kết nối máy chủ</source>
      <translation>Connected to the server</translation>
    </message>
    <message>
      <source>Lần đồng bộ trước chưa xong: {error}</source>
      <translation>The last sync did not finish: {error}</translation>
    </message>
    <message>
      <source>Mất kết nối máy chủ; tự thử lại sau {seconds} giây</source>
      <translation>Lost the connection to the server; trying again in {seconds} seconds</translation>
    </message>
    <message>
      <source>Mất kết nối máy chủ</source>
      <translation>Lost the connection to the server</translation>
    </message>
    <message>
      <source>Đã dừng đồng bộ theo yêu cầu.</source>
      <translation>Sync stopped as you asked.</translation>
    </message>
    <message>
      <source>Chưa đồng bộ được.</source>
      <translation>Sync did not succeed.</translation>
    </message>
    <message>
      <source>Đã xuất nhật ký ra {path}</source>
      <translation>The log was exported to {path}</translation>
    </message>
    <message>
      <source>Không xuất được nhật ký: {error}</source>
      <translation>The log could not be exported: {error}</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố</source>
      <translation>City server</translation>
    </message>
    <message>
      <source>Chứng chỉ của hệ thống</source>
      <translation>System certificates</translation>
    </message>
    <message>
      <source>Chọn tệp…</source>
      <translation>Choose file…</translation>
    </message>
    <message>
      <source>Bỏ</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Mã do cán bộ quản trị máy chủ cấp</source>
      <translation>Code from the server administrator</translation>
    </message>
    <message>
      <source>Địa chỉ máy chủ</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>Chứng chỉ (CA) của thành phố</source>
      <translation>City's certificate authority (CA)</translation>
    </message>
    <message>
      <source>Mã đăng ký</source>
      <translation>Enrolment code</translation>
    </message>
    <message>
      <source>Chưa đăng ký được: {error}</source>
      <translation>Enrolment failed: {error}</translation>
    </message>
    <message>
      <source>Chọn tệp chứng chỉ (CA) của thành phố</source>
      <translation>Choose the city's certificate authority (CA) file</translation>
    </message>
    <message>
      <source>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
      <source>Đăng ký lại</source>
      <translation>Enrol again</translation>
    </message>
    <message>
      <source>Máy này đã đăng ký với máy chủ {server}. Chỉ đăng ký lại khi thay máy hoặc cài lại: cần mã mới, rồi máy nhận lại toàn bộ dữ liệu của tổ.</source>
      <translation>This computer is enrolled with the server {server}. Enrol again only for a replacement or reinstalled computer: it needs a new code, and then receives all of the team's data again.</translation>
    </message>
    <message>
      <source>Đăng ký máy này</source>
      <translation>Enrol this computer</translation>
    </message>
    <message>
      <source>Máy này chưa đăng ký với máy chủ của thành phố. Nhập địa chỉ máy chủ và mã đăng ký do cán bộ quản trị cung cấp; máy thay thế sẽ nhận toàn bộ dữ liệu của tổ.</source>
      <translation>This computer is not enrolled with the city's server yet. Enter the server address and the enrolment code from the administrator; a replacement computer receives all of the team's data.</translation>
    </message>
    <message>
      <source>Đang đăng ký với máy chủ của thành phố…</source>
      <translation>Enrolling with the city's server…</translation>
    </message>
    <message>
      <source>Hãy nhập địa chỉ máy chủ, ví dụ https://danvan.hue.gov.vn.</source>
      <translation>Enter the server address, for example https://danvan.hue.gov.vn.</translation>
    </message>
    <message>
      <source>Hãy nhập mã đăng ký do cán bộ quản trị máy chủ cấp.</source>
      <translation>Enter the enrolment code from the server administrator.</translation>
    </message>
    <message>
      <source>Bắt đầu (UTC)</source>
      <translation>Started (UTC)</translation>
    </message>
    <message>
      <source>Kết thúc (UTC)</source>
      <translation>Finished (UTC)</translation>
    </message>
    <message>
      <source>Gửi (byte)</source>
      <translation>Sent (bytes)</translation>
    </message>
    <message>
      <source>Nhận (byte)</source>
      <translation>Received (bytes)</translation>
    </message>
    <message>
      <source>Số thay đổi</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Lỗi</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>Xung đột</source>
      <translation>Conflict</translation>
    </message>
    <message>
      <source>Thời gian</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Loại hồ sơ</source>
      <translation>Record type</translation>
    </message>
    <message>
      <source>Hồ sơ</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Thành công</source>
      <translation>Succeeded</translation>
    </message>
  </context>
</TS>
