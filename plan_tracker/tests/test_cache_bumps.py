"""``plan_tracker.cache.bump``: the bumps of a transaction are owed, not paid at once (issue #18, session 16). At its
commit each scope is written once, whatever the number of bumps; before the transaction's own next read of a
generation, the immediate bumps are written (a transaction reads its own writes); a rolled-back transaction, or
savepoint, bumps nothing at commit; and every committed transaction gets its own bump at commit."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import transaction

from plan_tracker import cache as generations
from plan_tracker.cache import SITE, bump

pytestmark = pytest.mark.django_db(transaction=True)

A, B = "plan:101", "plan:102"


@pytest.fixture
def writes():
    """The scopes of every write of generations to the cache, in order."""
    cache.clear()
    generations._owed.now.clear()
    written = []
    real = cache.set_many

    def set_many(data, *args, **kwargs):
        written.append({key.removeprefix(generations._PREFIX) for key in data})
        return real(data, *args, **kwargs)

    with mock.patch.object(cache, "set_many", set_many):
        yield written


def test_a_transactions_bumps_write_the_cache_once_at_its_commit(writes):
    before = generations.generations(A)[A]
    with transaction.atomic():
        bump(A)
        bump(A)
        with transaction.atomic():
            bump(A)
        assert writes == []
    assert writes == [{A, SITE}]
    assert generations.generations(A)[A] != before
    assert writes == [{A, SITE}]  # nothing owed: the commit's bump was the newer


def test_a_read_in_the_transaction_sees_its_own_bumps_and_the_commit_bumps_again(writes):
    before = generations.generations(A, B)
    with transaction.atomic():
        bump(A)
        during = generations.generations(A, B)
        assert writes == [{A, SITE}]
        assert during[A] != before[A] and during[B] == before[B]
        bump(A)
    after = generations.generations(A, B)
    assert after[A] != during[A] and after[B] == before[B]
    assert writes == [{A, SITE}, {A, SITE}]


def test_each_committed_transaction_bumps_at_its_own_commit(writes):
    for n in range(1, 4):
        token = generations.generations(A)[A]
        with transaction.atomic():
            bump(A)
        assert len(writes) == n
        assert generations.generations(A)[A] != token


def test_a_rolled_back_transaction_bumps_nothing_at_commit_and_a_rolled_back_savepoint_its_own_part(writes):
    with pytest.raises(ZeroDivisionError):
        with transaction.atomic():
            bump(B)
            1 / 0
    assert writes == []
    with transaction.atomic():
        bump(A)
        try:
            with transaction.atomic():
                bump(B)
                1 / 0
        except ZeroDivisionError:
            pass
    assert writes == [{A, SITE}]
    # What the rolled-back work owed now is paid at the thread's next read (a recomputation at most).
    generations.generations(A)
    assert writes[1:] == [{B, SITE}]


def test_two_scopes_of_one_transaction_are_both_bumped_at_commit(writes):
    before = generations.generations(A, B, SITE)
    with transaction.atomic():
        bump(A)
        bump(B)
    after = generations.generations(A, B, SITE)
    assert after[A] != before[A] and after[B] != before[B] and after[SITE] != before[SITE]


def test_outside_a_transaction_a_bump_is_one_write_at_once(writes):
    before = generations.generations(A)[A]
    bump(A)
    assert writes == [{A, SITE}]
    assert generations.generations(A)[A] != before
    assert writes == [{A, SITE}]
