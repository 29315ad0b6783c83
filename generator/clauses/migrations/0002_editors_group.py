"""The "Clausebeheerders" group: clause editors need staff status and this group, not superuser."""

from django.db import migrations

GROUP = "Clausebeheerders"
CODENAMES = [
    "view_clausetemplate",
    "add_clausetemplate",
    "change_clausetemplate",
    "view_clauserevision",
    "add_clauserevision",
    "change_clauserevision",
]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    # Django makes permissions after all migrations have run; this migration needs them now,
    # so it makes the same rows (get_or_create: the later run finds them and adds nothing).
    for codename in CODENAMES:
        action, model = codename.split("_", 1)
        content_type, _ = ContentType.objects.get_or_create(app_label="clauses", model=model)
        permission, _ = Permission.objects.get_or_create(
            codename=codename,
            content_type=content_type,
            defaults={"name": f"Can {action} {model}"},
        )
        permissions.append(permission)
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(permissions)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clauses", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
