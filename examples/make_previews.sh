#!/usr/bin/env bash
# Rebuilds the examples: the workbook from examples/dashuipo_2022.py, its report (.docx, PDF and the portal
# page .html) in examples/, the county roll-up of examples/county_2022.py and its report in examples/county/,
# and the PNG previews the README shows (the PDF as typeset, the .docx through LibreOffice, the page in
# chromium on a desktop and on a phone).
# LibreOffice has no Windows fonts here: preview/fonts.conf maps 仿宋_GB2312/宋体/方正小标宋简体 to
# AR PL UMing, 楷体_GB2312 to AR PL UKai and 黑体 to WenQuanYi Zen Hei, as Word would use the real ones.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
$BIN/python examples/dashuipo_2022.py
$BIN/govreport build examples/大水泊镇-2022.xlsx -o examples
# The roll-up example: three towns, the county's 汇总 workbook (checked against them) and its report.
$BIN/python examples/county_2022.py
$BIN/govreport build examples/county/示例县-2022汇总.xlsx -o examples/county --children examples/county/towns
pdf=examples/威海市文登区大水泊镇人民政府-2022年报.pdf
docx=examples/威海市文登区大水泊镇人民政府-2022年报.docx
html=examples/威海市文登区大水泊镇人民政府-2022年报.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
FONTCONFIG_FILE="$PWD/examples/preview/fonts.conf" soffice -env:UserInstallation="file://$tmp/profile" \
    --headless --convert-to pdf --outdir "$tmp" "$docx" >/dev/null
# The page that holds table 三 (its 勾稽 note) in each rendering.
page_of() { for i in $(seq 1 "$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')"); do
    pdftotext -f "$i" -l "$i" "$1" - | tr -d ' \n' | grep -q '本列数据的勾稽' && { echo "$i"; return; }; done; }
render() { pdftoppm -r 60 -png -singlefile -f "$2" -l "$2" "$1" "examples/preview/$3"; }
render "$pdf" 1 pdf-1
render "$pdf" "$(page_of "$pdf")" pdf-table3
render "$tmp"/*.pdf 1 docx-1
render "$tmp"/*.pdf "$(page_of "$tmp"/*.pdf)" docx-table3
$BIN/python examples/html_preview.py "$html" examples/preview
ls -l examples/preview
