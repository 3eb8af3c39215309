"""Create the demo accounts (for the demo only: never part of the plan fixtures)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from agencies.models import Agency, Membership

# (username, password, agency code, role, is_superuser, description)
DEMO_ACCOUNTS = [
    ("admin", "admin-demo-2023", None, None, True, "Quản trị viên (Django admin)"),
    ("dieuphoi", "dieuphoi-demo-2023", "so-tttt", Membership.Role.COORDINATOR, False,
     "Cán bộ đầu mối, Sở Thông tin và Truyền thông"),
    ("huyen.vietyen", "vietyen-demo-2023", "ubnd-huyen-viet-yen", Membership.Role.OFFICER, False,
     "Cán bộ UBND huyện Việt Yên"),
    ("so.tuphap", "tuphap-demo-2023", "so-tu-phap", Membership.Role.OFFICER, False, "Cán bộ Sở Tư pháp"),
    ("lanhdao", "lanhdao-demo-2023", "ubnd-tinh-bac-giang", Membership.Role.VIEWER, False,
     "Lãnh đạo UBND tỉnh (chỉ xem)"),
]

# Work phones of the demo people (invented): the coordinator's list of agencies to chase shows them.
DEMO_PHONES = {"dieuphoi": "0204 3855 001", "huyen.vietyen": "0204 3866 002", "so.tuphap": "0204 3854 003"}

# After the 2025 reorganisation (manage.py load_reorganisation_2025), the demo people work for the successor bodies:
# (username, agency code, role). Their old memberships stay: the coordinator's grants nothing once Sở TT&TT has
# ceased (accounts.roles), the district officer's still lets them read their district's past reports.
DEMO_SUCCESSOR_MEMBERSHIPS = [
    ("dieuphoi", "so-van-hoa-tt-dl", Membership.Role.COORDINATOR),
    ("huyen.vietyen", "ubnd-phuong-viet-yen-mau", Membership.Role.OFFICER),
]


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts and print their usernames and passwords. Demo only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production", action="store_true",
            help="Run even with DEBUG off (the passwords are public: never on a real server).",
        )

    @transaction.atomic
    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("DEBUG is off: demo accounts with public passwords are refused. "
                               "Pass --allow-production only on a demo server.")
        User = get_user_model()
        codes = {code for _, _, code, _, _, _ in DEMO_ACCOUNTS if code}
        agencies = Agency.objects.in_bulk(codes, field_name="code")
        missing = codes - set(agencies)
        if missing:
            raise CommandError(
                "Load the seed plan first (manage.py loaddata fixtures/seed_151_kh_ubnd_2023.json); "
                f"missing agencies: {', '.join(sorted(missing))}"
            )
        rows = []
        for username, password, code, role, is_superuser, description in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_active = True
            user.is_staff = is_superuser
            user.is_superuser = is_superuser
            user.email = f"{username}@demo.invalid"
            user.set_password(password)
            user.save()
            if code:
                Membership.objects.update_or_create(user=user, agency=agencies[code],
                                                    defaults={"role": role, "phone": DEMO_PHONES.get(username, "")})
            rows.append((username, password, description))
        successors = Agency.objects.in_bulk([code for _, code, _ in DEMO_SUCCESSOR_MEMBERSHIPS], field_name="code")
        for username, code, role in DEMO_SUCCESSOR_MEMBERSHIPS:
            if code in successors:  # the reorganisation is loaded
                Membership.objects.update_or_create(user=User.objects.get(username=username), agency=successors[code],
                                                    defaults={"role": role, "phone": DEMO_PHONES.get(username, "")})
        # The current reporting year of every plan that runs this year is open, so officers can report.
        from reports.services import open_reporting_year
        from tasks.models import Plan

        year = timezone.localdate().year
        coordinator = User.objects.get(username="dieuphoi")
        for plan in Plan.objects.all():
            if plan.runs_in(year):
                open_reporting_year(plan, year, coordinator)
                self.stdout.write(f"Reporting year {year} open for plan {plan.number}.")
        self.stdout.write("Demo accounts (demo only):")
        width = max(len(r[0]) for r in rows)
        described = who_they_are(timezone.localdate())
        for username, password, description in rows:
            self.stdout.write(f"  {username.ljust(width)}  {password}  — {described.get(username) or description}")


def who_they_are(today):
    """{username: what the demo account is today}: its role in each body it belongs to that exists today (by the
    name in force now), then the bodies it belonged to that have ceased ("đã kết thúc dd/mm/yyyy"), whose past
    reports it may still read. Two queries."""
    from django.contrib.auth import get_user_model

    users = (get_user_model().objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS if a[2]])
             .prefetch_related(Prefetch("memberships", Membership.objects.select_related("agency")
                                        .order_by("agency__sort_key"))))
    result = {}
    for user in users:
        now = [f"{m.get_role_display()}, {m.agency.name}" for m in user.memberships.all()
               if m.agency.is_active_on(today)]
        ended = [f"{m.agency.name} (đã kết thúc {m.agency.valid_to:%d/%m/%Y}; còn xem báo cáo cũ)"
                 for m in user.memberships.all() if not m.agency.is_active_on(today)]
        text = "; ".join(now) or "không còn thuộc cơ quan nào đang hoạt động"
        result[user.username] = text + (f" — trước đây: {'; '.join(ended)}" if ended else "")
    return result
