// Zip files built byte by byte, so a test can make every lie a hostile file tells: sizes that are not
// true, directories that point nowhere, names that climb out of the package, parts shared by sheets.

import { deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  name: string;
  /** The bytes stored (deflated unless `stored`). */
  data: Buffer | string;
  stored?: boolean;
  /** What the directory says the entry unpacks to; by default the truth. */
  declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of the entries; sizes past 4 GB are declared through zip64 extra fields. */
export function craftZip(entries: readonly CraftedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const plain = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const packed = entry.stored === true ? plain : deflateRawSync(plain);
    const size = entry.declaredSize ?? plain.length;
    const big = size >= 0xffffffff;
    const name = Buffer.from(entry.name, 'utf8');
    const extra = big ? zip64Extra(size, packed.length) : Buffer.alloc(0);
    const method = entry.stored === true ? 0 : 8;
    const crc = crc32(plain);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(big ? 0xffffffff : packed.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(big ? 45 : 20, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(big ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(big ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name, extra);
    offset += 30 + name.length + extra.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  return Buffer.concat([
    ...locals,
    directoryBytes,
    endOfDirectory(entries.length, directoryBytes.length, offset),
  ]);
}

function zip64Extra(size: number, packed: number): Buffer {
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(packed), 12);
  return extra;
}

export function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** A zip64 end record and locator claiming `count` entries, then the classic end record. */
export function zip64EndClaiming(count: bigint, directoryOffset: bigint, at: number): Buffer {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(count, 24);
  record.writeBigUInt64LE(count, 32);
  record.writeBigUInt64LE(0n, 40);
  record.writeBigUInt64LE(directoryOffset, 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(at), 8);
  locator.writeUInt32LE(1, 16);
  const end = endOfDirectory(0xffff, 0xffffffff, 0xffffffff);
  return Buffer.concat([record, locator, end]);
}

const WORKBOOK_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface CraftedSheet {
  name: string;
  /** Where the workbook's relationship points (relative to xl/). */
  target: string;
}

/** The parts every workbook needs, around sheets whose parts the caller adds. */
export function workbookParts(sheets: readonly CraftedSheet[], workbookXml?: string): CraftedEntry[] {
  const sheetList = sheets
    .map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const rels = sheets
    .map((sheet, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${sheet.target}"/>`)
    .join('');
  return [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data:
        workbookXml ??
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${WORKBOOK_NS}" xmlns:r="${REL_NS}"><sheets>${sheetList}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`,
    },
  ];
}

/** A sheet with the Code header and one inline-string code per row. */
export function codeSheetXml(codes: readonly string[]): string {
  const rows = codes
    .map((code, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${code}</t></is></c></row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${WORKBOOK_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>${rows}</sheetData></worksheet>`;
}

export function sheetXml(rowsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${WORKBOOK_NS}"><sheetData>${rowsXml}</sheetData></worksheet>`;
}
