<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>UpdateBox</name>
    <message>
      <source>Cập nhật</source>
      <translation>Updates</translation>
    </message>
    <message>
      <source>Đang kiểm tra bản cập nhật…</source>
      <translation>Checking for updates…</translation>
    </message>
    <message>
      <source>Cài khi mở lại</source>
      <translation>Install at next start</translation>
    </message>
    <message>
      <source>Cài ngay</source>
      <translation>Install now</translation>
    </message>
    <message>
      <source>Tìm bản cập nhật trên USB</source>
      <translation>Find an update on a USB stick</translation>
    </message>
    <message>
      <source>Phiên bản {version} đã tải về và kiểm tra xong ({size} MB), sẵn sàng để cài. Dữ liệu được sao lưu trước khi cài.</source>
      <translation>Version {version} has been downloaded and checked ({size} MB) and is ready to install. Your data is backed up before installing.</translation>
    </message>
    <message>
      <source>Có gì mới: {notes}</source>
      <translation>What's new: {notes}</translation>
    </message>
    <message>
      <source>Đang tìm và kiểm tra bản cập nhật trên USB…</source>
      <translation>Looking for and checking an update on the USB stick…</translation>
    </message>
    <message>
      <source>Đã lấy bản {version} từ USB và kiểm tra xong.</source>
      <translation>Version {version} was taken from the USB stick and checked.</translation>
    </message>
    <message>
      <source>Chưa có bản cập nhật mới. Ứng dụng tự tìm bản mới mỗi lần đồng bộ với máy chủ của thành phố; không có mạng thì tìm trên USB.</source>
      <translation>No new update. The app looks for one each time it syncs with the city's server; without a network, look on a USB stick.</translation>
    </message>
    <message>
      <source>Bản {version} sẽ được cài ngay khi ứng dụng mở lại: hãy đóng rồi mở lại ứng dụng.</source>
      <translation>Version {version} will be installed as soon as the app starts again: close and reopen the app.</translation>
    </message>
    <message>
      <source>Bản {version} sẽ được cài vào lần mở ứng dụng tới.</source>
      <translation>Version {version} will be installed the next time the app starts.</translation>
    </message>
    <message>
      <source>Không thấy bản cập nhật nào trên USB: hãy cắm USB có thư mục danvan-releases do thành phố chép vào, rồi bấm lại.</source>
      <translation>No update found on a USB stick: plug in the stick holding the danvan-releases folder the city copied, then press again.</translation>
    </message>
  </context>
  <context>
    <name>StatusBar</name>
    <message>
      <source>Có phiên bản mới {version}: cài ở trang Cài đặt.</source>
      <translation>New version {version} is ready: install it on the Settings page.</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Bản cập nhật {version} đã tải về: cài ở trang Cài đặt.</source>
      <translation>Update {version} has been downloaded: install it on the Settings page.</translation>
    </message>
  </context>
</TS>
