"""DEMO DATA: artichoke, mushroom, vegetable, brocade, jar wine, honey and codonopsis products of
the Lạc Dương demonstration catalogue.

Invented for demonstration; prices are estimates within DOMAIN.md's demo ranges (artichoke tea
40,000–180,000 ₫, dried shiitake 60,000–300,000 ₫, brocade scarf 150,000–800,000 ₫). Variant
tuples are ``(sku, name, name_en, weight_g incl. packaging, (l, w, h) mm, price ₫, stock)``.
"""

from __future__ import annotations

from typing import Any

_TEA_BOX = (160, 70, 90)
_GLASS_JAR = (70, 70, 80)
_HONEY_500 = (75, 75, 220)

_STORAGE_DRY = (
    "Bảo quản nơi khô ráo, thoáng mát; đóng kín túi sau khi dùng.",
    "Keep in a cool, dry place; reseal after use.",
)
_STORAGE_FRESH = (
    "Giữ lạnh 2–6°C, dùng trong 5 ngày. Chỉ giao nội tỉnh và các tỉnh lân cận.",
    "Keep chilled at 2–6 °C and use within 5 days. Delivered within the province and "
    "neighbouring provinces only.",
)
_STORAGE_TEXTILE = (
    "Giặt tay bằng nước lạnh, không vắt mạnh, phơi trong bóng râm.",
    "Hand wash cold, do not wring, dry in the shade.",
)
_STORAGE_HONEY = (
    "Đậy kín, để nơi thoáng mát, không cần để tủ lạnh. Mật kết tinh khi trời lạnh là bình thường.",
    "Keep closed in a cool place; no need to refrigerate. Crystallising in cold weather is "
    "natural.",
)
_HEALTH_NOTE = (
    "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh.",
    "This food is not a medicine and does not replace medical treatment.",
)
_ALCOHOL_NOTE = (
    "Sản phẩm có cồn, không bán cho người dưới 18 tuổi.",
    "Contains alcohol; not sold to anyone under 18.",
)

HIGHLAND_PRODUCTS: list[dict[str, Any]] = [
    {
        "slug": "tra-atiso-tui-loc-lang-biang",
        "name": "Trà atiso túi lọc Lang Biang",
        "name_en": "Lang Biang artichoke tea bags",
        "producer": "cong-ty-cp-atiso-lang-biang",
        "category": "che-tra",
        "stars": 4,
        "score": 75,
        "shape": "box",
        "label": "Trà atiso",
        "desc": [
            "Thân, rễ, lá và bông atiso trồng theo VietGAP ở Lạc Dương, sấy và phối trộn, đóng "
            "túi lọc 2g. Nước trà vàng nâu, vị ngọt mát.",
            "Hãm một túi với 200ml nước sôi trong 3–5 phút; uống nóng hoặc lạnh.",
        ],
        "desc_en": [
            "Stems, roots, leaves and flowers of VietGAP artichoke from Lac Duong, dried and "
            "blended into 2 g tea bags. A golden-brown, sweet and cooling tea.",
            "Steep one bag in 200 ml of boiling water for 3–5 minutes; drink hot or iced.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-TRA-ATISO-TUILOC-H20", "Hộp 20 túi", "Box of 20 bags", 70, _TEA_BOX, 55_000, 200),
            (
                "LD-TRA-ATISO-TUILOC-H50",
                "Hộp 50 túi",
                "Box of 50 bags",
                150,
                (200, 90, 110),
                120_000,
                85,
            ),
        ],
    },
    {
        "slug": "cao-atiso-lang-biang",
        "name": "Cao atiso Lang Biang",
        "name_en": "Lang Biang artichoke extract",
        "producer": "cong-ty-cp-atiso-lang-biang",
        "category": "thuc-pham-chuc-nang",
        "stars": 4,
        "score": 79,
        "shape": "jar",
        "label": "Cao atiso",
        "fragile": True,
        "desc": [
            "Cao đặc chiết từ thân, rễ và lá atiso, cô chân không ở nhiệt độ thấp. Pha một "
            "thìa cà phê cao với nước ấm.",
            _HEALTH_NOTE[0],
        ],
        "desc_en": [
            "Thick extract of artichoke stems, roots and leaves, vacuum-concentrated at low "
            "temperature. Stir a teaspoon into warm water.",
            _HEALTH_NOTE[1],
        ],
        "storage": (
            "Đậy kín, để nơi khô mát; dùng thìa khô sạch khi lấy cao.",
            "Keep closed in a cool, dry place; use a clean, dry spoon.",
        ),
        "variants": [
            ("LD-CAO-ATISO-100G", "Hũ 100g", "100 g jar", 240, _GLASS_JAR, 110_000, 90),
            ("LD-CAO-ATISO-200G", "Hũ 200g", "200 g jar", 380, (80, 80, 95), 195_000, 45),
        ],
    },
    {
        "slug": "tra-bong-atiso-say-kho-lang-biang",
        "name": "Trà bông atiso sấy khô Lang Biang",
        "name_en": "Lang Biang dried artichoke flower tea",
        "producer": "cong-ty-cp-atiso-lang-biang",
        "category": "che-tra",
        "stars": 3,
        "score": 60,
        "shape": "leaf",
        "label": "Bông atiso",
        "desc": [
            "Bông atiso thái lát, sấy lạnh giữ màu xanh. Hãm 3–4 lát với nước sôi, có thể "
            "thêm đường phèn.",
        ],
        "desc_en": [
            "Sliced artichoke flower heads, cold-dried to keep their green colour. Steep 3–4 "
            "slices in boiling water, with rock sugar if you like.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-TRA-BONG-ATISO-200G", "Túi 200g", "200 g bag", 260, (220, 60, 300), 165_000, 60),
        ],
    },
    {
        "slug": "tra-atiso-hoa-tan-lang-biang",
        "name": "Trà atiso hòa tan Lang Biang",
        "name_en": "Lang Biang instant artichoke tea",
        "producer": "cong-ty-cp-atiso-lang-biang",
        "category": "che-tra",
        "stars": 3,
        "score": 52,
        "shape": "box",
        "label": "Hòa tan",
        "desc": [
            "Bột trà atiso hòa tan, gói 15g, pha với nước nóng hoặc nước lạnh đều tan nhanh.",
        ],
        "desc_en": ["Instant artichoke tea in 15 g sachets; dissolves in hot or cold water."],
        "storage": _STORAGE_DRY,
        "variants": [
            (
                "LD-TRA-ATISO-HOATAN-H20",
                "Hộp 20 gói",
                "Box of 20 sachets",
                320,
                (180, 90, 120),
                85_000,
                150,
            ),
        ],
    },
    {
        "slug": "nam-huong-kho-da-chais",
        "name": "Nấm hương khô Đạ Chais",
        "name_en": "Da Chais dried shiitake mushrooms",
        "producer": "htx-nam-huong-da-chais",
        "category": "nong-san-so-che",
        "stars": 4,
        "score": 73,
        "shape": "mushroom",
        "label": "Đạ Chais",
        "desc": [
            "Nấm hương trồng trên phôi mùn cưa trong nhà lá, hái khi mũ nấm còn khum, sấy bằng "
            "lò có bộ trao đổi nhiệt nên không ám khói.",
            "Ngâm nước ấm 20 phút trước khi nấu; hợp món hầm, xào và nấu cháo.",
        ],
        "desc_en": [
            "Shiitake grown on sawdust blocks in thatched houses, picked while the caps are "
            "still curled and dried with a heat exchanger, so never smoky.",
            "Soak in warm water for 20 minutes before cooking; good in stews, stir-fries and "
            "rice porridge.",
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-NAMHUONG-DACHAIS-100G", "Túi 100g", "100 g bag", 140, (180, 60, 260), 95_000, 120),
            ("LD-NAMHUONG-DACHAIS-250G", "Túi 250g", "250 g bag", 300, (220, 80, 320), 220_000, 50),
            (
                "LD-NAMHUONG-DACHAIS-500G",
                "Hộp 500g",
                "500 g box",
                620,
                (250, 180, 120),
                295_000,
                15,
            ),
        ],
    },
    {
        "slug": "nam-huong-tuoi-da-chais",
        "name": "Nấm hương tươi Đạ Chais",
        "name_en": "Da Chais fresh shiitake mushrooms",
        "producer": "htx-nam-huong-da-chais",
        "category": "nong-san-tuoi-song",
        "stars": 3,
        "score": 58,
        "shape": "mushroom",
        "label": "Nấm tươi",
        "perishable": True,
        "desc": [
            "Nấm hương tươi hái trong ngày, đóng khay màng co, giữ lạnh khi giao.",
        ],
        "desc_en": ["Fresh shiitake picked the same day, packed on film-wrapped trays, chilled."],
        "storage": _STORAGE_FRESH,
        "variants": [
            ("LD-NAMTUOI-DACHAIS-300G", "Khay 300g", "300 g tray", 360, (220, 150, 70), 65_000, 30),
        ],
    },
    {
        "slug": "nam-linh-chi-do-da-chais",
        "name": "Nấm linh chi đỏ thái lát Đạ Chais",
        "name_en": "Da Chais sliced red reishi mushroom",
        "producer": "htx-nam-huong-da-chais",
        "category": "thuc-pham-chuc-nang",
        "stars": 3,
        "score": 55,
        "shape": "mushroom",
        "label": "Linh chi",
        "desc": [
            "Nấm linh chi đỏ trồng trên phôi gỗ, thái lát mỏng và sấy khô; sắc nước uống "
            "hằng ngày.",
            _HEALTH_NOTE[0],
        ],
        "desc_en": [
            "Red reishi grown on wood blocks, thinly sliced and dried; simmer as a daily drink.",
            _HEALTH_NOTE[1],
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-LINHCHI-DACHAIS-250G", "Túi 250g", "250 g bag", 300, (220, 80, 320), 280_000, 35),
        ],
    },
    {
        "slug": "xa-lach-thuy-canh-lac-duong",
        "name": "Rau xà lách thủy canh Lạc Dương",
        "name_en": "Lac Duong hydroponic lettuce",
        "producer": "htx-rau-thuy-canh-lac-duong",
        "category": "nong-san-tuoi-song",
        "stars": 3,
        "score": 57,
        "shape": "leaf",
        "label": "Thủy canh",
        "perishable": True,
        "desc": [
            "Xà lách thủy canh cắt cả gốc, đóng hộp và giữ lạnh tại vườn; lá giòn, sạch cát, "
            "không dùng thuốc bảo vệ thực vật.",
        ],
        "desc_en": [
            "Hydroponic lettuce cut with its roots, boxed and chilled at the farm; crisp, "
            "grit-free leaves grown without pesticides.",
        ],
        "storage": _STORAGE_FRESH,
        "variants": [
            ("LD-XALACH-THUYCANH-500G", "Hộp 500g", "500 g box", 580, (250, 180, 100), 42_000, 60),
        ],
    },
    {
        "slug": "cai-kale-thuy-canh-lac-duong",
        "name": "Cải xoăn kale thủy canh Lạc Dương",
        "name_en": "Lac Duong hydroponic kale",
        "producer": "htx-rau-thuy-canh-lac-duong",
        "category": "nong-san-tuoi-song",
        "stars": 3,
        "score": 53,
        "shape": "leaf",
        "label": "Kale",
        "perishable": True,
        "desc": [
            "Cải xoăn kale thủy canh, lá non mềm; làm salad, nước ép hoặc xào tỏi.",
        ],
        "desc_en": ["Tender young hydroponic kale for salads, juices or stir-fried with garlic."],
        "storage": _STORAGE_FRESH,
        "variants": [
            ("LD-KALE-THUYCANH-300G", "Hộp 300g", "300 g box", 370, (220, 160, 90), 38_000, 2),
        ],
    },
    {
        "slug": "khan-choang-tho-cam-bon-dong",
        "name": "Khăn choàng thổ cẩm K'Ho Bon Đơng",
        "name_en": "Bon Dong K'Ho brocade shawl",
        "producer": "tht-det-tho-cam-kho-bon-dong",
        "category": "det-may",
        "stars": 4,
        "score": 81,
        "shape": "scarf",
        "label": "Thổ cẩm K'Ho",
        "desc": [
            "Khăn choàng dệt tay trên khung dệt đeo lưng, sợi nhuộm lá rừng; mỗi tấm mất năm "
            "đến bảy ngày dệt. Hoa văn cây thông và con suối của người K'Ho.",
            "Vì dệt tay nên mỗi tấm có màu và hoa văn hơi khác nhau.",
        ],
        "desc_en": [
            "A shawl hand-woven on a backstrap loom from yarn dyed with forest leaves; each "
            "takes five to seven days. K'Ho pine-tree and stream patterns.",
            "Being hand-woven, each piece differs slightly in colour and pattern.",
        ],
        "storage": _STORAGE_TEXTILE,
        "variants": [
            (
                "LD-KHAN-THOCAM-BONDONG-30X180",
                "Khổ 30x180cm",
                "30 × 180 cm",
                220,
                (300, 200, 30),
                450_000,
                3,
            ),
            (
                "LD-KHAN-THOCAM-BONDONG-50X200",
                "Khổ 50x200cm",
                "50 × 200 cm",
                380,
                (320, 240, 40),
                720_000,
                8,
            ),
        ],
    },
    {
        "slug": "tui-xach-tho-cam-bon-dong",
        "name": "Túi xách thổ cẩm K'Ho Bon Đơng",
        "name_en": "Bon Dong K'Ho brocade handbag",
        "producer": "tht-det-tho-cam-kho-bon-dong",
        "category": "det-may",
        "stars": 4,
        "score": 71,
        "shape": "scarf",
        "label": "Túi thổ cẩm",
        "desc": [
            "Túi đeo vai may từ vải thổ cẩm dệt tay, lót vải bố, có khóa kéo và túi nhỏ bên trong.",
        ],
        "desc_en": [
            "Shoulder bag sewn from hand-woven brocade, canvas lined, with a zip and an inner "
            "pocket.",
        ],
        "storage": _STORAGE_TEXTILE,
        "variants": [
            (
                "LD-TUI-THOCAM-BONDONG-M",
                "Cỡ vừa 30x25cm",
                "Medium 30 × 25 cm",
                450,
                (320, 260, 60),
                350_000,
                25,
            ),
        ],
    },
    {
        "slug": "khan-trai-ban-tho-cam-bon-dong",
        "name": "Khăn trải bàn thổ cẩm K'Ho Bon Đơng",
        "name_en": "Bon Dong K'Ho brocade table runner",
        "producer": "tht-det-tho-cam-kho-bon-dong",
        "category": "det-may",
        "stars": 3,
        "score": 62,
        "shape": "scarf",
        "label": "Trải bàn",
        "desc": ["Khăn trải bàn dài dệt tay, tua rua hai đầu, hợp bàn ăn và bàn trà."],
        "desc_en": ["Hand-woven table runner with tassels at both ends, for dining or tea tables."],
        "storage": _STORAGE_TEXTILE,
        "variants": [
            (
                "LD-TRAIBAN-THOCAM-BONDONG-35X180",
                "Khổ 35x180cm",
                "35 × 180 cm",
                350,
                (320, 220, 40),
                280_000,
                15,
            ),
        ],
    },
    {
        "slug": "tam-treo-tuong-tho-cam-bon-dong",
        "name": "Tấm treo tường thổ cẩm K'Ho Bon Đơng",
        "name_en": "Bon Dong K'Ho brocade wall hanging",
        "producer": "tht-det-tho-cam-kho-bon-dong",
        "category": "do-gia-dung-trang-tri",
        "stars": 3,
        "score": 59,
        "shape": "scarf",
        "label": "Treo tường",
        "desc": ["Tấm thổ cẩm treo tường kèm thanh tre, hoa văn ngôi nhà dài và cây thông."],
        "desc_en": ["Brocade wall hanging on a bamboo rod, with long-house and pine patterns."],
        "storage": _STORAGE_TEXTILE,
        "variants": [
            (
                "LD-TREOTUONG-THOCAM-BONDONG-40X60",
                "Khổ 40x60cm",
                "40 × 60 cm",
                300,
                (450, 80, 60),
                320_000,
                12,
            ),
        ],
    },
    {
        "slug": "ruou-can-kho-dung-kno",
        "name": "Rượu cần K'Ho Đưng K'Nớ",
        "name_en": "Dung K'No K'Ho jar rice wine",
        "producer": "csx-ruou-can-dung-k-no",
        "category": "do-uong-co-con",
        "stars": 3,
        "score": 60,
        "shape": "jar",
        "label": "Rượu cần",
        "fragile": True,
        "desc": [
            "Gạo nương và bắp ủ với men lá rừng trong ché sành, kèm hai cần trúc. Khi uống rót "
            "thêm nước suối sạch vào ché.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "Upland rice and maize fermented with forest-leaf yeast in a clay jar, with two "
            "bamboo straws. Top up with clean spring water to drink.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": (
            "Để nơi thoáng mát, tránh nắng; dùng trong 6 tháng.",
            "Keep in a cool place out of the sun; drink within 6 months.",
        ),
        "variants": [
            (
                "LD-RUOUCAN-DUNGKNO-2L",
                "Ché 2 lít",
                "2 litre jar",
                3_500,
                (200, 200, 260),
                280_000,
                25,
            ),
        ],
    },
    {
        "slug": "ruou-can-men-la-rung-dung-kno",
        "name": "Rượu cần men lá rừng Đưng K'Nớ",
        "name_en": "Dung K'No forest-leaf yeast jar wine",
        "producer": "csx-ruou-can-dung-k-no",
        "category": "do-uong-co-con",
        "stars": 4,
        "score": 73,
        "shape": "jar",
        "label": "Men lá rừng",
        "fragile": True,
        "desc": [
            "Ché lớn ủ hai tháng theo công thức men lá rừng của gia đình, dành cho ngày hội và "
            "tiệc đông người. Ché sành giữ lại được làm vật trang trí.",
            _ALCOHOL_NOTE[0],
        ],
        "desc_en": [
            "A large jar aged two months with the family's forest-leaf yeast, for festivals "
            "and big gatherings. Keep the clay jar as a decoration.",
            _ALCOHOL_NOTE[1],
        ],
        "storage": (
            "Để nơi thoáng mát, tránh nắng; dùng trong 6 tháng.",
            "Keep in a cool place out of the sun; drink within 6 months.",
        ),
        "variants": [
            (
                "LD-RUOUCAN-MENLA-DUNGKNO-5L",
                "Ché 5 lít",
                "5 litre jar",
                7_500,
                (280, 280, 360),
                650_000,
                2,
            ),
        ],
    },
    {
        "slug": "mat-ong-hoa-ca-phe-dam-rong",
        "name": "Mật ong hoa cà phê Đam Rông",
        "name_en": "Dam Rong coffee blossom honey",
        "producer": "htx-ong-mat-dam-rong",
        "category": "nong-san-so-che",
        "stars": 4,
        "score": 76,
        "shape": "jar",
        "label": "Mật ong",
        "fragile": True,
        "desc": [
            "Mật ong vụ hoa cà phê, quay khi ong đã vít nắp nên đặc và thơm; màu hổ phách "
            "nhạt, vị ngọt thanh.",
        ],
        "desc_en": [
            "Coffee-blossom honey, extracted only from capped comb, so thick and fragrant; "
            "light amber with a clean sweetness.",
        ],
        "storage": _STORAGE_HONEY,
        "variants": [
            (
                "LD-MATONG-CAPHE-DAMRONG-500ML",
                "Chai 500ml",
                "500 ml bottle",
                1_050,
                _HONEY_500,
                195_000,
                80,
            ),
            (
                "LD-MATONG-CAPHE-DAMRONG-1L",
                "Chai 1 lít",
                "1 litre bottle",
                1_900,
                (90, 90, 280),
                360_000,
                35,
            ),
        ],
    },
    {
        "slug": "mat-ong-rung-dam-rong",
        "name": "Mật ong rừng Đam Rông",
        "name_en": "Dam Rong wild forest honey",
        "producer": "htx-ong-mat-dam-rong",
        "category": "nong-san-so-che",
        "stars": 3,
        "score": 65,
        "shape": "jar",
        "label": "Mật ong rừng",
        "fragile": True,
        "desc": [
            "Mật từ đàn ong đặt ven rừng, nhiều loại hoa dại; màu sẫm, vị đậm, hơi đắng nhẹ ở hậu.",
        ],
        "desc_en": [
            "Honey from hives on the forest edge, from many wild flowers; dark and strong, with "
            "a slightly bitter finish.",
        ],
        "storage": _STORAGE_HONEY,
        "variants": [
            (
                "LD-MATONG-RUNG-DAMRONG-500ML",
                "Chai 500ml",
                "500 ml bottle",
                1_050,
                _HONEY_500,
                280_000,
                30,
            ),
        ],
    },
    {
        "slug": "phan-hoa-ong-dam-rong",
        "name": "Phấn hoa ong Đam Rông",
        "name_en": "Dam Rong bee pollen",
        "producer": "htx-ong-mat-dam-rong",
        "category": "nong-san-so-che",
        "stars": 3,
        "score": 56,
        "shape": "jar",
        "label": "Phấn hoa",
        "fragile": True,
        "desc": [
            "Phấn hoa ong thu từ vườn cà phê và hoa rừng, sấy lạnh, đựng hũ thủy tinh.",
        ],
        "desc_en": [
            "Bee pollen from coffee gardens and forest flowers, cold-dried, in a glass jar."
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-PHANHOA-DAMRONG-250G", "Hũ 250g", "250 g jar", 420, (80, 80, 95), 160_000, 45),
        ],
    },
    {
        "slug": "sam-day-say-kho-lang-biang",
        "name": "Sâm dây sấy khô Lang Biang",
        "name_en": "Lang Biang dried codonopsis root",
        "producer": "hkd-sam-day-lang-biang",
        "category": "thuc-pham-chuc-nang",
        "stars": 4,
        "score": 74,
        "shape": "leaf",
        "label": "Sâm dây",
        "desc": [
            "Củ sâm dây trồng dưới tán vườn cà phê, thu hoạch sau ba năm, đồ và sấy ở nhiệt độ "
            "thấp. Dùng hầm gà, nấu canh hoặc hãm trà.",
            _HEALTH_NOTE[0],
        ],
        "desc_en": [
            "Codonopsis roots grown under coffee trees, harvested after three years, steamed and "
            "dried at low temperature. Use in chicken soups, broths or as tea.",
            _HEALTH_NOTE[1],
        ],
        "storage": _STORAGE_DRY,
        "variants": [
            ("LD-SAMDAY-LANGBIANG-100G", "Túi 100g", "100 g bag", 140, (180, 60, 260), 260_000, 40),
            ("LD-SAMDAY-LANGBIANG-250G", "Túi 250g", "250 g bag", 310, (220, 80, 320), 600_000, 10),
        ],
    },
    {
        "slug": "sam-day-ngam-mat-ong-lang-biang",
        "name": "Sâm dây ngâm mật ong Lang Biang",
        "name_en": "Lang Biang codonopsis in honey",
        "producer": "hkd-sam-day-lang-biang",
        "category": "thuc-pham-chuc-nang",
        "stars": 3,
        "score": 58,
        "shape": "jar",
        "label": "Sâm mật ong",
        "fragile": True,
        "desc": [
            "Sâm dây thái lát ngâm mật ong hoa cà phê Đam Rông ít nhất ba tháng.",
            _HEALTH_NOTE[0],
        ],
        "desc_en": [
            "Sliced codonopsis steeped in Dam Rong coffee-blossom honey for at least three months.",
            _HEALTH_NOTE[1],
        ],
        "storage": _STORAGE_HONEY,
        "variants": [
            ("LD-SAMDAY-MATONG-500ML", "Hũ 500ml", "500 ml jar", 1_100, (95, 95, 140), 350_000, 25),
        ],
    },
]
