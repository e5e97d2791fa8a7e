<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>ReleaseStaging</name>
    <message>
      <source>Bản cập nhật chưa đủ tệp: thiếu {path}. Bản cập nhật chưa được cài; hãy chờ tải xong hoặc chép lại cả thư mục bản cập nhật.</source>
      <translation>The update is missing a file: {path}. It was not installed; wait for the download to finish or copy the whole update folder again.</translation>
    </message>
    <message>
      <source>Tệp {path} của bản cập nhật có kích thước sai ({size} thay vì {expected} byte) nên đã bị bỏ; bản cập nhật chưa được cài.</source>
      <translation>The update's file {path} has the wrong size ({size} instead of {expected} bytes) and was discarded; the update was not installed.</translation>
    </message>
    <message>
      <source>Tệp {path} của bản cập nhật không khớp mã kiểm tra trong bản kê đã ký (có thể đã bị sửa hoặc hỏng) nên đã bị bỏ; bản cập nhật chưa được cài.</source>
      <translation>The update's file {path} does not match the checksum in the signed manifest (it may have been altered or damaged) and was discarded; the update was not installed.</translation>
    </message>
    <message>
      <source>Tệp {path} của bản cập nhật bị cắt cụt ({size} trên {expected} byte) nên đã bị bỏ; bản cập nhật chưa được cài. Hãy tải lại hoặc chép lại tệp này.</source>
      <translation>The update's file {path} is cut short ({size} of {expected} bytes) and was discarded; the update was not installed. Download or copy this file again.</translation>
    </message>
    <message>
      <source>Bản cập nhật {folder} trên USB chưa được chép đủ: tệp {path} bị thiếu hoặc chưa chép xong. Chưa có gì được cài; hãy chép lại cả thư mục bản cập nhật vào USB.</source>
      <translation>The update {folder} on the USB stick was not copied completely: the file {path} is missing or only partly copied. Nothing was installed; copy the whole update folder onto the stick again.</translation>
    </message>
    <message>
      <source>Thư mục {folder} trên USB không phải một bản cập nhật đầy đủ (thiếu bản kê hoặc chữ ký): hãy chép lại cả thư mục bản cập nhật vào USB.</source>
      <translation>The folder {folder} on the USB stick is not a complete update (its manifest or signature is missing): copy the whole update folder onto the stick again.</translation>
    </message>
  </context>
  <context>
    <name>ReleaseLane</name>
    <message>
      <source>Bản cập nhật {version} đã bị rút lại nên sẽ không được cài; bản đã tải về được xóa khỏi máy.</source>
      <translation>Update {version} was withdrawn and will not be installed; the downloaded copy was removed from this computer.</translation>
    </message>
  </context>
  <context>
    <name>SessionUpdates</name>
    <message>
      <source>Chưa có bản cập nhật nào sẵn sàng để cài: hãy đồng bộ với máy chủ của thành phố hoặc tìm bản cập nhật trên USB.</source>
      <translation>No update is ready to install yet: sync with the city's server or look for an update on a USB stick.</translation>
    </message>
    <message>
      <source>Bản đang chạy không phải bản cài đặt (chạy từ mã nguồn) nên không cài được bản cập nhật.</source>
      <translation>This copy is not an installed program (it runs from source), so updates cannot be installed.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>bản cập nhật của phần mềm</source>
      <translation>updates of this program</translation>
    </message>
    <message>
      <source>bản đang chạy và bản cập nhật đã sẵn sàng</source>
      <translation>the running version and an update ready to install</translation>
    </message>
    <message>
      <source>cài bản cập nhật ở lần mở sau</source>
      <translation>install the ready update at the next start</translation>
    </message>
    <message>
      <source>lấy bản cập nhật từ USB</source>
      <translation>take an update from a USB stick</translation>
    </message>
    <message>
      <source>thư mục bản cập nhật trên USB</source>
      <translation>the update's folder on the USB stick</translation>
    </message>
    <message>
      <source>Bản đang chạy: {version}</source>
      <translation>Running version: {version}</translation>
    </message>
    <message>
      <source>Chưa có bản cập nhật nào sẵn sàng để cài.</source>
      <translation>No update is ready to install.</translation>
    </message>
    <message>
      <source>Bản cập nhật sẵn sàng: {version}</source>
      <translation>Update ready: {version}</translation>
    </message>
    <message>
      <source>Bản {version} sẽ được cài ở lần mở phần mềm sau (dữ liệu được sao lưu trước).</source>
      <translation>Version {version} will be installed the next time the program starts (the data is backed up first).</translation>
    </message>
    <message>
      <source>Không thấy bản cập nhật nào trên USB (thư mục {folder}).</source>
      <translation>No update found on the USB stick (folder {folder}).</translation>
    </message>
    <message>
      <source>Đã kiểm tra và chuẩn bị bản {version}; cài bằng «danvan upgrade install».</source>
      <translation>Version {version} was checked and made ready; install it with «danvan upgrade install».</translation>
    </message>
  </context>
</TS>
