"""The default channel (Saleor clients' default slug) and the OCOP group tree (vi + en)."""

from django.db import migrations


def load(apps, schema_editor):
    from catalog.ocop_groups import OCOP_GROUPS

    Channel = apps.get_model("catalog", "Channel")
    Category = apps.get_model("catalog", "Category")
    CategoryTranslation = apps.get_model("catalog", "CategoryTranslation")

    Channel.objects.get_or_create(
        slug="default-channel",
        defaults={"name": "Cửa hàng OCOP", "currency_code": "VND", "default_country": "VN"},
    )
    for order, (number, slug, name_vi, name_en, children) in enumerate(OCOP_GROUPS):
        group, _ = Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name_vi, "ocop_group": number, "sort_order": order, "level": 0},
        )
        CategoryTranslation.objects.get_or_create(
            category=group, language_code="en", defaults={"name": name_en}
        )
        for child_order, (child_slug, child_vi, child_en) in enumerate(children):
            child, _ = Category.objects.get_or_create(
                slug=child_slug,
                defaults={
                    "name": child_vi,
                    "parent": group,
                    "ocop_group": number,
                    "sort_order": child_order,
                    "level": 1,
                },
            )
            CategoryTranslation.objects.get_or_create(
                category=child, language_code="en", defaults={"name": child_en}
            )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
