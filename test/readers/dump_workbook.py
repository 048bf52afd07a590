#!/usr/bin/python3
"""Dumps an .xlsx as JSON using openpyxl: a reader that did not write the file.

Usage:
  dump_workbook.py FILE              every sheet: name, freeze panes, autofilter, column widths, the
                                     size its <dimension> declares (openpyxl's read-only mode relies on
                                     it; null without one), and every cell's value, Python type, number
                                     format and boldness
  dump_workbook.py --digest FILE     for huge files (read-only mode): per sheet its header, row count and
                                     a SHA-256 of the first column's values joined by newlines

Shared and inline strings are ECMA-376 ST_Xstring: `_xHHHH_` stands for a character, and `_x005F_`
for a literal underscore (so `_x005F_x0041_` is the text `_x0041_`). Excel and LibreOffice decode them
when they load the file; openpyxl 3.0 only deletes "x005F_" from shared strings and leaves inline ones
as stored, so this script swaps in a reader of the shared-string table and of inline strings
(`t="inlineStr"`) that decodes them in one pass, as the spec and Excel do. Formula results (`t="str"`)
are left as stored, as LibreOffice leaves them.
"""
import datetime
import hashlib
import json
import re
import sys

import openpyxl
import openpyxl.reader.excel
from openpyxl.cell.text import Text
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_text(value):
    return XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def read_string_table(xml_source):
    strings = []
    tag = "{%s}si" % SHEET_MAIN_NS
    for _, node in iterparse(xml_source):
        if node.tag == tag:
            strings.append(excel_text(Text.from_tree(node).content))
            node.clear()
    return strings


openpyxl.reader.excel.read_string_table = read_string_table

_parse_cell = WorkSheetParser.parse_cell


def parse_cell(self, element):
    cell = _parse_cell(self, element)
    if element.get("t") == "inlineStr" and isinstance(cell.get("value"), str):
        cell["value"] = excel_text(cell["value"])
    return cell


WorkSheetParser.parse_cell = parse_cell


def cell_json(cell):
    value = cell.value
    if value is None:
        kind, out = "None", None
    elif isinstance(value, bool):
        kind, out = "bool", value
    elif isinstance(value, datetime.datetime):
        kind, out = "datetime", value.isoformat(timespec="microseconds")
    elif isinstance(value, datetime.date):
        kind, out = "date", value.isoformat()
    elif isinstance(value, int):
        kind, out = "int", value
    elif isinstance(value, float):
        kind, out = "float", value
    elif isinstance(value, str):
        kind, out = "str", value
    else:
        kind, out = type(value).__name__, str(value)
    return {"t": kind, "v": out, "fmt": cell.number_format, "bold": bool(cell.font and cell.font.b), "dt": cell.data_type}


def declared_dimension(sheet):
    try:
        return sheet.calculate_dimension()
    except ValueError:
        return None


def dump(path):
    book = openpyxl.load_workbook(path)
    declared = {sheet.title: declared_dimension(sheet) for sheet in openpyxl.load_workbook(path, read_only=True).worksheets}
    sheets = []
    for sheet in book.worksheets:
        widths = {}
        for key, dim in sheet.column_dimensions.items():
            # openpyxl groups equal adjacent columns (min..max) under the first letter
            for index in range(dim.min or 0, (dim.max or 0) + 1):
                if index > 0 and dim.width:
                    widths[openpyxl.utils.get_column_letter(index)] = dim.width
        sheets.append({
            "name": sheet.title,
            "freeze_panes": sheet.freeze_panes,
            "auto_filter": sheet.auto_filter.ref,
            "dimension": declared[sheet.title],
            "max_row": sheet.max_row,
            "column_widths": widths,
            "rows": [[cell_json(cell) for cell in row] for row in sheet.iter_rows()],
        })
    return {"sheets": sheets}


def digest(path):
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = []
    for sheet in book.worksheets:
        rows = sheet.iter_rows(min_col=1, max_col=6, values_only=True)
        header = [value for value in next(rows, ())]
        sha = hashlib.sha256()
        count = 0
        not_text = 0
        for row in rows:
            value = row[0] if row else None
            if not isinstance(value, str):
                not_text += 1
                value = "" if value is None else str(value)
            sha.update((value + "\n").encode("utf-8", "surrogatepass"))
            count += 1
        sheets.append({"name": sheet.title, "header": header, "rows": count, "not_text": not_text, "sha256": sha.hexdigest()})
    return {"sheets": sheets}


if __name__ == "__main__":
    if sys.argv[1] == "--digest":
        result = digest(sys.argv[2])
    else:
        result = dump(sys.argv[1])
    json.dump(result, sys.stdout, ensure_ascii=False)
