"""Who holds which role, for views to ask. Roles come from agencies.Membership (DESIGN.md "Who uses
it"); admins are Django staff. Each helper costs at most one query; an anonymous or deactivated user
holds no role."""

from agencies.models import Agency, Membership


def _signed_in(user):
    return user.is_authenticated and user.is_active


def agencies_for(user, role):
    """The agencies in which ``user`` holds ``role`` (a Membership.Role), as a queryset."""
    if not _signed_in(user):
        return Agency.objects.none()
    # One membership per (user, agency) is enforced, so the join cannot repeat an agency.
    return Agency.objects.filter(memberships__user=user, memberships__role=role)


def _has_role(user, role):
    return _signed_in(user) and Membership.objects.filter(user=user, role=role).exists()


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
