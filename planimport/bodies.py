"""The bodies the importer knows by name: a province's standard bodies after the July 2025 reform, the names older
plans still write, their common abbreviations, the local branches of the national companies a plan names ("Viettel
Tây Ninh", "VNPT Tây Ninh"), and, when the import has a database, the agencies' own names, short names and aliases
(``matching.known_names``, through ``known_names_in_force``). The one home of that list.

A known name is matched accent- and case-free with its abbreviations expanded (``names.name_key``: "Sở VHTTDL" is "Sở
Văn hóa, Thể thao và Du lịch"), then runs on over its place ("… tỉnh", "… tỉnh Cà Mau", "… Tây Ninh", "… khu vực
VI"). The parser uses it before its wording rules: a known name is never cut inside ("Trung tâm Kiểm soát bệnh tật
tỉnh" is not cut at the verb "kiểm soát"), nor a list split inside one ("Văn phòng Đoàn ĐBQH và HĐND tỉnh"), and two
known names written "X, Y" or "X và Y" are two ("Viettel Tây Ninh, VNPT Tây Ninh"). Pure Python, no database."""

import contextlib
import functools
import itertools
import contextvars
import re

# The bodies' names as written, without their place: "tỉnh" written last is the place's level (it may be "tỉnh X",
# "thành phố", "xã" …, or the province's name), not part of what is matched.
STANDARD_BODIES = (
    # a province's departments after 1 July 2025 (its 14 Sở and the bodies of that rank)
    "Sở Nội vụ", "Sở Tài chính", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
    "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Tư pháp", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng HĐND và UBND", "Ban Quản lý Khu kinh tế tỉnh",
    "Ban Quản lý các khu công nghiệp tỉnh",
    # the names older plans still write (before the 2025 merger)
    "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội",
    "Sở Lao động, Thương binh và Xã hội", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải",
    "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh",
    "Ngân hàng Nhà nước chi nhánh tỉnh", "Cục Thống kê tỉnh", "Cục Hải quan tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
    # bodies of the state, the army and the police in a province
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Thuế tỉnh",
    "Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước khu vực", "Ngân hàng Nhà nước chi nhánh Khu vực", "Chi cục Thống kê tỉnh",
    "Chi cục Hải quan khu vực", "Cục Quản lý thị trường tỉnh", "Chi cục Quản lý thị trường tỉnh",
    "Trung tâm Kiểm soát bệnh tật tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
    "Báo tỉnh", "Viện Kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Cục Thi hành án dân sự tỉnh",
    "Trường Chính trị tỉnh", "Quỹ Đầu tư phát triển tỉnh",
    # a province's (or a commune's, a special zone's) board for public construction projects
    "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    # the Front and the mass organisations
    "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Hội Chữ thập đỏ tỉnh", "Liên minh Hợp tác xã tỉnh",
    "Hiệp hội Doanh nghiệp tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
    # a commune's own bodies
    "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị", "Trạm Y tế",
    "Ban Chỉ huy Quân sự", "Công an",
    # the local branches of the national companies plans name beside the state's bodies
    "Viettel", "VNPT", "MobiFone", "Bưu điện tỉnh", "Điện lực", "Công ty Điện lực", "Viễn thông",
    # abbreviations names.name_key does not expand
    "BCH Quân sự tỉnh", "CDC tỉnh", "KBNN khu vực", "NHNN chi nhánh Khu vực", "LĐLĐ tỉnh", "Hội LHPN tỉnh",
    "UBMTTQ Việt Nam tỉnh", "Đài PT-TH tỉnh", "UBND tỉnh",
)

# a place's levels, as written, that may follow a body's name ("Công an tỉnh", "Trạm Y tế xã", "đặc khu")
_LEVELS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu", "khu vực")
_LEVEL_RE = re.compile(r"(?i:" + "|".join(sorted(map(re.escape, _LEVELS), key=len, reverse=True)) + r")(?=$|[\s,;.:)])")
# a place's own name after its level or after the body ("Tây Ninh", "Cà Mau", "VI", "10")
_PLACE_WORD = re.compile(r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
                         r"[^\s,;.:()]*|[IVX]{1,4}|\d{1,2}")
_WORD = re.compile(r"\S+")


@functools.lru_cache(maxsize=65536)
def _key(name):
    from .names import name_key

    return name_key(name)


def _core(name):
    """A listed name without its last level word ("Công an tỉnh" → "Công an"), and whether a place must follow (a
    one-word core: "Thuế" alone is no body, "Thuế tỉnh" is)."""
    words = name.split()
    if len(words) > 1 and words[-1] == "tỉnh":
        core = " ".join(words[:-1])
        return core, len(words) == 2 or core in ("Thanh tra", "Ban Dân tộc", "Báo")
    return name, False


def _index(names):
    keys = {}
    for name in names:
        core, needs_place = _core(name)
        key = _key(core)
        if key:
            keys[key] = keys.get(key, True) and needs_place
    return keys


_STANDARD = {}  # filled on first use (names.name_key imports this module)
_EXTRA = contextvars.ContextVar("known_bodies_extra", default=None)


@contextlib.contextmanager
def known_names_in_force(names):
    """Within the block, the database's agency names (``names``: their names, short names, aliases valid on the
    plan's date) are known too."""
    index = _index(n for n in names if n) if names else None
    token = _EXTRA.set((index, {k.split()[0] for k in index}) if index else None)
    try:
        yield
    finally:
        _EXTRA.reset(token)


def _standard():
    if not _STANDARD:
        _STANDARD.update(_index(STANDARD_BODIES))
    return _STANDARD


def _lookup(key):
    found = _standard().get(key)
    extra = _EXTRA.get()
    if extra and key in extra[0]:
        found = extra[0][key] if found is None else (found and extra[0][key])
    return found


_FIRST_KEYS = None


def _first_words():
    global _FIRST_KEYS
    if _FIRST_KEYS is None:
        _FIRST_KEYS = {k.split()[0] for k in _standard()}
    extra = _EXTRA.get()
    return _FIRST_KEYS | extra[1] if extra else _FIRST_KEYS


#: How many known names in a row ``known_end`` looks through for a name's place (each looks at the next word: is it a
#: known name's start?). Real lists part their names with commas; a run of hundreds with none ("Viettel Viettel …")
#: would otherwise recurse a level a word, past Python's limit.
_MAX_CHAIN = 24


def known_end(text, start=0, max_words=16, _chain=0):
    """The end offset of the longest known name at ``text[start:]`` (its place included), or None."""
    if _chain > _MAX_CHAIN:
        return None
    words = list(itertools.islice(_WORD.finditer(text, start), max_words))
    if not words or words[0].start() != start:
        return None
    first = _key(words[0].group(0))
    if not first or first.split()[0] not in _first_words():
        return None
    for n in range(min(len(words), max_words), 0, -1):
        end = words[n - 1].end()
        while end > start and text[end - 1] in ",;:.":
            end -= 1  # "Sở Công Thương, …": the word's comma is the list's
        piece = text[start:end]
        if not piece or piece[-1:] == "(" or piece.count("(") != piece.count(")"):
            continue
        if _key(piece.split()[-1]) in ("", "va", "cac", "cua", "cap", "thuoc", "truc", "de", "nghi"):
            continue  # "Sở Công Thương, các …": a word the key drops ends no name
        needs_place = _lookup(_key(piece))
        if needs_place is None:
            continue
        place_end = _place_end(text, end, _chain)
        if needs_place and place_end == end:
            continue
        return place_end
    return None


def _place_end(text, end, _chain=0):
    """Where a body's place ends after ``end``: its level ("tỉnh", "xã", "khu vực") and the place's name in capitals
    ("tỉnh Cà Mau", "khu vực VI"), or the name alone ("Viettel Tây Ninh"); ``end`` when none follows."""
    pos = end
    m = re.compile(r"\s+").match(text, pos)
    if not m:
        return end
    after = m.end()
    level = _LEVEL_RE.match(text, after)
    if level and not (level.group(0).lower() == "xã" and re.match(r"\s+hội\b", text[level.end():])):
        pos = level.end()  # "xã hội" is no commune
    taken = 0
    for _ in range(4):
        m = re.compile(r"\s+").match(text, pos)
        if not m:
            break
        w = _PLACE_WORD.match(text, m.end())
        if not w or known_end(text, m.end(), _chain=_chain + 1) is not None:
            break
        from .names import _STARTER_RE

        if _STARTER_RE.match(text[m.end():]):
            break  # the next body's name, not this one's place
        pos = w.end()
        taken += 1
    if taken == 1 and not level and re.match(r"\s+(?!(?:và|các|cấp)\b)[a-zà-ỹđ]", text[pos:]):
        return end  # "Báo Văn hóa": one capitalised word and a lower-case one after it are the body's name, no place
    return pos


def known_spans(text):
    """[(start, end)] of the known names in ``text``, each at a word that starts with a capital or initials."""
    return _spans(text) if _EXTRA.get() is None else _find_spans(text)


@functools.lru_cache(maxsize=8192)
def _spans(text):
    return _find_spans(text)


def _find_spans(text):
    spans, pos = [], 0
    for m in _WORD.finditer(text):
        if m.start() < pos or not m.group(0)[:1].isupper():
            continue
        end = known_end(text, m.start())
        if end is not None:
            spans.append((m.start(), end))
            pos = end
    return spans


def is_known(name):
    """Whether ``name`` is one known name, whole ("Viettel Tây Ninh", "Sở VHTTDL", "Trung tâm Kiểm soát bệnh tật
    tỉnh Cà Mau")."""
    name = " ".join((name or "").split()).strip(" .;:,")
    return bool(name) and known_end(name) == len(name)
