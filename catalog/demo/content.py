"""DEMO DATA: collections, content pages and menus of the demonstration storefront.

Invented for demonstration; the policies below are examples, not the shop's real terms.
Collection membership is a rule over the demo products (see ``catalog.demo.loader``).
"""

from __future__ import annotations

from typing import Any

COLLECTIONS: list[dict[str, Any]] = [
    {
        "slug": "featured-products",
        "name": "Sản phẩm nổi bật",
        "name_en": "Featured products",
        "colour": "#b5651d",
        "description": "Những sản phẩm OCOP tiêu biểu của vùng Lạc Dương – Lang Biang.",
        "description_en": "Signature OCOP products of the Lac Duong – Lang Biang area.",
        "rule": "slugs",
        "slugs": [
            "ca-phe-arabica-rang-xay-bon-dung",
            "ruou-phuc-bon-tu-lang-biang",
            "tra-atiso-tui-loc-lang-biang",
            "khan-choang-tho-cam-bon-dong",
            "mat-ong-hoa-ca-phe-dam-rong",
            "nam-huong-kho-da-chais",
            "hong-treo-gio-lang-biang",
            "dau-tay-tuoi-da-nghit",
        ],
    },
    {
        "slug": "ca-phe-lang-biang",
        "name": "Cà phê Lang Biang",
        "name_en": "Lang Biang coffee",
        "colour": "#6f4e37",
        "description": "Cà phê Arabica của đồng bào K'Ho trồng quanh núi Lang Biang.",
        "description_en": "Arabica coffee grown by K'Ho farmers around Lang Biang mountain.",
        "rule": "category",
        "category": "ca-phe-ca-cao",
    },
    {
        "slug": "qua-tang-4-sao",
        "name": "Quà tặng OCOP 4 sao",
        "name_en": "4-star OCOP gifts",
        "colour": "#c9a227",
        "description": "Sản phẩm đạt OCOP 4 sao cấp tỉnh, hợp làm quà biếu.",
        "description_en": "Products rated 4-star OCOP by the province, ideal as gifts.",
        "rule": "stars",
        "stars": 4,
    },
    {
        "slug": "dac-san-phuc-bon-tu",
        "name": "Đặc sản phúc bồn tử",
        "name_en": "Raspberry specialities",
        "colour": "#a4133c",
        "description": "Rượu, mứt, nước cốt, siro và trà từ trái phúc bồn tử Lang Biang.",
        "description_en": "Wine, jam, concentrate, syrup and tea from Lang Biang raspberries.",
        "rule": "slug_contains",
        "contains": "phuc-bon-tu",
    },
]

# Pages: (slug, title, title_en, blocks, blocks_en); blocks as ("p" | "h" | "l", text or items).
PAGES: list[dict[str, Any]] = [
    {
        "slug": "gioi-thieu",
        "title": "Giới thiệu",
        "title_en": "About us",
        "blocks": [
            (
                "p",
                "Cửa hàng OCOP giới thiệu các sản phẩm đạt chứng nhận OCOP từ 3 sao trở lên "
                "của vùng Lạc Dương cũ (nay là Phường Lang Biang - Đà Lạt, Xã Lạc Dương và "
                "một phần Xã Đam Rông 4, tỉnh Lâm Đồng).",
            ),
            ("h", "Chỉ sản phẩm đã được chứng nhận"),
            (
                "p",
                "Mỗi sản phẩm chỉ được bày bán khi giấy chứng nhận OCOP còn hiệu lực và đã "
                "được cán bộ xác minh. Hạng sao, số quyết định và cơ quan cấp được ghi rõ "
                "trên trang sản phẩm.",
            ),
            ("h", "Câu chuyện của người làm ra sản phẩm"),
            (
                "p",
                "Phần lớn chủ thể OCOP ở đây là hợp tác xã, tổ hợp tác và hộ gia đình đồng "
                "bào K'Ho. Mỗi trang sản phẩm kể câu chuyện của họ.",
            ),
        ],
        "blocks_en": [
            (
                "p",
                "The OCOP shop presents products certified 3-star OCOP or higher from the "
                "former Lac Duong district (now Lang Biang - Da Lat ward, Lac Duong commune "
                "and part of Dam Rong 4 commune, Lam Dong province).",
            ),
            ("h", "Certified products only"),
            (
                "p",
                "A product is listed only while its OCOP certificate is valid and has been "
                "verified by staff. The star class, decision number and issuer are shown on "
                "the product page.",
            ),
            ("h", "The makers' stories"),
            (
                "p",
                "Most producers here are cooperatives, cooperative groups and K'Ho family "
                "businesses. Every product page tells their story.",
            ),
        ],
    },
    {
        "slug": "chinh-sach-giao-hang",
        "title": "Chính sách giao hàng",
        "title_en": "Delivery policy",
        "blocks": [
            (
                "p",
                "Đơn hàng được giao qua các hãng vận chuyển trong nước. Phí giao hàng tính "
                "theo khối lượng quy đổi, vùng nhận hàng và phí thu hộ (COD).",
            ),
            (
                "l",
                [
                    "Nội tỉnh Lâm Đồng: 1–2 ngày làm việc.",
                    "Các tỉnh khác: 2–5 ngày làm việc.",
                    "Hàng tươi (dâu tây, rau, nấm tươi) chỉ giao nội tỉnh và tỉnh lân cận.",
                    "Chai lọ thủy tinh và ché sành được đóng gói chống sốc.",
                ],
            ),
            ("p", "Thanh toán khi nhận hàng (COD) áp dụng trên toàn quốc."),
        ],
        "blocks_en": [
            (
                "p",
                "Orders are shipped with domestic carriers. Fees depend on chargeable weight, "
                "the delivery zone and the cash-on-delivery fee.",
            ),
            (
                "l",
                [
                    "Within Lam Dong: 1–2 working days.",
                    "Other provinces: 2–5 working days.",
                    "Fresh goods (strawberries, vegetables, fresh mushrooms) ship only within the "
                    "province and to neighbouring provinces.",
                    "Glass bottles, jars and clay jars are packed against shocks.",
                ],
            ),
            ("p", "Cash on delivery is available nationwide."),
        ],
    },
    {
        "slug": "chinh-sach-doi-tra",
        "title": "Chính sách đổi trả",
        "title_en": "Returns policy",
        "blocks": [
            (
                "p",
                "Quý khách được đổi hoặc trả hàng trong 7 ngày nếu sản phẩm bị vỡ, hỏng khi "
                "vận chuyển hoặc không đúng đơn đặt hàng.",
            ),
            (
                "l",
                [
                    "Chụp ảnh kiện hàng và sản phẩm khi nhận.",
                    "Liên hệ cửa hàng kèm mã đơn hàng.",
                    "Hàng tươi được xử lý trong 24 giờ sau khi nhận.",
                ],
            ),
            ("p", "Tiền hoàn được trả theo hình thức thanh toán ban đầu."),
        ],
        "blocks_en": [
            (
                "p",
                "You may exchange or return goods within 7 days if they arrive broken, "
                "damaged in transit or not as ordered.",
            ),
            (
                "l",
                [
                    "Photograph the parcel and the goods on delivery.",
                    "Contact the shop with your order number.",
                    "Fresh goods are handled within 24 hours of delivery.",
                ],
            ),
            ("p", "Refunds go back to the original payment method."),
        ],
    },
]

# Menus. Item targets: ("category", slug) | ("collection", slug) | ("page", slug).
MENUS: list[dict[str, Any]] = [
    {
        "slug": "navbar",
        "name": "Thanh điều hướng",
        "items": [
            ("Thực phẩm", "Food", ("category", "thuc-pham"), []),
            ("Đồ uống", "Drinks", ("category", "do-uong"), []),
            ("Dược liệu", "Herbal products", ("category", "duoc-lieu"), []),
            ("Thủ công mỹ nghệ", "Handicrafts", ("category", "thu-cong-my-nghe"), []),
            ("Cà phê Lang Biang", "Lang Biang coffee", ("collection", "ca-phe-lang-biang"), []),
            ("Quà tặng 4 sao", "4-star gifts", ("collection", "qua-tang-4-sao"), []),
        ],
    },
    {
        "slug": "footer",
        "name": "Chân trang",
        "items": [
            (
                "Thông tin",
                "Information",
                ("page", "gioi-thieu"),
                [
                    ("Giới thiệu", "About us", ("page", "gioi-thieu")),
                    ("Chính sách giao hàng", "Delivery policy", ("page", "chinh-sach-giao-hang")),
                    ("Chính sách đổi trả", "Returns policy", ("page", "chinh-sach-doi-tra")),
                ],
            ),
        ],
    },
]

# Soft backgrounds for product pictures, by category slug.
CATEGORY_BACKGROUNDS: dict[str, str] = {
    "ca-phe-ca-cao": "#f3e9dc",
    "che-tra": "#e9f5db",
    "do-uong-co-con": "#f8e1e7",
    "do-uong-khong-con": "#fde2e4",
    "thuc-pham-che-bien": "#fff1e6",
    "nong-san-tuoi-song": "#e3f2e1",
    "nong-san-so-che": "#fdf0d5",
    "thuc-pham-chuc-nang": "#eef4e6",
    "det-may": "#f1e3f3",
    "do-gia-dung-trang-tri": "#efe6dd",
}
DEFAULT_BACKGROUND = "#f2f2f2"
