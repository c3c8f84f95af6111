"""``manage.py seed_demo [--products N]``: load the Lạc Dương DEMO DATA catalogue.

The data (invented for demonstration) lives in ``catalog.demo``. Running the command again
changes nothing; ``--products N`` tops the catalogue up to N synthetic benchmark products.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from catalog.demo import DEMO_NOTE_VI
from catalog.demo.loader import demo_catalogue_load
from catalog.demo.synthetic import ProgressBar, synthetic_products_load


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu trình diễn (DEMO DATA) OCOP Lạc Dương: 14 chủ thể, 43 sản phẩm, bộ sưu "
        "tập, trang và menu. --products N thêm sản phẩm tổng hợp cho đo hiệu năng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--products",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N synthetic products (synthetic-<n>) exist, for benchmarks.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=1000,
            help="Rows of synthetic products written per batch (default 1000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target, batch_size = options["products"], options["batch_size"]
        if target < 0 or batch_size < 1:
            raise CommandError("--products must be >= 0 and --batch-size >= 1.")
        started = time.monotonic()
        summary = demo_catalogue_load()
        elapsed = time.monotonic() - started
        if summary.created_anything():
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã nạp dữ liệu trình diễn (demo data) trong {elapsed:.1f}s: "
                    f"{summary.producers} chủ thể, {summary.products} sản phẩm, "
                    f"{summary.variants} biến thể, {summary.certificates} giấy chứng nhận, "
                    f"{summary.media} ảnh, {summary.collections} bộ sưu tập, "
                    f"{summary.pages} trang, {summary.menu_items} mục menu."
                )
            )
        else:
            self.stdout.write(
                f"Dữ liệu trình diễn (demo data) đã có sẵn, không thay đổi gì ({elapsed:.1f}s)."
            )
        self.stdout.write(DEMO_NOTE_VI)
        if target:
            self._synthetic(target, batch_size)
        self._orders_demo()

    def _orders_demo(self) -> None:
        # Shipping zones and methods for the whole country, and a demo buyer to try checkout.
        from django.core.management import call_command

        from orders.demo import DEMO_BUYER_EMAIL, DEMO_BUYER_PASSWORD, demo_buyer_create

        call_command("seed_shipping", stdout=self.stdout, stderr=self.stderr)
        _user, created = demo_buyer_create()
        state = "đã tạo" if created else "đã có sẵn"
        self.stdout.write(
            f"Khách hàng trình diễn (demo buyer) {state}: {DEMO_BUYER_EMAIL} / "
            f"{DEMO_BUYER_PASSWORD} (chỉ dùng để trình diễn)."
        )
        self._signins_demo()

    def _signins_demo(self) -> None:
        from catalog.demo.accounts import DEMO_DOMAIN, DEMO_PASSWORD, demo_signins_create

        result = demo_signins_create()
        self.stdout.write(
            f"Tài khoản trình diễn (demo sign-ins): thêm {result.members_created} thành viên chủ "
            f"thể (<slug-chủ-thể>@{DEMO_DOMAIN}) và "
            f"{'1' if result.staff_created else '0'} cán bộ OCOP (staff@{DEMO_DOMAIN}); mật khẩu "
            f"{DEMO_PASSWORD} (chỉ dùng để trình diễn)."
        )

    def _synthetic(self, target: int, batch_size: int) -> None:
        def write(text: str) -> None:
            self.stderr.write(text, style_func=lambda s: s, ending="")
            self.stderr.flush()

        started = time.monotonic()
        added = synthetic_products_load(
            target=target, batch_size=batch_size, progress=ProgressBar(write, target)
        )
        elapsed = time.monotonic() - started
        rate = added / elapsed if elapsed else 0
        self.stdout.write(
            f"Sản phẩm tổng hợp (demo data): thêm {added:,} để đủ {target:,} "
            f"trong {elapsed:.1f}s ({rate:,.0f}/s)."
        )
