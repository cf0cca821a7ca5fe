"""Benchmark (not a test): read / render a generated ~600-page report.

Run: ``python -m tests.io.bench_docx_io`` — prints timings; asserts nothing about time.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from linting.io.docx_read import read_docx
from linting.io.docx_write import render_docx
from tests.io.conftest import DEFAULT_STYLES, build_docx

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/>'
    '<w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)
CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"


def make_report(path: Path, n_paragraphs: int = 10_000, seed: int = 1) -> None:
    rnd = random.Random(seed)
    parts = []
    for i in range(n_paragraphs):
        if i % 50 == 0:
            parts.append(
                '<w:p><w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>第{i}部分标题</w:t></w:r></w:p>'
            )
            continue
        runs = []
        for _k in range(rnd.randint(2, 6)):
            text = "".join(rnd.choice(CHARS) for _ in range(rnd.randint(10, 40))) + "，"
            rpr = rnd.choice(["", "<w:b/>", "<w:i/>", '<w:color w:val="FF0000"/>'])
            runs.append(
                f'<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:hint="eastAsia"/>{rpr}<w:sz w:val="32"/></w:rPr>'
                f"<w:t>{text}</w:t></w:r>"
            )
        parts.append(f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:ind w:firstLine="640"/></w:pPr>{"".join(runs)}</w:p>')
    path.write_bytes(build_docx("".join(parts), numbering=NUMBERING, styles=DEFAULT_STYLES))


def main() -> None:
    path = Path(tempfile.mkdtemp()) / "big.docx"
    make_report(path)
    t = time.perf_counter()
    doc = read_docx(path)
    t_read = time.perf_counter() - t
    chars = sum(len(x) for x in doc.texts)
    new = list(doc.texts)
    new[5000] = new[5000][:10] + "修改" + new[5000][12:]
    t = time.perf_counter()
    out = render_docx(doc, new)
    t_render = time.perf_counter() - t
    t = time.perf_counter()
    same = render_docx(doc, doc.texts)
    t_same = time.perf_counter() - t
    print(f"file {path.stat().st_size / 1e6:.1f} MB, document.xml {len(doc.source.xml) / 1e6:.1f} M chars, "
          f"{len(doc.paragraphs)} paragraphs, {chars} text chars")
    print(f"read_docx: {t_read:.3f} s; render_docx one-paragraph edit: {t_render:.3f} s; "
          f"render unchanged: {t_same * 1000:.2f} ms; output {len(out) / 1e6:.1f} MB; identical={same == path.read_bytes()}")


if __name__ == "__main__":
    main()
