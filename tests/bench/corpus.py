"""Generated benchmark documents: one very long report and a folder of small ones.

The big report (default ≈1,000,000 characters, ≈600 pages) is built from the
seed reports (``doc01.txt`` … ``doc10.txt``: one paragraph per line, first line
the title) so that it is ONE coherent report, not ten reports glued together:

* one title at the top: ``2021年以来意识形态工作情况汇编总结`` (a 工作总结);
* the seed bodies (title line dropped) are used over and over, in order.  Each
  full pass over the ten seeds ("copy" ``k`` = 0, 1, 2, …) becomes a top-level
  part ``第{k+1}部分　{2021+k}年度意识形态工作情况``, and each seed body inside
  it a chapter ``第{i}章　…`` (i = 1…10, restarting under every part, as the
  outline expects).  The seed's own headings (``一、`` ``（一）`` ``1.`` …)
  stay as they are underneath, so they restart under each chapter and never
  collide across copies.  Parts and chapters are used (not one flat ``一、``
  run) because a 1M-character report needs ≈380 seed bodies and
  ``linting.markers`` reads at most four numeral characters (``一百一十一`` has
  five);
* doc08 has unnumbered heading lines (``掌握意识形态工作的主阵地``) which the
  outline only recognises in a document without ``一、``/``第X部分`` levels, so
  the generator numbers them ``一、二、三、`` (otherwise its ``1.`` lists would
  read as out of order inside the big report);
* copies are varied so paragraphs are not byte-identical (the linter caches per
  identical paragraph; identical lines would make the benchmark lie): in copy
  ``k`` > 0, ``2021`` becomes ``2021+k``, standalone headings get the suffix
  ``（{year}年度）`` (before a trailing ``。``), body paragraphs ending in ``。``
  get one more sentence ``截至{year}年{m}月，本项工作累计推进{n}次。`` and other
  body paragraphs a leading ``{year}年度，``.  The added text uses full-width
  punctuation and no repeated words, so it adds no findings of its own: the
  problems of the big report are those of the seeds, repeated.
* the report stops at the first seed boundary past the requested size and is
  then cut paragraph-wise to the size (``len("\\n".join(lines))`` ≈ target).

The .docx has the same paragraphs, with real styles: ``Title`` for the title,
``Heading {level}`` for every heading at the level the linter's own outline of
the .txt gives (part → Heading 1, chapter → Heading 2, ``一、`` → Heading 3,
…), ``Normal`` (仿宋_GB2312 East Asian font, 16 pt) for the body; and every
≈50 pages (≈83,000 characters) a 5×4 table with Chinese text after a body
paragraph.

The batch folder holds small reports: seed ``i`` in variant ``k`` (same
variation as above, title ``{year}年意识形态工作情况总结``), alternating .txt
and .docx.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from linting.numerals import format_cn

#: Bump when the generated output changes, so cached files are rebuilt.
GENERATOR_VERSION = "3"

REPO = Path(__file__).resolve().parents[2]
#: The project's own reports, used when the outside corpus (tests/corpus.py) is absent.
OWN_SEED_GLOBS = ("resources/samples/*.txt", "tests/data/holdout/*.draft.txt", "tests/data/tricky/*.txt")
CACHE_DIR = Path(__file__).resolve().parent / ".cache"

CHARS_PER_PAGE = 1_000_000 / 600  # the brief's "≈1,000,000 characters ≈ 600 pages"
TABLE_EVERY_CHARS = int(50 * CHARS_PER_PAGE)

_MARKER_START = re.compile(r"^[ \t\u3000]*(?:第|[一二三四五六七八九十]+[、.．]|[（(]|\d|[①-⑳⑴-⒇])")
_PART_OR_CHAPTER = re.compile(r"^[ \t\u3000]*第[一二三四五六七八九十]+[部章节]")
_SENTENCE_PUNCT = re.compile(r"[。！？；,，:：;!?]")


@dataclass(frozen=True)
class Seed:
    """One seed report: its file name, title line and body lines."""

    name: str
    title: str
    body: tuple[str, ...]


def seed_files() -> list[Path]:
    """The seed reports: ``doc*.txt`` in $REPORTLINT_SEED_DIR or the outside corpus's ``seed/``
    (tests/corpus.py), else the project's own reports (:data:`OWN_SEED_GLOBS`)."""
    import os

    from tests import corpus

    env = os.environ.get("REPORTLINT_SEED_DIR")
    for d in ([Path(env)] if env else []) + [corpus.SEED]:
        files = sorted(d.glob("doc*.txt")) if d.is_dir() else []
        if files:
            return files
    return [f for pattern in OWN_SEED_GLOBS for f in sorted(REPO.glob(pattern))]


def load_seeds(directory: Path | None = None) -> list[Seed]:
    """The seed reports (``doc*.txt`` in ``directory``, or :func:`seed_files`), doc08-style unnumbered
    headings numbered."""
    from linting.io.txt import decode_txt

    files = sorted(directory.glob("doc*.txt")) if directory is not None else seed_files()
    seeds = []
    for path in files:
        lines = [ln.rstrip("\r") for ln in decode_txt(path.read_bytes())[0]]
        lines = [ln for ln in lines if ln.strip()]
        if len(lines) < 2 or any(_PART_OR_CHAPTER.match(t) for t in lines[1:]):
            continue  # the big report's own 第X部分/第X章 levels would collide with the report's
        seeds.append(Seed(path.stem, lines[0], tuple(_number_unnumbered_headings(lines[1:]))))
    if not seeds:
        raise FileNotFoundError(f"no seed reports in {directory or OWN_SEED_GLOBS}")
    return seeds


def seeds_digest(seeds: Sequence[Seed]) -> str:
    h = hashlib.sha256(GENERATOR_VERSION.encode())
    for s in seeds:
        h.update(s.name.encode())
        h.update("\n".join((s.title, *s.body)).encode())
    return h.hexdigest()[:12]


def _is_unnumbered_heading(lines: Sequence[str], i: int) -> bool:
    t = lines[i].strip()
    if not (4 <= len(t) <= 30) or _MARKER_START.match(t) or _SENTENCE_PUNCT.search(t):
        return False
    prev_long = i > 0 and len(lines[i - 1]) >= 40
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return prev_long and (len(nxt) >= 40 or bool(_MARKER_START.match(nxt)))


def _number_unnumbered_headings(body: list[str]) -> list[str]:
    if any(re.match(r"^[一二三四五六七八九十]+、", t) for t in body):
        return body
    out, n = [], 0
    for i, t in enumerate(body):
        if _is_unnumbered_heading(body, i):
            n += 1
            t = f"{format_cn(n)}、{t.strip()}"
        out.append(t)
    return out


def _is_standalone_heading(text: str) -> bool:
    t = text.strip()
    if not _MARKER_START.match(t) or len(t) > 60:
        return False
    inner = t[:-1] if t.endswith("。") else t
    return "。" not in inner and not re.match(r"^[一二三四五六七八九十]+是", t)


def vary(text: str, copy: int, salt: int = 0) -> str:
    """``text`` as it reads in copy ``copy`` (copy 0: unchanged); see the module doc."""
    if copy == 0:
        return text
    year = 2021 + copy
    text = text.replace("2021", str(year))
    if _is_standalone_heading(text):
        tag = f"（{year}年度）"
        return text[:-1] + tag + "。" if text.endswith("。") else text + tag
    if text.endswith("。"):
        month = 1 + (copy + salt) % 12
        times = 2 + (copy * 7 + salt * 3) % 97
        return f"{text}截至{year}年{month}月，本项工作累计推进{times}次。"
    if _MARKER_START.match(text):
        return text + f"（{year}年）"
    return f"{year}年度，{text}"


def report_lines(target_chars: int, seeds: Sequence[Seed] | None = None) -> list[str]:
    """The big report's paragraphs, ``len("\\n".join(result))`` ≈ ``target_chars`` (see module doc)."""
    seeds = list(seeds) if seeds is not None else load_seeds()
    lines = ["2021年以来意识形态工作情况汇编总结"]
    seen: set[str] = set()
    size = len(lines[0])
    copy = 0
    while size < target_chars:
        part = f"第{format_cn(copy + 1)}部分　{2021 + copy}年度意识形态工作情况"
        lines.append(part)
        size += len(part) + 1
        for i, seed in enumerate(seeds, 1):
            if size >= target_chars:
                break
            chapter = f"第{format_cn(i)}章　{_seed_subject(seed.title)}（{2021 + copy}年第{i}篇）"
            lines.append(chapter)
            size += len(chapter) + 1
            for j, t in enumerate(seed.body):
                v = vary(t, copy, salt=i * 131 + j)
                n = 0
                while v in seen:  # the project's own reports share lines such as "二、存在的问题"
                    n += 1
                    v = _tagged(vary(t, copy, salt=i * 131 + j), f"（第{i}篇之{n}）")
                seen.add(v)
                lines.append(v)
                size += len(v) + 1
        copy += 1
    # Cut back to the target (whole paragraphs), never leaving a heading last.
    while len(lines) > 2 and size - (len(lines[-1]) + 1) >= target_chars:
        size -= len(lines.pop()) + 1
    return lines


def _tagged(text: str, tag: str) -> str:
    """``text`` made distinct by ``tag`` the way :func:`vary` adds its year (keeps a heading a heading)."""
    if _is_standalone_heading(text):
        return text[:-1] + tag + "。" if text.endswith("。") else text + tag
    if text.endswith("。"):
        return f"{text}此项{tag}。"
    if _MARKER_START.match(text):
        return text + tag
    return tag + text


def _seed_subject(title: str) -> str:
    """``2021意识形态工作情况总结十篇3`` → ``意识形态工作情况总结``."""
    t = re.sub(r"^\d{4}年?", "", title.strip())
    t = re.sub(r"[一二三四五六七八九十]+篇\d*$|\d+$", "", t)
    return t or title


def small_report_lines(seed: Seed, copy: int) -> list[str]:
    """One small report: seed ``seed`` in variant ``copy``."""
    year = 2021 + copy
    title = f"{year}年意识形态工作情况总结"
    return [title] + [vary(t, copy, salt=j) for j, t in enumerate(seed.body)]


# ---------------------------------------------------------------------------
# Writing files


def write_txt(lines: Sequence[str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def heading_levels(lines: Sequence[str]) -> tuple[int | None, dict[int, int]]:
    """The title index and {paragraph index: outline level} as ReportLint's outline sees the text."""
    from linting.engine import Linter
    from linting.model import Paragraph

    result = Linter(rules=[]).lint([Paragraph(t) for t in lines])
    return result.title_index, {e.paragraph: e.level for e in result.outline}


def _set_east_asian_font(style, name: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = name
    if size_pt is not None:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        rfonts.set(qn(attr), name)


def _table_rows(n: int) -> list[list[str]]:
    head = ["项目", "责任单位", "完成情况", "备注"]
    units = ["办公室", "宣传科", "组织科", "纪检组", "各支部"]
    rows = [head]
    for r in range(4):
        rows.append(
            [
                f"第{format_cn(r + 1)}项重点任务（表{n}）",
                units[(n + r) % len(units)],
                f"已完成{60 + (n * 7 + r * 11) % 40}%",
                "按计划推进" if (n + r) % 2 else "需加快进度",
            ]
        )
    return rows


def write_docx(
    lines: Sequence[str], path: Path, *, tables: bool = True, levels: tuple[int | None, dict[int, int]] | None = None
) -> Path:
    """Write ``lines`` as a styled .docx (see module doc); one table every ≈50 pages if ``tables``."""
    import docx

    title_index, level_of = levels if levels is not None else heading_levels(lines)
    d = docx.Document()
    _set_east_asian_font(d.styles["Normal"], "仿宋_GB2312", 16)
    _set_east_asian_font(d.styles["Title"], "方正小标宋简体", 22, bold=False)
    heading_fonts = {1: "黑体", 2: "楷体_GB2312", 3: "黑体", 4: "楷体_GB2312"}
    for lvl in range(1, 10):
        _set_east_asian_font(d.styles[f"Heading {lvl}"], heading_fonts.get(lvl, "仿宋_GB2312"), 16, bold=lvl <= 2)
    since_table = 0
    n_tables = 0
    for i, text in enumerate(lines):
        if i == title_index:
            d.add_paragraph(text, style="Title")
            continue
        lvl = level_of.get(i)
        if lvl is not None:
            d.add_paragraph(text, style=f"Heading {min(max(lvl, 1), 9)}")
            continue
        d.add_paragraph(text)
        since_table += len(text) + 1
        if tables and since_table >= TABLE_EVERY_CHARS:
            since_table = 0
            n_tables += 1
            rows = _table_rows(n_tables)
            table = d.add_table(rows=5, cols=4)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell_text in enumerate(row):
                    table.cell(r, c).text = cell_text
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def build_report(
    target_chars: int, directory: Path, seeds: Sequence[Seed] | None = None, *, docx: bool = True
) -> tuple[Path, Path | None]:
    """Write (or reuse) ``report-{size}.txt`` and ``.docx`` under ``directory``; returns their paths."""
    seeds = list(seeds) if seeds is not None else load_seeds()
    stem = f"report-{target_chars}-{seeds_digest(seeds)}"
    txt, dx = directory / f"{stem}.txt", directory / f"{stem}.docx"
    lines: list[str] | None = None
    if not txt.exists():
        lines = report_lines(target_chars, seeds)
        write_txt(lines, txt.with_suffix(".tmp"))
        txt.with_suffix(".tmp").replace(txt)
    if docx and not dx.exists():
        if lines is None:
            lines = txt.read_text(encoding="utf-8").rstrip("\n").split("\n")
        tmp = dx.with_name(dx.stem + ".tmp.docx")
        write_docx(lines, tmp)
        tmp.replace(dx)
    return txt, (dx if docx else None)


def build_batch(count: int, directory: Path, seeds: Sequence[Seed] | None = None) -> Path:
    """Write (or reuse) ``count`` small reports, alternating .txt/.docx, in one folder; returns it."""
    seeds = list(seeds) if seeds is not None else load_seeds()
    folder = directory / f"batch-{count}-{seeds_digest(seeds)}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        seed = seeds[n % len(seeds)]
        copy = n // len(seeds)
        lines = small_report_lines(seed, copy)
        name = f"{n:03d}-{seed.name}-v{copy}"
        if n % 2 == 0:
            write_txt(lines, folder / f"{name}.txt")
        else:
            write_docx(lines, folder / f"{name}.docx", tables=False)
    done.write_text("ok\n")
    return folder


def uniqueness(lines: Iterable[str]) -> float:
    """Share of non-empty paragraphs whose text occurs only once."""
    from collections import Counter

    counts = Counter(t for t in lines if t.strip())
    total = sum(counts.values())
    return sum(1 for c in counts.values() if c == 1) / total if total else 1.0
