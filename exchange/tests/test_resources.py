"""The preview's row diffs: the library's HTML diff, computed only for the cells shown."""

import pytest
from diff_match_patch import diff_match_patch

from exchange.resources import _RowDiff


@pytest.mark.parametrize("new", [True, False], ids=["new", "update"])
def test_preview_cells_are_the_librarys_html_diff(new):
    left = ["same", "", "old <b>", "a\nb", "x & y", "", "3"]
    right = ["same", "", "new <b>", "a\nc", "x & y", "added", ""]
    dmp = diff_match_patch()
    expected = []
    for v1, v2 in zip(left, right):  # import_export.resources.Diff.as_html
        if v1 != v2 and new:
            v1 = ""
        diff = dmp.diff_main(v1, v2)
        dmp.diff_cleanupSemantic(diff)
        expected.append(dmp.diff_prettyHtml(diff))

    cells = _RowDiff(left, right, new)

    assert list(cells) == expected
    assert cells.__html__() == "".join(f"<td>{c}</td>" for c in expected)
