"""The OCOP product groups of Decision 148/QĐ-TTg (2023), kept as data (DOMAIN.md).

Each entry: (group number, slug, Vietnamese name, English name, sub-groups as
(slug, Vietnamese, English)). Certificates from before 2023 name the older 1048 groups; map
them onto these when entering them.
"""

OCOP_GROUPS: list[tuple[int, str, str, str, list[tuple[str, str, str]]]] = [
    (
        1,
        "thuc-pham",
        "Thực phẩm",
        "Food",
        [
            ("nong-san-tuoi-song", "Nông sản tươi sống", "Fresh produce"),
            ("nong-san-so-che", "Nông sản thô, sơ chế", "Raw and pre-processed produce"),
            ("thuc-pham-che-bien", "Thực phẩm chế biến", "Processed food"),
            ("gia-vi", "Gia vị", "Condiments"),
            ("che-tra", "Chè và các loại trà", "Tea and herbal teas"),
            ("ca-phe-ca-cao", "Cà phê, ca cao", "Coffee and cocoa"),
        ],
    ),
    (
        2,
        "do-uong",
        "Đồ uống",
        "Drinks",
        [
            ("do-uong-co-con", "Đồ uống có cồn", "Alcoholic drinks"),
            ("do-uong-khong-con", "Đồ uống không cồn", "Non-alcoholic drinks"),
        ],
    ),
    (
        3,
        "duoc-lieu",
        "Dược liệu và sản phẩm từ dược liệu",
        "Herbal products",
        [
            (
                "thuc-pham-chuc-nang",
                "Thực phẩm chức năng, thuốc dược liệu, thuốc y học cổ truyền",
                "Supplements and traditional medicines",
            ),
            ("my-pham-duoc-lieu", "Mỹ phẩm từ dược liệu", "Herbal cosmetics"),
            (
                "tinh-dau-duoc-lieu-khac",
                "Tinh dầu và sản phẩm khác từ dược liệu",
                "Essential oils and other herbal products",
            ),
        ],
    ),
    (
        4,
        "thu-cong-my-nghe",
        "Hàng thủ công mỹ nghệ",
        "Handicrafts",
        [
            ("do-gia-dung-trang-tri", "Đồ gia dụng, trang trí", "Household and decorative crafts"),
            ("det-may", "Vải và may mặc", "Textiles and garments"),
        ],
    ),
    (
        5,
        "sinh-vat-canh",
        "Sinh vật cảnh",
        "Ornamental plants and animals",
        [
            ("hoa", "Hoa", "Flowers"),
            ("cay-canh", "Cây cảnh, bonsai", "Bonsai and ornamental plants"),
            ("dong-vat-canh", "Động vật cảnh", "Ornamental animals"),
        ],
    ),
    (
        6,
        "du-lich-cong-dong",
        "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        "Community and eco-tourism",
        [
            (
                "dich-vu-du-lich",
                "Dịch vụ du lịch cộng đồng, sinh thái",
                "Community and eco-tourism services",
            ),
            ("diem-du-lich", "Điểm du lịch", "Tourist destinations"),
        ],
    ),
]
