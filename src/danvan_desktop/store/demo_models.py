"""Demo «Dân vận khéo» models a leader recognises: each idea with its own ten items.

Ideas fit the place: a ward's residential group works on its alleys, waste, security,
online public services and its lonely elders (no cattle, no crops); a lowland commune
on roads given by its people, rice, lagoon fishing and clan study funds; a mountain
commune of A Lưới or Nam Đông on its forest, Zèng weaving, the communal house and the
elders' word. Every item of an idea is written for it; the village, the number of
households and a few amounts change from one model to another.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from danvan_desktop.core.vocab import village_in_name
from danvan_desktop.store.demo_places import COMMUNE, MOUNTAIN, WARD


@dataclass(frozen=True)
class Idea:
    """One model idea: its name, field and the ten items (with ``{village}`` inside a
    sentence, ``{Village}`` opening one, ``{homes}``, ``{year}``, ``{a}`` and ``{b}``)."""

    name: str
    field: str
    situation: str
    goals: str
    content: str
    scope: str
    actors: str
    resources: str
    timeline: str
    outputs: str
    sustainability: str


IDEAS: dict[str, tuple[Idea, ...]] = {
    WARD: (
        Idea(
            "Kiệt xanh - sạch - sáng",
            "new_rural",
            "Các kiệt của {village} hẹp, thiếu đèn, rác để không đúng giờ; người đi bộ buổi "
            "tối phải soi đèn điện thoại.",
            "Năm {year} mỗi kiệt có đèn chiếu sáng và bồn hoa; không còn điểm rác tự phát.",
            "Mỗi hộ nhận chăm một đoạn kiệt trước nhà; tổ dân phố lắp đèn bằng tiền đóng góp; "
            "chủ nhật cuối tháng cùng quét dọn.",
            "{homes} hộ dân ở 6 kiệt của {village}.",
            "Tổ dân vận vận động; Chi hội Phụ nữ chăm bồn hoa; Đoàn Thanh niên lắp đèn.",
            "Hộ dân góp {a} triệu đồng, {b} ngày công; phường hỗ trợ cột đèn.",
            "Khởi động tháng 3/{year}; sơ kết tháng 6; bình xét kiệt đẹp cuối năm.",
            "{b} bóng đèn LED, 6 kiệt có bồn hoa, bảng nội quy ở đầu mỗi kiệt.",
            "Đưa việc chăm kiệt vào quy ước tổ dân phố; mỗi năm bình chọn một kiệt kiểu mẫu.",
        ),
        Idea(
            "Phân loại rác tại nguồn, đổi rác lấy quà",
            "culture_society",
            "Rác sinh hoạt ở {village} còn để chung; giấy, chai nhựa bị bỏ lẫn vào rác thải.",
            "Trên 80% hộ phân loại rác ngay tại nhà; rác tái chế được gom riêng mỗi tháng.",
            "Phát túi và hướng dẫn từng hộ; ngày 15 hằng tháng đổi rác tái chế lấy cây xanh, "
            "gạo; tiền bán phế liệu giúp học sinh nghèo.",
            "{homes} hộ và 3 cơ sở kinh doanh ăn uống của {village}.",
            "Chi hội Phụ nữ chủ trì; Tổ dân vận vận động hộ chưa tham gia; phường hỗ trợ.",
            "Mỗi tháng đổi được khoảng {a} kg phế liệu; doanh nghiệp tài trợ quà tặng.",
            "Từ tháng 4/{year}; kiểm tra việc phân loại mỗi quý.",
            "Sổ theo dõi từng hộ, {b} suất quà, quỹ học bổng từ phế liệu.",
            "Phân loại rác thành nếp sinh hoạt; nhân rộng sang các tổ dân phố bên cạnh.",
        ),
        Idea(
            "Camera an ninh vì bình yên khu phố",
            "defence_security",
            "{Village} có nhiều nhà trọ sinh viên; từng xảy ra trộm xe máy ban đêm.",
            "Các lối vào khu dân cư được giám sát; không để xảy ra trộm cắp tài sản.",
            "Họp dân bàn vị trí đặt camera; hộ dân góp tiền lắp; hình ảnh nối về nhà tổ "
            "trưởng và Công an phường.",
            "Các kiệt và nhà trọ của {village}, {homes} hộ.",
            "Tổ bảo vệ an ninh, trật tự ở cơ sở quản lý; Công an phường hướng dẫn.",
            "Nhân dân góp {a} triệu đồng; {b} camera.",
            "Lắp đặt trong quý II/{year}; đánh giá sau 6 tháng sử dụng.",
            "{b} camera hoạt động suốt ngày đêm; nội quy khai thác hình ảnh.",
            "Quỹ bảo trì camera do hộ dân đóng góp hằng năm.",
        ),
        Idea(
            "Hỗ trợ người dân dùng dịch vụ công trực tuyến và ứng dụng Hue-S",
            "political_system",
            "Nhiều người cao tuổi ở {village} chưa biết nộp hồ sơ trực tuyến, phản ánh qua Hue-S.",
            "Mỗi hộ có ít nhất một người dùng được dịch vụ công trực tuyến và Hue-S.",
            "Đoàn viên thanh niên đến từng nhà cài ứng dụng, hướng dẫn tài khoản định danh "
            "điện tử; tối thứ bảy hỗ trợ tại nhà sinh hoạt cộng đồng.",
            "{homes} hộ của {village}, trước hết người cao tuổi.",
            "Chi đoàn Thanh niên thực hiện; Tổ dân vận lập danh sách hộ cần giúp.",
            "Thanh niên góp {a} ngày công; điện thoại mượn tại nhà sinh hoạt cộng đồng.",
            "Từ tháng 5/{year}, mỗi tuần một buổi.",
            "{b} người dùng được dịch vụ công; sổ ghi các phản ánh đã gửi qua Hue-S.",
            "Mỗi năm đoàn viên mới nhận kèm một nhóm hộ.",
        ),
        Idea(
            "Bữa cơm nghĩa tình cho người cao tuổi neo đơn",
            "culture_society",
            "{Village} có nhiều cụ sống một mình, con cháu đi làm xa.",
            "Không cụ nào bị bỏ quên ngày lễ, ngày ốm; mỗi tháng một bữa cơm chung.",
            "Các hộ luân phiên nấu cơm và thăm các cụ; ghi sổ sức khỏe, báo trạm y tế khi cần.",
            "Người cao tuổi neo đơn trong {homes} hộ của {village}.",
            "Chi hội Người cao tuổi và Chi hội Phụ nữ; Tổ dân vận vận động hộ tham gia.",
            "Mỗi bữa khoảng {a} trăm nghìn đồng do hộ dân và nhà hảo tâm góp.",
            "Bắt đầu dịp Tết {year}; duy trì hằng tháng.",
            "{b} bữa cơm, sổ thăm hỏi từng cụ.",
            "Gắn với phong trào «Tuổi cao gương sáng»; nhà hảo tâm nhận đỡ đầu.",
        ),
        Idea(
            "Tổ liên gia an toàn phòng cháy, chữa cháy",
            "defence_security",
            "Nhà ở {village} san sát, nhiều nhà kinh doanh tại nhà; xe cứu hỏa khó vào kiệt.",
            "Mỗi nhóm 10 hộ có bình chữa cháy dùng chung và người biết sử dụng.",
            "Chia hộ thành các tổ liên gia; tập huấn cùng Công an phường; kiểm tra điện trong "
            "nhà trước mùa khô.",
            "{homes} hộ của {village}, chia thành các tổ liên gia.",
            "Tổ bảo vệ an ninh, trật tự ở cơ sở; Công an phường tập huấn.",
            "Hộ dân góp mua {b} bình chữa cháy; {a} triệu đồng.",
            "Ra mắt tháng 3/{year}; diễn tập mỗi năm một lần.",
            "{b} bình chữa cháy, sơ đồ thoát nạn, danh bạ liên gia.",
            "Diễn tập hằng năm; hộ mới chuyển đến được hướng dẫn ngay.",
        ),
    ),
    COMMUNE: (
        Idea(
            "Hiến đất mở rộng đường giao thông nông thôn",
            "new_rural",
            "Đường trục {village} chỉ rộng 2,5 m, mùa mưa lầy lội, xe cứu thương không vào được.",
            "Mở rộng đường lên 5 m và bê tông hóa toàn tuyến trong năm {year}.",
            "Họp dân công khai phương án; đảng viên, người có uy tín hiến trước; gặp riêng "
            "từng hộ còn băn khoăn; cắm mốc có mặt chủ hộ.",
            "{homes} hộ dọc trục đường của {village}.",
            "Tổ dân vận chủ trì; Ban công tác Mặt trận giám sát; xã hỗ trợ xi măng.",
            "Nhân dân hiến {a} m² đất, góp {b} ngày công; xã hỗ trợ vật tư.",
            "Vận động quý I/{year}; thi công quý II–III; nghiệm thu tháng 10.",
            "{b} m đường bê tông rộng 5 m, cống thoát nước hai bên.",
            "Tổ tự quản giữ đường; đưa việc hiến đất vào hương ước thôn.",
        ),
        Idea(
            "Cánh đồng lúa hữu cơ liên kết tiêu thụ",
            "economy",
            "Ruộng lúa ở {village} manh mún, bán lúa tươi cho thương lái nên lãi thấp.",
            "Mỗi năm thêm 5 ha lúa hữu cơ có hợp đồng bao tiêu.",
            "Vận động hộ dồn thửa, gieo cùng giống, cùng lịch; hợp tác xã ký hợp đồng với doanh "
            "nghiệp; tổ dân vận giải thích quy trình cho từng hộ.",
            "{homes} hộ có ruộng ở cánh đồng {village}.",
            "Chi hội Nông dân và hợp tác xã; Tổ dân vận vận động hộ tham gia.",
            "Doanh nghiệp ứng giống, phân hữu cơ; hộ góp {b} ngày công làm bờ vùng.",
            "Vụ Đông Xuân {year}; tổng kết sau mỗi vụ.",
            "{a} ha lúa hữu cơ; giá cao hơn lúa thường khoảng 20%.",
            "Hợp đồng bao tiêu nhiều năm; mở rộng sang cánh đồng bên cạnh.",
        ),
        Idea(
            "Tổ tự quản bảo vệ nguồn lợi thủy sản đầm phá",
            "defence_security",
            "Ngư dân {village} còn dùng lưới mắt nhỏ, xung điện; cá, tôm ở đầm phá ngày càng ít.",
            "Không còn khai thác hủy diệt ở vùng nước thôn quản lý.",
            "Lập tổ tự quản, chia ca tuần tra; ký cam kết với từng hộ; thả cá giống hằng năm.",
            "{homes} hộ làm nghề trên đầm phá của {village}.",
            "Chi hội Nghề cá, Tổ dân vận, Công an xã phối hợp.",
            "Ngư dân góp {a} triệu đồng thả giống; {b} ngày công tuần tra.",
            "Ký cam kết đầu năm {year}; sơ kết mùa mưa bão.",
            "Vùng bảo vệ có cắm mốc; sổ tuần tra; {b} vụ vi phạm được nhắc nhở.",
            "Quy chế tổ tự quản được xã công nhận; giao quyền quản lý cho cộng đồng.",
        ),
        Idea(
            "Nuôi bò sinh sản giúp hộ nghèo",
            "economy",
            "{Village} còn hộ nghèo, hộ cận nghèo thiếu vốn, thiếu việc làm ổn định.",
            "Mỗi hộ nghèo nhận một con bò, sau hai năm có bê giao lại cho hộ khác.",
            "Bình xét công khai hộ nhận; hướng dẫn làm chuồng, trồng cỏ; tổ viên kèm từng hộ.",
            "Hộ nghèo, cận nghèo của {village}.",
            "Chi hội Nông dân quản lý đàn bò; Tổ dân vận theo dõi, động viên.",
            "Quỹ hỗ trợ nông dân {a} triệu đồng; hộ tự làm chuồng.",
            "Giao bò tháng 3/{year}; luân chuyển bê sau 24 tháng.",
            "{b} con bò được giao; hộ thoát nghèo được ghi nhận cuối năm.",
            "Vòng quay bê giống tiếp tục cho hộ khác; không để đứt vòng.",
        ),
        Idea(
            "Thắp sáng đường quê",
            "new_rural",
            "Đường liên thôn qua {village} tối om, học sinh đi học thêm buổi tối về muộn.",
            "Toàn bộ đường liên thôn và đường xóm có điện chiếu sáng.",
            "Hộ dân kéo dây, góp bóng; tổ dân vận và thanh niên mắc điện; điện lấy từ công tơ "
            "chung, tiền điện chia đều.",
            "{homes} hộ và các tuyến đường của {village}.",
            "Đoàn Thanh niên thi công; Ban công tác Mặt trận quản lý tiền điện.",
            "Nhân dân góp {a} triệu đồng và {b} ngày công.",
            "Hoàn thành trước Tết {year}.",
            "{b} bóng đèn trên các tuyến đường của thôn.",
            "Tiền điện đóng theo năm; hư bóng nào thay ngay bóng đó.",
        ),
        Idea(
            "Dòng họ khuyến học",
            "culture_society",
            "Nhiều em ở {village} học giỏi nhưng nhà khó khăn, có em phải nghỉ học đi làm.",
            "Không học sinh nào của thôn bỏ học vì khó khăn.",
            "Các dòng họ lập quỹ khuyến học; trao thưởng vào dịp tế tự đầu năm; con cháu "
            "làm ăn xa góp về.",
            "Học sinh của các dòng họ trong {village}.",
            "Hội đồng các dòng họ; Tổ dân vận và Chi hội Khuyến học phối hợp.",
            "Quỹ có {a} triệu đồng, con cháu xa quê góp mỗi năm.",
            "Trao thưởng mỗi năm vào tháng Giêng; báo cáo quỹ công khai.",
            "{b} suất học bổng; danh sách học sinh vượt khó.",
            "Quỹ giao cho trưởng họ và chi hội khuyến học quản lý, công khai hằng năm.",
        ),
    ),
    MOUNTAIN: (
        Idea(
            "Cộng đồng thôn bảo vệ rừng đầu nguồn",
            "new_rural",
            "Rừng đầu nguồn của {village} bị chặt trộm, đốt nương lấn vào rừng.",
            "Không còn vụ phá rừng trong diện tích thôn được giao bảo vệ.",
            "Già làng, trưởng thôn họp dân ở nhà văn hóa; chia tổ tuần rừng mỗi tuần; đưa "
            "điều cấm vào hương ước; tiền dịch vụ môi trường rừng chi công khai.",
            "{homes} hộ và {a} ha rừng cộng đồng của {village}.",
            "Già làng, Tổ dân vận, kiểm lâm địa bàn, Đồn Biên phòng.",
            "Tiền chi trả dịch vụ môi trường rừng; {b} ngày công tuần tra.",
            "Giao khoán từ tháng 1/{year}; kiểm tra mỗi quý.",
            "Sổ tuần rừng, bản đồ vùng giao khoán, {b} lượt tuần tra.",
            "Hương ước thôn giữ việc bảo vệ rừng; thanh niên thay nhau vào tổ tuần.",
        ),
        Idea(
            "Giữ gìn nghề dệt Zèng của đồng bào Tà Ôi",
            "culture_society",
            "Ở {village} chỉ còn ít người lớn tuổi biết dệt Zèng; lớp trẻ ít theo nghề.",
            "Mỗi năm thêm các em gái biết dệt; Zèng bán được cho khách du lịch.",
            "Nghệ nhân dạy các em gái vào buổi tối; tổ hợp tác dệt nhận đơn hàng; giới "
            "thiệu sản phẩm ở các hội chợ của thành phố.",
            "Phụ nữ và các em gái của {village}.",
            "Chi hội Phụ nữ, nghệ nhân trong thôn; Tổ dân vận vận động gia đình cho con học.",
            "Sợi, khung dệt do xã hỗ trợ; chị em góp {b} ngày công.",
            "Mở lớp tháng 4/{year}; trưng bày sản phẩm cuối năm.",
            "{b} học viên biết dệt, {a} tấm Zèng bán được.",
            "Tổ hợp tác dệt duy trì lớp hằng năm; gắn với du lịch cộng đồng.",
        ),
        Idea(
            "Già làng, người có uy tín vận động bỏ hủ tục",
            "culture_society",
            "Ở {village} vẫn còn tảo hôn, ma chay kéo dài nhiều ngày, tốn kém.",
            "Không còn tảo hôn; đám tang gọn, đúng quy định.",
            "Già làng nói chuyện với từng gia đình trước mùa cưới; nêu gương trong thôn; hương "
            "ước quy định thời gian tổ chức tang lễ.",
            "{homes} hộ đồng bào của {village}.",
            "Già làng, người có uy tín, Tổ dân vận, Đoàn Thanh niên.",
            "Ngày công của già làng, tổ viên: {b} buổi vận động.",
            "Cả năm {year}; đánh giá tại hội nghị cuối năm của thôn.",
            "{homes} hộ ký cam kết; không có trường hợp tảo hôn mới.",
            "Đưa vào hương ước; già làng tiếp tục nói chuyện mỗi mùa cưới.",
        ),
        Idea(
            "Trồng dược liệu dưới tán rừng",
            "economy",
            "Đất rừng của {village} rộng nhưng thu nhập từ rừng thấp, hộ nghèo còn nhiều.",
            "Mỗi hộ tham gia có thêm thu nhập từ dược liệu mà không phải chặt cây rừng.",
            "Chọn cây phù hợp dưới tán rừng; cán bộ khuyến nông hướng dẫn; hợp tác xã thu mua.",
            "{homes} hộ nhận khoán rừng của {village}.",
            "Chi hội Nông dân, hợp tác xã, Tổ dân vận.",
            "Giống do dự án hỗ trợ; hộ góp {b} ngày công.",
            "Trồng mùa mưa năm {year}; thu hoạch lứa đầu sau hai năm.",
            "{a} ha dược liệu dưới tán rừng.",
            "Hợp đồng thu mua với hợp tác xã; hộ làm tốt hướng dẫn hộ khác.",
        ),
        Idea(
            "Nhà Gươl - điểm sinh hoạt văn hóa cộng đồng",
            "culture_society",
            "Nhà Gươl của {village} xuống cấp, lễ hội truyền thống ít được tổ chức.",
            "Nhà Gươl được sửa lại và là nơi sinh hoạt chung của cả thôn.",
            "Dân góp gỗ, tranh, ngày công sửa nhà Gươl; đội cồng chiêng tập mỗi tháng; họp "
            "thôn, đón khách tại nhà Gươl.",
            "Cộng đồng {homes} hộ của {village}.",
            "Già làng, trưởng thôn, Đoàn Thanh niên; xã hỗ trợ vật liệu.",
            "Nhân dân góp {b} ngày công, {a} triệu đồng; xã hỗ trợ mái lợp.",
            "Sửa nhà trong mùa khô năm {year}; lễ mừng lúa mới cuối năm.",
            "Nhà Gươl sửa xong; đội cồng chiêng {b} người.",
            "Nhà Gươl giao thôn quản lý; lễ hội tổ chức hằng năm.",
        ),
        Idea(
            "Nâng bước em đến trường",
            "culture_society",
            "Học sinh {village} đi học xa, nhiều em nghỉ học giữa chừng vào mùa mưa.",
            "Không em nào bỏ học; các em học xa có áo ấm, xe đạp.",
            "Tổ viên đến nhà khi em nghỉ học; Đồn Biên phòng nhận đỡ đầu; thôn góp gạo cho "
            "các em ở bán trú.",
            "Học sinh của {village}.",
            "Tổ dân vận, Đồn Biên phòng, Chi đoàn Thanh niên, nhà trường.",
            "Nhà hảo tâm tặng {b} xe đạp; thôn góp {a} kg gạo.",
            "Năm học {year}–{year_next}; theo dõi mỗi học kỳ.",
            "{b} xe đạp, sổ theo dõi chuyên cần của từng em.",
            "Đồn Biên phòng đỡ đầu lâu dài; gia đình cam kết cho con đi học.",
        ),
    ),
}
# (name, field) of every idea, as other tools have used them.
MODEL_IDEAS = tuple((idea.name, idea.field) for ideas in IDEAS.values() for idea in ideas)
TEXT_FIELDS = (
    "situation",
    "goals",
    "content",
    "scope",
    "actors",
    "resources",
    "timeline",
    "outputs",
    "sustainability",
)


def model_fields(
    rng: random.Random, village: str, year: int, place: str = WARD, idea: Idea | None = None
) -> dict[str, Any]:
    """The ten registration items of a model of ``village`` (a place of kind ``place``),
    from ``idea`` or one of the place's ideas."""
    idea = idea or rng.choice(IDEAS[place])
    values = {
        "village": village_in_name(village),
        "Village": village,
        "homes": rng.randint(40, 260),
        "year": year,
        "year_next": year + 1,
        "a": rng.randint(5, 90),
        "b": rng.randint(8, 120),
    }
    fields = {name: getattr(idea, name).format(**values) for name in TEXT_FIELDS}
    name = f"{idea.name} ở {village_in_name(village)}"
    return {"name": name, **fields, "field_code": idea.field, "year": year}
