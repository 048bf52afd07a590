#!/usr/bin/python3
"""Opens a spreadsheet in headless LibreOffice through UNO and dumps what LibreOffice made of it, as JSON.

Usage: lo_inspect.py FILE [--filter-options OPTIONS]
       lo_inspect.py --many < [{"path": FILE, "csvOptions": OPTIONS or null}, ...]

For each sheet: its name, whether it has filter buttons (LibreOffice keeps a sheet's autofilter on the
sheet's unnamed database range, and shows the buttons when that range's AutoFilter is on), the range
they cover, and every cell of the used area as LibreOffice holds it: its type (TEXT, VALUE, EMPTY,
FORMULA), the text it shows, its number and its number format. Also the document's properties
(Generator is the docProps/app.xml Application, Author the core.xml creator).

FILE may be a CSV file: then --filter-options are the CSV import options (separator and so on).
With --many, the files listed as JSON on standard input are opened one after another in one LibreOffice
(starting it is the slow part), and the answer is a list. LibreOffice runs with a profile of its own, so
runs in parallel do not meet.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CELL_TYPES = {"EMPTY": "EMPTY", "VALUE": "VALUE", "TEXT": "TEXT", "FORMULA": "FORMULA"}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            if time.time() > deadline:
                raise
            time.sleep(0.25)


def column_name(index):
    name = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def range_text(address):
    return "%s%d:%s%d" % (
        column_name(address.StartColumn),
        address.StartRow + 1,
        column_name(address.EndColumn),
        address.EndRow + 1,
    )


def inspect(document):
    formats = document.NumberFormats
    unnamed = document.getPropertyValue("UnnamedDatabaseRanges")
    sheets = []
    for index in range(document.Sheets.Count):
        sheet = document.Sheets.getByIndex(index)
        auto_filter = False
        filter_range = None
        if unnamed.hasByTable(index):
            database_range = unnamed.getByTable(index)
            auto_filter = bool(database_range.AutoFilter)
            filter_range = range_text(database_range.DataArea)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        rows = []
        for row in range(end.EndRow + 1):
            cells = []
            for column in range(end.EndColumn + 1):
                cell = sheet.getCellByPosition(column, row)
                kind = cell.Type.value
                cells.append({
                    "type": CELL_TYPES.get(kind, kind),
                    "text": cell.getString(),
                    "value": cell.getValue(),
                    "format": formats.getByKey(cell.NumberFormat).FormatString,
                })
            rows.append(cells)
        sheets.append({"name": sheet.Name, "autoFilter": auto_filter, "filterRange": filter_range, "rows": rows})
    properties = document.DocumentProperties
    return {"generator": properties.Generator, "author": properties.Author, "sheets": sheets}


def open_and_inspect(desktop, path, filter_options):
    load = [prop("Hidden", True)]
    if filter_options is not None:
        load += [prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", filter_options)]
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, tuple(load))
    try:
        return inspect(document)
    finally:
        document.close(True)


def main():
    if sys.argv[1] == "--many":
        files = [(item["path"], item.get("csvOptions")) for item in json.load(sys.stdin)]
    else:
        options = sys.argv[sys.argv.index("--filter-options") + 1] if "--filter-options" in sys.argv else None
        files = [(sys.argv[1], options)]
    profile = tempfile.mkdtemp(prefix="lo-uno-profile-")
    pipe = "promo-exporter-" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # its own process group: soffice starts soffice.bin, which must not outlive this script
        start_new_session=True,
    )
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        results = [open_and_inspect(desktop, path, options) for path, options in files]
        result = results if sys.argv[1] == "--many" else results[0]
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office: expected
        json.dump(result, sys.stdout, ensure_ascii=False)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # everything in the group has ended
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
