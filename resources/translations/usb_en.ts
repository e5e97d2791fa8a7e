<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>usb</name>
    <message>
        <source>Không ghi được vào {folder} vì USB đang ở chế độ chỉ đọc. Hãy gạt khóa chống ghi trên USB (nếu có) sang vị trí mở, cắm lại USB rồi thử lại, hoặc chọn USB khác.</source>
        <translation>Cannot write to {folder} because the USB stick is read-only. Slide the write-protect switch on the stick (if it has one) to unlocked, plug the stick in again and retry, or choose another stick.</translation>
    </message>
    <message>
        <source>Mất kết nối với USB khi đang ghi tệp {name} vào {folder}, nên tệp chưa được ghi; tệp cũ cùng tên (nếu có) vẫn còn nguyên. Hãy cắm lại USB rồi ghi lại.</source>
        <translation>The USB stick was disconnected while writing {name} to {folder}, so the file was not written; an older file of the same name (if any) is unchanged. Plug the stick in again and write it again.</translation>
    </message>
    <message>
        <source>Kiểm tra lại tệp {name} sau khi ghi thấy nội dung trên USB không khớp với bản gốc, nên tệp không được lưu. USB có thể bị hỏng: hãy thử lại hoặc dùng USB khác.</source>
        <translation>After writing {name}, the copy read back from the USB stick did not match the original, so the file was not saved. The stick may be faulty: try again or use another stick.</translation>
    </message>
    <message>
        <source>Tệp {name} ({size}) quá lớn so với định dạng của USB: USB định dạng FAT32 chỉ chứa được tệp nhỏ hơn 4 GB. Hãy dùng USB định dạng exFAT hoặc NTFS.</source>
        <translation>The file {name} ({size}) is too large for the format of the USB stick: a FAT32 stick only holds files smaller than 4 GB. Use a stick formatted as exFAT or NTFS.</translation>
    </message>
    <message>
        <source>Tệp {name} trên USB đang được mở bằng chương trình khác. Hãy đóng tệp đó (ví dụ trong Word hoặc Excel) rồi thử lại.</source>
        <translation>The file {name} on the USB stick is open in another program. Close it (for example in Word or Excel) and try again.</translation>
    </message>
    <message>
        <source>Không ghi được tệp {name} vào {folder} ({detail}). Hãy kiểm tra USB rồi thử lại.</source>
        <translation>Could not write {name} to {folder} ({detail}). Check the USB stick and try again.</translation>
    </message>
    <message>
        <source>Không ghi hết được dữ liệu xuống USB {volume} ({detail}). Hãy cắm lại USB rồi ghi lại các tệp vừa ghi.</source>
        <translation>Not all data could be written to the USB stick {volume} ({detail}). Plug the stick in again and write the files again.</translation>
    </message>
    <message>
        <source>Đã hủy ghi tệp {name}; không có tệp dở dang nào được để lại trên USB.</source>
        <translation>Writing {name} was cancelled; no half-written file was left on the USB stick.</translation>
    </message>
    <message>
        <source>USB không đủ chỗ trống để ghi tệp {name}: cần {needed}, chỉ còn trống {free}. Hãy xóa bớt tệp trên USB hoặc chọn USB khác.</source>
        <translation>The USB stick does not have enough free space for {name}: it needs {needed}, only {free} is free. Delete some files from the stick or choose another stick.</translation>
    </message>
    <message>
        <source>USB đã đầy khi đang ghi tệp {name}; phần đã ghi dở được xóa. Hãy xóa bớt tệp trên USB hoặc chọn USB khác.</source>
        <translation>The USB stick became full while writing {name}; the partly written copy was removed. Delete some files from the stick or choose another stick.</translation>
    </message>
    <message>
        <source>Mất kết nối với USB {volume} trước khi dữ liệu được ghi hết xuống USB. Hãy cắm lại USB rồi ghi lại các tệp vừa ghi.</source>
        <translation>The USB stick {volume} was disconnected before all data reached it. Plug the stick in again and write the files again.</translation>
    </message>
    <message>
        <source>Tên tệp đang để trống. Hãy nhập tên tệp, ví dụ "Báo cáo tháng 5.docx".</source>
        <translation>The file name is empty. Enter a file name, for example "Monthly report 5.docx".</translation>
    </message>
    <message>
        <source>Tên tệp không được chứa ký tự {chars}. Hãy bỏ các ký tự này hoặc thay bằng dấu gạch ngang (-).</source>
        <translation>A file name cannot contain the characters {chars}. Remove them or replace them with a dash (-).</translation>
    </message>
    <message>
        <source>Tên tệp có ký tự điều khiển không nhìn thấy được (thường do dán từ nơi khác). Hãy xóa tên và gõ lại.</source>
        <translation>The file name contains invisible control characters (usually from pasted text). Delete the name and type it again.</translation>
    </message>
    <message>
        <source>Tên tệp không được kết thúc bằng dấu chấm hoặc dấu cách. Hãy xóa dấu chấm hoặc dấu cách ở cuối tên.</source>
        <translation>A file name cannot end with a dot or a space. Delete the dot or space at the end of the name.</translation>
    </message>
    <message>
        <source>Windows dành riêng tên "{stem}" cho thiết bị nên không dùng được làm tên tệp. Hãy đổi tên, ví dụ "{stem}_1".</source>
        <translation>Windows reserves the name "{stem}" for a device, so it cannot be used as a file name. Choose another name, for example "{stem}_1".</translation>
    </message>
    <message>
        <source>Tên tệp quá dài: {size} byte, tối đa {limit} byte (mỗi chữ có dấu chiếm 2–3 byte). Hãy rút ngắn tên tệp.</source>
        <translation>The file name is too long: {size} bytes, at most {limit} bytes (each accented letter takes 2–3 bytes). Shorten the file name.</translation>
    </message>
</context>
</TS>
