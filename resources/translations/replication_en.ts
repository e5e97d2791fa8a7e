<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>replication</name>
    <message>
      <source>«{name}» là mô hình của chính tổ mình: chỉ nhân rộng được mô hình của nơi khác.</source>
      <translation>«{name}» is your own team's model: only another place's model can be replicated.</translation>
    </message>
    <message>
      <source>Tổ đã nhân rộng mô hình «{name}»: hãy mở mô hình đã đăng ký trong trang Mô hình.</source>
      <translation>The team has already replicated «{name}»: open the registered model on the Models page.</translation>
    </message>
    <message>
      <source>Chỉ tổ dân vận nhân rộng được mô hình: máy của cấp xã hoặc thành phố không đăng ký mô hình.</source>
      <translation>Only a team replicates models: a commune's or the city's laptop does not register models.</translation>
    </message>
    <message>
      <source>Không tìm thấy thẻ mô hình này trên mạng lưới: có thể thẻ đã được thu hồi; hãy tải lại trang Mạng lưới.</source>
      <translation>This model card was not found in the network: it may have been withdrawn; reload the Network page.</translation>
    </message>
  </context>
  <context>
    <name>entities</name>
    <message>
      <source>Nhân rộng mô hình</source>
      <translation>Model replication</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>Mô hình nhân rộng</source>
      <translation>Replicating model</translation>
    </message>
    <message>
      <source>Mô hình gốc</source>
      <translation>Source model</translation>
    </message>
    <message>
      <source>Đơn vị có mô hình gốc</source>
      <translation>Unit of the source model</translation>
    </message>
    <message>
      <source>Tên mô hình gốc</source>
      <translation>Source model name</translation>
    </message>
    <message>
      <source>Thẻ trên mạng lưới</source>
      <translation>Network card</translation>
    </message>
    <message>
      <source>Thôn, tổ dân phố nhân rộng</source>
      <translation>Replicating village</translation>
    </message>
    <message>
      <source>Trạng thái mô hình nhân rộng</source>
      <translation>Status of the replicating model</translation>
    </message>
    <message>
      <source>Ngày nhân rộng</source>
      <translation>Replicated on</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>học tập, nhân rộng một thẻ cho tổ mình</source>
      <translation>learn from a card and replicate it in your team</translation>
    </message>
    <message>
      <source>Đã đăng ký mô hình nhân rộng cho tổ; hãy hoàn thiện nội dung đăng ký. Mô hình và liên kết nhân rộng sẽ được gửi ở lần đồng bộ tới.</source>
      <translation>The replicating model is registered for your team; complete its registration. The model and its replication link go with the next sync.</translation>
    </message>
  </context>
</TS>
