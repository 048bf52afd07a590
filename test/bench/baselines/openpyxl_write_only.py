# Baseline: what a Python script would do: fetch export_all, json.loads, openpyxl in write-only mode
# with real date cells. Prints the same BENCH-RESULT line as the Node variants (no event loop: stall 0).
# Usage: /usr/bin/python3 openpyxl_write_only.py <simulator url> <loyalty id> <target>
import json
import resource
import sys
import time
import urllib.request
from datetime import datetime

from openpyxl import Workbook

sim_url, loyalty_id, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
started = time.perf_counter()
request = urllib.request.Request(
    f"{sim_url}/api/v1.1/promocodes/export_all",
    data=json.dumps({"token": "demo-token", "loyalty_id": loyalty_id, "format": "json"}).encode(),
    headers={"content-type": "application/json"},
)
with urllib.request.urlopen(request) as response:
    codes = json.loads(response.read())["data"]
fetched = time.perf_counter()

book = Workbook(write_only=True)
sheet = book.create_sheet("Codes")
sheet.append(["Code", "Status", "Attached", "Activated", "Expire date", "Expired"])


def date_cell(value):
    # A datetime value gets openpyxl's own date-time number format: a real date cell, as scripts write it.
    if not value or not isinstance(value, str):
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def status(code):
    if code.get("activated"):
        return "Activated"
    expired = code.get("expired")
    if expired is True or (isinstance(expired, str) and expired):
        return "Expired"
    return "Attached" if code.get("attached") else "Available"


for code in codes:
    sheet.append([
        code["code"],
        status(code),
        date_cell(code.get("attached")),
        date_cell(code.get("activated")),
        date_cell(code.get("expire_date")),
        date_cell(code.get("expired")),
    ])
book.save(target)
done = time.perf_counter()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result = {
    "wallMs": round((done - started) * 1000),
    "peakRssMb": round(peak_mb),
    "longestStallMs": 0,
    "rows": len(codes),
    "phases": {"fetch+parse": round((fetched - started) * 1000), "xlsx": round((done - fetched) * 1000)},
}
print("BENCH-RESULT " + json.dumps(result))
