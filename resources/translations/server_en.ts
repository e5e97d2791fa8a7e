<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi_VN">
<context>
    <name>server</name>
    <message>
      <source>Nền tảng «{platform}» không có bản phát hành; các nền tảng có: {known}.</source>
      <translation>There are no releases for the platform «{platform}»; the platforms are: {known}.</translation>
    </message>
    <message>
      <source>«{version}» không phải là số phiên bản (ví dụ 1.4.2).</source>
      <translation>«{version}» is not a version number (for example 1.4.2).</translation>
    </message>
    <message>
      <source>Máy chủ của thành phố không có tệp này trong bản phát hành đang được cung cấp (có thể bản này đã bị rút lại).</source>
      <translation>The city's server has no such file in a release it offers (the release may have been withdrawn).</translation>
    </message>
    <message>
        <source>public_key phải là khóa công khai Ed25519 (32 byte, mã hóa base64).</source>
        <translation>public_key must be an Ed25519 public key (32 bytes, base64).</translation>
    </message>
    <message>
        <source>Tham số của yêu cầu không hợp lệ: {detail}</source>
        <translation>Invalid request parameters: {detail}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu của máy chủ của thành phố tạm thời không dùng được; sẽ tự thử lại sau.</source>
        <translation>The city's server's database is temporarily unavailable; the application will try again later.</translation>
    </message>
    <message>
        <source>Máy chủ của thành phố gặp lỗi nội bộ; sẽ tự thử lại sau.</source>
        <translation>The city's server had an internal error; the application will try again later.</translation>
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
        <source>Máy chủ của thành phố nhận gửi tiếp từng phần từ giao thức {since}: hãy gửi cả lượt trong một yêu cầu (POST /push).</source>
        <translation>The city's server takes a push in resumable blocks from protocol {since}: send the whole batch in one request (POST /push).</translation>
    </message>
    <message>
        <source>Mã lượt gửi «{value}» không hợp lệ: hãy dùng 8–64 chữ cái, chữ số hoặc dấu gạch ngang.</source>
        <translation>The upload id «{value}» is not valid: use 8–64 letters, digits or hyphens.</translation>
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
        <translation>Wrong enrolment code: check each character of the code the administrator gave you.</translation>
    </message>
    <message>
        <source>Mã đăng ký này đã được dùng lúc {when}: mỗi mã chỉ dùng một lần, hãy xin mã mới.</source>
        <translation>This enrolment code was already used at {when}: each code works once; ask for a new one.</translation>
    </message>
    <message>
        <source>Mã đăng ký đã hết hạn lúc {when}: hãy xin cán bộ quản trị cấp mã mới.</source>
        <translation>The enrolment code expired at {when}: ask the administrator for a new one.</translation>
    </message>
    <message>
        <source>Yêu cầu thiếu mã truy cập (Authorization: Bearer …): hãy đăng ký máy với máy chủ của thành phố trước khi đồng bộ.</source>
        <translation>The request has no access token (Authorization: Bearer …): enrol this computer with the city's server before synchronising.</translation>
    </message>
    <message>
        <source>Mã truy cập không đúng hoặc máy chưa đăng ký với máy chủ của thành phố: hãy đăng ký lại bằng mã đăng ký mới do cán bộ quản trị cấp.</source>
        <translation>Wrong access token, or this computer is not enrolled with the city's server: enrol again with a new code from the administrator.</translation>
    </message>
    <message>
        <source>Máy này đã bị thu hồi quyền đồng bộ từ {when}: hãy liên hệ cán bộ quản trị máy chủ của thành phố để được cấp mã đăng ký mới.</source>
        <translation>This computer's right to synchronise was revoked at {when}: contact the city's server's administrator for a new enrolment code.</translation>
    </message>
    <message>
        <source>Hãy nhập mã đăng ký do cán bộ quản trị cấp.</source>
        <translation>Enter the enrolment code the administrator gave you.</translation>
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
        <source>Phiên bản phần mềm này quá cũ (giao thức {client}), máy chủ của thành phố chỉ nhận từ giao thức {minimum}: hãy cập nhật phần mềm. Dữ liệu vẫn được giữ trên máy và sẽ gửi sau khi cập nhật.</source>
        <translation>This version of the application is too old (protocol {client}); the city's server accepts protocol {minimum} or later: update the application. Your data stays on this computer and will be sent after the update.</translation>
    </message>
    <message>
        <source>Máy chủ của thành phố chưa hỗ trợ giao thức {client} (máy chủ dùng giao thức {server}): hãy báo cán bộ quản trị cập nhật máy chủ.</source>
        <translation>The city's server does not support protocol {client} yet (it uses protocol {server}): ask the administrator to update the server.</translation>
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
        <source>Nội dung yêu cầu lồng nhau quá sâu (hơn {limit} cấp): máy chủ của thành phố không nhận; hãy dùng phần mềm Dân vận khéo để đồng bộ.</source>
        <translation>The request body is nested too deeply (more than {limit} levels): the city's server does not accept it; use the Dân vận khéo application to sync.</translation>
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
        <translation>The request's device_id is not the computer this access token was issued to: enrol this computer again.</translation>
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
        <source>Danh mục đơn vị do máy chủ của thành phố quản lý: máy trạm không sửa được hồ sơ đơn vị.</source>
        <translation>Units are managed by the city's server: a laptop cannot change unit records.</translation>
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
        <source>Không tìm thấy hồ sơ này trên máy chủ của thành phố: cấp xã hoặc thành phố chỉ nhận xét được hồ sơ mà tổ đã gửi lên.</source>
        <translation>This record is not on the city's server: the commune or city level can only review records a team has sent.</translation>
    </message>
    <message>
        <source>Hồ sơ này không thuộc địa bàn của {unit}.</source>
        <translation>This record is not within {unit}.</translation>
    </message>
    <message>
        <source>Không tìm thấy bản ghi xung đột này trên máy chủ của thành phố.</source>
        <translation>This conflict record is not on the city's server.</translation>
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
        <source>Không có trạng thái «{value}»: hãy chọn một trạng thái trong danh sách.</source>
        <translation>There is no status «{value}»: choose a status from the list.</translation>
    </message>
    <message>
        <source>«{label}» do cấp xã hoặc thành phố ghi: tổ dân vận không sửa được trường này.</source>
        <translation>«{label}» is written by the commune or city level: a team cannot change this field.</translation>
    </message>
    <message>
        <source>«{label}» là nội dung của tổ dân vận: cấp xã hoặc thành phố chỉ ghi các trường nhận xét.</source>
        <translation>«{label}» is the team's content: the commune or city level writes review fields only.</translation>
    </message>
    <message>
        <source>giá trị JSON</source>
        <translation>a JSON value</translation>
    </message>
    <message>
        <source>«{label}» ({field}) chứa ký tự hỏng (nửa cặp thay thế UTF-16, không phải chữ Unicode hợp lệ): hãy gõ lại nội dung này trên máy rồi gửi lại.</source>
        <translation>«{label}» ({field}) contains a broken character (half of a UTF-16 surrogate pair, not valid Unicode text): type this text again on the laptop and send it again.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) chứa ký tự NUL (mã 0), không lưu được: hãy xóa ký tự này rồi gửi lại.</source>
        <translation>«{label}» ({field}) contains a NUL character (code 0), which cannot be stored: remove it and send again.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) phải nằm trong khoảng từ {minimum} đến {maximum}: hãy sửa lại số này.</source>
        <translation>«{label}» ({field}) must be between {minimum} and {maximum}: correct this number.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) phải là một số hữu hạn, không phải vô cực hay NaN: hãy nhập lại số này.</source>
        <translation>«{label}» ({field}) must be a finite number, not infinity or NaN: enter this number again.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) lồng nhau quá {limit} tầng: hãy gửi dữ liệu đơn giản hơn.</source>
        <translation>«{label}» ({field}) is nested more than {limit} levels deep: send simpler data.</translation>
    </message>
    <message>
        <source>«{label}» ({field}) quá lớn (quá {limit} ký tự và giá trị): hãy bớt nội dung.</source>
        <translation>«{label}» ({field}) is too large (over {limit} characters and values): make it smaller.</translation>
    </message>
    <message>
        <source>Máy chủ của thành phố không ghi được lần gửi này do một lỗi nội bộ; các thay đổi vẫn được giữ trên máy và sẽ tự gửi lại sau. Nếu lỗi lặp lại, hãy báo cán bộ quản trị máy chủ.</source>
        <translation>The city's server could not save this upload because of an internal error; the changes are kept on the laptop and will be sent again automatically. If this keeps happening, tell the server's administrator.</translation>
    </message>
    <message>
        <source>Máy chủ của thành phố không lưu được một giá trị của thao tác này ({detail}): hãy kiểm tra lại nội dung hồ sơ rồi lưu lại.</source>
        <translation>The city's server could not store a value of this operation ({detail}): check the record's content and save it again.</translation>
    </message>
    <message>
        <source>Thao tác không hợp lệ: device_id phải là mã máy.</source>
        <translation>Invalid operation: device_id must be a device id.</translation>
    </message>
    <message>
        <source>device_name (tên máy) không được chứa ký tự NUL hay ký tự không hợp lệ: hãy đặt lại tên máy.</source>
        <translation>device_name (the computer's name) must not contain a NUL or another invalid character: rename the computer.</translation>
    </message>
    <message>
        <source>Mã đăng ký này được cấp riêng để đăng ký lại một máy khác, không dùng được cho máy {device}: hãy xin cán bộ quản trị mã đăng ký mới.</source>
        <translation>This enrolment code was made to enrol another computer again and cannot be used by computer {device}: ask the administrator for a new code.</translation>
    </message>
    <message>
        <source>Mã máy {device} đã bị thu hồi quyền đồng bộ lúc {when} nên không đăng ký lại được: máy tính này phải đăng ký với một mã máy mới; hãy liên hệ cán bộ quản trị máy chủ của thành phố.</source>
        <translation>Device id {device} was revoked at {when} and cannot be enrolled again: this computer must be enrolled under a new device id; contact the administrator of the city's server.</translation>
    </message>
    <message>
        <source>Mã máy {device} đã được đăng ký với máy chủ của thành phố; mã đăng ký này chỉ dùng cho máy mới. Để đăng ký lại máy này, hãy xin cán bộ quản trị cấp mã đăng ký dành riêng cho mã máy {device}.</source>
        <translation>Device id {device} is already enrolled with the city's server; this enrolment code is for a new computer only. To enrol this computer again, ask the administrator for an enrolment code made for device id {device}.</translation>
    </message>
    <message>
        <source>Không tải được tệp này: máy chủ của thành phố chỉ giữ tệp này từ một đơn vị khác, và chỉ gửi tệp cho đơn vị đã tải nó lên (hoặc đơn vị cấp trên). Nếu một máy của đơn vị mình có tệp này, hãy thử lại sau khi máy đó đồng bộ.</source>
        <translation>This file cannot be downloaded: the city's server holds it only from another unit, and sends a file only to the unit that uploaded it (or the units above it). If a computer of your unit has this file, try again after that computer syncs.</translation>
    </message>
    <message>
        <source>Thông tin cá nhân của người dân (người kiến nghị, các bên hòa giải) chỉ lưu ở tổ dân vận và xã, phường: máy ở cấp trên xã không gửi được thao tác này.</source>
        <translation>Residents' personal details (petitioners, the parties to a mediation) are kept by the team and its commune or ward only: a computer above the commune cannot send this change.</translation>
    </message>
    <message>
        <source>Chỉ cấp xã hoặc thành phố ghi quyết định công nhận mô hình: máy của tổ dân vận không gửi được bản ghi công nhận.</source>
        <translation>Only the commune or the city records a model's recognition decision: a team's laptop cannot send a recognition.</translation>
    </message>
    <message>
        <source>Không tìm thấy mô hình này trên máy chủ của thành phố: cấp xã hoặc thành phố chỉ ghi được cho mô hình mà tổ đã gửi lên.</source>
        <translation>This model is not on the city's server: the commune or the city can only record for a model the team has sent up.</translation>
    </message>
    <message>
        <source>Lịch sử trạng thái của mô hình không sửa được: mỗi lần chuyển trạng thái là một bản ghi mới.</source>
        <translation>A model's status history cannot be edited: each status change is a new record.</translation>
    </message>
    <message>
        <source>Lịch sử trạng thái và quyết định công nhận của mô hình được giữ lại, không xóa được.</source>
        <translation>A model's status history and recognition decisions are kept: they cannot be deleted.</translation>
    </message>
    <message>
        <source>Mô hình này không thuộc địa bàn của {unit}.</source>
        <translation>This model is not in the area of {unit}.</translation>
    </message>
    <message>
        <source>Quyết định công nhận cần «Số quyết định» và «Ngày quyết định»: hãy nhập đủ rồi gửi lại.</source>
        <translation>A recognition needs its «Decision number» and «Decision date»: enter both and send again.</translation>
    </message>
    <message>
        <source>«Cấp công nhận» phải là cấp của đơn vị ra quyết định ({level}): hãy ghi đúng cấp.</source>
        <translation>«Recognition level» must be the level of the unit that decided ({level}): record the right level.</translation>
    </message>
    <message>
        <source>«Lý do» không được để trống khi chuyển mô hình sang «{new}»: hãy ghi vì sao.</source>
        <translation>«Reason» cannot be empty when a model moves to «{new}»: write why.</translation>
    </message>
    <message>
        <source>Thôn/tổ này đã có tổ dân vận trên máy chủ của thành phố; máy chủ không nhận tổ thứ hai do máy này tự tạo. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng ký lại máy để nhận tổ, thành viên và quy chế của thôn/tổ từ máy chủ.</source>
        <translation>This village already has its mass mobilisation team on the city's server; the server does not take a second team made on this laptop. Update Dân vận khéo to the new version, then enrol the laptop again to receive the village's team, members and regulation from the server.</translation>
    </message>
    <message>
        <source>Tổ dân vận của thôn/tổ này đã có quy chế hoạt động trên máy chủ của thành phố; máy chủ không nhận quy chế thứ hai. Hãy cập nhật Dân vận khéo lên bản mới rồi đăng ký lại máy để nhận quy chế từ máy chủ, rồi sửa quy chế đó.</source>
        <translation>The village's team already has its operating regulation on the city's server; the server does not take a second regulation. Update Dân vận khéo to the new version, enrol the laptop again to receive the regulation from the server, then edit that one.</translation>
    </message>
    <message>
        <source>Thôn/tổ này đã có lĩnh vực «{name}» trên máy chủ của thành phố; máy chủ không nhận lĩnh vực trùng tên hoặc trùng mã: hãy dùng lĩnh vực đã có.</source>
        <translation>This village already has the field «{name}» on the city's server; the server does not take a field with the same name or code: use the existing field.</translation>
    </message>
    <message>
        <source>«{name}» là lĩnh vực của thành phố trên máy chủ của thành phố; tổ không thêm lĩnh vực riêng trùng tên đó: hãy dùng lĩnh vực «{name}» đã có.</source>
        <translation>«{name}» is one of the city's fields on the city's server; a team does not add a field of its own with that name: use the existing field «{name}».</translation>
    </message>
    <message>
        <source>Hồ sơ này thuộc tổ dân vận do máy này tự tạo, mà máy chủ của thành phố không nhận vì thôn/tổ đã có tổ dân vận: hãy cập nhật Dân vận khéo lên bản mới, đăng ký lại máy rồi nhập lại hồ sơ vào tổ của thôn/tổ.</source>
        <translation>This record belongs to a team made on this laptop, which the city's server does not take because the village already has its team: update Dân vận khéo to the new version, enrol the laptop again, then enter the record again in the village's team.</translation>
    </message>
    <message>
        <source>Cuộc họp của hồ sơ này không có trên máy chủ của thành phố (máy chủ đã không nhận cuộc họp đó): hãy xem lý do trong danh sách thao tác bị từ chối.</source>
        <translation>This record's meeting is not on the city's server (the server did not take that meeting): see why in the list of refused operations.</translation>
    </message>
</context>
</TS>
