"""Agency names as a plan writes them: splitting a list ("Các sở, ban, ngành; UBND các huyện, thành phố và cơ quan có
liên quan") into names, telling a group ("Các sở, ban, ngành") and an unspecified "có liên quan" wording from one
agency, guessing a new agency's kind, and the folded key under which names are compared (abbreviations expanded:
"Sở TT&TT" and "Sở Thông tin và Truyền thông" share one). Pure Python, no database."""

import re

from plan_tracker.text import fold, nfc

from .bodies import is_known, known_spans

# Words that begin an agency's or a group's name: a list splits before them at ", " and " và ". Case matters:
# "Các sở, ban, ngành" must not split before "ban".
_STARTERS = (
    "Sở", "UBND", "Ủy ban", "Uỷ ban", "Ban", "Báo", "Đài", "Công an", "Văn phòng", "VP", "Bộ", "Thanh tra", "Tạp chí",
    "Trung tâm", "Hội", "Liên đoàn", "Liên minh", "Đoàn", "Tỉnh đoàn", "Thành đoàn", "Mặt trận", "Kho bạc", "Cục",
    "Chi cục", "Viện", "Trường", "Bảo hiểm", "Ngân hàng", "Hội đồng", "HĐND", "Tòa án", "Toà án", "Đảng ủy", "Đảng ủy",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy", "Các", "các", "cơ quan", "Cơ quan", "đơn vị", "Đơn vị", "Quỹ",
    "Tổng cục", "Vụ", "Hiệp hội", "Công đoàn", "Bệnh viện", "Đại học", "Công ty", "Tập đoàn", "Tổng công ty", "Bộ Chỉ huy", "Thời báo",
    "Bộ CHQS", "BCH", "Cảnh sát", "Chi nhánh", "Phòng", "Ngành", "Sở,", "Doanh nghiệp", "doanh nghiệp", "Các cơ quan",
    "Thường trực", "Chủ tịch", "Cổng", "Nhà xuất bản", "Thông tấn", "Học viện", "Ủy ban MTTQ", "MTTQ",
    "Thuế", "Vườn quốc gia", "Khu bảo tồn", "địa phương", "Địa phương", "nhà đầu tư", "Nhà đầu tư", "chủ đầu tư", "Chủ đầu tư",
    # a party's bodies: "Đảng đoàn Quốc hội", "Tổ đảng ở Thường trực Ủy ban …", "Ban cán sự đảng Bộ X", "Chi bộ …"
    "Đảng đoàn", "Tổ đảng", "Đảng bộ", "Chi bộ", "Ban cán sự đảng",
    # a public-service company's local branch written by its trade ("Bưu điện huyện", "Điện lực tỉnh", "Viễn thông X")
    "Bưu điện", "Điện lực", "Viễn thông",
    # a district's forest rangers, road or irrigation works, a commune's health station
    "Hạt Kiểm lâm", "Hạt Quản lý", "Trạm Y tế",
    # a border or police post, a port authority, an airport ("Đồn Biên phòng Cát Bà", "Cảng vụ Hàng hải X") (round 35)
    "Đồn Biên phòng", "Đồn Công an", "Cảng vụ", "Cảng hàng không",
    # a cooperative and its union, a club ("Hợp tác xã Dịch vụ nông nghiệp X", "Câu lạc bộ Hưu trí")
    "Hợp tác xã", "Liên hiệp", "Câu lạc bộ",
    # an office holder named beside bodies: "Các ban, ngành, đoàn thể và Trưởng các thôn", "Trưởng khu phố"
    "Trưởng",
    # round 38: a hospital's department and a ward's or the police's team ("Khoa Cấp cứu", "Đội Quản lý trật tự đô thị
    # phường", "Đội Cảnh sát giao thông số 3") in a list parted by commas
    "Khoa", "Đội",
)
# "Ban hành …" (to issue) is a verb, never the name of a "Ban"
# words that open a sentence about a thing, not a body's name: "Báo cáo …" (a report, not "Báo Lào Cai"), "Hội nghị …",
# "Hội thảo …" (a meeting, not "Hội Nông dân"), "Phòng chống …", "Phòng, chống …", "Phòng ngừa …" (preventing, not
# "Phòng Y tế")
_NOT_A_BODY = (r"(?![Kk]hoa học\b|[Đđ]ội ngũ\b"  # round 38: "khoa học" (science), "đội ngũ" (staff)
               r"|[Bb]áo cáo\b|[Hh]ội (?:nghị|thảo|thi|diễn)\b|[Pp]hòng,?\s+(?:chống|ngừa|tránh)\b)")


def _starter_pattern(starter):
    """A starter's first word as written, its later words in either case: "Tỉnh đoàn" also "Tỉnh Đoàn", "Hội Liên
    hiệp" also "Hội Liên Hiệp" (a name's words are often each capitalised)."""
    first, _, rest = starter.partition(" ")
    return re.escape(first) + (r"\s+(?i:" + re.escape(rest).replace(r"\ ", r"\s+") + ")" if rest else "")


_STARTER_RE = re.compile(r"^(?![Bb]an hành\b)" + _NOT_A_BODY + r"(?:" + "|".join(_starter_pattern(s) for s in sorted(set(_STARTERS), key=len, reverse=True)) + r")\b")

# Groups, by key: a written group maps to the groups it names ("Các sở, ngành, đơn vị, địa phương": departments and
# districts). Tested on the folded text.
GROUP_PATTERNS = [
    ("communes", re.compile(r"\b(ubnd|uy ban nhan dan|chinh quyen)\s+(cac\s+)?(cap\s+xa|xa,?\s*phuong|phuong,?\s*xa|xa\b)")),
    ("districts", re.compile(r"\b(ubnd|uy ban nhan dan)\s+(cac\s+)?(cap\s+huyen|huyen|quan,?\s*huyen)")),
    ("departments", re.compile(r"\bcac\s+(so|co quan|don vi)\s*(,|va)?\s*(ban|nganh|co quan)|\bcac\s+so\s*,\s*nganh"
                               r"|\bso,\s*ban,\s*nganh|\bcac\s+so\b|\bcac\s+(bo|co quan)\s*,\s*nganh")),
    ("press", re.compile(r"\bcac\s+co quan\s+(thong tin\s*,?\s*)?(bao chi|truyen thong)|\bco quan\s+(thong tin\s*,?\s*)?bao chi"
                         r"|\bcac\s+bao\b|\bcac\s+co quan\s+bao\b")),
    # "các đơn vị trực thuộc Sở", "Các cơ quan, đơn vị trực thuộc UBND đặc khu": the units under a body, any level
    ("units", re.compile(r"\bcac\s+(don vi|co quan)(\s*,\s*(don vi|co quan))?\s+(truc thuoc|thuoc)\s+"
                         r"(bo|so|ubnd|uy ban nhan dan)\b")),
    ("districts", re.compile(r"\bdia phuong\b")),
]

RELATED_RE = re.compile(r"\blien quan\b|\bco lien quan\b")


def split_names(text):
    """The names in a written list, in order, with their own wording (trailing punctuation dropped). A group noun
    followed by a colon and its members ("Các Sở: Tư pháp, Nội vụ và Y tế", "UBND các tỉnh: Lào Cai, Yên Bái") names
    each member ("Sở Tư pháp", "Sở Nội vụ", "Sở Y tế"; "UBND tỉnh Lào Cai", …): ``member_list``."""
    text = nfc(text or "")
    text = re.sub(r"^\s*(?:[-–+•*]\s*)+", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .;:,")
    if not text:
        return []
    names = []
    for part in re.split(r"\s*;\s*|\s*\n\s*", text):
        part = re.sub(r"^(?:[-–+•*]\s*)+", "", part)  # "- Vụ A; - Vụ B.": each name under its own dash
        members = member_list(part)
        if members:
            names.extend(members)
            continue
        pieces = re.split(r"(,\s+|\s+và\s+|\s+với\s+|\s*\+\s*)", part)
        known = known_spans(part)  # the bodies the importer knows (bodies.py): no list parts inside one
        current = pieces[0]
        at = len(current)
        i = 1
        while i < len(pieces):
            sep, nxt = pieces[i], pieces[i + 1]
            inside = any(s < at < e for s, e in known)
            # two known names, "X, Y" or "X và Y" ("Viettel Tây Ninh, VNPT Tây Ninh"), are two
            both_known = not inside and nxt and is_known(current) and any(s == at + len(sep) for s, _e in known)
            new_name = nxt and (_STARTER_RE.match(nxt) or (_ACRONYM.fullmatch(nxt) and "," in sep)
                                or _group_after_name(current, sep, nxt) or _name_after_group(current, sep, nxt))
            open_bracket = current.count("(") > current.count(")")  # "Bộ X (Vụ A, Cục B)": one name, its units
            if not open_bracket and (both_known or (new_name and not inside and not _inside_group(current, sep, nxt)
                                                    and not _bare_kinds(current, sep))):
                names.append(current)
                current = nxt
            else:
                current = current + sep + nxt
            at += len(sep) + len(nxt)
            i += 2
        names.append(current)
    return [_without_bracket(n.strip(" .;:,")) for n in names if n.strip(" .;:,()")]


def _without_bracket(name):
    """"Sở Công Thương (Cơ quan Thường trực Ban Chỉ đạo …)": a bracket after a known name, whole, says what it does,
    it is no part of its name; nor is a unit's name in brackets after a body's ("Bộ Y tế (Cục An toàn thực phẩm)")."""
    m = re.match(r"^(.*\S)\s*\(([^()]*)\)$", name)
    if m and _STARTER_RE.match(m.group(1)) and _STARTER_RE.match(m.group(2).strip()):
        return m.group(1)  # "Bộ Công an (Cục An ninh mạng …)": the body, its unit in brackets saying which works
    if m and re.match(r"(?i)(?:văn phòng\s+)?đại diện\s+tại\b", m.group(2).strip()):
        return m.group(1)  # "Cảng vụ Hàng hải X (Đại diện tại Y)": where the body acts, no part of its name (round 35)
    return m.group(1) if m and is_known(m.group(1)) else name


# "Các Bộ: A, B", "Các Sở: A, B": a kind of body, then its members' own names after the colon
_MEMBER_KINDS = ("Bộ", "Sở", "Ban", "Cục", "Vụ", "Viện", "Tổng cục", "Chi cục", "Phòng", "Trung tâm", "Hội", "Trường",
                 "Bệnh viện", "Tổng công ty", "Công ty", "Ngân hàng", "Đài", "Báo")
_GROUP_COLON = re.compile(r"^[Cc]ác\s+(" + "|".join(sorted(map(re.escape, _MEMBER_KINDS), key=len, reverse=True))
                          + r")\s*:\s*(\S.*)$")
# "UBND các tỉnh, thành phố: A, B", "Ủy ban nhân dân các huyện: A, B": the council or committee of each place named
_LEVELS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"
# "các Bộ Tài chính, Tư pháp và Công Thương": a group noun and its members' own names without a colon (capitalised
# after the noun), two members at least
_GROUP_NAMED = re.compile(r"^[Cc]ác\s+(Bộ|Sở)\s+([A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]\S*(?:\s.*)?)$")
_PLACES_COLON = re.compile(r"^((?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+các\s+(" + _LEVELS
                           + r"(?:\s*(?:,|và)\s*" + _LEVELS + r")*)\s*:\s*(\S.*)$")
# the centrally-run cities: "UBND các tỉnh, thành phố: Hà Nội, Lào Cai" is UBND thành phố Hà Nội, UBND tỉnh Lào Cai
_CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}
# names of a ministry's or department's field that hold "và" or a comma ("Tài nguyên và Môi trường"): a list's last
# "và" parts two members unless it is inside one of these
_COMPOUND_FIELDS = {
    "tai nguyen va moi truong", "nong nghiep va moi truong", "nong nghiep va phat trien nong thon",
    "khoa hoc va cong nghe", "giao duc va dao tao", "ke hoach va dau tu", "thong tin va truyen thong",
    "van hoa, the thao va du lich", "lao dong - thuong binh va xa hoi", "lao dong, thuong binh va xa hoi",
    "dan toc va ton giao", "noi vu va lao dong", "giao thong van tai va xay dung",
}


def _members(text):
    """The members after a group noun's colon, split at commas (and at a last "và" that is no field's own)."""
    pieces = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    merged = []
    for piece in pieces:  # "Văn hóa, Thể thao và Du lịch": a field's name with a comma of its own
        if merged and any(k.startswith(fold(merged[-1] + ", " + piece)) for k in _COMPOUND_FIELDS):
            merged[-1] = merged[-1] + ", " + piece
        else:
            merged.append(piece)
    if merged and " và " in merged[-1] and fold(merged[-1]) not in _COMPOUND_FIELDS:
        head, _, tail = merged[-1].partition(" và ")  # "Nội vụ và Khoa học và Công nghệ": the first "và" parts
        merged[-1:] = [head, tail]
    return merged


def member_list(text):
    """["Bộ Công Thương", "Bộ Xây dựng"] for "Các Bộ: Công Thương, Xây dựng" (a group noun, a colon and its members'
    own names), ["UBND tỉnh Lào Cai", …] for "UBND các tỉnh: Lào Cai, …"; [] for any other text. The members end at a
    name of another kind ("Các Sở: Tư pháp, Nội vụ, UBND các huyện": the committees are a name of their own)."""
    text = text.strip(" .;:,")
    m = _GROUP_COLON.match(text)
    if not m:
        m = _GROUP_NAMED.match(text)
        if m and len(_members(m.group(2))) < 2:
            m = None
    p = None if m else _PLACES_COLON.match(text)
    if not m and not p:
        return []
    members = _members(m.group(2) if m else p.group(3))
    out = []
    for k, member in enumerate(members):
        starter = _STARTER_RE.match(member)
        if k and starter and member[starter.end():].strip():
            # "UBND các huyện", "Công an tỉnh", "các cơ quan liên quan": a name of its own, not a member's ("Công an"
            # alone, after "Các Bộ:", is Bộ Công an)
            out.append(member)
            continue
        if not member[:1].isupper() and not out:
            return []  # "các Bộ: theo chức năng …": no list of names
        if m:
            out.append(f"{m.group(1)} {member}")
            continue
        levels = [lv.strip() for lv in re.split(r"\s*(?:,|và)\s*", p.group(2)) if lv.strip()]
        if re.match(r"^" + _LEVELS + r"\s", member, re.I):
            out.append(f"{p.group(1)} {member[:1].lower()}{member[1:]}")  # "tỉnh Lào Cai" written with its level
            continue
        level = "thành phố" if "thành phố" in levels and fold(member) in _CITIES else levels[0]
        out.append(f"{p.group(1)} {level} {member}")
    return out


# "VTV, VOV, TTXVN": bodies written by their initials alone, each a name
_ACRONYM = re.compile(r"[A-ZĐ]{3,6}")
# kinds of body written bare, without a name ("Bộ, ngành, địa phương", "Tập đoàn, doanh nghiệp công nghệ số")
_KIND_WORDS = {"bo", "so", "ban", "nganh", "tap doan", "doanh nghiep", "cong ty", "tong cong ty", "co quan", "don vi"}


def _bare_kinds(current, sep):
    """"Bộ, ngành" before ", địa phương": kinds of body, no name of their own, so the list goes on as one group."""
    return "," in sep and all(fold(p).strip() in _KIND_WORDS for p in current.split(","))


# "Bộ Xây dựng, tổ chức xã hội, tổ chức phi chính phủ", "UBND tỉnh, chủ rừng": kinds of non-state actors in lower case
_ACTOR_KINDS = re.compile(r"^(?:to chuc (?:xa hoi|phi chinh phu|quoc te|chinh tri|doan the|nghe nghiep|tin dung)"
                          r"|chu rung|ca nhan|cong dong|ho gia dinh|hop tac xa)\b")


def _group_after_name(current, sep, nxt):
    """"Bộ Tài chính, bộ, ngành liên quan": after a body's own name, a bare kind in lower case ("bộ", "sở") starts a
    group of its own; so does a kind of non-state actor ("…, tổ chức xã hội", "…, chủ rừng"), also after another one
    ("tổ chức xã hội, tổ chức phi chính phủ": two kinds)."""
    actor = bool(_ACTOR_KINDS.match(fold(nxt).strip()))
    if "," in sep and actor and nxt[:1].islower() and _ACTOR_KINDS.match(fold(current).strip()):
        return True
    return ("," in sep and (fold(nxt).strip() in ("bo", "so") or actor)
            and nxt[:1].islower()
            and bool(_STARTER_RE.match(current)) and len(current.split()) >= 2 and current[:1].isupper()
            and not fold(current).startswith("cac "))


# a group's own words, capitalised or not ("UBND các Huyện, Thị xã, Thành phố", "Các Sở, Ban, Ngành"): its levels and
# kinds of body
_GROUP_WORDS = re.compile(r"^(?:tinh|thanh pho|huyen|quan|thi xa|thi tran|xa|phuong|ban|nganh|so|bo|co quan|don vi|"
                          r"dia phuong|doan the|hoi|to chuc|doanh nghiep|cap)\b")


def _name_after_group(current, sep, nxt):
    """"UBND các xã, phường, Hợp tác xã X", "Các sở, ban, ngành, Câu lạc bộ Y": after a group, a capitalised name
    after a comma that is none of the group's own levels or kinds is another body."""
    return ("," in sep and nxt[:1].isupper() and bool(group_keys(current))
            and not _GROUP_WORDS.match(fold(nxt).strip()))


# "Văn phòng HĐND", "Văn phòng Đoàn ĐBQH, HĐND": an office named for bodies written bare (no place yet), which the list's
# next name ("và UBND tỉnh") completes
_SHARED_OFFICE = re.compile(r"(?:van phong|vp)\s+(?:(?:hdnd|hoi dong nhan dan|doan dbqh|doan dai bieu quoc hoi)"
                            r"(?:\s*,\s*|\s+va\s+|$))+")


def _inside_group(current, sep, nxt):
    """"Các cơ quan, đơn vị có liên quan": ", đơn vị" continues the group, it is not a new name."""
    fc = fold(current)
    if (_SHARED_OFFICE.fullmatch(fc) and sep.strip() in ("và", ",")
            and re.match(r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\b", fold(nxt))):
        return True  # "Văn phòng HĐND và UBND huyện": one office serving both councils, not two names
    if re.fullmatch(r"dang uy mat tran to quoc", fc) and fold(nxt).startswith("cac doan the") and "," in sep:
        return True  # "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh": one party committee's name (since 2025)
    if re.search(r"\bdia phuong$", fc) and fold(nxt).startswith("doanh nghiep"):
        return False  # "Các bộ, ngành, địa phương, doanh nghiệp liên quan": the state's bodies end at "địa phương"
    if re.match(r"^cac\s.*\scua\s+\S+(?:\s+\S+){0,3}$", fc) and sep.strip() == "và":
        return True  # "Các cơ quan tham mưu, giúp việc của Tỉnh ủy và Đảng ủy UBND tỉnh": the bodies of both owners
    generic = fc.startswith(("cac ", "co quan", "don vi", "nhung "))
    return generic and nxt[:1].islower() and fold(nxt).split(" ")[0] in ("don", "co", "dia", "nganh", "ban", "doanh", "to") \
        and "," in sep


def group_keys(name):
    """The groups a written name stands for (empty: it is one agency or a "related" wording)."""
    f = re.sub(r"\s+", " ", fold(name))
    keys = []
    for key, pattern in GROUP_PATTERNS:
        if pattern.search(f) and key not in keys:
            if key == "districts" and "communes" in keys and "huyen" not in f:
                continue
            keys.append(key)
    if "units" in keys:
        keys = ["units"]
    return keys


def is_related_wording(name):
    """"các cơ quan, đơn vị có liên quan": nobody in particular, kept as text."""
    return bool(RELATED_RE.search(fold(name))) and not group_keys(name)


def classify(name):
    """'group', 'related' or 'agency'."""
    if group_keys(name):
        return "group"
    if is_related_wording(name):
        return "related"
    return "agency"


# Abbreviations, folded, to their folded full words: applied to whole tokens of a folded name.
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "tt&tt": "thong tin truyen thong",
    "tttt": "thong tin truyen thong", "vhttdl": "van hoa the thao du lich", "vh,tt&dl": "van hoa the thao du lich",
    "vhtt&dl": "van hoa the thao du lich", "vh-tt-dl": "van hoa the thao du lich", "vh,tt,dl": "van hoa the thao du lich",
    "kh&dt": "ke hoach dau tu", "khdt": "ke hoach dau tu", "kh&cn": "khoa hoc cong nghe", "khcn": "khoa hoc cong nghe",
    "gd&dt": "giao duc dao tao", "gddt": "giao duc dao tao", "ld-tb&xh": "lao dong thuong binh xa hoi",
    "ldtbxh": "lao dong thuong binh xa hoi", "ld,tb&xh": "lao dong thuong binh xa hoi",
    "tn&mt": "tai nguyen moi truong", "tnmt": "tai nguyen moi truong", "nn&ptnt": "nong nghiep phat trien nong thon",
    "nnptnt": "nong nghiep phat trien nong thon", "nn&mt": "nong nghiep moi truong", "nnmt": "nong nghiep moi truong",
    "gtvt": "giao thong van tai", "mttq": "mat tran to quoc", "pt-th": "phat thanh truyen hinh",
    "ptth": "phat thanh truyen hinh", "pt&th": "phat thanh truyen hinh", "vp": "van phong", "bql": "ban quan ly",
    "kcn": "khu cong nghiep", "ttdl": "the thao du lich", "tp": "thanh pho", "ct-tt": "chinh tri tu tuong",
    "bchqs": "bo chi huy quan su", "chqs": "chi huy quan su", "bhxh": "bao hiem xa hoi", "cntt": "cong nghe thong tin",
    "tw": "trung uong",
}
_NOISE = {"va", "cac", "cua", "cap", "cac", "thuoc", "truc", "de", "nghi"}


def name_key(name):
    """The key two names of one agency share: folded, abbreviations expanded, "và"/"các"/punctuation dropped,
    a leading "Đề nghị" dropped. "Sở TT&TT" → "so thong tin truyen thong"."""
    if any(c.islower() for c in name or ""):
        # "TƯ" (Trung ương) written in capitals among lower-case words; "tư" of "Đầu tư", "Tư pháp" is no abbreviation
        name = re.sub(r"(?<!\w)T[ƯU](?!\w)", "TW", name)
    f = fold(name)
    f = re.sub(r"^de nghi\s+", "", f)
    f = f.replace("uy ban nhan dan", "ubnd").replace("hoi dong nhan dan", "hdnd")
    tokens = []
    for token in re.split(r"\s+", f):
        bare = token.strip(".,;:()")
        if bare in ABBREVIATIONS:
            tokens.extend(ABBREVIATIONS[bare].split())
            continue
        for word in re.split(r"[^0-9a-z&]+", bare):
            if "&" in word:
                tokens.extend(ABBREVIATIONS.get(word, word.replace("&", " ")).split())
            elif word:
                tokens.append(word)
    return " ".join(t for t in tokens if t not in _NOISE)


def group_note(written, group_name):
    """The written wording, when it says more or other than the group's own name ("UBND cấp huyện có liên
    quan"), else ""."""
    if name_key(written) == name_key(group_name):
        return ""
    return written


def guess_kind(name):
    """A new agency's kind from its name (``agencies.Agency.Kind`` values)."""
    f = fold(name)
    rules = [
        (r"^(ubnd|uy ban nhan dan)\s+(xa|phuong|thi tran)\b", "commune"),
        (r"^(ubnd|uy ban nhan dan)\s+(huyen|quan|thi xa|thanh pho)\b", "district"),
        (r"^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+(tinh|thanh pho)", "province"),
        (r"^(ubnd|uy ban nhan dan|hdnd)\b", "province"),
        (r"^(so|thanh tra|ban dan toc|ban quan ly|ban qlda)\b", "department"),
        (r"^(van phong|vp)\b", "office"),
        (r"^(cong an|bo chi huy|bch|canh sat)\b", "police"),
        (r"^(bao|dai|tap chi|dai phat thanh|nha xuat ban|trung tam thong tin)\b", "press"),
        (r"^bo\b", "ministry"),
        (r"(tinh uy|thanh uy|huyen uy|dang uy|dang bo)|^(hoi|lien doan|doan|tinh doan|mat tran|uy ban mat tran|ban tuyen giao|ban dan van|ban to chuc|ban noi chinh|hiep hoi)\b", "party"),
    ]
    for pattern, kind in rules:
        if re.search(pattern, f):
            return kind
    return "other"
