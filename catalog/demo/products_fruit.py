"""DEMO DATA: raspberry, wine, strawberry and persimmon products of the Lạc Dương
demonstration catalogue.

Invented for demonstration; prices are estimates within DOMAIN.md's demo ranges (raspberry wine
750 ml 250,000–450,000 ₫ at about 1.4 kg and fragile; jam 200–500 g 60,000–150,000 ₫). Variant
tuples are ``(sku, name, name_en, weight_g incl. packaging, (l, w, h) mm, price ₫, stock)``.
"""

from __future__ import annotations

from typing import Any

_BOTTLE_750 = (90, 90, 330)
_BOTTLE_375 = (75, 75, 260)
_BOTTLE_500 = (75, 75, 240)
_JAR_SMALL = (80, 80, 95)
_JAR_LARGE = (95, 95, 125)

_STORAGE_WINE = (
    "Bảo quản nơi thoáng mát, tránh nắng; đặt nằm chai. Uống ngon nhất khi ướp lạnh 10–12°C.",
    "Store lying down in a cool place out of the sun. Best served chilled at 10–12 °C.",
)
_STORAGE_JAM = (
    "Bảo quản nơi khô mát; sau khi mở nắp giữ trong ngăn mát tủ lạnh và dùng trong 30 ngày.",
    "Keep cool and dry; once opened, refrigerate and use within 30 days.",
)
_STORAGE_DRY = (
    "Bảo quản nơi khô ráo, thoáng mát; đóng kín túi sau khi dùng.",
    "Keep in a cool, dry place; reseal after use.",
)
_STORAGE_FRESH = (
    "Giữ lạnh 2–5°C, dùng trong 3 ngày. Chỉ giao nội tỉnh và các tỉnh lân cận.",
    "Keep chilled at 2–5 °C and eat within 3 days. Delivered within the province and "
    "neighbouring provinces only.",
)

_ALCOHOL_NOTE = (
    "Sản phẩm có cồn, không bán cho người dưới 18 tuổi.",
    "Contains alcohol; not sold to anyone under 18.",
)

FRUIT_PRODUCTS: list[dict[str, Any]] = [
    {
        "slug": "ruou-phuc-bon-tu-lang-biang",
        "name": "Rượu phúc bồn tử Lang Biang",
        "name_en": "Lang Biang raspberry wine",
        "producer": "htx-phuc-bon-tu-lang-biang",
        "category": "do-uong-co-con",
        "stars": 4,
        "score": 80,
        "shape": "bottle",
        "label": "Phúc bồn tử",
        "fragile": True,
        "desc": [
            "Rượu lên men tự nhiên từ trái phúc bồn tử chín trồng trên giàn ở Lang Biang, ủ ít "
            "nhất sáu tháng. Độ cồn 12%, màu đỏ ruby, vị ngọt chua hài hòa.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "Naturally fermented from ripe trellis-grown raspberries of Lang Biang and aged at "
            "least six months. 12% alcohol, ruby red, balanced sweet and tart.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": _STORAGE_WINE,
        "variants": [
            (
                "LD-RUOU-PBT-LANGBIANG-750ML",
                "Chai 750ml",
                "750 ml bottle",
                1_400,
                _BOTTLE_750,
                320_000,
                60,
            ),
            (
                "LD-RUOU-PBT-LANGBIANG-375ML",
                "Chai 375ml",
                "375 ml bottle",
                780,
                _BOTTLE_375,
                175_000,
                45,
            ),
        ],
    },
    {
        "slug": "mut-phuc-bon-tu-lang-biang",
        "name": "Mứt phúc bồn tử Lang Biang",
        "name_en": "Lang Biang raspberry jam",
        "producer": "htx-phuc-bon-tu-lang-biang",
        "category": "thuc-pham-che-bien",
        "stars": 4,
        "score": 72,
        "shape": "jar",
        "label": "Mứt phúc bồn tử",
        "fragile": True,
        "desc": [
            "Mứt nấu chậm từ 70% trái phúc bồn tử và đường mía, không phẩm màu, "
            "không chất bảo quản.",
            "Phết bánh mì, ăn kèm sữa chua hoặc pha nước uống.",
        ],
        "desc_en": [
            "Slow-cooked from 70% raspberries and cane sugar, with no colouring or preservatives.",
            "Spread on bread, serve with yoghurt or stir into a drink.",
        ],
        "storage": _STORAGE_JAM,
        "variants": [
            ("LD-MUT-PBT-LANGBIANG-200G", "Hũ 200g", "200 g jar", 380, _JAR_SMALL, 75_000, 140),
            ("LD-MUT-PBT-LANGBIANG-450G", "Hũ 450g", "450 g jar", 720, _JAR_LARGE, 140_000, 65),
        ],
    },
    {
        "slug": "nuoc-cot-phuc-bon-tu-lang-biang",
        "name": "Nước cốt phúc bồn tử Lang Biang",
        "name_en": "Lang Biang raspberry juice concentrate",
        "producer": "htx-phuc-bon-tu-lang-biang",
        "category": "do-uong-khong-con",
        "stars": 3,
        "score": 62,
        "shape": "bottle",
        "label": "Nước cốt",
        "fragile": True,
        "desc": [
            "Nước cốt ép từ trái phúc bồn tử chín, thanh trùng nhẹ. Pha 1 phần nước cốt với "
            "4 phần nước lọc hoặc soda, thêm đá.",
        ],
        "desc_en": [
            "Pressed from ripe raspberries and gently pasteurised. Mix one part with four parts "
            "water or soda and add ice.",
        ],
        "storage": _STORAGE_JAM,
        "variants": [
            (
                "LD-NUOCCOT-PBT-LANGBIANG-500ML",
                "Chai 500ml",
                "500 ml bottle",
                850,
                _BOTTLE_500,
                145_000,
                80,
            ),
        ],
    },
    {
        "slug": "tra-la-phuc-bon-tu-lang-biang",
        "name": "Trà lá phúc bồn tử túi lọc Lang Biang",
        "name_en": "Lang Biang raspberry leaf tea bags",
        "producer": "htx-phuc-bon-tu-lang-biang",
        "category": "che-tra",
        "stars": 3,
        "score": 56,
        "shape": "box",
        "label": "Trà lá",
        "desc": [
            "Lá phúc bồn tử non sấy lạnh, phối với trái sấy, đóng túi lọc 2g. Nước trà màu hồng "
            "nhạt, thơm nhẹ, uống nóng hoặc lạnh.",
        ],
        "desc_en": [
            "Young raspberry leaves, cold-dried and blended with dried fruit in 2 g tea bags. "
            "A pale pink, lightly fragrant tea, hot or iced.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            (
                "LD-TRA-PBT-LANGBIANG-H20",
                "Hộp 20 túi",
                "Box of 20 bags",
                90,
                (160, 70, 90),
                65_000,
                120,
            ),
        ],
    },
    {
        "slug": "siro-phuc-bon-tu-lang-biang",
        "name": "Siro phúc bồn tử Lang Biang",
        "name_en": "Lang Biang raspberry syrup",
        "producer": "htx-phuc-bon-tu-lang-biang",
        "category": "do-uong-khong-con",
        "stars": 3,
        "score": 59,
        "shape": "bottle",
        "label": "Siro",
        "fragile": True,
        "desc": [
            "Siro nấu từ trái phúc bồn tử và đường phèn; dùng pha nước, làm đá bào, rưới bánh.",
        ],
        "desc_en": [
            "Syrup cooked from raspberries and rock sugar, for drinks, shaved ice and cakes.",
        ],
        "storage": _STORAGE_JAM,
        "variants": [
            (
                "LD-SIRO-PBT-LANGBIANG-330ML",
                "Chai 330ml",
                "330 ml bottle",
                620,
                (70, 70, 210),
                95_000,
                75,
            ),
            (
                "LD-SIRO-PBT-LANGBIANG-750ML",
                "Chai 750ml",
                "750 ml bottle",
                1_300,
                _BOTTLE_750,
                185_000,
                30,
            ),
        ],
    },
    {
        "slug": "vang-phuc-bon-tu-cao-nguyen-xanh",
        "name": "Rượu vang phúc bồn tử Cao Nguyên Xanh",
        "name_en": "Cao Nguyen Xanh raspberry wine",
        "producer": "cong-ty-tnhh-vang-cao-nguyen-xanh",
        "category": "do-uong-co-con",
        "stars": 4,
        "score": 82,
        "shape": "bottle",
        "label": "Cao Nguyên Xanh",
        "fragile": True,
        "desc": [
            "Vang phúc bồn tử ủ lạnh trong hầm, lọc trong, độ cồn 13%. Hương quả mọng đậm, "
            "hậu vị chát nhẹ; hợp món thịt nướng và phô mai.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "Raspberry wine cold-aged in the cellar and filtered clear, 13% alcohol. Deep "
            "berry aroma with a light tannic finish; good with grilled meat and cheese.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": _STORAGE_WINE,
        "variants": [
            (
                "LD-VANG-PBT-CNX-750ML",
                "Chai 750ml",
                "750 ml bottle",
                1_400,
                _BOTTLE_750,
                395_000,
                50,
            ),
        ],
    },
    {
        "slug": "vang-dau-tam-cao-nguyen-xanh",
        "name": "Rượu vang dâu tằm Cao Nguyên Xanh",
        "name_en": "Cao Nguyen Xanh mulberry wine",
        "producer": "cong-ty-tnhh-vang-cao-nguyen-xanh",
        "category": "do-uong-co-con",
        "stars": 3,
        "score": 63,
        "shape": "bottle",
        "label": "Dâu tằm",
        "fragile": True,
        "desc": [
            "Vang lên men từ trái dâu tằm chín, màu tím sẫm, độ cồn 11%, vị ngọt dịu.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "Wine fermented from ripe mulberries, deep purple, 11% alcohol, mildly sweet.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": _STORAGE_WINE,
        "variants": [
            (
                "LD-VANG-DAUTAM-CNX-750ML",
                "Chai 750ml",
                "750 ml bottle",
                1_400,
                _BOTTLE_750,
                260_000,
                70,
            ),
        ],
    },
    {
        "slug": "vang-dau-tay-cao-nguyen-xanh",
        "name": "Rượu vang dâu tây Cao Nguyên Xanh",
        "name_en": "Cao Nguyen Xanh strawberry wine",
        "producer": "cong-ty-tnhh-vang-cao-nguyen-xanh",
        "category": "do-uong-co-con",
        "stars": 3,
        "score": 60,
        "shape": "bottle",
        "label": "Dâu tây",
        "fragile": True,
        "desc": [
            "Vang dâu tây màu hồng nhạt, hương dâu chín tươi, độ cồn 11%. Sản lượng ít, "
            "chỉ làm vào mùa dâu.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "Pale pink strawberry wine with a fresh ripe-berry aroma, 11% alcohol. Small "
            "batches, made only in strawberry season.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": _STORAGE_WINE,
        "variants": [
            (
                "LD-VANG-DAUTAY-CNX-750ML",
                "Chai 750ml",
                "750 ml bottle",
                1_400,
                _BOTTLE_750,
                275_000,
                1,
            ),
        ],
    },
    {
        "slug": "dau-tay-tuoi-da-nghit",
        "name": "Dâu tây tươi Đạ Nghịt",
        "name_en": "Da Nghit fresh strawberries",
        "producer": "hkd-dau-tay-da-nghit",
        "category": "nong-san-tuoi-song",
        "stars": 3,
        "score": 66,
        "shape": "berries",
        "label": "Đạ Nghịt",
        "perishable": True,
        "desc": [
            "Dâu tây trồng trên giá thể treo trong nhà kính, hái chín buổi sáng và giao trong "
            "ngày. Quả chắc, ngọt, thơm.",
        ],
        "desc_en": [
            "Strawberries grown in hanging troughs in a greenhouse, picked ripe in the morning "
            "and delivered the same day. Firm, sweet and fragrant.",
        ],
        "storage": _STORAGE_FRESH,
        "variants": [
            ("LD-DAUTAY-DANGHIT-500G", "Hộp 500g", "500 g box", 600, (200, 140, 80), 110_000, 40),
            ("LD-DAUTAY-DANGHIT-1KG", "Hộp 1kg", "1 kg box", 1_150, (260, 180, 90), 210_000, 0),
        ],
    },
    {
        "slug": "mut-dau-tay-da-nghit",
        "name": "Mứt dâu tây Đạ Nghịt",
        "name_en": "Da Nghit strawberry jam",
        "producer": "hkd-dau-tay-da-nghit",
        "category": "thuc-pham-che-bien",
        "stars": 3,
        "score": 57,
        "shape": "jar",
        "label": "Mứt dâu",
        "fragile": True,
        "desc": [
            "Mứt dâu tây còn miếng, nấu từ dâu chín của vườn, ít ngọt.",
        ],
        "desc_en": ["Chunky strawberry jam from the farm's ripe fruit, lightly sweetened."],
        "storage": _STORAGE_JAM,
        "variants": [
            ("LD-MUT-DAUTAY-DANGHIT-250G", "Hũ 250g", "250 g jar", 430, _JAR_SMALL, 70_000, 90),
        ],
    },
    {
        "slug": "dau-tay-say-deo-da-nghit",
        "name": "Dâu tây sấy dẻo Đạ Nghịt",
        "name_en": "Da Nghit soft dried strawberries",
        "producer": "hkd-dau-tay-da-nghit",
        "category": "thuc-pham-che-bien",
        "stars": 3,
        "score": 54,
        "shape": "bag",
        "label": "Sấy dẻo",
        "desc": [
            "Dâu tây sấy dẻo ở nhiệt độ thấp, giữ màu đỏ và vị chua ngọt tự nhiên; món ăn vặt "
            "và quà tặng được ưa chuộng.",
        ],
        "desc_en": [
            "Strawberries dried soft at low temperature, keeping their red colour and natural "
            "sweet-sour taste; a favourite snack and gift.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            (
                "LD-DAUTAY-SAY-DANGHIT-200G",
                "Túi 200g",
                "200 g bag",
                230,
                (160, 40, 230),
                95_000,
                110,
            ),
            (
                "LD-DAUTAY-SAY-DANGHIT-500G",
                "Túi 500g",
                "500 g bag",
                545,
                (200, 60, 280),
                220_000,
                35,
            ),
        ],
    },
    {
        "slug": "hong-treo-gio-lang-biang",
        "name": "Hồng treo gió Lang Biang",
        "name_en": "Lang Biang wind-dried persimmons",
        "producer": "cong-ty-tnhh-nong-san-lang-biang",
        "category": "thuc-pham-che-bien",
        "stars": 4,
        "score": 77,
        "shape": "box",
        "label": "Hồng treo gió",
        "desc": [
            "Hồng gọt vỏ bằng tay, treo gió trong nhà kính khoảng bốn tuần và xoa nhẹ mỗi ngày "
            "cho đến khi dẻo, phủ lớp phấn đường tự nhiên. Không dùng lưu huỳnh.",
        ],
        "desc_en": [
            "Persimmons peeled by hand, hung in a ventilated greenhouse for about four weeks "
            "and massaged daily until soft, with a natural sugar bloom. No sulphur used.",
        ],
        "storage": (
            "Giữ trong ngăn mát tủ lạnh, dùng trong 30 ngày; có thể để ngăn đông 6 tháng.",
            "Keep refrigerated and eat within 30 days, or freeze for up to 6 months.",
        ),
        "variants": [
            (
                "LD-HONG-TREOGIO-LANGBIANG-500G",
                "Hộp 500g",
                "500 g box",
                650,
                (220, 150, 70),
                240_000,
                55,
            ),
            (
                "LD-HONG-TREOGIO-LANGBIANG-1KG",
                "Hộp 1kg",
                "1 kg box",
                1_250,
                (280, 200, 80),
                460_000,
                20,
            ),
        ],
    },
    {
        "slug": "hong-say-deo-lang-biang",
        "name": "Hồng sấy dẻo Lang Biang",
        "name_en": "Lang Biang soft dried persimmons",
        "producer": "cong-ty-tnhh-nong-san-lang-biang",
        "category": "thuc-pham-che-bien",
        "stars": 3,
        "score": 61,
        "shape": "bag",
        "label": "Hồng sấy",
        "desc": [
            "Hồng cắt lát sấy dẻo ở nhiệt độ thấp, ngọt tự nhiên, không thêm đường.",
        ],
        "desc_en": ["Sliced persimmons dried soft at low temperature; naturally sweet, no sugar."],
        "storage": _STORAGE_DRY,
        "variants": [
            (
                "LD-HONG-SAYDEO-LANGBIANG-500G",
                "Túi 500g",
                "500 g bag",
                540,
                (200, 60, 280),
                150_000,
                130,
            ),
        ],
    },
    {
        "slug": "hat-mac-ca-nut-vo-lang-biang",
        "name": "Hạt mắc ca sấy nứt vỏ Lang Biang",
        "name_en": "Lang Biang cracked macadamia nuts",
        "producer": "cong-ty-tnhh-nong-san-lang-biang",
        "category": "nong-san-so-che",
        "stars": 3,
        "score": 58,
        "shape": "jar",
        "label": "Mắc ca",
        "desc": [
            "Mắc ca sấy nhiều ngày ở nhiệt độ thấp, tách nứt vỏ sẵn, kèm dụng cụ mở. Nhân béo, "
            "giòn, thơm.",
        ],
        "desc_en": [
            "Macadamias dried for several days at low temperature and pre-cracked, with an "
            "opener. Rich, crunchy kernels.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-MACCA-LANGBIANG-500G", "Túi 500g", "500 g bag", 550, (200, 60, 280), 195_000, 100),
            ("LD-MACCA-LANGBIANG-1KG", "Hũ 1kg", "1 kg tub", 1_200, (130, 130, 180), 370_000, 40),
        ],
    },
]
