"""DEMO DATA images: product pictures, producer logos and collection banners drawn locally with
Pillow (no downloads). They are plain illustrations, invented for demonstration only.

Text uses DejaVu Sans when the system has it (it covers Vietnamese); otherwise Pillow's built-in
font, which lacks many Vietnamese letters, so the text is then folded to ASCII.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from shop.text import fold

PRODUCT_SIZE = 1200
JPEG_QUALITY = 80

Colour = tuple[int, int, int]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


# --- Colours and fonts --------------------------------------------------------------------------
def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """``a`` moved towards ``b`` by ``t`` (0..1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


WHITE: Colour = (255, 255, 255)
INK: Colour = (45, 38, 34)
GOLD: Colour = (232, 176, 40)


@lru_cache(maxsize=32)
def _font(size: int, bold: bool) -> tuple[Font, bool]:
    """(font, is_fallback). The fallback cannot draw most Vietnamese letters."""
    names = ["DejaVuSans-Bold.ttf"] if bold else ["DejaVuSans.ttf"]
    names.append("DejaVuSans.ttf")
    for name in names:
        try:
            return ImageFont.truetype(name, size), False
        except OSError:
            continue
    return ImageFont.load_default(size=size), True


def _text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    *,
    size: int,
    fill: Colour,
    bold: bool = True,
    anchor: str = "mm",
) -> None:
    font, fallback = _font(size, bold)
    draw.text(xy, fold(text) if fallback else text, font=font, fill=fill, anchor=anchor)


def _wrap(text: str, *, size: int, bold: bool, width: int, max_lines: int = 3) -> list[str]:
    font, fallback = _font(size, bold)
    text = fold(text) if fallback else text
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return lines


def _star(
    draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float, fill: Colour
) -> None:
    cx, cy = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _stars_row(
    draw: ImageDraw.ImageDraw, centre: tuple[float, float], count: int, radius: float
) -> None:
    gap = radius * 2.3
    x0 = centre[0] - gap * (count - 1) / 2
    for i in range(count):
        _star(draw, (x0 + i * gap, centre[1]), radius, GOLD)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return buffer.getvalue()


# --- Shapes (drawn around a centre, ``s`` = overall size) ----------------------------------------
def _label(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], text: str) -> None:
    draw.rounded_rectangle(box, radius=18, fill=WHITE)
    x0, y0, x1, y1 = box
    lines = _wrap(text, size=34, bold=True, width=int(x1 - x0 - 30), max_lines=2)
    step = 42
    top = (y0 + y1) / 2 - step * (len(lines) - 1) / 2
    for i, line in enumerate(lines):
        _text(draw, ((x0 + x1) / 2, top + i * step), line, size=34, fill=INK)


def _bag(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    w, h = s * 0.52, s * 0.78
    body = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    draw.rounded_rectangle(body, radius=28, fill=col)
    dark = mix(col, (0, 0, 0), 0.25)
    draw.rectangle((body[0], body[1], body[2], body[1] + h * 0.1), fill=dark)  # crimped top
    for x in range(int(body[0]) + 12, int(body[2]) - 6, 22):
        draw.line((x, body[1] + 6, x, body[1] + h * 0.1 - 6), fill=mix(dark, WHITE, 0.2), width=3)
    draw.line(
        (cx - w * 0.3, body[1] + h * 0.16, cx + w * 0.3, body[1] + h * 0.16), fill=GOLD, width=8
    )
    _label(draw, (cx - w * 0.38, cy - h * 0.05, cx + w * 0.38, cy + h * 0.28), label)


def _box(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    w, h, d = s * 0.6, s * 0.55, s * 0.12
    front = (cx - w / 2, cy - h / 2 + d / 2, cx + w / 2, cy + h / 2 + d / 2)
    top = [
        (front[0], front[1]),
        (front[0] + d, front[1] - d),
        (front[2] + d, front[1] - d),
        (front[2], front[1]),
    ]
    side = [
        (front[2], front[1]),
        (front[2] + d, front[1] - d),
        (front[2] + d, front[3] - d),
        (front[2], front[3]),
    ]
    draw.polygon(top, fill=mix(col, WHITE, 0.25))
    draw.polygon(side, fill=mix(col, (0, 0, 0), 0.25))
    draw.rectangle(front, fill=col)
    _label(
        draw,
        (front[0] + w * 0.1, front[1] + h * 0.3, front[2] - w * 0.1, front[3] - h * 0.15),
        label,
    )


def _bottle(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    w, h = s * 0.34, s * 0.9
    top = cy - h / 2
    body = (cx - w / 2, top + h * 0.38, cx + w / 2, top + h)
    draw.ellipse((body[0], body[1] - w * 0.45, body[2], body[1] + w * 0.45), fill=col)  # shoulder
    draw.rounded_rectangle(body, radius=30, fill=col)
    neck_w = w * 0.32
    draw.rectangle((cx - neck_w / 2, top + h * 0.08, cx + neck_w / 2, top + h * 0.36), fill=col)
    draw.rounded_rectangle(
        (cx - neck_w / 2 - 6, top, cx + neck_w / 2 + 6, top + h * 0.1), radius=8, fill=GOLD
    )
    draw.rectangle(
        (body[0] + 18, body[1] + 20, body[0] + 34, body[3] - 40), fill=mix(col, WHITE, 0.35)
    )
    _label(draw, (body[0] + 10, body[1] + h * 0.15, body[2] - 10, body[1] + h * 0.42), label)


def _jar(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    w, h = s * 0.56, s * 0.6
    body = (cx - w / 2, cy - h / 2 + 40, cx + w / 2, cy + h / 2 + 40)
    draw.rounded_rectangle(body, radius=60, fill=col)
    lid = (cx - w * 0.42, body[1] - 70, cx + w * 0.42, body[1] + 10)
    draw.rounded_rectangle(lid, radius=14, fill=mix(GOLD, (0, 0, 0), 0.1))
    for y in range(int(lid[1]) + 14, int(lid[3]) - 6, 16):
        draw.line((lid[0] + 8, y, lid[2] - 8, y), fill=mix(GOLD, WHITE, 0.3), width=3)
    draw.rectangle(
        (body[0] + 24, body[1] + 40, body[0] + 44, body[3] - 50), fill=mix(col, WHITE, 0.35)
    )
    _label(draw, (body[0] + 40, cy - h * 0.05, body[2] - 40, cy + h * 0.3), label)


def _strawberry(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, col: Colour) -> None:
    points = []
    for i in range(40):
        t = 2 * math.pi * i / 40
        # A heart-ish berry: wide shoulders, pointed bottom.
        x = cx + r * math.sin(t) * (1 - 0.25 * math.cos(t))
        y = cy - r * 0.9 * math.cos(t) * (0.75 if math.cos(t) > 0 else 1.25)
        points.append((x, y))
    draw.polygon(points, fill=col)
    for i in range(14):
        angle = i * 2.4
        sx = cx + r * 0.55 * math.sin(angle) * (i % 5 + 1) / 5
        sy = cy + r * 0.15 + r * 0.55 * math.cos(angle) * (i % 4 + 1) / 5
        draw.ellipse((sx - 5, sy - 7, sx + 5, sy + 7), fill=(250, 226, 140))
    leaf = (60, 140, 60)
    for k in range(5):
        a = -math.pi / 2 + (k - 2) * 0.5
        draw.polygon(
            [
                (cx, cy - r * 0.72),
                (cx + r * 0.55 * math.cos(a - 0.25), cy - r * 0.72 + r * 0.35 * math.sin(a - 0.25)),
                (cx + r * 0.55 * math.cos(a + 0.25), cy - r * 0.72 + r * 0.35 * math.sin(a + 0.25)),
            ],
            fill=leaf,
        )


def _berries(
    draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str
) -> None:
    cx, cy = c
    basket = (cx - s * 0.4, cy + s * 0.05, cx + s * 0.4, cy + s * 0.42)
    for dx, dy, r in ((-0.2, -0.05, 0.17), (0.2, -0.05, 0.17), (0.0, -0.16, 0.19)):
        _strawberry(draw, cx + s * dx, cy + s * dy, s * r, col)
    draw.rounded_rectangle(basket, radius=30, fill=(196, 150, 96))
    for x in range(int(basket[0]) + 30, int(basket[2]), 48):
        draw.line((x, basket[1] + 8, x, basket[3] - 8), fill=(160, 115, 70), width=6)
    _label(draw, (cx - s * 0.3, basket[1] + 40, cx + s * 0.3, basket[3] - 40), label)


def _mushrooms(
    draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str
) -> None:
    cx, cy = c
    for dx, scale in ((-0.18, 0.8), (0.16, 1.0)):
        mx, r = cx + s * dx, s * 0.26 * scale
        stem = (mx - r * 0.28, cy - r * 0.3, mx + r * 0.28, cy + r * 1.1)
        draw.rounded_rectangle(stem, radius=int(r * 0.2), fill=(240, 228, 205))
        draw.pieslice((mx - r, cy - r * 0.9, mx + r, cy + r * 0.5), 180, 360, fill=col)
        for k in range(5):
            px = mx - r * 0.6 + k * r * 0.3
            py = cy - r * 0.45 + (k % 2) * r * 0.15
            draw.ellipse((px - 10, py - 7, px + 10, py + 7), fill=mix(col, WHITE, 0.45))
    _label(draw, (cx - s * 0.32, cy + s * 0.3, cx + s * 0.32, cy + s * 0.46), label)


def _leaves(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    for angle, length in ((-0.5, 0.42), (0.0, 0.5), (0.5, 0.42)):
        base = (cx, cy + s * 0.2)
        tip = (
            base[0] + s * length * math.sin(angle),
            base[1] - s * length * math.cos(angle),
        )
        points = []
        for i in range(21):
            t = i / 20
            bulge = math.sin(math.pi * t) * s * 0.1
            x = base[0] + (tip[0] - base[0]) * t + bulge * math.cos(angle)
            y = base[1] + (tip[1] - base[1]) * t + bulge * math.sin(angle)
            points.append((x, y))
        for i in range(20, -1, -1):
            t = i / 20
            bulge = math.sin(math.pi * t) * s * 0.1
            x = base[0] + (tip[0] - base[0]) * t - bulge * math.cos(angle)
            y = base[1] + (tip[1] - base[1]) * t - bulge * math.sin(angle)
            points.append((x, y))
        draw.polygon(points, fill=col)
        draw.line((*base, *tip), fill=mix(col, WHITE, 0.4), width=5)
    _label(draw, (cx - s * 0.32, cy + s * 0.26, cx + s * 0.32, cy + s * 0.42), label)


def _scarf(draw: ImageDraw.ImageDraw, c: tuple[int, int], s: int, col: Colour, label: str) -> None:
    cx, cy = c
    w, h = s * 0.5, s * 0.8
    cloth = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    draw.rectangle(cloth, fill=(30, 30, 36))
    bands = [col, GOLD, WHITE, (32, 96, 160), col]
    band_h = h / 11
    for i in range(1, 11, 2):
        y0 = cloth[1] + i * band_h
        colour = bands[(i // 2) % len(bands)]
        draw.rectangle((cloth[0], y0, cloth[2], y0 + band_h * 0.7), fill=colour)
        diamond = band_h * 0.3
        x = cloth[0] + diamond
        while x < cloth[2] - diamond:
            yc = y0 + band_h * 0.35
            draw.polygon(
                [(x, yc - diamond), (x + diamond, yc), (x, yc + diamond), (x - diamond, yc)],
                fill=(30, 30, 36) if colour != (30, 30, 36) else GOLD,
            )
            x += diamond * 2.6
    for x in range(int(cloth[0]) + 6, int(cloth[2]), 14):
        draw.line((x, cloth[3], x, cloth[3] + 40), fill=col, width=4)
    _label(draw, (cx - s * 0.3, cloth[3] + 60, cx + s * 0.3, cloth[3] + 150), label)


SHAPES = {
    "bag": _bag,
    "box": _box,
    "bottle": _bottle,
    "jar": _jar,
    "berries": _berries,
    "mushroom": _mushrooms,
    "leaf": _leaves,
    "scarf": _scarf,
}


# --- Public drawing functions ---------------------------------------------------------------------
def product_image(
    *,
    title: str,
    label: str,
    shape: str,
    background: str,
    colour: str,
    stars: int,
    variation: int = 1,
) -> bytes:
    """A 1200×1200 JPEG: the product's shape with its short name. ``variation`` 2 draws the
    certificate card (stars and title) instead."""
    bg = hex_colour(background)
    col = hex_colour(colour)
    image = Image.new("RGB", (PRODUCT_SIZE, PRODUCT_SIZE), bg)
    draw = ImageDraw.Draw(image)
    if variation == 1:
        draw.ellipse((200, 120, 1000, 920), fill=mix(bg, WHITE, 0.45))
        draw.ellipse((330, 880, 870, 960), fill=mix(bg, (0, 0, 0), 0.12))
        SHAPES.get(shape, _box)(draw, (600, 520), 760, col, label)
        _badge(draw, (150, 150), stars)
        lines = _wrap(title, size=56, bold=True, width=1080, max_lines=2)
        for i, line in enumerate(lines):
            _text(draw, (600, 1030 + i * 68 - (len(lines) - 1) * 34), line, size=56, fill=INK)
    else:
        draw.rectangle((0, 0, PRODUCT_SIZE, PRODUCT_SIZE), fill=mix(col, bg, 0.35))
        draw.rounded_rectangle((120, 160, 1080, 1040), radius=48, fill=mix(bg, WHITE, 0.6))
        _text(draw, (600, 300), "OCOP", size=150, fill=col)
        _stars_row(draw, (600, 470), stars, 62)
        _text(draw, (600, 590), f"Sản phẩm OCOP {stars} sao", size=48, fill=INK, bold=False)
        lines = _wrap(title, size=60, bold=True, width=860, max_lines=3)
        for i, line in enumerate(lines):
            _text(draw, (600, 720 + i * 76), line, size=60, fill=INK)
        _text(draw, (600, 990), "Ảnh minh họa – dữ liệu trình diễn", size=32, fill=INK, bold=False)
    return _jpeg(image)


def _badge(draw: ImageDraw.ImageDraw, centre: tuple[int, int], stars: int) -> None:
    cx, cy = centre
    draw.ellipse((cx - 105, cy - 105, cx + 105, cy + 105), fill=(176, 32, 38))
    draw.ellipse((cx - 92, cy - 92, cx + 92, cy + 92), outline=GOLD, width=5)
    _text(draw, (cx, cy - 22), "OCOP", size=48, fill=WHITE)
    _stars_row(draw, (cx, cy + 38), stars, 15 if stars < 5 else 12)


def logo_image(*, name: str, initials: str, colour: str) -> bytes:
    """A 400×400 PNG roundel with the producer's initials and short name."""
    col = hex_colour(colour)
    image = Image.new("RGB", (400, 400), WHITE)
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 390, 390), fill=col)
    draw.ellipse((30, 30, 370, 370), outline=mix(col, WHITE, 0.6), width=4)
    _text(draw, (200, 170), initials, size=110, fill=WHITE)
    lines = _wrap(name, size=26, bold=True, width=250, max_lines=2)
    for i, line in enumerate(lines):
        _text(draw, (200, 270 + i * 32), line, size=26, fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def banner_image(*, title: str, colour: str) -> bytes:
    """A 1200×400 JPEG collection banner."""
    col = hex_colour(colour)
    image = Image.new("RGB", (1200, 400), mix(col, WHITE, 0.75))
    draw = ImageDraw.Draw(image)
    for i in range(0, 1200, 80):
        draw.polygon([(i, 400), (i + 40, 330), (i + 80, 400)], fill=mix(col, WHITE, 0.5))
    draw.rectangle((0, 0, 1200, 24), fill=col)
    _text(draw, (600, 170), title, size=72, fill=mix(col, (0, 0, 0), 0.3))
    _text(
        draw, (600, 260), "Lạc Dương – Lâm Đồng · dữ liệu trình diễn", size=34, fill=INK, bold=False
    )
    return _jpeg(image)
