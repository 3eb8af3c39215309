"""Roles, defined once (DESIGN.md "Who uses it"). Every view, service, mail, template and admin action asks
this module; nothing else decides who is an officer, a coordinator, a viewer or an admin.

=============  ==========================================================================================
role           who holds it
=============  ==========================================================================================
officer        an officer membership (agencies.Membership) in an agency: fills in *that agency's* reports
coordinator    a coordinator membership in any agency, or the permission ``reports.review_agencyreport``:
               sees every submitted report, reviews (accepts / returns), opens reporting years, exports
viewer         a viewer (leader) membership, or the permission ``reports.view_all_agencyreports``:
               reads every submitted report and the year's figures; writes nothing, exports nothing
admin          a superuser, or the permission named for the one admin power: ``reports.reopen_agencyreport``
               (reopen an accepted report), ``notifications.change_calendartoken`` (any agency's calendar)
=============  ==========================================================================================

``is_staff`` is not a role: in Django it only lets a person enter the admin site, where the model
permissions they were given decide what they see. A staff account without permissions or memberships
holds no role here. Superusers hold every permission (Django's ``has_perm``), so they hold every role but
officer, which needs a membership (an admin fills in no agency's report).

An anonymous or deactivated user holds no role. The user's memberships and role permissions are read once
per user object, in one query: a request asks the database once however many checks its view makes (the signed-in
user of a request is read with them, in the same statement: ``with_grants``, ``accounts.middleware``). A user object
outlives a request only in tests and scripts; after changing someone's memberships there, call
``forget_roles(user)`` or fetch the user again."""

from agencies.models import Agency, Membership, active_on_q

OFFICER = Membership.Role.OFFICER
COORDINATOR = Membership.Role.COORDINATOR
VIEWER = Membership.Role.VIEWER

#: The explicit permissions that grant a role without a membership (reports.AgencyReport.Meta.permissions).
REVIEW_PERMISSION = "reports.review_agencyreport"
VIEW_ALL_PERMISSION = "reports.view_all_agencyreports"
REOPEN_PERMISSION = "reports.reopen_agencyreport"
ANY_CALENDAR_PERMISSION = "notifications.change_calendartoken"

_CACHE = "_plan_tracker_membership_roles"


def signed_in(user):
    return bool(user.is_authenticated and user.is_active)


_ROLE_PERMISSIONS = (REVIEW_PERMISSION, VIEW_ALL_PERMISSION, REOPEN_PERMISSION, ANY_CALENDAR_PERMISSION)


def _grants_queryset(user_id, on):
    """The ORM form of the grants' query (see ``_grants``) for the user ``user_id`` on the local date ``on``."""
    from django.contrib.auth.models import Permission
    from django.db.models import BigIntegerField, CharField, F, Q, Value
    from django.db.models.functions import Concat

    wanted = Q()
    for name in _ROLE_PERMISSIONS:
        app_label, codename = name.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    permissions = (
        Permission.objects.filter(Q(user=user_id) | Q(group__user=user_id)).filter(wanted)
        .annotate(no_agency=Value(None, output_field=BigIntegerField()),
                  dotted=Concat(F("content_type__app_label"), Value("."), F("codename"), output_field=CharField()))
        .order_by()
    )
    permissions = permissions.values_list("no_agency", "dotted")
    # Coordinator and viewer rights follow the body: a membership in an agency that does not exist today
    # (merged, split, dissolved: agencies.succession; or not yet created) grants them only on the days it
    # exists, as the agencies rule says (active_on_q). An officer keeps reading their own agency's past reports.
    held = Membership.objects.filter(user=user_id).filter(granting_q(on))
    return held.values_list("agency_id", "role").order_by().union(permissions)


#: A user id no account has, compiled into the grants' SQL in place of the user's (then swapped for theirs).
_STAND_IN_USER = -918_273_645_001
#: {(database alias, local date): (sql, params)}: the grants' query compiled once a day per database. Building and
#: compiling the ORM query (a UNION, a Concat, the dated agency rule) cost ~2 ms of CPU on every signed-in request.
_COMPILED = {}


def _compiled_grants(alias, on):
    key = (alias, on)
    found = _COMPILED.get(key)
    if found is None:
        from django.db import connections

        query = _grants_queryset(_STAND_IN_USER, on).query
        sql, params = query.get_compiler(connection=connections[alias]).as_sql()
        params = tuple(params)
        if str(_STAND_IN_USER) in sql or _STAND_IN_USER not in params:  # never a query for the wrong user
            raise RuntimeError("the grants' query does not take the user as a parameter")
        _COMPILED.clear()  # yesterday's
        found = _COMPILED[key] = (sql, params)
    return found


def grant_rows(user_id, on=None):
    """The rows of the grants' query for ``user_id`` on the local date ``on`` (today): the SQL the ORM compiles for
    ``_grants_queryset``, compiled once a day, run with the user's id in place of the stand-in's."""
    from django.db import connections, router
    from django.utils import timezone

    alias = router.db_for_read(Membership)
    sql, params = _compiled_grants(alias, on or timezone.localdate())
    params = tuple(user_id if type(p) is int and p == _STAND_IN_USER else p for p in params)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(row) for row in cursor.fetchall()]


#: The column ``with_grants`` adds to a user's row: their grants, as JSON text ([[agency_id, role], …]).
GRANTS_COLUMN = "_plan_tracker_grants_json"
_AGGREGATES = {  # the grants' rows as one JSON array text, on each database the site runs on
    "postgresql": "json_agg(json_build_array(g.{agency}, g.{role}))::text",
    "sqlite": "json_group_array(json_array(g.{agency}, g.{role}))",
}


def with_grants(users, user_id, on, alias):
    """``users`` (a queryset of the user ``user_id``) with one more column, ``GRANTS_COLUMN``: the rows of the grants'
    query (``_grants_queryset``: memberships and role permissions, on the local date ``on``) as JSON text, read in the
    same statement as the user (``accounts.middleware``: one statement a request instead of two). None on a database
    without an aggregate here (the user and the grants are then read as before)."""
    from django.db import connections
    from django.db.models import TextField
    from django.db.models.expressions import RawSQL

    connection = connections[alias]
    aggregate = _AGGREGATES.get(connection.vendor)
    if aggregate is None:
        return None
    sql, params = _grants_queryset(user_id, on).query.get_compiler(connection=connection).as_sql()
    quote = connection.ops.quote_name
    aggregate = aggregate.format(agency=quote("agency_id"), role=quote("role"))
    return users.annotate(**{GRANTS_COLUMN: RawSQL(f"SELECT {aggregate} FROM ({sql}) g", tuple(params),
                                                   output_field=TextField())})


def take_grants(user):
    """Set ``user``'s grants (``_grants``) from the column ``with_grants`` read with them, and drop the column: the
    user object holds them for this request, as if ``_grants`` had read them (``forget_roles`` reads them again)."""
    import json

    text = user.__dict__.pop(GRANTS_COLUMN)
    setattr(user, _CACHE, frozenset(tuple(row) for row in json.loads(text or "[]")))
    return user


def _grants(user):
    """{(agency_id, role)} of ``user``'s memberships (but coordinator and viewer memberships in an agency that does
    not exist today), and {(None, "app.codename")} of the role permissions they hold directly or through a group:
    one query (a UNION, ``grant_rows``), read once per user object."""
    grants = getattr(user, _CACHE, None)
    if grants is None:
        grants = frozenset(grant_rows(user.pk))
        setattr(user, _CACHE, grants)
    return grants


def granting_q(on):
    """SQL: a membership that grants its role on the date ``on``: an officer's always (they keep reading their own
    agency's past reports), a coordinator's or viewer's while its agency exists (``agencies.models.active_on_q``)."""
    from django.db.models import Q

    return Q(role=OFFICER) | active_on_q(on, "agency__")


def coordinator_memberships_q(on):
    """SQL: the coordinator memberships that make their holder a coordinator on ``on`` (mail recipients ask this)."""
    from django.db.models import Q

    return Q(role=COORDINATOR) & granting_q(on)


def memberships(user):
    """{(agency_id, role)} of ``user``'s memberships; empty for anonymous or deactivated users."""
    if not signed_in(user):
        return frozenset()
    return frozenset(grant for grant in _grants(user) if grant[0] is not None)


def forget_roles(user):
    user.__dict__.pop(_CACHE, None)


def _holds(user, role):
    return any(r == role for _, r in memberships(user))


def _permitted(user, permission):
    """Superusers hold every permission (as Django's has_perm says); others, those given to them or their groups,
    read with the memberships in one query."""
    if not signed_in(user):
        return False
    return user.is_superuser or (None, permission) in _grants(user)


def agency_ids(user, *roles):
    """Ids of the agencies in which ``user`` holds one of ``roles`` (Membership roles)."""
    return {agency_id for agency_id, role in memberships(user) if role in roles}


def officer_agency_ids(user):
    """The agencies whose reports ``user`` fills in."""
    return agency_ids(user, OFFICER)


def overseen_agency_ids(user):
    """The agencies in which ``user`` coordinates or views (their home page shows those agencies' plans)."""
    return agency_ids(user, COORDINATOR, VIEWER)


def agencies_for(user, role):
    """The agencies in which ``user`` holds ``role`` (a Membership.Role), as a queryset."""
    if not signed_in(user):
        return Agency.objects.none()
    # One membership per (user, agency) is enforced, so the join cannot repeat an agency.
    return Agency.objects.filter(memberships__user=user, memberships__role=role)


def is_officer(user):
    """Holds an officer membership in at least one agency (see officer_agency_ids for which)."""
    return _holds(user, OFFICER)


def is_coordinator(user):
    """Sees every submitted report, reviews reports, opens reporting years and exports the compiled report."""
    return _holds(user, COORDINATOR) or _permitted(user, REVIEW_PERMISSION)


def is_viewer(user):
    """A read-only leader: a viewer membership or the view-all permission. Coordinators are not viewers."""
    return _holds(user, VIEWER) or (not is_coordinator(user) and _permitted(user, VIEW_ALL_PERMISSION))


def is_admin(user):
    """A superuser: every power of the admin site and of the app (but no agency's report to fill in)."""
    return signed_in(user) and user.is_superuser


def sees_all_reports(user):
    """Coordinators, viewers and admins read every agency's submitted reports and the year's figures."""
    return is_coordinator(user) or is_viewer(user)


def may_review(user):
    """Accept or return a submitted report (never one they submitted themselves: reports.services)."""
    return is_coordinator(user)


def may_open_year(user):
    return is_coordinator(user)


def may_export(user):
    """Download the compiled XLSX/DOCX of a plan's year (viewers read the pages but do not export)."""
    return is_coordinator(user)


def may_reopen(user):
    """Send an accepted report back to its agency: an admin power."""
    return _permitted(user, REOPEN_PERMISSION)


def may_manage_calendar(user, agency_id):
    """Give out or revoke ``agency_id``'s secret calendar address: its officers and coordinators, and admins."""
    return agency_id in agency_ids(user, OFFICER, COORDINATOR) or _permitted(user, ANY_CALENDAR_PERMISSION)


class Roles:
    """What the signed-in user is, for a view and its template (``roles.is_coordinator``…): the answers of
    the functions above, each asked once."""

    def __init__(self, user):
        self.officer_agency_ids = officer_agency_ids(user)
        self.overseen_agency_ids = overseen_agency_ids(user)
        self.is_coordinator = is_coordinator(user)
        self.sees_all = sees_all_reports(user)
        self.is_admin = is_admin(user)

    def reads_content_of(self, agency_id):
        """Whether a submitted report of ``agency_id`` is readable in full (theirs, or they see all)."""
        return self.sees_all or agency_id in self.officer_agency_ids
