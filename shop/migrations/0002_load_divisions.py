"""Load the post-2025 provinces and wards from ``vietnam-provinces`` and the former names."""

from django.db import migrations


def load(apps, schema_editor):
    from vietnam_provinces import Province as VnProvince
    from vietnam_provinces import Ward as VnWard

    from shop.divisions_data import PROVINCE_ALIASES, WARD_ALIASES
    from shop.text import fold

    Province = apps.get_model("shop", "Province")
    Ward = apps.get_model("shop", "Ward")
    DivisionAlias = apps.get_model("shop", "DivisionAlias")

    Province.objects.bulk_create(
        [
            Province(
                code=int(p.code),
                name=p.name,
                codename=p.codename,
                division_type=p.division_type.value,
                name_folded=fold(p.name),
            )
            for p in VnProvince.iter_all()
        ],
        ignore_conflicts=True,
    )
    Ward.objects.bulk_create(
        [
            Ward(
                code=int(w.code),
                name=w.name,
                codename=w.codename,
                division_type=w.division_type.value,
                province_id=int(w.province_code),
                name_folded=fold(w.name),
            )
            for w in VnWard.iter_all()
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    aliases = [
        DivisionAlias(name_folded=fold(name), display_name=name, province_id=code)
        for name, code in PROVINCE_ALIASES.items()
    ]
    for old_name, code, ward_name in WARD_ALIASES:
        ward = Ward.objects.get(province_id=code, name=ward_name)
        aliases.append(
            DivisionAlias(
                name_folded=fold(old_name), display_name=old_name, province_id=code, ward=ward
            )
        )
    DivisionAlias.objects.bulk_create(aliases, ignore_conflicts=True)


def unload(apps, schema_editor):
    apps.get_model("shop", "DivisionAlias").objects.all().delete()
    apps.get_model("shop", "Ward").objects.all().delete()
    apps.get_model("shop", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
