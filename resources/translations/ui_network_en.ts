<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>CardDialog</name>
    <message>
      <source>Đăng ký mô hình «{name}» cho tổ mình? Nội dung của thẻ được điền sẵn; tổ sửa lại cho phù hợp với địa bàn.</source>
      <translation>Register the model «{name}» for your team? The card's content is filled in; adapt it to your area.</translation>
    </message>
    <message>
      <source>Thu hồi thẻ «{name}» khỏi mạng lưới? Thẻ sẽ biến mất khỏi máy của các tổ sau lần đồng bộ tới.</source>
      <translation>Withdraw the card «{name}» from the network? It disappears from the teams' laptops after their next sync.</translation>
    </message>
    <message>
      <source>Mô hình trên mạng lưới</source>
      <translation>Model in the network</translation>
    </message>
    <message>
      <source>Đang tải…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>Học tập, nhân rộng</source>
      <translation>Learn and replicate</translation>
    </message>
    <message>
      <source>Thu hồi</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <source>Lĩnh vực</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Nơi thực hiện</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>Năm đăng ký</source>
      <translation>Year registered</translation>
    </message>
    <message>
      <source>Chia sẻ</source>
      <translation>Shared</translation>
    </message>
    <message>
      <source>Đang tải ảnh từ máy chủ của thành phố…</source>
      <translation>Downloading the photo from the city's server…</translation>
    </message>
    <message>
      <source>Đã tải ảnh đầy đủ.</source>
      <translation>The full photo has been downloaded.</translation>
    </message>
    <message>
      <source>Chưa tải được ảnh đầy đủ: {reason} Hãy thử lại khi có kết nối với máy chủ của thành phố.</source>
      <translation>The full photo could not be downloaded: {reason} Try again when the city's server can be reached.</translation>
    </message>
    <message>
      <source>Đã đăng ký mô hình cho tổ. Hãy hoàn thiện nội dung đăng ký.</source>
      <translation>The model is registered for your team. Complete its registration.</translation>
    </message>
    <message>
      <source>Đã thu hồi thẻ; các máy khác gỡ thẻ sau lần đồng bộ tới.</source>
      <translation>The card is withdrawn; other laptops remove it after their next sync.</translation>
    </message>
    <message>
      <source>Thẻ đã được thu hồi</source>
      <translation>The card has been withdrawn</translation>
    </message>
    <message>
      <source>Thẻ này đã được thu hồi khỏi mạng lưới nên không còn học tập, nhân rộng được. Mô hình tổ đã đăng ký từ thẻ (nếu có) vẫn giữ nguyên.</source>
      <translation>This card has been withdrawn from the network, so it can no longer be learnt from and replicated. A model your team registered from it (if any) stays as it is.</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>Chỉ số kết quả</source>
      <translation>Result indicators</translation>
    </message>
    <message>
      <source>Công nhận</source>
      <translation>Recognition</translation>
    </message>
    <message>
      <source>Liên hệ</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Xem ảnh đầy đủ</source>
      <translation>View the full photo</translation>
    </message>
    <message>
      <source>(chưa có ảnh thu nhỏ)</source>
      <translation>(no thumbnail yet)</translation>
    </message>
    <message>
      <source>{level}: quyết định số {number} ngày {day}</source>
      <translation>{level}: decision no. {number} of {day}</translation>
    </message>
  </context>
  <context>
    <name>NetworkPage</name>
    <message>
      <source>Cấp thành phố</source>
      <translation>City level</translation>
    </message>
    <message>
      <source>Cấp xã, phường</source>
      <translation>Commune level</translation>
    </message>
    <message>
      <source>Các mô hình đã được công nhận, do cấp xã, phường hoặc thành phố chia sẻ để các tổ học tập, nhân rộng. Đọc được cả khi không có mạng.</source>
      <translation>Recognised models shared by the communes and the city for teams to learn from and replicate. Readable with no network.</translation>
    </message>
    <message>
      <source>Tìm mô hình (Ctrl+F) — gõ có dấu hay không dấu đều được</source>
      <translation>Find a model (Ctrl+F) — with or without diacritics</translation>
    </message>
    <message>
      <source>Mọi lĩnh vực</source>
      <translation>All fields</translation>
    </message>
    <message>
      <source>Mọi xã, phường</source>
      <translation>All communes</translation>
    </message>
    <message>
      <source>Mọi cấp công nhận</source>
      <translation>All recognition levels</translation>
    </message>
    <message>
      <source>Mọi năm</source>
      <translation>All years</translation>
    </message>
    <message>
      <source>Tìm thấy {count} mô hình.</source>
      <translation>{count} models found.</translation>
    </message>
    <message>
      <source>Mạng lưới mô hình «Dân vận khéo»</source>
      <translation>Network of «Dân vận khéo» models</translation>
    </message>
    <message>
      <source>Chưa có mô hình nào trên mạng lưới: thẻ mô hình đến cùng lần đồng bộ với máy chủ của thành phố hoặc gói dữ liệu USB.</source>
      <translation>No models in the network yet: model cards arrive with a sync with the city's server or a USB bundle.</translation>
    </message>
    <message>
      <source>{count} mô hình.</source>
      <translation>{count} models.</translation>
    </message>
    <message>
      <source>Tên mô hình</source>
      <translation>Model name</translation>
    </message>
    <message>
      <source>Lĩnh vực</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Nơi thực hiện</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>Cấp công nhận</source>
      <translation>Recognised by</translation>
    </message>
    <message>
      <source>Năm</source>
      <translation>Year</translation>
    </message>
  </context>
  <context>
    <name>ReplicationsPanel</name>
    <message>
      <source>Chia sẻ mô hình này lên mạng lưới? Các tổ thuộc địa bàn sẽ đọc được thẻ mô hình sau lần đồng bộ tới; thẻ không có thông tin cá nhân của người dân.</source>
      <translation>Share this model with the network? The teams of your area can read its card after their next sync; a card holds no resident's personal details.</translation>
    </message>
    <message>
      <source>Chia sẻ lên mạng lưới</source>
      <translation>Share with the network</translation>
    </message>
    <message>
      <source>Đã chia sẻ; thẻ lên máy chủ của thành phố lần đồng bộ tới.</source>
      <translation>Shared; the card goes to the city's server with the next sync.</translation>
    </message>
    <message>
      <source>Lưu mô hình trước, rồi xem nơi nhân rộng ở đây.</source>
      <translation>Save the model first, then see here where it was replicated.</translation>
    </message>
    <message>
      <source>Được nhân rộng: mô hình đã được học tập, nhân rộng ở {count} nơi.</source>
      <translation>Replicated: the model has been learnt from and replicated in {count} places.</translation>
    </message>
    <message>
      <source>Chưa có nơi nào nhân rộng mô hình này.</source>
      <translation>No place has replicated this model yet.</translation>
    </message>
    <message>
      <source>Mô hình này được nhân rộng từ một mô hình trên mạng lưới, ngày {day}.</source>
      <translation>This model was replicated from a model in the network on {day}.</translation>
    </message>
    <message>
      <source>Thôn, tổ dân phố</source>
      <translation>Village</translation>
    </message>
    <message>
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Ngày nhân rộng</source>
      <translation>Replicated on</translation>
    </message>
  </context>
  <context>
    <name>ModelTable</name>
    <message>
      <source>{status} · Được nhân rộng</source>
      <translation>{status} · Replicated</translation>
    </message>
  </context>
  <context>
    <name>ModelForm</name>
    <message>
      <source>Nơi nhân rộng</source>
      <translation>Replicated in</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Mạng lưới</source>
      <translation>Network</translation>
    </message>
  </context>
</TS>
