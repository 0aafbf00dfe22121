"""How the page looks: one table of class rules, given as a style sheet in the page and as ``style``
attributes in a fragment (CMS editors keep inline styles but drop ``<style>`` elements).

Colours come from ``palette`` like the other renderings; the type follows them too: 小标宋/宋体 title,
黑体 section headings, 楷体 sub-headings, a plain reading face for the body (仿宋 is too thin on screens).
"""

from __future__ import annotations

from ..palette import CAPTION_RGB, PLACEHOLDER_RGB, hex_rgb

ACCENT = "#A8201A"  # the portal red of the rule above the title and beside section headings
INK = "#1F1F1F"
RULE = "#5C5C5C"  # table borders: 6.6:1 on white, visible on every screen

SONG = '"FZXiaoBiaoSong-B05S","方正小标宋简体","SimSun","宋体","Songti SC","Noto Serif CJK SC","AR PL UMing CN",serif'
HEI = '"SimHei","黑体","Heiti SC","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif'
KAI = '"KaiTi_GB2312","KaiTi","楷体","STKaiti","Kaiti SC","AR PL UKai CN","LXGW WenKai",serif'
BODY = (
    '"Microsoft YaHei","微软雅黑","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","WenQuanYi Zen Hei",'
    '"Source Han Sans SC",sans-serif'
)

# class -> declarations. Every element the renderer writes carries one of these classes.
RULES: dict[str, str] = {
    "govreport": f"color:{INK};font-family:{BODY};font-size:16px;line-height:1.9;word-wrap:break-word",
    "draft": (
        f"margin:0 0 1.5em;padding:.5em 1em;border:2px solid #{hex_rgb(PLACEHOLDER_RGB)};"
        f"color:#{hex_rgb(PLACEHOLDER_RGB)};font-weight:bold;text-align:center;letter-spacing:.2em"
    ),
    "title": (
        f"margin:0 0 1.6em;font-family:{SONG};font-size:1.75em;font-weight:bold;line-height:1.5;"
        "text-align:center;letter-spacing:.02em"
    ),
    "title-line": "display:block",
    "title-word": "display:inline-block",
    "section": (
        f"margin:1.8em 0 .7em;padding:0 0 0 .6em;border-left:4px solid {ACCENT};font-family:{HEI};"
        "font-size:1.25em;font-weight:bold;line-height:1.5"
    ),
    "subsection": f"margin:1.2em 0 .4em;font-family:{KAI};font-size:1.1em;font-weight:bold;line-height:1.6",
    "p": "margin:.4em 0;text-indent:2em;text-align:justify",
    "p-flat": "margin:.4em 0;text-indent:0;text-align:justify",
    "lead": f"font-family:{KAI};font-weight:bold",
    "placeholder": f"color:#{hex_rgb(PLACEHOLDER_RGB)}",
    "scroll": "margin:1em 0 1.6em;overflow-x:auto;-webkit-overflow-scrolling:touch",
    "table": f"width:100%;border-collapse:collapse;border:1px solid {RULE};font-size:14px;line-height:1.45",
    "caption": (
        "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
        "clip:rect(0,0,0,0);white-space:nowrap;border:0"
    ),
    "th": f"padding:.35em .4em;border:1px solid {RULE};font-weight:normal;vertical-align:middle",
    "th-caption": (
        f"padding:.35em .6em;border:1px solid {RULE};background:#{hex_rgb(CAPTION_RGB)};"
        "font-weight:bold;text-align:left;vertical-align:middle"
    ),
    "th-note": f"padding:.35em .5em;border:1px solid {RULE};font-size:13px;font-weight:normal;text-align:left",
    "td": (
        f"padding:.35em .3em;border:1px solid {RULE};text-align:center;vertical-align:middle;"
        "white-space:nowrap;font-variant-numeric:tabular-nums"
    ),
    "figure": "margin:1.2em 0 1.6em;text-align:center",
    "chart": "display:block;width:100%;max-width:600px;height:auto;margin:0 auto",
    "figcaption": "margin:.3em 0 0;font-size:15px;font-weight:bold;text-align:center",
}

ALIGN = {"left": "text-align:left", "center": "text-align:center", "right": "text-align:right"}

_PAGE = f"""
*,*::before,*::after{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}
body{{margin:0;background:#EEF0F3}}
main{{max-width:880px;margin:2em auto;padding:3em 4em 3.5em;background:#FFF;border-top:5px solid {ACCENT};
box-shadow:0 1px 4px rgba(0,0,0,.12)}}
.govreport .scroll:focus{{outline:2px solid {ACCENT};outline-offset:2px}}
@media (max-width:700px){{
body{{background:#FFF}}
main{{margin:0;padding:1.2em 1em 2em;box-shadow:none;border-top-width:4px}}
.govreport{{font-size:16px;line-height:1.8}}
.govreport .title{{font-size:1.4em}}
.govreport .section{{font-size:1.15em}}
}}
@media print{{
@page{{size:A4;margin:25mm 26mm 25mm 28mm}}
body{{background:#FFF}}
main{{max-width:none;margin:0;padding:0;border:0;box-shadow:none}}
.govreport{{font-size:12pt;line-height:1.75;color:#000}}
.govreport .scroll{{overflow:visible}}
.govreport .table{{min-width:0 !important;break-inside:auto}}
.govreport tr,.govreport figure{{break-inside:avoid}}
.govreport thead{{display:table-header-group}}
.govreport .section,.govreport .subsection,.govreport .title{{break-after:avoid}}
.govreport .chart{{max-width:150mm}}
}}
"""


def style_sheet(draft_mark: str | None = None) -> str:
    """The page's ``<style>`` content: the class rules, then the page frame, phone and print rules;
    a draft's mark goes into the top margin of every printed page, like the .docx and PDF headers."""
    rules = "\n".join(f".govreport .{name}{{{body}}}" for name, body in RULES.items() if name != "govreport")
    sheet = f".govreport{{{RULES['govreport']}}}\n{rules}{_PAGE}"
    if draft_mark:
        colour = hex_rgb(PLACEHOLDER_RGB)
        mark = f"content:{css_string(draft_mark)};color:#{colour};font-size:10.5pt;font-family:{HEI}"
        sheet += f"@media print{{@page{{@top-center{{{mark}}}}}}}\n"
    return sheet


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the ``<style>`` element."""
    escaped = "".join(f"\\{ord(ch):X} " if ch in '"\\<>&\n' or ord(ch) < 32 else ch for ch in text)
    return f'"{escaped}"'
