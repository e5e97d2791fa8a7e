"""What demo meetings say, by the kind of place: opinions, the chair's conclusions, tasks.

A ward's residential group talks of alley lights, waste, rented rooms and online public
services; a lowland village of the road its people give land for, the rice season, the
storm season and the clan study fund; a mountain village of its forest, its water pipe,
early marriage and the children's schooling. Meetings are in the evening (19:30), when
people are back from work, at the village's cultural house.
"""

from __future__ import annotations

import datetime as dt

from danvan_desktop.core.vocab import village_in_name
from danvan_desktop.store.demo_places import COMMUNE, MOUNTAIN, WARD

STARTS = dt.time(19, 30)
LENGTHS = (dt.timedelta(minutes=90), dt.timedelta(minutes=105), dt.timedelta(minutes=120))
OPINIONS = {
    WARD: (
        "Đề nghị phường sớm thay bóng đèn hỏng ở đầu kiệt, buổi tối các cháu đi học về rất tối.",
        "Vài hộ kinh doanh vẫn để hàng lấn vỉa hè; cần nhắc lần nữa trước khi báo phường.",
        "Nhiều nhà trọ chưa khai báo tạm trú cho người thuê, đề nghị tổ an ninh kiểm tra.",
        "Rác vẫn bị bỏ ở góc kiệt sau giờ xe thu gom; đề nghị đặt bảng nhắc giờ bỏ rác.",
        "Các cụ cần người hướng dẫn làm thủ tục trên điện thoại; đề nghị chi đoàn giúp.",
        "Đề nghị biểu dương các hộ đã góp tiền lắp camera ở đầu kiệt.",
        "Sắp vào mùa mưa, cần kiểm tra mương thoát nước trước chợ, năm ngoái bị ngập.",
        "Vài hộ hát karaoke sau 22 giờ; đề nghị tổ hòa giải gặp và nhắc nhở.",
    ),
    COMMUNE: (
        "Còn vài hộ chưa đồng thuận hiến đất làm đường; đề nghị đảng viên gặp riêng từng hộ.",
        "Đề nghị xã hỗ trợ thêm xi măng để bê tông hóa đoạn đường còn lại ra đồng.",
        "Vụ Đông Xuân sắp đến, cần thống nhất lịch gieo sạ và nạo vét kênh mương nội đồng.",
        "Bò của vài hộ thả rông phá lúa non, đề nghị nhắc các hộ chăn nuôi.",
        "Cần biểu dương các hộ đã góp nhiều ngày công làm đường.",
        "Đề nghị rà soát lại danh sách hộ cận nghèo để giúp đúng người.",
        "Trước mùa bão cần xem lại nhà của các hộ neo đơn và chuẩn bị nơi sơ tán.",
        "Con cháu làm ăn xa muốn góp quỹ khuyến học; đề nghị công khai cách quản lý quỹ.",
    ),
    MOUNTAIN: (
        "Có người lạ vào rừng đầu nguồn lấy gỗ; đề nghị tổ tuần rừng báo kiểm lâm.",
        "Già làng đề nghị nhắc các gia đình không cưới vợ, gả chồng cho con chưa đủ tuổi.",
        "Đường vào khu sản xuất bị sạt lở sau mưa; đề nghị xã hỗ trợ sửa trước vụ mới.",
        "Ống nước tự chảy về thôn bị vỡ, nhiều hộ thiếu nước sinh hoạt.",
        "Đề nghị mở thêm lớp dệt Zèng cho các em gái vào buổi tối.",
        "Vài em nghỉ học vào mùa mưa; đề nghị tổ viên đến từng nhà động viên.",
        "Cần thống nhất ngày công sửa nhà Gươl trước lễ mừng lúa mới.",
        "Đề nghị công khai tiền dịch vụ môi trường rừng năm nay tại cuộc họp thôn.",
    ),
}
CONCLUSIONS = {
    WARD: (
        "Tổ trưởng tổ dân phố làm việc với phường về đèn chiếu sáng; tổ viên phụ trách nhóm "
        "hộ nhắc việc bỏ rác đúng giờ.",
        "Tổ bảo vệ an ninh, trật tự rà soát nhà trọ trong tháng; chi đoàn giúp người cao tuổi "
        "dùng dịch vụ công trực tuyến.",
        "Ra quân vệ sinh kiệt sáng chủ nhật cuối tháng; Chi hội Phụ nữ vận động hộ phân loại rác.",
        "Ý kiến của người dân được tổng hợp, chuyển phường; tổ trưởng theo dõi đến khi có trả lời.",
    ),
    COMMUNE: (
        "Chi hội Nông dân và trưởng thôn thống nhất lịch thời vụ; Ban công tác Mặt trận giám "
        "sát việc dùng tiền đóng góp.",
        "Đảng viên phụ trách nhóm hộ gặp các hộ chưa đồng thuận trong tháng, báo cáo kết quả "
        "ở kỳ họp sau.",
        "Trưởng thôn rà soát nhà của hộ neo đơn trước mùa bão; dân quân sẵn sàng giúp dân sơ tán.",
        "Biểu dương các hộ tiêu biểu tại hội nghị thôn cuối năm.",
    ),
    MOUNTAIN: (
        "Già làng và trưởng thôn nói chuyện với các gia đình có con sắp lập gia đình; tổ tuần "
        "rừng tăng ca.",
        "Trưởng thôn báo xã đoạn đường sạt lở và ống nước vỡ; thanh niên góp công sửa tạm.",
        "Chi hội Phụ nữ mở lớp dệt từ tháng tới; tổ viên theo dõi chuyên cần của học sinh.",
        "Công khai tiền dịch vụ môi trường rừng tại họp thôn và dán ở nhà văn hóa.",
    ),
}
TASKS = {
    WARD: (
        "Làm việc với phường về đèn chiếu sáng kiệt",
        "Rà soát khai báo tạm trú ở các nhà trọ",
        "Nhắc các hộ kinh doanh không lấn vỉa hè",
        "Hướng dẫn người cao tuổi cài ứng dụng Hue-S",
        "Kiểm tra mương thoát nước trước mùa mưa",
        "Tổng hợp ý kiến của người dân gửi phường",
    ),
    COMMUNE: (
        "Gặp riêng các hộ chưa đồng thuận hiến đất",
        "Thống nhất lịch gieo sạ vụ Đông Xuân",
        "Rà soát danh sách hộ cận nghèo",
        "Kiểm tra nhà của hộ neo đơn trước mùa bão",
        "Công khai quỹ khuyến học tại hội nghị thôn",
        "Nhắc các hộ không thả rông trâu bò",
    ),
    MOUNTAIN: (
        "Tăng ca tuần tra rừng đầu nguồn",
        "Báo xã đoạn đường vào khu sản xuất bị sạt lở",
        "Sửa tạm ống nước tự chảy về thôn",
        "Đến nhà động viên học sinh nghỉ học",
        "Chuẩn bị ngày công sửa nhà Gươl",
        "Nói chuyện với gia đình có con chưa đủ tuổi kết hôn",
    ),
}
ABSENCE_REASONS = ("Đi làm ca tối", "Bận việc gia đình", "Ốm", "Đi công tác xa")


def meeting_place(kind: str, village: str) -> str:
    """Where the team meets: the village's cultural house (the Gươl in a Cơ Tu village)."""
    if kind == WARD:
        return f"Nhà sinh hoạt cộng đồng {village_in_name(village)}"
    return f"Nhà văn hóa {village_in_name(village)}"


def evening(day: dt.date, length: int = 0) -> tuple[str, str]:
    """A meeting's start and end on ``day``: 19:30 to 21:00, 21:15 or 21:30."""
    start = dt.datetime.combine(day, STARTS)
    end = start + LENGTHS[length % len(LENGTHS)]
    return start.isoformat(timespec="minutes"), end.isoformat(timespec="minutes")


def regular_title(day: dt.date) -> str:
    """A monthly meeting's title."""
    return f"Họp Tổ dân vận tháng {day.month:02d}/{day.year}"
