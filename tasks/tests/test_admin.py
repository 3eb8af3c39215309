"""The admin of plans, sections, tasks, assignments and responsibilities."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tasks.models import Assignment, Plan, Responsibility, Section, Task
from testing.factories import make_agency, make_group, make_plan, make_section, make_task


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# --- Query counts: the same at 3 and at 30 rows -------------------------------------------------


def tasks_with_assignees(n):
    """n tasks, each in its own plan and section, with a lead agency, a group and a related text."""
    for _ in range(n):
        agency = make_agency()
        make_task(lead=agency, coordinators=[make_group(members=[agency]), "các cơ quan có liên quan"])


def responsibilities(n):
    for i in range(n):
        agency = make_agency()
        r = Responsibility.objects.create(plan=make_plan(), number=str(i + 1), heading="Sở Tư pháp", text="…")
        r.agencies.set([agency, make_agency()])
        r.groups.set([make_group(members=[agency])])


@pytest.mark.parametrize("n", [3, 30])
def test_task_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    tasks_with_assignees(n)
    # 1 session, 2 user, 3 the plans for the plan filter, 4 COUNT with the list's filters,
    # 5 COUNT of all rows, 6 the page's tasks joined to plan and section,
    # 7 the lead assignments of those tasks (prefetch, joined to agency and group).
    with django_assert_num_queries(6):
        response = admin_client.get(admin_url(Task, "changelist"))
    assert response.context["cl"].result_count == n


@pytest.mark.parametrize("n", [3, 30])
def test_assignment_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    tasks_with_assignees(n)
    # 1 session, 2 user, 3 the plans for the plan filter, 4-5 the two COUNTs,
    # 6 the page's assignments joined to task, plan, agency and group.
    with django_assert_num_queries(5):
        response = admin_client.get(admin_url(Assignment, "changelist"))
    assert response.context["cl"].result_count == 3 * n


@pytest.mark.parametrize("n", [3, 30])
def test_plan_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    tasks_with_assignees(n)
    # 1 session, 2 user, 3-4 the two COUNTs, 5 the page's plans joined to their issuer, with the
    # section and task counts as subqueries.
    with django_assert_num_queries(4):
        response = admin_client.get(admin_url(Plan, "changelist"))
    assert response.context["cl"].result_count == n


@pytest.mark.parametrize("n", [3, 30])
def test_section_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    tasks_with_assignees(n)
    # 1 session, 2 user, 3 the plans for the plan filter, 4-5 the two COUNTs,
    # 6 the page's sections joined to plan and parent, with their task count.
    with django_assert_num_queries(5):
        response = admin_client.get(admin_url(Section, "changelist"))
    assert response.context["cl"].result_count == n


@pytest.mark.parametrize("n", [3, 30])
def test_responsibility_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    responsibilities(n)
    # 1 session, 2 user, 3 the plans for the plan filter, 4-5 the two COUNTs,
    # 6 the page's responsibilities joined to plan, 7 their agencies, 8 their groups (prefetches).
    with django_assert_num_queries(7):
        response = admin_client.get(admin_url(Responsibility, "changelist"))
    assert response.context["cl"].result_count == n


def test_plan_changelist_counts_sections_and_tasks_separately(admin_client, db):
    plan = make_plan()
    for section in (make_section(plan), make_section(plan)):
        make_task(section)
        make_task(section)

    row = admin_client.get(admin_url(Plan, "changelist")).context["cl"].result_list[0]

    assert (row.section_count, row.task_count) == (2, 4)


def test_task_changelist_shows_lead_agencies(admin_client, db):
    make_task(lead=make_agency(name="Sở Thông tin và Truyền thông"), number="1.1")

    assert "Sở Thông tin và Truyền thông" in admin_client.get(admin_url(Task, "changelist")).content.decode()


def test_section_filter_lists_the_chosen_plans_sections(admin_client, db):
    plan = make_plan()
    wanted, other = make_section(plan, code="II.1"), make_section(plan, code="II.2")
    make_task(wanted, number="1.1")
    make_task(other, number="2.1")
    make_task(make_section(), number="1.1")

    response = admin_client.get(admin_url(Task, "changelist"), {"plan__id__exact": plan.pk, "section": wanted.pk})

    assert [t.number for t in response.context["cl"].result_list] == ["1.1"]
    assert response.context["cl"].result_list[0].section == wanted


# --- Search ----------------------------------------------------------------------------------


@pytest.fixture
def searchable_tasks(db):
    section = make_section(make_plan())
    return {
        "training": make_task(section, number="6.5", title="Tổ chức hội nghị tập huấn kỹ năng phát ngôn"),
        "website": make_task(section, number="6.1", title="Nâng cấp Cổng thông tin điện tử"),
        "press": make_task(section, number="16.1", title="Đặt hàng báo chí tuyên truyền"),
    }


@pytest.mark.parametrize(
    "query", ["hoi nghi tap huan", "HỘI NGHỊ TẬP HUẤN", "Hội nghị  tập huấn", "tap huan phat ngon"]
)
def test_task_search_ignores_accents_and_case(admin_client, searchable_tasks, query):
    response = admin_client.get(admin_url(Task, "changelist"), {"q": query})

    assert list(response.context["cl"].result_list) == [searchable_tasks["training"]]


def test_task_search_finds_by_number(admin_client, searchable_tasks):
    def found(query):
        response = admin_client.get(admin_url(Task, "changelist"), {"q": query})
        return {t.number for t in response.context["cl"].result_list}

    assert found("6.5") == {"6.5"}
    assert "6.1" in found("6.1")
    assert found("dat hang bao chi") == {"16.1"}


def test_assignment_search_finds_by_agency_name_without_accents(admin_client, db):
    wanted = make_task(lead=make_agency(name="Sở Văn hóa, Thể thao và Du lịch"), number="2.3")
    make_task(lead=make_agency(name="Sở Tài chính"), number="2.4")

    response = admin_client.get(admin_url(Assignment, "changelist"), {"q": "van hoa the thao"})

    assert [a.task for a in response.context["cl"].result_list] == [wanted]


# --- Forms -------------------------------------------------------------------------------------


def task_form_data(section, **overrides):
    data = {
        "plan": section.plan_id,
        "section": section.pk,
        "number": "9.1",
        "title": "Nhiệm vụ mới",
        "content": "",
        "order": "1",
        "target_quantity": "",
        "target_unit": "",
        "target_text": "",
        "timeframe_kind": Task.Timeframe.DEADLINE,
        "timeframe_text": "Trước ngày 15/11/2025",
        "start_date": "",
        "end_date": "",
        "due_date": "15/11/2025",
        "assignments-TOTAL_FORMS": "0",
        "assignments-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_task_due_date_15_11_2025_is_stored_as_15_november(admin_client, db):
    section = make_section()

    response = admin_client.post(admin_url(Task, "add"), task_form_data(section))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Task.objects.get(number="9.1").due_date == datetime.date(2025, 11, 15)


def test_task_form_refuses_a_section_of_another_plan(admin_client, db):
    section, other_plan = make_section(), make_plan()

    response = admin_client.post(admin_url(Task, "add"), task_form_data(section, plan=other_plan.pk))

    assert response.status_code == 200
    assert "Mục này thuộc kế hoạch khác." in response.context["adminform"].form.errors["section"]


def test_task_added_under_a_section_gets_its_plan_and_a_duplicate_number_is_refused(admin_client, db):
    section = make_section()
    existing = make_task(section, number="1.1")
    data = {
        "plan": section.plan_id, "parent": "", "code": section.code, "number": section.number,
        "title": section.title, "text": "", "order": section.order,
        "tasks-TOTAL_FORMS": "2", "tasks-INITIAL_FORMS": "1",
        "tasks-0-id": existing.pk, "tasks-0-section": section.pk, "tasks-0-number": "1.1",
        "tasks-0-title": existing.title, "tasks-0-timeframe_kind": "ongoing", "tasks-0-due_date": "",
        "tasks-0-order": existing.order,
        "tasks-1-section": section.pk, "tasks-1-number": "1.1", "tasks-1-title": "Trùng số",
        "tasks-1-timeframe_kind": "ongoing", "tasks-1-due_date": "", "tasks-1-order": "2",
    }

    response = admin_client.post(admin_url(Section, "change", section.pk), data)
    assert response.status_code == 200
    assert "Kế hoạch này đã có nhiệm vụ số 1.1." in response.content.decode()

    data["tasks-1-number"] = "1.2"
    response = admin_client.post(admin_url(Section, "change", section.pk), data)
    assert response.status_code == 302
    assert Task.objects.get(number="1.2").plan == section.plan


# --- Import and export need their own permissions ---------------------------------------------


@pytest.fixture
def staff(db, django_user_model):
    """A staff user who may view, add and change tasks and assignments, but not import or export."""
    user = django_user_model.objects.create_user(username="nhan-vien", password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="tasks",
            codename__in=[f"{act}_{model}" for act in ("view", "add", "change") for model in ("task", "assignment")],
        )
    )
    return user


def grant(user, codename, django_user_model):
    user.user_permissions.add(Permission.objects.get(content_type__app_label="tasks", codename=codename))
    return django_user_model.objects.get(pk=user.pk)  # a fresh object: permissions are cached per instance


@pytest.mark.parametrize("model", [Task, Assignment])
def test_import_needs_the_import_permission(client, staff, django_user_model, model):
    client.force_login(staff)
    name = model._meta.model_name

    assert client.get(admin_url(model, "changelist")).status_code == 200
    assert client.get(admin_url(model, "import")).status_code == 403
    assert client.post(admin_url(model, "process_import"), {}).status_code == 403

    client.force_login(grant(staff, f"import_{name}", django_user_model))
    assert client.get(admin_url(model, "import")).status_code == 200


@pytest.mark.parametrize("model", [Task, Assignment])
def test_export_needs_the_export_permission(client, staff, django_user_model, model):
    client.force_login(staff)
    name = model._meta.model_name

    assert client.get(admin_url(model, "export")).status_code == 403
    assert client.post(admin_url(model, "export"), {"format": "1"}).status_code == 403

    client.force_login(grant(staff, f"export_{name}", django_user_model))
    assert client.get(admin_url(model, "export")).status_code == 200


def test_import_permission_alone_does_not_let_a_viewer_import(client, db, django_user_model):
    viewer = django_user_model.objects.create_user(username="xem", password="x", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__in=["view_task", "import_task"]))
    client.force_login(viewer)

    assert client.get(admin_url(Task, "import")).status_code == 403


def test_changelist_offers_import_and_export_buttons_only_with_the_permissions(client, staff, django_user_model):
    client.force_login(staff)
    page = client.get(admin_url(Task, "changelist")).content.decode()
    assert admin_url(Task, "import") not in page and admin_url(Task, "export") not in page

    staff = grant(staff, "import_task", django_user_model)
    client.force_login(grant(staff, "export_task", django_user_model))
    page = client.get(admin_url(Task, "changelist")).content.decode()
    assert admin_url(Task, "import") in page and admin_url(Task, "export") in page
