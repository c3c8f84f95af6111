"""DEMO DATA: the 14 producers (chủ thể OCOP) of the Lạc Dương demonstration catalogue.

Invented for demonstration. The themes follow DOMAIN.md (K'Ho Arabica growers around Lang
Biang, raspberry, strawberry, artichoke, shiitake, hydroponic vegetables, brocade, rice wine in
jars, honey), but every name, person, number and story here is made up. Addresses use the wards
of the merged Lâm Đồng province (code 68) that replaced Lạc Dương district on 1 July 2025.

Story blocks are ``("p", text)`` paragraphs and ``("h", text)`` level-3 headers; the loader
turns them into EditorJS documents and appends the demo-data sentence.
"""

from __future__ import annotations

from typing import Any

PROVINCE_CODE = 68  # Lâm Đồng
WARD_LANG_BIANG = 24846  # Phường Lang Biang - Đà Lạt
WARD_LAC_DUONG = 24848  # Xã Lạc Dương
WARD_DAM_RONG_4 = 24853  # Xã Đam Rông 4

PRODUCERS: list[dict[str, Any]] = [
    {
        "slug": "tht-ca-phe-kho-bon-dung",
        "name": "Tổ hợp tác Cà phê K'Ho Bon Đưng",
        "name_en": "Bon Dung K'Ho Coffee Cooperative Group",
        "kind": "cooperative_group",
        "registration_number": "THT-LD-2016-014",
        "founded_year": 2016,
        "members": 18,
        "community": "Đồng bào K'Ho",
        "ward": WARD_LANG_BIANG,
        "street_address": "Thôn Bon Đưng 1",
        "contact_name": "Cil Ha Mai",
        "contact_phone": "+84900000101",
        "contact_email": "bondung.coffee@example.com",
        "colour": "#6f4e37",
        "story": [
            (
                "p",
                "Dưới chân núi Lang Biang, mười tám hộ K'Ho ở Bon Đưng trồng cà phê Arabica "
                "trên những nương đất đỏ ở độ cao hơn 1.500 mét. Trước đây cà phê được bán "
                "tươi cho thương lái với giá thấp; năm 2016 các gia đình cùng nhau lập tổ "
                "hợp tác để tự hái chín, tự sơ chế và rang xay.",
            ),
            ("h", "Hái chín từng quả"),
            (
                "p",
                "Mùa thu hoạch từ tháng Mười đến tháng Giêng. Chị em trong tổ chỉ hái quả "
                "chín đỏ, phơi trên giàn tre cao cho thoáng gió, rồi rang mẻ nhỏ để giữ vị "
                "chua thanh và hương trái cây đặc trưng của Arabica vùng cao.",
            ),
            ("h", "Giữ rừng, giữ nghề"),
            (
                "p",
                "Cà phê được trồng xen dưới tán cây thông và cây ăn quả, không dùng thuốc "
                "diệt cỏ. Một phần lợi nhuận được góp vào quỹ học bổng cho trẻ em trong bon.",
            ),
        ],
        "story_en": [
            (
                "p",
                "At the foot of Lang Biang mountain, eighteen K'Ho households in Bon Dung grow "
                "Arabica coffee on red-soil slopes above 1,500 metres. They used to sell fresh "
                "cherries to traders at low prices; in 2016 they formed a cooperative group to "
                "pick, process and roast the coffee themselves.",
            ),
            ("h", "Picking ripe cherries only"),
            (
                "p",
                "The harvest runs from October to January. The women of the group pick only "
                "ripe red cherries, dry them on raised bamboo beds and roast in small batches "
                "to keep the bright acidity and fruity aroma of highland Arabica.",
            ),
            ("h", "Keeping the forest and the craft"),
            (
                "p",
                "The coffee grows under pine and fruit trees, without herbicides. Part of the "
                "profit goes to a scholarship fund for the village children.",
            ),
        ],
    },
    {
        "slug": "htx-ca-phe-arabica-chu-mui",
        "name": "Hợp tác xã Cà phê Arabica Chư Mui",
        "name_en": "Chu Mui Arabica Coffee Cooperative",
        "kind": "cooperative",
        "registration_number": "5801234561",
        "founded_year": 2012,
        "members": 64,
        "community": "Đồng bào K'Ho và người Kinh",
        "ward": WARD_LAC_DUONG,
        "street_address": "Thôn Đạ Sar",
        "contact_name": "Kră Jăn K'Thơ",
        "contact_phone": "+84900000102",
        "contact_email": "chumui.coop@example.com",
        "colour": "#4b3621",
        "story": [
            (
                "p",
                "Hợp tác xã ra đời năm 2012 từ một nhóm nông dân Đạ Sar muốn bán cà phê theo "
                "chất lượng chứ không theo cân. Nay hợp tác xã có 64 thành viên, canh tác "
                "khoảng 120 héc-ta Arabica giống Catimor và Typica trên sườn đồi Chư Mui.",
            ),
            ("h", "Vùng nguyên liệu"),
            (
                "p",
                "Các vườn cà phê nằm ở độ cao 1.400–1.600 mét, sương mù nhiều, quả chín chậm "
                "nên hạt chắc và đậm vị. Thành viên ghi nhật ký canh tác, bón phân hữu cơ ủ "
                "từ vỏ cà phê và được cán bộ hợp tác xã kiểm tra trước mỗi vụ.",
            ),
            (
                "p",
                "Xưởng sơ chế ướt của hợp tác xã dùng nước suối lọc tuần hoàn; cà phê được "
                "rang theo từng lô có mã truy xuất in trên bao bì.",
            ),
        ],
        "story_en": [
            (
                "p",
                "The cooperative was founded in 2012 by Da Sar farmers who wanted to sell "
                "coffee by quality, not by weight. It now has 64 members farming about 120 "
                "hectares of Catimor and Typica Arabica on the slopes of Chu Mui hill.",
            ),
            ("h", "The growing area"),
            (
                "p",
                "The gardens lie at 1,400–1,600 metres; frequent mist slows ripening, which "
                "gives dense, full-flavoured beans. Members keep farming logs, use compost made "
                "from coffee husks and are checked by cooperative staff before each harvest.",
            ),
            (
                "p",
                "The cooperative's wet mill recirculates filtered stream water; every roast "
                "batch carries a traceability code on the bag.",
            ),
        ],
    },
    {
        "slug": "htx-phuc-bon-tu-lang-biang",
        "name": "Hợp tác xã Phúc bồn tử Lang Biang",
        "name_en": "Lang Biang Raspberry Cooperative",
        "kind": "cooperative",
        "registration_number": "5801234578",
        "founded_year": 2014,
        "members": 37,
        "community": "Đồng bào K'Ho, Chil",
        "ward": WARD_LANG_BIANG,
        "street_address": "Tổ dân phố Đăng Gia Rít",
        "contact_name": "Liêng Hót Ha Thu",
        "contact_phone": "+84900000103",
        "contact_email": "phucbontu.langbiang@example.com",
        "colour": "#a4133c",
        "story": [
            (
                "p",
                "Phúc bồn tử vốn là loài mâm xôi mọc dại ven rừng Lang Biang. Năm 2014, "
                "37 hộ đồng bào K'Ho và Chil góp đất, góp công lập hợp tác xã để trồng phúc "
                "bồn tử trên giàn và chế biến thành rượu, mứt, nước cốt và trà.",
            ),
            ("h", "Từ trái chín đến chai rượu"),
            (
                "p",
                "Trái được hái vào sáng sớm khi còn mát, chọn lại bằng tay rồi đưa ngay về "
                "xưởng. Rượu phúc bồn tử được ủ lên men tự nhiên ít nhất sáu tháng trong "
                "thùng inox trước khi lọc và đóng chai.",
            ),
            (
                "p",
                "Mứt và nước cốt được nấu ở nhiệt độ thấp, không dùng phẩm màu; màu đỏ thẫm "
                "là màu của chính trái phúc bồn tử chín.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Raspberry (phuc bon tu) once grew wild on the forest edge of Lang Biang. In "
                "2014, 37 K'Ho and Chil households pooled land and labour to found a "
                "cooperative that grows raspberries on trellises and turns them into wine, "
                "jam, juice concentrate and tea.",
            ),
            ("h", "From ripe berry to bottle"),
            (
                "p",
                "Berries are picked in the cool early morning, sorted by hand and taken "
                "straight to the workshop. The raspberry wine ferments naturally for at least "
                "six months in stainless-steel tanks before it is filtered and bottled.",
            ),
            (
                "p",
                "Jam and concentrate are cooked at low temperature without colouring; the "
                "deep red is the colour of the ripe fruit itself.",
            ),
        ],
    },
    {
        "slug": "cong-ty-tnhh-vang-cao-nguyen-xanh",
        "name": "Công ty TNHH Rượu vang Cao Nguyên Xanh",
        "name_en": "Cao Nguyen Xanh Winery Co., Ltd.",
        "kind": "enterprise",
        "registration_number": "5801678902",
        "founded_year": 2009,
        "members": 26,
        "community": "",
        "ward": WARD_LANG_BIANG,
        "street_address": "Đường Lang Biang, Tổ dân phố Bon Đơng",
        "contact_name": "Nguyễn Minh Khoa",
        "contact_phone": "+84900000104",
        "contact_email": "caonguyenxanh.wine@example.com",
        "colour": "#5c0a2e",
        "story": [
            (
                "p",
                "Cao Nguyên Xanh là xưởng vang nhỏ do hai anh em kỹ sư thực phẩm lập năm "
                "2009. Công ty mua trái phúc bồn tử, dâu tằm và dâu tây theo hợp đồng bao "
                "tiêu với hơn 80 hộ trồng quanh Lạc Dương, giá thỏa thuận trước mỗi vụ.",
            ),
            ("h", "Vang trái cây vùng cao"),
            (
                "p",
                "Mỗi loại vang được lên men riêng bằng men vang chọn lọc, ủ lạnh trong hầm "
                "và lọc nhiều lần để giữ màu trong. Độ cồn vừa phải, từ 11 đến 13 độ.",
            ),
            (
                "p",
                "Công ty đang chuyển dần sang chai thủy tinh tái sử dụng và nhận lại vỏ chai "
                "tại cửa hàng ở Lang Biang.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Cao Nguyen Xanh is a small winery founded in 2009 by two brothers trained as "
                "food engineers. It buys raspberries, mulberries and strawberries under "
                "purchase contracts with more than 80 growing households around Lac Duong, "
                "with prices agreed before each season.",
            ),
            ("h", "Highland fruit wines"),
            (
                "p",
                "Each wine ferments separately with selected wine yeast, is cold-aged in the "
                "cellar and filtered several times to keep it clear. Alcohol is moderate, "
                "11 to 13 percent.",
            ),
            (
                "p",
                "The company is moving to reusable glass bottles and takes empties back at "
                "its Lang Biang shop.",
            ),
        ],
    },
    {
        "slug": "hkd-dau-tay-da-nghit",
        "name": "Hộ kinh doanh Dâu tây Đạ Nghịt",
        "name_en": "Da Nghit Strawberry Farm (household business)",
        "kind": "household",
        "registration_number": "42H8001357",
        "founded_year": 2018,
        "members": 6,
        "community": "",
        "ward": WARD_LANG_BIANG,
        "street_address": "Thôn Đạ Nghịt",
        "contact_name": "Trần Thị Hạnh",
        "contact_phone": "+84900000105",
        "contact_email": "dautay.danghit@example.com",
        "colour": "#e63946",
        "story": [
            (
                "p",
                "Vườn dâu của gia đình chị Hạnh nằm ở thôn Đạ Nghịt, nơi khí hậu mát quanh "
                "năm. Từ năm 2018 gia đình chuyển từ trồng dâu trên luống đất sang trồng trên "
                "giá thể treo trong nhà kính, tưới nhỏ giọt.",
            ),
            ("h", "Hái buổi sáng, giao trong ngày"),
            (
                "p",
                "Dâu tươi được hái khi chín đều, xếp một lớp vào hộp có lót giấy và giao "
                "trong ngày. Quả chín quá hoặc không đẹp được làm mứt và dâu sấy dẻo, nên "
                "vườn gần như không bỏ phí trái nào.",
            ),
            (
                "p",
                "Gia đình đón khách tham quan vườn vào cuối tuần và hướng dẫn các em học "
                "sinh cách trồng dâu sạch.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Ms Hanh's family farm is in Da Nghit hamlet, cool all year round. Since 2018 "
                "the family has grown strawberries in hanging substrate troughs in a "
                "greenhouse, with drip irrigation, instead of in soil beds.",
            ),
            ("h", "Picked in the morning, delivered the same day"),
            (
                "p",
                "Fresh strawberries are picked evenly ripe, packed in a single layer on paper "
                "and delivered the same day. Over-ripe or imperfect fruit becomes jam and soft "
                "dried strawberries, so almost nothing is wasted.",
            ),
            (
                "p",
                "The family welcomes visitors at weekends and shows school children how to "
                "grow clean strawberries.",
            ),
        ],
    },
    {
        "slug": "cong-ty-cp-atiso-lang-biang",
        "name": "Công ty Cổ phần Atiso Lang Biang",
        "name_en": "Lang Biang Artichoke JSC",
        "kind": "enterprise",
        "registration_number": "5801789013",
        "founded_year": 2011,
        "members": 42,
        "community": "",
        "ward": WARD_LANG_BIANG,
        "street_address": "Tổ dân phố Đăng Gia Rít 2",
        "contact_name": "Phạm Quốc Bảo",
        "contact_phone": "+84900000106",
        "contact_email": "atiso.langbiang@example.com",
        "colour": "#52796f",
        "story": [
            (
                "p",
                "Atiso được người Pháp đưa lên Đà Lạt từ đầu thế kỷ XX và nay là đặc sản "
                "của vùng. Công ty Atiso Lang Biang thành lập năm 2011, liên kết với các hộ "
                "trồng atiso ở Lạc Dương theo quy trình VietGAP.",
            ),
            ("h", "Cả cây atiso đều có ích"),
            (
                "p",
                "Bông atiso được thái lát và sấy lạnh làm trà; thân, rễ và lá được chiết "
                "lấy cao đặc theo phương pháp cô chân không ở nhiệt độ thấp. Sản phẩm không "
                "thêm đường hóa học và chất bảo quản.",
            ),
            (
                "p",
                "Phòng kiểm nghiệm nhỏ của công ty kiểm tra độ ẩm và vi sinh từng lô trước "
                "khi đóng gói.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Artichoke came to Da Lat with the French in the early twentieth century and "
                "is now a local speciality. Lang Biang Artichoke JSC, founded in 2011, works "
                "with artichoke-growing households in Lac Duong under VietGAP rules.",
            ),
            ("h", "Every part of the plant is used"),
            (
                "p",
                "Flower heads are sliced and cold-dried for tea; stems, roots and leaves are "
                "extracted into a thick paste by low-temperature vacuum concentration. No "
                "artificial sweeteners or preservatives are added.",
            ),
            (
                "p",
                "The company's small laboratory checks moisture and microbes in every batch "
                "before packing.",
            ),
        ],
    },
    {
        "slug": "htx-nam-huong-da-chais",
        "name": "Hợp tác xã Nấm hương Đạ Chais",
        "name_en": "Da Chais Shiitake Cooperative",
        "kind": "cooperative",
        "registration_number": "5801345682",
        "founded_year": 2017,
        "members": 23,
        "community": "Đồng bào K'Ho",
        "ward": WARD_LAC_DUONG,
        "street_address": "Thôn Đưng K'Si",
        "contact_name": "Bon Niêng Ha Lý",
        "contact_phone": "+84900000107",
        "contact_email": "namhuong.dachais@example.com",
        "colour": "#7f5539",
        "story": [
            (
                "p",
                "Ở Đạ Chais, rừng thông và khí hậu ẩm mát rất hợp với nấm hương. Năm 2017, "
                "23 hộ K'Ho được hỗ trợ kỹ thuật trồng nấm trên phôi mùn cưa và cùng nhau "
                "lập hợp tác xã.",
            ),
            ("h", "Nấm rừng trong nhà lá"),
            (
                "p",
                "Nấm được nuôi trong nhà lợp lá, che lưới và giữ ẩm bằng phun sương. Mỗi "
                "bịch phôi cho ba đến bốn lứa nấm; nấm hái xong được sấy bằng lò củi có "
                "bộ trao đổi nhiệt để không ám khói.",
            ),
            ("p", "Phôi nấm đã dùng được ủ thành phân bón cho vườn cà phê của các thành viên."),
        ],
        "story_en": [
            (
                "p",
                "In Da Chais, pine forest and a cool, humid climate suit shiitake. In 2017, "
                "23 K'Ho households received training in growing mushrooms on sawdust blocks "
                "and formed a cooperative.",
            ),
            ("h", "Forest mushrooms under thatch"),
            (
                "p",
                "The mushrooms grow in thatched houses under shade nets, kept moist by "
                "misting. Each block gives three or four flushes; the harvest is dried in "
                "wood-fired dryers with a heat exchanger, so it never tastes smoky.",
            ),
            ("p", "Spent blocks are composted for members' coffee gardens."),
        ],
    },
    {
        "slug": "htx-rau-thuy-canh-lac-duong",
        "name": "Hợp tác xã Rau thủy canh Lạc Dương",
        "name_en": "Lac Duong Hydroponic Vegetable Cooperative",
        "kind": "cooperative",
        "registration_number": "5801456793",
        "founded_year": 2019,
        "members": 15,
        "community": "",
        "ward": WARD_LAC_DUONG,
        "street_address": "Thôn Đạ Nhim",
        "contact_name": "Lê Văn Tùng",
        "contact_phone": "+84900000108",
        "contact_email": "rauthuycanh.lacduong@example.com",
        "colour": "#2d6a4f",
        "story": [
            (
                "p",
                "Mười lăm nông dân trẻ ở Đạ Nhim lập hợp tác xã năm 2019 để trồng rau thủy "
                "canh hồi lưu trong nhà màng. Rau không tiếp xúc với đất nên sạch cát, "
                "ít sâu bệnh và không cần thuốc bảo vệ thực vật.",
            ),
            ("h", "Dinh dưỡng đo từng ngày"),
            (
                "p",
                "Dung dịch dinh dưỡng được đo độ dẫn điện và pH mỗi sáng; nước hồi lưu được "
                "lọc và dùng lại. Rau được cắt cả gốc, đóng hộp và giữ lạnh ngay tại vườn.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Fifteen young farmers in Da Nhim formed the cooperative in 2019 to grow "
                "vegetables in recirculating hydroponic systems under plastic houses. The "
                "plants never touch soil, so they are free of grit, have few pests and need "
                "no pesticides.",
            ),
            ("h", "Nutrition measured every day"),
            (
                "p",
                "The nutrient solution's conductivity and pH are checked every morning; "
                "the returning water is filtered and reused. Vegetables are cut with their "
                "roots, boxed and chilled right at the farm.",
            ),
        ],
    },
    {
        "slug": "tht-det-tho-cam-kho-bon-dong",
        "name": "Tổ hợp tác Dệt thổ cẩm K'Ho Bon Đơng",
        "name_en": "Bon Dong K'Ho Brocade Weaving Group",
        "kind": "cooperative_group",
        "registration_number": "THT-LD-2015-009",
        "founded_year": 2015,
        "members": 21,
        "community": "Đồng bào K'Ho",
        "ward": WARD_LANG_BIANG,
        "street_address": "Thôn Bon Đơng 2",
        "contact_name": "Kơ Să Ha Yên",
        "contact_phone": "+84900000109",
        "contact_email": "thocam.bondong@example.com",
        "colour": "#9d0208",
        "story": [
            (
                "p",
                "Nghề dệt thổ cẩm được các bà, các mẹ K'Ho ở Bon Đơng truyền cho con gái từ "
                "khi mười hai, mười ba tuổi. Năm 2015, 21 chị em lập tổ hợp tác để giữ nghề "
                "và bán sản phẩm cho du khách đến Lang Biang.",
            ),
            ("h", "Khung dệt đeo lưng"),
            (
                "p",
                "Vải được dệt trên khung dệt đeo lưng truyền thống; mỗi tấm khăn choàng mất "
                "từ năm đến bảy ngày. Hoa văn hình cây thông, con suối, ngôi nhà dài là những "
                "câu chuyện của buôn làng.",
            ),
            (
                "p",
                "Sợi nhuộm bằng lá cây, vỏ cây rừng và củ nghệ; tổ đang phục hồi lại cách "
                "nhuộm chàm mà nhiều nhà đã bỏ.",
            ),
        ],
        "story_en": [
            (
                "p",
                "K'Ho grandmothers and mothers in Bon Dong teach brocade weaving to their "
                "daughters from the age of twelve or thirteen. In 2015, 21 women formed a "
                "cooperative group to keep the craft alive and sell to visitors to Lang Biang.",
            ),
            ("h", "The backstrap loom"),
            (
                "p",
                "The cloth is woven on the traditional backstrap loom; a shawl takes five to "
                "seven days. Patterns of pine trees, streams and the long house tell the "
                "village's stories.",
            ),
            (
                "p",
                "Yarn is dyed with leaves, forest bark and turmeric; the group is reviving "
                "indigo dyeing that many families had given up.",
            ),
        ],
    },
    {
        "slug": "csx-ruou-can-dung-k-no",
        "name": "Cơ sở sản xuất Rượu cần Đưng K'Nớ",
        "name_en": "Dung K'No Jar Rice Wine Workshop",
        "kind": "household",
        "registration_number": "42H8002468",
        "founded_year": 2013,
        "members": 8,
        "community": "Đồng bào K'Ho",
        "ward": WARD_DAM_RONG_4,
        "street_address": "Thôn Đưng K'Nớ 1",
        "contact_name": "Cil Ha Krông",
        "contact_phone": "+84900000110",
        "contact_email": "ruoucan.dungkno@example.com",
        "colour": "#bc6c25",
        "story": [
            (
                "p",
                "Rượu cần là thức uống của những ngày hội K'Ho: cả buôn quây quanh ché rượu, "
                "mỗi người một cần trúc. Gia đình ông Krông giữ bí quyết làm men lá rừng "
                "từ đời ông bà và mở cơ sở sản xuất năm 2013.",
            ),
            ("h", "Men lá rừng và gạo nương"),
            (
                "p",
                "Men được làm từ gạo và hơn mười loại lá, rễ cây rừng, phơi khô trên gác "
                "bếp. Gạo nương và bắp được đồ chín, trộn men, ủ trong ché sành kín lá chuối "
                "từ ba tuần đến hai tháng.",
            ),
            (
                "p",
                "Khi uống, rót thêm nước suối sạch vào ché và hút bằng cần; ché sành có thể "
                "giữ lại làm vật trang trí.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Jar wine (ruou can) is the drink of K'Ho festival days: the whole village "
                "gathers round the jar, each person with a bamboo straw. Mr Krong's family "
                "kept the recipe for forest-leaf yeast from their grandparents and opened "
                "the workshop in 2013.",
            ),
            ("h", "Forest-leaf yeast and upland rice"),
            (
                "p",
                "The yeast is made from rice and more than ten kinds of forest leaves and "
                "roots, dried above the kitchen fire. Steamed upland rice and maize are mixed "
                "with the yeast and sealed in clay jars under banana leaves for three weeks to "
                "two months.",
            ),
            (
                "p",
                "To drink, pour clean spring water into the jar and sip through the straws; "
                "the clay jar can be kept as a decoration.",
            ),
        ],
    },
    {
        "slug": "htx-ong-mat-dam-rong",
        "name": "Hợp tác xã Ong mật Đam Rông",
        "name_en": "Dam Rong Honey Cooperative",
        "kind": "cooperative",
        "registration_number": "5801567804",
        "founded_year": 2015,
        "members": 29,
        "community": "Đồng bào K'Ho, Mạ và người Kinh",
        "ward": WARD_DAM_RONG_4,
        "street_address": "Thôn Liêng Trang",
        "contact_name": "Đỗ Thị Lan",
        "contact_phone": "+84900000111",
        "contact_email": "ongmat.damrong@example.com",
        "colour": "#e09f3e",
        "story": [
            (
                "p",
                "Cuối mùa khô, đồi cà phê Đam Rông trắng hoa và thơm ngát. 29 hộ nuôi ong "
                "của hợp tác xã đặt thùng ong giữa vườn cà phê và ven rừng, mỗi năm thu hai "
                "vụ mật chính.",
            ),
            ("h", "Mật chín trên tổ"),
            (
                "p",
                "Hợp tác xã chỉ quay mật khi ong đã vít nắp, nên mật đặc, thơm và ít nước, "
                "không cần cô đặc. Mật được lọc qua lưới inox và đóng chai thủy tinh.",
            ),
            (
                "p",
                "Các thành viên cam kết không phun thuốc trừ sâu trong mùa hoa, vì con ong "
                "cũng là người thụ phấn cho vườn cà phê.",
            ),
        ],
        "story_en": [
            (
                "p",
                "At the end of the dry season the coffee hills of Dam Rong turn white with "
                "fragrant blossom. The cooperative's 29 beekeeping households set their hives "
                "among the coffee and along the forest, and take two main honey harvests a "
                "year.",
            ),
            ("h", "Honey ripened in the comb"),
            (
                "p",
                "Honey is extracted only once the bees have capped the comb, so it is thick, "
                "fragrant and low in moisture, with no need to concentrate it. It is strained "
                "through stainless mesh and bottled in glass.",
            ),
            (
                "p",
                "Members pledge not to spray pesticides during flowering: the bees also "
                "pollinate the coffee.",
            ),
        ],
    },
    {
        "slug": "tht-ca-phe-dung-k-no",
        "name": "Tổ hợp tác Cà phê Arabica Đưng K'Nớ",
        "name_en": "Dung K'No Arabica Coffee Cooperative Group",
        "kind": "cooperative_group",
        "registration_number": "THT-LD-2019-021",
        "founded_year": 2019,
        "members": 12,
        "community": "Đồng bào K'Ho",
        "ward": WARD_DAM_RONG_4,
        "street_address": "Thôn Đưng K'Nớ 2",
        "contact_name": "Liêng Jrang Ha Phi",
        "contact_phone": "+84900000112",
        "contact_email": "caphe.dungkno@example.com",
        "colour": "#3e2723",
        "story": [
            (
                "p",
                "Đưng K'Nớ là thung lũng xa nhất của vùng Lạc Dương cũ, đường vào nhiều "
                "đèo dốc. Mười hai hộ K'Ho ở đây lập tổ hợp tác năm 2019 để cùng mua máy "
                "xát, máy rang và bán cà phê có thương hiệu riêng.",
            ),
            ("h", "Rang mộc, không tẩm ướp"),
            (
                "p",
                "Tổ chỉ rang mộc: không bơ, không đường, không hương liệu. Cà phê rang vừa "
                "để giữ vị ngọt hậu và hương hoa của vùng núi cao.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Dung K'No is the most remote valley of the former Lac Duong district, "
                "reached over steep passes. Twelve K'Ho households formed a cooperative group "
                "in 2019 to buy a huller and a roaster together and sell coffee under their "
                "own brand.",
            ),
            ("h", "Plain roast, nothing added"),
            (
                "p",
                "The group roasts plain: no butter, no sugar, no flavourings. A medium roast "
                "keeps the sweet finish and floral aroma of the high mountains.",
            ),
        ],
    },
    {
        "slug": "hkd-sam-day-lang-biang",
        "name": "Hộ kinh doanh Sâm dây Lang Biang",
        "name_en": "Lang Biang Codonopsis Household Business",
        "kind": "household",
        "registration_number": "42H8003579",
        "founded_year": 2020,
        "members": 5,
        "community": "Đồng bào K'Ho",
        "ward": WARD_LANG_BIANG,
        "street_address": "Thôn Păng Tiêng",
        "contact_name": "Ka Hòa",
        "contact_phone": "+84900000113",
        "contact_email": "samday.langbiang@example.com",
        "colour": "#606c38",
        "story": [
            (
                "p",
                "Sâm dây (đảng sâm) mọc tự nhiên dưới tán rừng Lang Biang và được người K'Ho "
                "dùng làm thuốc bổ từ lâu. Gia đình chị Ka Hòa đem giống về trồng dưới tán "
                "vườn cà phê từ năm 2020 để không phải vào rừng đào củ.",
            ),
            ("h", "Ba năm một củ"),
            (
                "p",
                "Củ sâm được thu hoạch sau ba năm, rửa sạch, đồ và sấy ở nhiệt độ thấp. "
                "Một phần được ngâm mật ong của hợp tác xã ong mật Đam Rông.",
            ),
        ],
        "story_en": [
            (
                "p",
                "Codonopsis (sam day) grows wild under the forest of Lang Biang and the K'Ho "
                "have long used it as a tonic. Since 2020 Ms Ka Hoa's family has grown it "
                "under their coffee trees, so no one has to dig it from the forest.",
            ),
            ("h", "Three years for one root"),
            (
                "p",
                "Roots are harvested after three years, washed, steamed and dried at low "
                "temperature. Some are steeped in honey from the Dam Rong honey cooperative.",
            ),
        ],
    },
    {
        "slug": "cong-ty-tnhh-nong-san-lang-biang",
        "name": "Công ty TNHH Nông sản Lang Biang",
        "name_en": "Lang Biang Farm Produce Co., Ltd.",
        "kind": "enterprise",
        "registration_number": "5801890124",
        "founded_year": 2016,
        "members": 35,
        "community": "",
        "ward": WARD_LAC_DUONG,
        "street_address": "Thôn Đạ Chais",
        "contact_name": "Võ Thị Ngọc Anh",
        "contact_phone": "+84900000114",
        "contact_email": "nongsan.langbiang@example.com",
        "colour": "#dd6b20",
        "story": [
            (
                "p",
                "Công ty chế biến hồng treo gió, hồng sấy dẻo và hạt mắc ca từ vườn của các "
                "hộ liên kết ở Lạc Dương. Mỗi mùa hồng, xưởng thuê thêm hơn năm mươi lao động "
                "thời vụ, phần lớn là phụ nữ trong vùng.",
            ),
            ("h", "Gió và nắng cao nguyên"),
            (
                "p",
                "Hồng được gọt vỏ bằng tay, treo trong nhà kính có quạt gió và xoa nhẹ mỗi "
                "ngày cho đến khi mềm dẻo, phủ lớp đường tự nhiên trắng mịn. Không dùng lưu "
                "huỳnh để giữ màu.",
            ),
            ("p", "Mắc ca được sấy nhiều ngày ở nhiệt độ thấp rồi tách nứt vỏ, kèm dụng cụ mở."),
        ],
        "story_en": [
            (
                "p",
                "The company makes wind-dried persimmons, soft dried persimmons and macadamia "
                "nuts from the gardens of partner households in Lac Duong. Every persimmon "
                "season the workshop hires more than fifty seasonal workers, mostly local "
                "women.",
            ),
            ("h", "Highland wind and sun"),
            (
                "p",
                "Persimmons are peeled by hand, hung in ventilated greenhouses and massaged "
                "gently every day until soft, under a fine natural sugar bloom. No sulphur is "
                "used to keep the colour.",
            ),
            (
                "p",
                "Macadamias are dried for several days at low temperature, then cracked, and "
                "come with an opener.",
            ),
        ],
    },
]
