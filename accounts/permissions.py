"""Who holds which role, for views to ask. Roles come from agencies.Membership (DESIGN.md "Who uses
it"); admins are Django staff. An anonymous or deactivated user holds no role.

The user's memberships are read once per user object (one query: ``membership_roles``) and every helper
here, reports.access and tasks.views.user_roles answer from them: a request asks the database once,
however many checks its view makes. A user object outlives a request only in tests and scripts; after
changing someone's memberships there, call ``forget_roles(user)`` or fetch the user again."""

from agencies.models import Agency, Membership


def _signed_in(user):
    return user.is_authenticated and user.is_active


ROLES_CACHE = "_plan_tracker_membership_roles"


def membership_roles(user):
    """{(agency_id, role)} of ``user``'s memberships; empty for anonymous or deactivated users."""
    if not _signed_in(user):
        return frozenset()
    roles = getattr(user, ROLES_CACHE, None)
    if roles is None:
        roles = frozenset(Membership.objects.filter(user=user).values_list("agency_id", "role"))
        setattr(user, ROLES_CACHE, roles)
    return roles


def forget_roles(user):
    user.__dict__.pop(ROLES_CACHE, None)


def agency_ids_for(user, *roles):
    """Ids of the agencies in which ``user`` holds one of ``roles``."""
    return {agency_id for agency_id, role in membership_roles(user) if role in roles}


def _has_role(user, role):
    return any(r == role for _, r in membership_roles(user))


def sees_all_reports(user):
    """Coordinators, viewers and admins see every agency's submitted reports."""
    if not _signed_in(user):
        return False
    return user.is_staff or _has_role(user, Membership.Role.COORDINATOR) or _has_role(user, Membership.Role.VIEWER)


def agencies_for(user, role):
    """The agencies in which ``user`` holds ``role`` (a Membership.Role), as a queryset."""
    if not _signed_in(user):
        return Agency.objects.none()
    # One membership per (user, agency) is enforced, so the join cannot repeat an agency.
    return Agency.objects.filter(memberships__user=user, memberships__role=role)


def is_coordinator(user):
    """Sees everything and reviews reports: a coordinator membership, or Django staff (admins)."""
    if not _signed_in(user):
        return False
    return user.is_staff or _has_role(user, Membership.Role.COORDINATOR)


def is_viewer(user):
    """Holds a read-only viewer (leader) membership. Coordinators are not viewers by this test."""
    return _has_role(user, Membership.Role.VIEWER)


def is_officer(user):
    """Holds an officer membership in at least one agency (see agencies_for for which)."""
    return _has_role(user, Membership.Role.OFFICER)
