// An .xlsx written as a stream: sheets one after another, each zipped while it is written, so a million
// rows never sit in memory; the shared-string table and the parts around the sheets follow at the end.
// The zip is archiver's (the library exceljs itself zips with); the XML is ours (see packageParts.ts).

import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import { SharedStrings } from './sharedStrings';
import {
  appXml,
  contentTypesXml,
  coreXml,
  packageRelsXml,
  sheetPath,
  stylesXml,
  workbookRelsXml,
  workbookXml,
  type AboutTheFile,
  type PackageSheet,
} from './packageParts';
import { sheetHead, sheetTail, usedRange, type SheetLayout } from './sheetXml';

/** Sheet XML waiting to be zipped before the writer pauses. */
const QUEUED_BYTES = 1024 * 1024;

export class XlsxPackage {
  readonly strings = new SharedStrings();
  private readonly zip = archiver('zip');
  private readonly sheets: PackageSheet[] = [];
  private open: SheetPart | null = null;
  private failure: unknown;
  private readonly failed: Promise<never>;

  constructor(
    output: Writable,
    private readonly about: AboutTheFile,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      this.zip.on('error', (error: unknown) => {
        this.failure ??= error;
        reject(error);
      });
    });
    this.failed.catch(() => undefined);
    this.zip.pipe(output);
  }

  /** Starts the next sheet; the one before it must have been closed. */
  addSheet(name: string, layout: SheetLayout): SheetPart {
    if (this.open !== null) throw new Error(`sheet "${this.open.name}" is still open`);
    const index = this.sheets.length;
    this.sheets.push({ name, ...(layout.autoFilter === true ? { autoFilter: usedRange(layout) } : {}) });
    const stream = new PassThrough({ highWaterMark: QUEUED_BYTES });
    this.zip.append(stream, { name: sheetPath(index) });
    const sheet = new SheetPart(name, layout, stream, index === 0, this.failed, () => {
      this.open = null;
    });
    this.open = sheet;
    return sheet;
  }

  /** Adds the parts around the sheets and waits until the whole zip has been handed to the output. */
  async finish(signal: AbortSignal): Promise<void> {
    this.throwIfFailed(signal);
    if (this.open !== null) throw new Error(`sheet "${this.open.name}" is still open`);
    const names = this.sheets.map((sheet) => sheet.name);
    const parts: [string, string][] = [
      ['xl/sharedStrings.xml', this.strings.xml()],
      ['xl/styles.xml', stylesXml()],
      ['xl/workbook.xml', workbookXml(this.sheets)],
      ['xl/_rels/workbook.xml.rels', workbookRelsXml(this.sheets.length)],
      ['docProps/app.xml', appXml(this.about, names)],
      ['docProps/core.xml', coreXml(this.about)],
      ['_rels/.rels', packageRelsXml()],
      ['[Content_Types].xml', contentTypesXml(this.sheets.length)],
    ];
    for (const [name, xml] of parts) this.zip.append(xml, { name });
    await Promise.race([this.zip.finalize(), this.failed]);
    this.throwIfFailed(signal);
  }

  private throwIfFailed(signal: AbortSignal): void {
    if (signal.aborted) throw signal.reason;
    if (this.failure !== undefined) throw this.failure;
  }
}

/** One sheet being written: its head goes out at once, then rows, then `close()`. */
export class SheetPart {
  constructor(
    readonly name: string,
    private readonly layout: SheetLayout,
    private readonly stream: PassThrough,
    selected: boolean,
    private readonly failed: Promise<never>,
    private readonly onClose: () => void,
  ) {
    stream.write(sheetHead(layout, selected));
  }

  /** Rows already rendered as `<row>` XML, in order. */
  write(xml: string): void {
    this.stream.write(xml);
  }

  /** Waits while the sheet is written faster than it is zipped; yields to the event loop either way. */
  async ready(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    if (!this.stream.writableNeedDrain) {
      // Even without waiting, a cancel (a message, in the code worker) must be seen promptly.
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      // A cancel ends the wait early; it is then reported as itself, below.
      await Promise.race([once(this.stream, 'drain', { signal }).catch(() => undefined), this.failed]);
    }
    if (signal.aborted) throw signal.reason;
  }

  close(): void {
    this.stream.end(sheetTail(this.layout));
    this.onClose();
  }
}
