"""The "Profile · Notification settings" page: reminders and notifications on by default, a language."""

import pytest
from django.urls import reverse

from notifications.models import Preference
from testing.factories import make_agency, make_user


@pytest.fixture
def officer(db, django_user_model):
    return make_user(django_user_model, "canbo", make_agency(name="Sở Tư pháp"), email="canbo@example.vn")


def test_everything_is_on_and_vietnamese_for_a_user_who_never_chose(officer):
    preference = Preference.for_user(officer)

    assert (preference.pk, preference.reminders, preference.notifications, preference.language) == (None, True, True, "vi")


def test_the_page_shows_the_settings_and_the_address_mail_goes_to(client, officer):
    client.force_login(officer)

    page = client.get(reverse("notifications:preferences")).content.decode()

    assert "Cài đặt thông báo" in page
    assert "canbo@example.vn" in page
    assert 'id="id_reminders" checked' in page and 'id="id_notifications" checked' in page
    assert 'id="id_reminders_helptext"' in page
    assert "Sở Tư pháp" in page  # the agency whose calendar they manage


def test_a_user_turns_reminders_off_and_chooses_english(client, officer):
    client.force_login(officer)

    response = client.post(reverse("notifications:preferences"), {"notifications": "on", "language": "en"})

    assert response.status_code == 302
    preference = Preference.objects.get(user=officer)
    assert (preference.reminders, preference.notifications, preference.language) == (False, True, "en")


def test_a_first_visit_suggests_the_language_the_site_is_read_in(client, officer):
    client.force_login(officer)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("notifications:preferences")).content.decode()

    assert '<option value="en" selected>' in page


def test_an_unknown_language_is_refused(client, officer):
    client.force_login(officer)

    response = client.post(reverse("notifications:preferences"), {"reminders": "on", "language": "fr"})

    assert response.status_code == 400
    assert not Preference.objects.filter(user=officer).exists()


def test_a_user_without_email_is_told_they_will_get_no_mail(client, db, django_user_model):
    user = make_user(django_user_model, "no-mail", make_agency())
    client.force_login(user)

    page = client.get(reverse("notifications:preferences")).content.decode()

    assert "chưa có địa chỉ email" in page


def test_the_page_costs_the_same_number_of_queries_with_more_agencies(client, db, django_user_model,
                                                                     django_assert_num_queries):
    from agencies.models import Membership
    from notifications.tokens import new_calendar_token

    user = make_user(django_user_model, "canbo", make_agency(), email="c@example.vn")
    client.force_login(user)

    def page():
        return client.get(reverse("notifications:preferences"))

    page()
    # 1 session; 2 user; 3 preference; 4 the user's agencies; 5 their live calendar tokens.
    with django_assert_num_queries(4):
        assert page().status_code == 200
    for _ in range(3):
        agency = make_agency()
        Membership.objects.create(user=user, agency=agency)
        new_calendar_token(agency, user)
    with django_assert_num_queries(4):
        assert page().status_code == 200
