<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>UpdateSwitch</name>
    <message>
      <source>chữ ký của bản đã tải về không còn khớp với khóa phát hành mà máy này tin cậy (có thể bản này đã bị sửa); hãy tải lại từ máy chủ của thành phố hoặc từ USB</source>
      <translation>the downloaded version's signature no longer matches a release key this laptop trusts (it may have been altered); download it again from the city's server or a USB stick</translation>
    </message>
    <message>
      <source>chương trình này không được cài bằng install.sh nên không tự cập nhật được; hãy cài bản mới bằng gói cài đặt</source>
      <translation>this program was not installed with install.sh, so it cannot update itself; install the new version from its package</translation>
    </message>
    <message>
      <source>bản mới không qua bước tự kiểm tra ({detail})</source>
      <translation>the new version failed its self-test ({detail})</translation>
    </message>
    <message>
      <source>Chưa cài được bản {version}: {reason}. Bản {old} vẫn được dùng, dữ liệu của tổ không thay đổi.</source>
      <translation>Version {version} was not installed: {reason}. Version {old} is still in use; the team's data is unchanged.</translation>
    </message>
    <message>
      <source>bản này dành cho máy {other}, không phải máy này</source>
      <translation>this release is for {other} computers, not this one</translation>
    </message>
    <message>
      <source>bản {version} không mới hơn bản đang chạy {running}</source>
      <translation>version {version} is not newer than the running {running}</translation>
    </message>
    <message>
      <source>bản đã tải về không khớp với yêu cầu cài đặt; hãy tải lại</source>
      <translation>the downloaded release does not match the install request; download it again</translation>
    </message>
    <message>
      <source>Đã cập nhật Dân vận khéo lên bản {version}. Dữ liệu của tổ đã được sao lưu trước khi cập nhật.</source>
      <translation>Dân vận khéo was updated to version {version}. The team's data was backed up before the update.</translation>
    </message>
    <message>
      <source>bước tự kiểm tra không xong sau {minutes} phút</source>
      <translation>the self-test did not finish within {minutes} minutes</translation>
    </message>
    <message>
      <source>không chạy được bản mới ({error})</source>
      <translation>the new version could not be started ({error})</translation>
    </message>
    <message>
      <source>yêu cầu cài đặt không ghi phiên bản hợp lệ</source>
      <translation>the install request names no valid version</translation>
    </message>
    <message>
      <source>bản đã tải về không đủ hoặc không đúng ({error}); hãy tải lại</source>
      <translation>the downloaded release is incomplete or wrong ({error}); download it again</translation>
    </message>
    <message>
      <source>việc cài đặt bị ngắt {count} lần</source>
      <translation>the installation was interrupted {count} times</translation>
    </message>
    <message>
      <source>lỗi khi cài đặt ({error})</source>
      <translation>error while installing ({error})</translation>
    </message>
    <message>
      <source>bản cho Windows này thiếu chương trình cài đặt {name}</source>
      <translation>this Windows release lacks its setup program {name}</translation>
    </message>
    <message>
      <source>chương trình cài đặt không xong (xem {log})</source>
      <translation>the setup program did not finish (see {log})</translation>
    </message>
  </context>
</TS>
