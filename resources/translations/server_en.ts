<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>server</name>
    <message>
        <source>public_key phải là khóa công khai Ed25519 (32 byte, mã hóa base64).</source>
        <translation>public_key must be an Ed25519 public key (32 bytes, base64).</translation>
    </message>
    <message>
        <source>Tham số của yêu cầu không hợp lệ: {detail}</source>
        <translation>Invalid request parameters: {detail}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu của máy chủ tỉnh tạm thời không dùng được; sẽ tự thử lại sau.</source>
        <translation>The provincial server's database is temporarily unavailable; the application will try again later.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh gặp lỗi nội bộ; sẽ tự thử lại sau.</source>
        <translation>The provincial server had an internal error; the application will try again later.</translation>
    </message>
    <message>
        <source>«sha256» phải là danh sách mã SHA-256.</source>
        <translation>«sha256» must be a list of SHA-256 hashes.</translation>
    </message>
    <message>
        <source>Thiếu tiêu đề {header}: mỗi phần tệp phải kèm mã kiểm tra.</source>
        <translation>The {header} header is missing: every part of a file must carry its checksum.</translation>
    </message>
    <message>
        <source>«size» phải là số byte của tệp.</source>
        <translation>«size» must be the file's size in bytes.</translation>
    </message>
    <message>
        <source>Máy chủ không có tệp này trong phạm vi của máy.</source>
        <translation>The server has no such file within this computer's scope.</translation>
    </message>
    <message>
        <source>Máy chủ đang giữ {held} byte của tệp: hãy gửi tiếp từ vị trí đó.</source>
        <translation>The server holds {held} bytes of the file: continue sending from there.</translation>
    </message>
    <message>
        <source>Máy chủ mới nhận {held} trên {size} byte của tệp: hãy gửi tiếp từ vị trí {held}.</source>
        <translation>The server has received only {held} of the file's {size} bytes: continue sending from byte {held}.</translation>
    </message>
    <message>
        <source>Mã SHA-256 phải gồm 64 chữ số thập lục phân viết thường.</source>
        <translation>A SHA-256 hash must be 64 lower-case hexadecimal digits.</translation>
    </message>
    <message>
        <source>Mã kiểm tra của phần tệp không khớp: hãy gửi lại phần này.</source>
        <translation>The checksum of this part of the file does not match: send this part again.</translation>
    </message>
    <message>
        <source>Tệp đính kèm quá lớn (tối đa {limit} byte).</source>
        <translation>The attachment is too large (at most {limit} bytes).</translation>
    </message>
    <message>
        <source>Tệp nhận được không khớp mã SHA-256 của nó nên đã bị bỏ: hãy gửi lại từ đầu.</source>
        <translation>The file received does not match its SHA-256 hash, so it was discarded: send it again from the start.</translation>
    </message>
    <message>
        <source>Mã đăng ký không đúng: hãy kiểm tra lại từng ký tự của mã do cán bộ quản trị cấp.</source>
        <translation>Wrong enrollment code: check each character of the code the administrator gave you.</translation>
    </message>
    <message>
        <source>Mã đăng ký này đã được dùng lúc {when}: mỗi mã chỉ dùng một lần, hãy xin mã mới.</source>
        <translation>This enrollment code was already used at {when}: each code works once; ask for a new one.</translation>
    </message>
    <message>
        <source>Mã đăng ký đã hết hạn lúc {when}: hãy xin cán bộ quản trị cấp mã mới.</source>
        <translation>The enrollment code expired at {when}: ask the administrator for a new one.</translation>
    </message>
    <message>
        <source>Yêu cầu thiếu mã truy cập (Authorization: Bearer …): hãy đăng ký máy với máy chủ tỉnh trước khi đồng bộ.</source>
        <translation>The request has no access token (Authorization: Bearer …): enroll this computer with the provincial server before synchronising.</translation>
    </message>
    <message>
        <source>Mã truy cập không đúng hoặc máy chưa đăng ký với máy chủ tỉnh: hãy đăng ký lại bằng mã đăng ký mới do cán bộ quản trị cấp.</source>
        <translation>Wrong access token, or this computer is not enrolled with the provincial server: enroll again with a new code from the administrator.</translation>
    </message>
    <message>
        <source>Máy này đã bị thu hồi quyền đồng bộ từ {when}: hãy liên hệ cán bộ quản trị máy chủ tỉnh để được cấp mã đăng ký mới.</source>
        <translation>This computer's right to synchronise was revoked at {when}: contact the provincial server's administrator for a new enrollment code.</translation>
    </message>
    <message>
        <source>Hãy nhập mã đăng ký do cán bộ quản trị cấp.</source>
        <translation>Enter the enrollment code the administrator gave you.</translation>
    </message>
    <message>
        <source>device_id phải là mã máy (chữ, số, «-»), device_name là văn bản.</source>
        <translation>device_id must be a computer id (letters, digits, «-») and device_name a text.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) phải là {expected}.</source>
        <translation>«{label}» ({field}) must be {expected}.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) dài {length} ký tự, quá giới hạn {limit}: hãy rút gọn.</source>
        <translation>«{label}» ({field}) is {length} characters long, over the limit of {limit}: shorten it.</translation>
    </message>
    <message>
        <source>văn bản</source>
        <translation>a text</translation>
    </message>
    <message>
        <source>mã hồ sơ</source>
        <translation>a record id</translation>
    </message>
    <message>
        <source>ngày dạng YYYY-MM-DD</source>
        <translation>a date as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>thời điểm dạng ISO 8601</source>
        <translation>a date and time in ISO 8601</translation>
    </message>
    <message>
        <source>số nguyên</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>số</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>đúng hoặc sai</source>
        <translation>true or false</translation>
    </message>
    <message>
        <source>Yêu cầu quá lớn (hơn {limit} byte): hãy gửi thành nhiều phần nhỏ hơn.</source>
        <translation>The request is too large (over {limit} bytes): send it in smaller parts.</translation>
    </message>
    <message>
        <source>Yêu cầu thiếu tiêu đề {header}: hãy dùng phần mềm Dân vận khéo để đồng bộ.</source>
        <translation>The request lacks the {header} header: synchronise with the Dân vận khéo application.</translation>
    </message>
    <message>
        <source>Phiên bản phần mềm này quá cũ (giao thức {client}), máy chủ tỉnh chỉ nhận từ giao thức {minimum}: hãy cập nhật phần mềm. Dữ liệu vẫn được giữ trên máy và sẽ gửi sau khi cập nhật.</source>
        <translation>This version of the application is too old (protocol {client}); the provincial server accepts protocol {minimum} or later: update the application. Your data stays on this computer and will be sent after the update.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh chưa hỗ trợ giao thức {client} (máy chủ dùng giao thức {server}): hãy báo cán bộ quản trị cập nhật máy chủ.</source>
        <translation>The provincial server does not support protocol {client} yet (it uses protocol {server}): ask the administrator to update the server.</translation>
    </message>
    <message>
        <source>Máy chủ chỉ nhận nội dung nén gzip, không nhận «{encoding}».</source>
        <translation>The server accepts gzip-compressed bodies only, not «{encoding}».</translation>
    </message>
    <message>
        <source>Nội dung yêu cầu phải là một đối tượng JSON.</source>
        <translation>The request body must be a JSON object.</translation>
    </message>
    <message>
        <source>Tiêu đề {header} phải là một số nguyên, không phải «{value}».</source>
        <translation>The {header} header must be a whole number, not «{value}».</translation>
    </message>
    <message>
        <source>Nội dung nén gzip bị hỏng hoặc không đầy đủ: hãy gửi lại.</source>
        <translation>The gzip-compressed body is damaged or incomplete: send it again.</translation>
    </message>
    <message>
        <source>Nội dung yêu cầu không phải JSON hợp lệ: hãy gửi lại.</source>
        <translation>The request body is not valid JSON: send it again.</translation>
    </message>
    <message>
        <source>Hồ sơ đã được sửa trên máy khác sau lần đồng bộ trước nên không bị xóa (sửa thắng xóa): hãy xem lại rồi xóa lại nếu vẫn cần.</source>
        <translation>The record was edited on another computer after your last synchronisation, so it was not deleted (an edit beats a delete): review it and delete it again if still needed.</translation>
    </message>
    <message>
        <source>Thao tác không hợp lệ: record_id phải là mã hồ sơ.</source>
        <translation>Invalid operation: record_id must be a record id.</translation>
    </message>
    <message>
        <source>device_id trong yêu cầu khác với máy được cấp mã truy cập: hãy đăng ký lại máy.</source>
        <translation>The request's device_id is not the computer this access token was issued to: enroll this computer again.</translation>
    </message>
    <message>
        <source>«ops» phải là một danh sách thao tác.</source>
        <translation>«ops» must be a list of operations.</translation>
    </message>
    <message>
        <source>Một lần gửi tối đa {limit} thao tác: hãy chia nhỏ.</source>
        <translation>At most {limit} operations per request: split them up.</translation>
    </message>
    <message>
        <source>Thao tác không hợp lệ: {detail}</source>
        <translation>Invalid operation: {detail}</translation>
    </message>
    <message>
        <source>Thao tác thứ {position} không có op_id hợp lệ: không thể trả lời riêng cho nó, nên cả lô bị từ chối.</source>
        <translation>Operation {position} has no valid op_id: it cannot be answered on its own, so the whole batch was refused.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu của máy chủ từ chối thao tác: {detail}</source>
        <translation>The server's database refused the operation: {detail}</translation>
    </message>
    <message>
        <source>«Trạng thái»: {role} không được chuyển mô hình từ «{old}» sang «{new}».</source>
        <translation>«Status»: the {role} may not move a model from «{old}» to «{new}».</translation>
    </message>
    <message>
        <source>Thao tác mang mã máy {op_device} nhưng mã truy cập là của máy {device}.</source>
        <translation>The operation carries computer id {op_device} but the access token belongs to computer {device}.</translation>
    </message>
    <message>
        <source>Danh mục đơn vị do máy chủ tỉnh quản lý: máy trạm không sửa được hồ sơ đơn vị.</source>
        <translation>Units are managed by the provincial server: a laptop cannot change unit records.</translation>
    </message>
    <message>
        <source>Hồ sơ này thuộc đơn vị khác, không phải {unit}: máy của tổ chỉ gửi được hồ sơ của đơn vị mình.</source>
        <translation>This record belongs to another unit, not to {unit}: a team's computer sends only its own unit's records.</translation>
    </message>
    <message>
        <source>Cấp xã hoặc thành phố không xóa được hồ sơ của tổ dân vận.</source>
        <translation>The commune or city level cannot delete a team's records.</translation>
    </message>
    <message>
        <source>Không tìm thấy hồ sơ này trên máy chủ tỉnh: cấp xã hoặc thành phố chỉ nhận xét được hồ sơ mà tổ đã gửi lên.</source>
        <translation>This record is not on the provincial server: the commune or city level can only review records a team has sent.</translation>
    </message>
    <message>
        <source>Hồ sơ này không thuộc địa bàn của {unit}.</source>
        <translation>This record is not within {unit}.</translation>
    </message>
    <message>
        <source>Không tìm thấy bản ghi xung đột này trên máy chủ tỉnh.</source>
        <translation>This conflict record is not on the provincial server.</translation>
    </message>
    <message>
        <source>Bản ghi xung đột này không thuộc địa bàn của {unit}.</source>
        <translation>This conflict record is not within {unit}.</translation>
    </message>
    <message>
        <source>Mô hình mới phải bắt đầu ở trạng thái «{initial}».</source>
        <translation>A new model must start as «{initial}».</translation>
    </message>
    <message>
        <source>«Trạng thái» «{value}» không có: hãy chọn một trạng thái trong danh sách.</source>
        <translation>«Status» «{value}» does not exist: choose a status from the list.</translation>
    </message>
    <message>
        <source>«{label}» do cấp xã hoặc thành phố ghi: tổ dân vận không sửa được trường này.</source>
        <translation>«{label}» is written by the commune or city level: a team cannot change this field.</translation>
    </message>
    <message>
        <source>«{label}» là nội dung của tổ dân vận: cấp xã hoặc thành phố chỉ ghi các trường nhận xét.</source>
        <translation>«{label}» is the team's content: the commune or city level writes review fields only.</translation>
    </message>
</context>
</TS>
