"""Batch reports of ``check``: one self-contained HTML page, or CSV for Excel.

Both take the JSON records of :func:`linting.cli.check_file` (``{"path",
"doctype", "paragraphs", "outline", "problems"}``).  The HTML page needs the
paragraph text around each problem: :func:`attach_context` reads each file
again and adds it to the records (``context``: before, span, after).

HTML: inline CSS and JS only (no network, no other file), a summary table
(counts by severity, document type, the worst problems), then per file its
outline and its problems with their context, the span highlighted; the
problem tables sort by any column and filter by severity, rule and text.
CSV: UTF-8 with BOM (Excel opens Chinese correctly), CRLF, one row per problem.
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

CSV_COLUMNS = ("path", "paragraph", "start", "end", "severity", "rule", "message", "excerpt", "fix")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
#: Characters of paragraph text shown on each side of a problem's span.
CONTEXT_CHARS = 40


def _fix_text(fix: dict[str, Any] | None) -> str:
    if not fix:
        return ""
    how = "可自动修改" if fix.get("applicability") == "safe" else "需人工确认"
    return f"{fix.get('description', '')}（{how}）"


def render_csv(records: Sequence[dict[str, Any]]) -> bytes:
    """One row per problem (columns :data:`CSV_COLUMNS`; paragraph/start/end 0-based as in JSON)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in records:
        for p in rec["problems"]:
            writer.writerow(
                (
                    rec["path"],
                    p["paragraph"],
                    p["start"],
                    p["end"],
                    p["severity"],
                    p["rule"],
                    p["message"],
                    p["excerpt"],
                    _fix_text(p.get("fix")),
                )
            )
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def attach_context(records: Sequence[dict[str, Any]], chars: int = CONTEXT_CHARS) -> None:
    """Add ``context`` = [before, span, after] to every problem, reading each file again.

    A file that can no longer be read keeps the excerpt as its span.
    """
    from linting.io import open_document

    for rec in records:
        texts: list[str] | None
        try:
            texts = open_document(Path(rec["path"])).texts
        except Exception:  # noqa: BLE001 — the report still shows the excerpt
            texts = None
        for p in rec["problems"]:
            i, s, e = p["paragraph"], p["start"], p["end"]
            if texts is not None and 0 <= i < len(texts):
                t = texts[i]
                before = t[max(0, s - chars) : s]
                after = t[e : e + chars]
                p["context"] = [
                    ("…" if s > chars else "") + before,
                    t[s:e],
                    after + ("…" if len(t) > e + chars else ""),
                ]
            else:
                p["context"] = ["", p.get("excerpt", ""), ""]


_CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--line:#d9dde3;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:#1f2328;font:15px/1.6 "Microsoft YaHei","微软雅黑","PingFang SC",
"Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei",sans-serif}
header{background:#20344f;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px;font-weight:600}
header .meta{opacity:.85;font-size:13px}
main{padding:16px 24px;max-width:1400px;margin:auto}
section.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:0 0 16px}
h2{font-size:17px;margin:4px 0 10px}
h3{font-size:15px;margin:12px 0 6px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600;white-space:nowrap;cursor:pointer;user-select:none}
th.sorted-asc::after{content:" ▲";font-size:11px}
th.sorted-desc::after{content:" ▼";font-size:11px}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.sev{display:inline-block;white-space:nowrap;min-width:2.6em;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:0 4px}
.sev-error{background:var(--err)}.sev-warning{background:var(--warn)}.sev-info{background:var(--info)}
.ctx{font-family:inherit;word-break:break-all}
mark{background:#ffe08a;border-bottom:2px solid #e0a800;padding:0 1px}
mark.empty{display:inline-block;width:2px;height:1.1em;background:#e53935;vertical-align:text-bottom}
.rule{white-space:nowrap;font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:12px;color:#444}
.fix{color:#2e7d32}.fix.unsafe{color:#6d4c41}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:0 0 12px}
.filters input[type=search]{padding:4px 8px;min-width:260px;border:1px solid #b7bec8;border-radius:4px;font:inherit}
.filters select{padding:3px;font:inherit}
ul.outline{list-style:none;margin:0;padding:0 0 0 4px;columns:2;column-gap:32px}
ul.outline li{break-inside:avoid;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.muted{color:#6a737d;font-size:13px}
.worst{font-size:13px}
.ok{color:#2e7d32}
a{color:#1a5fb4;text-decoration:none}a:hover{text-decoration:underline}
details>summary{cursor:pointer;color:#1a5fb4}
tr.hidden,section.hidden{display:none}
"""

_JS = """
(function(){
  var q=document.getElementById('q'),rule=document.getElementById('rule');
  var sevs=[].slice.call(document.querySelectorAll('input[name=sev]'));
  function apply(){
    var text=q.value.trim().toLowerCase(),r=rule.value,on={};
    sevs.forEach(function(c){on[c.value]=c.checked;});
    var shown=0;
    document.querySelectorAll('tr.problem').forEach(function(tr){
      var ok=on[tr.dataset.sev]&&(!r||tr.dataset.rule===r)&&(!text||tr.textContent.toLowerCase().indexOf(text)>=0);
      tr.classList.toggle('hidden',!ok); if(ok) shown++;
    });
    document.querySelectorAll('section.file').forEach(function(s){
      var n=s.querySelectorAll('tr.problem:not(.hidden)').length;
      var c=s.querySelector('.shown'); if(c) c.textContent=n;
    });
    document.getElementById('shown').textContent=shown;
  }
  q.addEventListener('input',apply); rule.addEventListener('change',apply);
  sevs.forEach(function(c){c.addEventListener('change',apply);});
  document.querySelectorAll('table.sortable').forEach(function(t){
    t.querySelectorAll('th').forEach(function(th,idx){
      th.addEventListener('click',function(){
        var asc=!th.classList.contains('sorted-asc');
        t.querySelectorAll('th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc');});
        th.classList.add(asc?'sorted-asc':'sorted-desc');
        var body=t.tBodies[0],rows=[].slice.call(body.rows);
        rows.sort(function(a,b){
          var x=a.cells[idx].dataset.v||a.cells[idx].textContent,y=b.cells[idx].dataset.v||b.cells[idx].textContent;
          var nx=parseFloat(x),ny=parseFloat(y),c;
          c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,'zh');
          return asc?c:-c;
        });
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  apply();
})();
"""


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _sev_badge(sev: str) -> str:
    return f'<span class="sev sev-{_e(sev)}">{_e(SEVERITY_ZH.get(sev, sev))}</span>'


def _context_html(p: dict[str, Any]) -> str:
    before, span, after = p.get("context") or ["", p.get("excerpt", ""), ""]
    mark = f"<mark>{_e(span)}</mark>" if span else '<mark class="empty" title="此处（自动编号或缺失内容）"></mark>'
    return f'<span class="ctx">{_e(before)}{mark}{_e(after)}</span>'


def _counts(rec: dict[str, Any]) -> Counter[str]:
    return Counter(p["severity"] for p in rec["problems"])


def _worst(rec: dict[str, Any], n: int = 3) -> list[dict[str, Any]]:
    return sorted(rec["problems"], key=lambda p: (SEVERITY_ORDER.get(p["severity"], 9), p["paragraph"], p["start"]))[:n]


def render_html(
    records: Sequence[dict[str, Any]],
    errors: Sequence[tuple[str, str]] = (),
    *,
    title: str = "ReportLint 公文结构校对报告",
    generated: datetime | None = None,
) -> str:
    """The whole report page (see the module doc).  ``errors``: (path, reason) of unreadable files."""
    generated = generated or datetime.now()
    total = Counter[str]()
    for rec in records:
        total.update(_counts(rec))
    n_problems = sum(len(r["problems"]) for r in records)
    rules = sorted({p["rule"] for r in records for p in r["problems"]})
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1>",
        f'<div class="meta">{len(records)} 个文件 · {n_problems} 个问题（错误 {total["error"]} · '
        f"警告 {total['warning']} · 提示 {total['info']}）· 生成于 {_e(generated.strftime('%Y-%m-%d %H:%M'))}</div>",
        "</header><main>",
    ]
    # summary
    out.append('<section class="card" id="summary"><h2>汇总</h2>')
    out.append('<table class="sortable" id="summary-table"><thead><tr><th>文件</th><th>文种</th><th>段落</th>')
    out.append("<th>错误</th><th>警告</th><th>提示</th><th>主要问题</th></tr></thead><tbody>")
    for k, rec in enumerate(records):
        c = _counts(rec)
        worst = "".join(
            f'<div class="worst">{_sev_badge(p["severity"])} 第 {p["paragraph"] + 1} 段：{_e(p["message"])}</div>'
            for p in _worst(rec)
        )
        out.append(
            f'<tr><td data-v="{_e(rec["path"])}"><a href="#f{k}">{_e(rec["path"])}</a></td>'
            f"<td>{_e(rec.get('doctype') or '未识别')}</td>"
            f'<td class="num">{rec.get("paragraphs", "")}</td>'
            f'<td class="num">{c["error"]}</td><td class="num">{c["warning"]}</td><td class="num">{c["info"]}</td>'
            f"<td>{worst or '<span class=ok>未发现问题</span>'}</td></tr>"
        )
    out.append("</tbody></table>")
    if errors:
        out.append('<h3>无法读取的文件</h3><ul class="errors">')
        out.extend(f"<li>{_e(path)}：{_e(reason)}</li>" for path, reason in errors)
        out.append("</ul>")
    out.append("</section>")
    # filters
    out.append('<section class="card"><div class="filters">')
    out.append('<input type="search" id="q" placeholder="搜索问题、原文、规则…" aria-label="搜索">')
    for sev in ("error", "warning", "info"):
        out.append(f'<label><input type="checkbox" name="sev" value="{sev}" checked> {_sev_badge(sev)}</label>')
    out.append('<label>规则 <select id="rule"><option value="">全部</option>')
    out.extend(f'<option value="{_e(r)}">{_e(r)}</option>' for r in rules)
    out.append(f'</select></label><span class="muted">显示 <b id="shown">{n_problems}</b> 个问题</span>')
    out.append("</div></section>")
    # files
    for k, rec in enumerate(records):
        c = _counts(rec)
        out.append(f'<section class="card file" id="f{k}"><h2>{_e(rec["path"])}</h2>')
        out.append(
            f'<div class="muted">文种：{_e(rec.get("doctype") or "未识别")} · {rec.get("paragraphs", "")} 段 · '
            f'问题 <b class="shown">{len(rec["problems"])}</b> / {len(rec["problems"])}</div>'
        )
        if rec.get("outline"):
            out.append(f"<details><summary>大纲（{len(rec['outline'])} 个标题）</summary><ul class='outline'>")
            for e in rec["outline"]:
                pad = max(0, (e["level"] or 1) - 1) * 1.5
                out.append(
                    f'<li style="padding-left:{pad}em">{_e(e["number"])}{_e(e["title"])} '
                    f'<span class="muted">（第 {e["paragraph"] + 1} 段）</span></li>'
                )
            out.append("</ul></details>")
        if not rec["problems"]:
            out.append('<p class="ok">未发现问题。</p></section>')
            continue
        out.append('<table class="sortable problems"><thead><tr><th>段落</th><th>级别</th><th>规则</th>')
        out.append("<th>原文（问题处高亮）</th><th>说明</th><th>建议修改</th></tr></thead><tbody>")
        for p in rec["problems"]:
            fix = p.get("fix")
            fix_html = ""
            if fix:
                cls = "fix" if fix.get("applicability") == "safe" else "fix unsafe"
                fix_html = f'<span class="{cls}">{_e(_fix_text(fix))}</span>'
            sev = p["severity"]
            out.append(
                f'<tr class="problem" data-sev="{_e(sev)}" data-rule="{_e(p["rule"])}">'
                f'<td class="num" data-v="{p["paragraph"] * 100000 + p["start"]}">{p["paragraph"] + 1}</td>'
                f'<td data-v="{SEVERITY_ORDER.get(sev, 9)}">{_sev_badge(sev)}</td>'
                f'<td class="rule">{_e(p["rule"])}</td><td>{_context_html(p)}</td>'
                f"<td>{_e(p['message'])}</td><td>{fix_html}</td></tr>"
            )
        out.append("</tbody></table></section>")
    out.append("</main>")
    out.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(out)


__all__ = ["CSV_COLUMNS", "attach_context", "render_csv", "render_html"]
