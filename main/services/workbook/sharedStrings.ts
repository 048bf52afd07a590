// The workbook's shared-string table, for the few strings every row repeats (labels, status words).
// ECMA-376 gives it two counts: `uniqueCount`, the entries, and `count`, the cells that refer to them;
// each `cell()` is one such cell, so both stay right however often a word is used.

import { tElement, type SharedText } from './cellXml';

export class SharedStrings {
  private readonly entries = new Map<string, SharedText>();
  private references = 0;

  /** A cell showing this text: its entry in the table, added when new. */
  cell(text: string): SharedText {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      entry = Object.freeze({ shared: this.entries.size });
      this.entries.set(text, entry);
    }
    this.references += 1;
    return entry;
  }

  get count(): number {
    return this.references;
  }

  get uniqueCount(): number {
    return this.entries.size;
  }

  /** `xl/sharedStrings.xml`. */
  xml(): string {
    let items = '';
    for (const text of this.entries.keys()) items += `<si>${tElement(text)}</si>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.uniqueCount}">${items}</sst>`
    );
  }
}
