<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>network</name>
    <message>
      <source>Chỉ máy của cán bộ xã, phường hoặc thành phố mới chia sẻ hay gỡ được thẻ trên mạng lưới; tổ dân vận có thể đề nghị gỡ thẻ của mô hình mình.</source>
      <translation>Only a commune's or the city's reviewer laptop can share or withdraw network cards; a team can ask for its own model's card to be withdrawn.</translation>
    </message>
    <message>
      <source>Chỉ đề nghị gỡ được thẻ của mô hình do tổ mình thực hiện.</source>
      <translation>You can only ask to withdraw the card of a model your own team runs.</translation>
    </message>
    <message>
      <source>Không tìm thấy thẻ này trên máy: có thể thẻ đã được gỡ.</source>
      <translation>This card is not on this computer: it may have been withdrawn.</translation>
    </message>
    <message>
      <source>Thẻ này không có ảnh đó: hãy đồng bộ rồi mở lại thẻ.</source>
      <translation>This card has no such photo: sync, then open the card again.</translation>
    </message>
    <message>
      <source>Một thẻ có tối đa {count} ảnh: hãy bỏ bớt ảnh.</source>
      <translation>A card has at most {count} photos: leave some out.</translation>
    </message>
    <message>
      <source>Chỉ mô hình đã được công nhận mới chia sẻ lên mạng lưới được: hãy công nhận mô hình trước.</source>
      <translation>Only a recognised model can be shared with the network: recognise the model first.</translation>
    </message>
    <message>
      <source>Mô hình này không thuộc phạm vi của đơn vị mình nên không chia sẻ được.</source>
      <translation>This model is outside your unit's area, so it cannot be shared.</translation>
    </message>
    <message>
      <source>Ảnh này không thuộc mô hình được chia sẻ: hãy chọn ảnh của mô hình.</source>
      <translation>This photo does not belong to the shared model: choose one of the model's photos.</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>Đã chia sẻ mô hình lên mạng lưới; thẻ sẽ được gửi ở lần đồng bộ tới.</source>
      <translation>The model is shared with the network; the card will be sent at the next sync.</translation>
    </message>
    <message>
      <source>Đã gỡ thẻ; các máy sẽ không còn thẻ này sau lần đồng bộ tới.</source>
      <translation>The card is withdrawn; every laptop drops it after its next sync.</translation>
    </message>
    <message>
      <source>mạng lưới mô hình được chia sẻ</source>
      <translation>the network of shared models</translation>
    </message>
    <message>
      <source>mọi thẻ trên máy</source>
      <translation>every card on this computer</translation>
    </message>
    <message>
      <source>tìm thẻ (gõ có dấu hoặc không dấu)</source>
      <translation>search the cards (with or without diacritics)</translation>
    </message>
    <message>
      <source>xem một thẻ</source>
      <translation>show one card</translation>
    </message>
    <message>
      <source>chia sẻ mô hình đã được công nhận (cán bộ)</source>
      <translation>share a recognised model (reviewers)</translation>
    </message>
    <message>
      <source>liên hệ, chỉ khi tổ đồng ý</source>
      <translation>contact, only when the team agreed</translation>
    </message>
    <message>
      <source>gỡ một thẻ khỏi mạng lưới (cán bộ)</source>
      <translation>withdraw a card from the network (reviewers)</translation>
    </message>
    <message>
      <source>Không có thẻ nào: hãy đồng bộ để nhận mạng lưới mới nhất.</source>
      <translation>No cards: sync to receive the latest network library.</translation>
    </message>
    <message>
      <source>Không có thẻ này trên máy: hãy xem «danvan network list».</source>
      <translation>This card is not on this computer: see «danvan network list».</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Results</translation>
    </message>
    <message>
      <source>Liên hệ</source>
      <translation>Contact</translation>
    </message>
  </context>
  <context>
    <name>server</name>
    <message>
      <source>Chỉ cán bộ xã, phường hoặc thành phố mới chia sẻ, sửa hay gỡ được thẻ trên mạng lưới; tổ dân vận có thể đề nghị gỡ thẻ của mô hình mình.</source>
      <translation>Only a commune's or the city's reviewer can share, edit or withdraw network cards; a team can ask for its own model's card to be withdrawn.</translation>
    </message>
    <message>
      <source>Thẻ gửi lên không đúng định dạng: {detail}</source>
      <translation>The card sent is not in the expected format: {detail}</translation>
    </message>
    <message>
      <source>Mô hình này không thuộc phạm vi của đơn vị mình nên không chia sẻ được.</source>
      <translation>This model is outside your unit's area, so it cannot be shared.</translation>
    </message>
    <message>
      <source>Chỉ mô hình đã được công nhận mới chia sẻ lên mạng lưới được: hãy công nhận mô hình trước.</source>
      <translation>Only a recognised model can be shared with the network: recognise the model first.</translation>
    </message>
    <message>
      <source>Thẻ này do cấp trên chia sẻ: chỉ cấp đó sửa hay gỡ được.</source>
      <translation>A higher level shared this card: only that level can edit or withdraw it.</translation>
    </message>
    <message>
      <source>Một thẻ có tối đa {count} ảnh: hãy bỏ bớt ảnh.</source>
      <translation>A card has at most {count} photos: leave some out.</translation>
    </message>
    <message>
      <source>Ảnh này không thuộc mô hình được chia sẻ: hãy chọn ảnh của mô hình.</source>
      <translation>This photo does not belong to the shared model: choose one of the model's photos.</translation>
    </message>
    <message>
      <source>Không tìm thấy thẻ này trên máy chủ của thành phố.</source>
      <translation>The city's server does not have this card.</translation>
    </message>
    <message>
      <source>«model_uid» phải là mã của mô hình.</source>
      <translation>«model_uid» must be a model's id.</translation>
    </message>
    <message>
      <source>Chỉ đề nghị gỡ được thẻ của mô hình do tổ mình thực hiện.</source>
      <translation>You can only ask to withdraw the card of a model your own team runs.</translation>
    </message>
  </context>
</TS>
