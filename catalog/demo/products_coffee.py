"""DEMO DATA: coffee products of the Lạc Dương demonstration catalogue.

Invented for demonstration; prices are estimates within DOMAIN.md's demo ranges (Arabica roasted
250 g 120,000–250,000 ₫, drip-bag box 80,000–150,000 ₫). Variant tuples are
``(sku, name, name_en, weight_g incl. packaging, (length, width, height) mm, price ₫, stock)``.
"""

from __future__ import annotations

from typing import Any

_BAG_250 = (90, 60, 200)
_BAG_500 = (110, 70, 240)
_BAG_1KG = (140, 90, 300)
_DRIP_BOX = (150, 60, 180)

_STORAGE_COFFEE = (
    "Bảo quản nơi khô ráo, thoáng mát, tránh ánh nắng; đóng kín van túi sau khi mở.",
    "Keep in a cool, dry place away from sunlight; reseal the bag after opening.",
)

COFFEE_PRODUCTS: list[dict[str, Any]] = [
    {
        "slug": "ca-phe-arabica-rang-xay-bon-dung",
        "name": "Cà phê Arabica rang xay Bon Đưng",
        "name_en": "Bon Dung ground roasted Arabica coffee",
        "producer": "tht-ca-phe-kho-bon-dung",
        "category": "ca-phe-ca-cao",
        "stars": 4,
        "score": 78,
        "shape": "bag",
        "label": "Bon Đưng",
        "desc": [
            "Cà phê Arabica trồng dưới tán thông ở độ cao hơn 1.500 mét, hái chín thủ công "
            "và rang vừa theo mẻ nhỏ. Xay sẵn cỡ vừa, hợp pha phin hoặc pha máy.",
            "Hương trái cây chín, vị chua thanh, hậu ngọt kéo dài; uống đen hay với sữa đều ngon.",
        ],
        "desc_en": [
            "Arabica grown under pine trees above 1,500 metres, hand-picked ripe and medium "
            "roasted in small batches. Medium ground for the phin filter or an espresso machine.",
            "Ripe-fruit aroma, bright acidity and a long sweet finish; good black or with milk.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-ARABICA-BONDUNG-250G", "250g", "250 g", 280, _BAG_250, 165_000, 120),
            ("LD-CAPHE-ARABICA-BONDUNG-500G", "500g", "500 g", 540, _BAG_500, 310_000, 60),
        ],
    },
    {
        "slug": "ca-phe-arabica-nguyen-hat-bon-dung",
        "name": "Cà phê Arabica nguyên hạt Bon Đưng",
        "name_en": "Bon Dung whole-bean Arabica coffee",
        "producer": "tht-ca-phe-kho-bon-dung",
        "category": "ca-phe-ca-cao",
        "stars": 3,
        "score": 64,
        "shape": "bag",
        "label": "Bon Đưng",
        "desc": [
            "Hạt Arabica rang mức vừa, để nguyên hạt cho người thích tự xay trước khi pha.",
            "Mỗi túi có ngày rang và mã lô; ngon nhất trong sáu tuần sau ngày rang.",
        ],
        "desc_en": [
            "Medium-roasted whole Arabica beans for those who grind just before brewing.",
            "Every bag shows its roast date and batch code; best within six weeks of roasting.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-HAT-BONDUNG-250G", "250g", "250 g", 280, _BAG_250, 155_000, 80),
            ("LD-CAPHE-HAT-BONDUNG-500G", "500g", "500 g", 540, _BAG_500, 290_000, 45),
            ("LD-CAPHE-HAT-BONDUNG-1KG", "1kg", "1 kg", 1_060, _BAG_1KG, 560_000, 12),
        ],
    },
    {
        "slug": "ca-phe-arabica-tui-loc-bon-dung",
        "name": "Cà phê Arabica túi lọc Bon Đưng",
        "name_en": "Bon Dung Arabica drip-bag coffee",
        "producer": "tht-ca-phe-kho-bon-dung",
        "category": "ca-phe-ca-cao",
        "stars": 3,
        "score": 61,
        "shape": "box",
        "label": "Drip Bon Đưng",
        "desc": [
            "Mỗi gói 12g cà phê Arabica xay vừa trong túi lọc treo miệng cốc: tiện mang theo "
            "khi đi làm, đi du lịch.",
            "Rót từ từ khoảng 150ml nước sôi để nguội chừng 92 độ, chờ hai phút là có tách cà phê.",
        ],
        "desc_en": [
            "Each 12 g sachet of medium-ground Arabica hangs on the rim of a cup: easy to take "
            "to work or on a trip.",
            "Pour about 150 ml of water at around 92 °C slowly and wait two minutes.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-TUILOC-BONDUNG-H10", "Hộp 10 gói", "Box of 10", 180, _DRIP_BOX, 95_000, 150),
            (
                "LD-CAPHE-TUILOC-BONDUNG-H20",
                "Hộp 20 gói",
                "Box of 20",
                330,
                (150, 110, 180),
                145_000,
                70,
            ),
        ],
    },
    {
        "slug": "ca-phe-arabica-honey-bon-dung",
        "name": "Cà phê Arabica chế biến honey Bon Đưng",
        "name_en": "Bon Dung honey-process Arabica coffee",
        "producer": "tht-ca-phe-kho-bon-dung",
        "category": "ca-phe-ca-cao",
        "stars": 4,
        "score": 86,
        "potential_five": True,
        "shape": "bag",
        "label": "Honey",
        "desc": [
            "Quả chín được xát vỏ nhưng giữ lại lớp nhớt ngọt quanh hạt rồi phơi chậm trên giàn "
            "tre gần ba tuần: cách chế biến honey cho vị ngọt như mật và thân vị tròn.",
            "Sản lượng mỗi vụ chỉ vài trăm ký; sản phẩm đang chờ đánh giá cấp trung ương.",
        ],
        "desc_en": [
            "Ripe cherries are pulped but keep the sweet mucilage around the bean and dry slowly "
            "on bamboo beds for almost three weeks: the honey process gives a honey-like "
            "sweetness and a round body.",
            "Only a few hundred kilograms a season; the product awaits central evaluation.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-HONEY-BONDUNG-250G", "250g", "250 g", 280, _BAG_250, 235_000, 40),
            ("LD-CAPHE-HONEY-BONDUNG-500G", "500g", "500 g", 540, _BAG_500, 450_000, 3),
        ],
    },
    {
        "slug": "ca-phe-arabica-rang-xay-chu-mui",
        "name": "Cà phê Arabica rang xay Chư Mui",
        "name_en": "Chu Mui ground roasted Arabica coffee",
        "producer": "htx-ca-phe-arabica-chu-mui",
        "category": "ca-phe-ca-cao",
        "stars": 4,
        "score": 76,
        "shape": "bag",
        "label": "Chư Mui",
        "desc": [
            "Arabica Catimor và Typica từ sườn đồi Chư Mui, sơ chế ướt, rang vừa đậm.",
            "Vị đậm, chua nhẹ, hương cacao và caramel; hợp pha phin kiểu Việt Nam.",
        ],
        "desc_en": [
            "Catimor and Typica Arabica from the slopes of Chu Mui, washed and roasted "
            "medium-dark.",
            "Full-bodied with gentle acidity and notes of cocoa and caramel; made for the "
            "Vietnamese phin.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-ARABICA-CHUMUI-250G", "250g", "250 g", 280, _BAG_250, 145_000, 200),
            ("LD-CAPHE-ARABICA-CHUMUI-500G", "500g", "500 g", 540, _BAG_500, 275_000, 90),
        ],
    },
    {
        "slug": "ca-phe-arabica-culi-chu-mui",
        "name": "Cà phê Arabica Culi Chư Mui",
        "name_en": "Chu Mui Peaberry Arabica coffee",
        "producer": "htx-ca-phe-arabica-chu-mui",
        "category": "ca-phe-ca-cao",
        "stars": 3,
        "score": 58,
        "shape": "bag",
        "label": "Culi",
        "desc": [
            "Hạt culi (peaberry) là những hạt tròn mọc một mình trong quả, được lựa riêng bằng "
            "máy sàng và bằng tay.",
            "Rang vừa, vị đậm và thơm hơn hạt thường; bán dạng xay sẵn.",
        ],
        "desc_en": [
            "Peaberries are round single beans that grow alone in the cherry, sorted out by "
            "screen and by hand.",
            "Medium roasted, stronger and more aromatic than ordinary beans; sold ground.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-CULI-CHUMUI-250G", "250g", "250 g", 280, _BAG_250, 135_000, 70),
            ("LD-CAPHE-CULI-CHUMUI-500G", "500g", "500 g", 540, _BAG_500, 255_000, 25),
        ],
    },
    {
        "slug": "ca-phe-phin-giay-chu-mui",
        "name": "Cà phê phin giấy Arabica Chư Mui",
        "name_en": "Chu Mui Arabica paper-filter coffee",
        "producer": "htx-ca-phe-arabica-chu-mui",
        "category": "ca-phe-ca-cao",
        "stars": 3,
        "score": 55,
        "shape": "box",
        "label": "Phin giấy",
        "desc": [
            "Phin giấy dùng một lần chứa sẵn 15g cà phê Arabica rang vừa, pha ngay trên cốc.",
            "Giấy lọc không tẩy trắng, phân hủy được.",
        ],
        "desc_en": [
            "Single-use paper filters holding 15 g of medium-roast Arabica, brewed straight "
            "over a cup.",
            "Unbleached, compostable filter paper.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            (
                "LD-CAPHE-PHINGIAY-CHUMUI-H10",
                "Hộp 10 gói",
                "Box of 10",
                210,
                _DRIP_BOX,
                85_000,
                110,
            ),
        ],
    },
    {
        "slug": "ca-phe-arabica-rang-moc-dung-kno",
        "name": "Cà phê Arabica rang mộc Đưng K'Nớ",
        "name_en": "Dung K'No plain-roast Arabica coffee",
        "producer": "tht-ca-phe-dung-k-no",
        "category": "ca-phe-ca-cao",
        "stars": 4,
        "score": 74,
        "shape": "bag",
        "label": "Đưng K'Nớ",
        "desc": [
            "Cà phê Arabica từ thung lũng Đưng K'Nớ, rang mộc không tẩm bơ, đường hay hương liệu.",
            "Hương hoa nhẹ, vị ngọt hậu; xay sẵn cỡ vừa.",
        ],
        "desc_en": [
            "Arabica from the Dung K'No valley, roasted plain with no butter, sugar or flavouring.",
            "Light floral aroma and a sweet finish; medium ground.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-RANGMOC-DUNGKNO-250G", "250g", "250 g", 280, _BAG_250, 150_000, 85),
            ("LD-CAPHE-RANGMOC-DUNGKNO-500G", "500g", "500 g", 540, _BAG_500, 285_000, 30),
        ],
    },
    {
        "slug": "ca-phe-arabica-tui-loc-dung-kno",
        "name": "Cà phê Arabica túi lọc Đưng K'Nớ",
        "name_en": "Dung K'No Arabica drip-bag coffee",
        "producer": "tht-ca-phe-dung-k-no",
        "category": "ca-phe-ca-cao",
        "stars": 3,
        "score": 57,
        "shape": "box",
        "label": "Drip Đưng K'Nớ",
        "desc": [
            "Túi lọc treo cốc 12g cà phê Arabica rang mộc Đưng K'Nớ, mỗi gói đóng khí ni-tơ "
            "để giữ hương.",
            "Pha với 150ml nước nóng khoảng 92 độ.",
        ],
        "desc_en": [
            "12 g hanging drip bags of Dung K'No plain-roast Arabica, each flushed with nitrogen "
            "to keep the aroma.",
            "Brew with 150 ml of water at about 92 °C.",
        ],
        "storage": _STORAGE_COFFEE,
        "variants": [
            ("LD-CAPHE-TUILOC-DUNGKNO-H10", "Hộp 10 gói", "Box of 10", 180, _DRIP_BOX, 90_000, 95),
            (
                "LD-CAPHE-TUILOC-DUNGKNO-H15",
                "Hộp 15 gói",
                "Box of 15",
                260,
                (150, 85, 180),
                125_000,
                40,
            ),
        ],
    },
]
