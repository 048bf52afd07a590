#!/usr/bin/python3
"""Writes an .xlsx with openpyxl from a JSON description on stdin, standing in for a workbook a person
edited and saved in a spreadsheet: a different writer from ours, with numbers, dates and extra sheets.

Usage: make_workbook.py OUT.xlsx < {"sheets": [{"name": "...", "rows": [[cell, ...], ...]}]}
A cell is null, a string, a number, or {"datetime": "2024-01-02T03:04:05", "format": "dd.mm.yyyy hh:mm"}.
"""
import datetime
import json
import sys

import openpyxl

spec = json.load(sys.stdin)
book = openpyxl.Workbook()
book.remove(book.active)
for sheet_spec in spec["sheets"]:
    sheet = book.create_sheet(sheet_spec["name"])
    for row_index, row in enumerate(sheet_spec["rows"], start=1):
        for column_index, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row_index, column=column_index)
            if isinstance(value, dict):
                cell.value = datetime.datetime.fromisoformat(value["datetime"])
                cell.number_format = value.get("format", "yyyy-mm-dd hh:mm:ss")
            else:
                cell.value = value
book.save(sys.argv[1])
