// The help texts: what `promo-exporter --help`, `help <command>` and `<command> --help` print.
// Kept beside each other so the contract of issue 5 reads in one place.

export type HelpTopic = 'main' | 'export' | 'connections' | 'summary' | 'diff';

const EXIT_CODES = `Exit codes:
  0  done
  1  anything else (keychain not available, cancelled, an unexpected error)
  2  wrong usage
  3  Altcraft refused: HTTP 4xx or an Altcraft error (token refused, tariff limit, no rights,
     unknown loyalty program, incorrect request)
  4  no valid answer from Altcraft: network, timeout, server error (5xx), a page that is not
     JSON, a cut-off or malformed response
  5  the file could not be written (no permission, disk full, locked, read-only, path too long)
  6  an input file could not be read (missing, not a workbook, damaged, over a safety limit)`;

const MAIN = `Usage: promo-exporter <command> [options]

Exports the promo codes of Altcraft loyalty programs to an Excel workbook or a CSV file, with the
same connections, keychain and workbook layout as the Promo Exporter app.

Commands:
  export              Fetch loyalty programs' codes and write one workbook (or one CSV file)
  connections add     Save a connection; its API token goes to the system keychain
  connections list    Show the saved connections (never their tokens)
  connections remove  Delete a connection and its token
  summary             Show each program in a saved workbook with its counts per status
  diff                Compare two saved workbooks: codes added, removed and changed status
  help [<command>]    Show the help of a command

Options:
  -h, --help          Show help
  --version           Show the version

Run "promo-exporter help <command>" (export, connections, summary, diff) for details.

${EXIT_CODES}
`;

const EXPORT = `Usage:
  promo-exporter export --connection <name> --loyalty-id <id> [--loyalty-id <id> ...] --out <file.xlsx>
  promo-exporter export --base-url <host> --loyalty-id <id> [--loyalty-id <id> ...] --out <file.xlsx>

Fetches every promo code of each loyalty program, then writes one workbook: a Summary sheet, then a
sheet per program. Nothing is written unless every program was fetched, and a file already at --out
is replaced only once the new one is complete.

Where from (one of):
  --connection <name>   A saved connection (see "promo-exporter help connections"); its API token
                        comes from the system keychain.
  --base-url <host>     The Altcraft address, such as ru.altkraft.com; the API token comes from
                        the ALTCRAFT_TOKEN environment variable.

What to write:
  --loyalty-id <id>     A loyalty program's ID (Altcraft shows it under Loyalty). Repeat for more.
  --out <file>          The workbook to write (.xlsx), or the CSV file with --csv.
  --name <id>=<text>    The sheet name for program <id>. Default: its name in the connection, else
                        "Loyalty <id>". Repeat for more programs.
  --status <list>       Keep only codes with these statuses, comma-separated: available, attached,
                        activated, expired. Default: all codes.
  --csv                 Write CSV instead (one program only): UTF-8 with a byte-order mark. A code
                        a spreadsheet could run as a formula gets a ' in front: one whose first
                        visible character is = + - @ (also in full width), or that starts with a
                        tab, carriage return or line feed. Spreadsheets read numbers in a CSV file
                        as numbers (007 becomes 7): the workbook keeps every code as text.
  --delimiter <sep>     Between CSV fields: ',' (the default; Excel in English, most programs),
                        ';' (Excel in Russian and most of Europe) or tab.
  --json                Print a summary as JSON on standard output: the file, its sheets, and the
                        counts per program and status.
  -h, --help            Show this help.

The token is never taken from an argument (--token is refused): other users of this computer can
read the arguments of running programs. Use ALTCRAFT_TOKEN or a saved connection.

Times are written in this computer's time zone; set TZ to choose another (TZ=Europe/Moscow).
Progress goes to standard error when it is a terminal; otherwise the command is quiet unless it fails,
and then prints one line on standard error.

Examples:
  promo-exporter export --connection shop --loyalty-id 1234 --out "codes.xlsx"
  promo-exporter export --connection shop --loyalty-id 1234 --csv --delimiter ';' --out codes.csv
  ALTCRAFT_TOKEN="$(cat ~/.altcraft-token)" promo-exporter export --base-url ru.altkraft.com \\
    --loyalty-id 1234 --loyalty-id 5678 --name 1234=Welcome --status available --out codes.xlsx

${EXIT_CODES}
`;

const CONNECTIONS = `Usage:
  promo-exporter connections add <name> --base-url <host>
  promo-exporter connections list [--json]
  promo-exporter connections remove <name>

The connections are the Promo Exporter app's own: their names and hosts are in its settings file,
their API tokens in the system keychain, never in a file. Close the app before adding or removing
connections here: it sees the change only when it starts again.

  add <name> --base-url <host>
      Saves a connection. The API token is read from standard input when that is not a terminal
      (printf '%s' "$TOKEN" | promo-exporter connections add shop --base-url ru.altkraft.com),
      otherwise it is asked for without showing what you type.
  list [--json]
      Shows each connection's name and host, whether the keychain holds its token, and the loyalty
      programs saved with it. Never shows a token.
  remove <name>
      Deletes the connection and its token from the keychain.

${EXIT_CODES}
`;

const SUMMARY = `Usage:
  promo-exporter summary <file.xlsx> [--json]

Reads a workbook Promo Exporter saved (also after it was edited and saved again in Excel or
LibreOffice) and prints each loyalty program in it with its total and its counts per status. No
network and no connection are needed.

  --json      Print {"file": ..., "programs": [{"loyaltyId": 1234, "name": ..., "total": 10,
              "counts": {"available": 7, "attached": 1, "activated": 1, "expired": 1}}]};
              loyaltyId is null when the file does not say.
  -h, --help  Show this help.

A file that is not a workbook Promo Exporter can read (not an .xlsx, damaged, over a safety limit,
no Code column) is refused with one line on standard error and exit code 6.

${EXIT_CODES}
`;

const DIFF = `Usage:
  promo-exporter diff <old.xlsx> <new.xlsx> [--json] [--out <changes.xlsx|changes.csv>]

Compares two saved workbooks program by program: which codes were added, which were removed, and
how many changed status (available, attached, activated, expired). Programs are matched by their
loyalty ID from the Summary sheet, or by sheet name when there is none.

  --json        Print {"programs": [{"loyaltyId": 1234, "name": ..., "before": 10, "after": 11,
                "added": 2, "removed": 1, "statusChanges": [{"from": "available", "to": "attached",
                "count": 1}]}]}; statusChanges lists only the changes that happened.
  --out <file>  Also write the changed codes only, as a workbook (.xlsx, sheet "Changes") or a CSV
                file: code, program, status before, status after and the dates. Written completely
                or not at all.
  -h, --help    Show this help.

Examples:
  promo-exporter diff "codes 2026-11-01.xlsx" "codes 2026-12-01.xlsx"
  promo-exporter diff old.xlsx new.xlsx --json --out changes.xlsx

${EXIT_CODES}
`;

export function helpText(topic: HelpTopic): string {
  if (topic === 'export') return EXPORT;
  if (topic === 'connections') return CONNECTIONS;
  if (topic === 'summary') return SUMMARY;
  if (topic === 'diff') return DIFF;
  return MAIN;
}
