// Where a workbook's pieces are in its package: the workbook part (found through the package's
// relationships, as Excel does), its sheets in order with the part each one is, the shared strings and
// the styles, and which date system it counts in. Relationship targets are resolved inside the package
// only, and no two sheets may be one part: a small part read a thousand times is a bomb of its own.

import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { READ_LIMITS } from './readLimits';
import { unreadable } from './unreadable';
import { parseXmlPart, prefixedAttribute } from './xmlPart';
import type { ZipPackage } from './zipPackage';

export interface SheetPart {
  name: string;
  /** The part's name in the package, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  sharedStrings: string | null;
  styles: string | null;
  /** The workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export async function findWorkbookParts(zip: ZipPackage, signal?: AbortSignal): Promise<WorkbookParts> {
  const rootRels = await relationships(zip, '_rels/.rels', '', signal);
  const workbook =
    rootRels?.find((rel) => OFFICE_DOCUMENT.test(rel.type) && !rel.external)?.target ?? DEFAULT_WORKBOOK;
  if (!zip.has(workbook)) {
    throw unreadable('not-a-workbook', `it holds no workbook part (${workbook})`);
  }
  const folder = posix.dirname(workbook);
  const rels =
    (await relationships(
      zip,
      posix.join(folder, '_rels', `${posix.basename(workbook)}.rels`),
      folder,
      signal,
    )) ?? [];

  const listed: { name: string; relId: string }[] = [];
  let date1904 = false;
  await parseXmlPart(
    await smallPart(zip, workbook, signal),
    workbook,
    {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = isTrue(attributes.date1904);
        if (name !== 'sheet') return;
        if (listed.length === READ_LIMITS.sheets) {
          throw unreadable('over-limit', `it has more than ${READ_LIMITS.sheets} sheets`);
        }
        listed.push({ name: attributes.name ?? '', relId: prefixedAttribute(attributes, 'id') ?? '' });
      },
    },
    signal,
  );

  const sheets: SheetPart[] = [];
  const usedBy = new Map<string, string>();
  for (const { name, relId } of listed) {
    const rel = rels.find((candidate) => candidate.id === relId);
    // Chart sheets and dialog sheets hold no rows; a sheet whose part is missing holds nothing either.
    if (rel === undefined || rel.external || !rel.type.endsWith('/worksheet') || !zip.has(rel.target))
      continue;
    const key = rel.target.toLowerCase();
    const other = usedBy.get(key);
    if (other !== undefined) {
      throw unreadable('over-limit', `the sheets "${other}" and "${name}" are the same part ${rel.target}`);
    }
    usedBy.set(key, name);
    sheets.push({ name, part: rel.target });
  }
  const partOf = (type: string): string | null => {
    const target = rels.find((rel) => rel.type.endsWith(`/${type}`) && !rel.external)?.target;
    return target !== undefined && zip.has(target) ? target : null;
  };
  return { sheets, sharedStrings: partOf('sharedStrings'), styles: partOf('styles'), date1904 };
}

/** A part the reading keeps whole in memory; refused past READ_LIMITS.smallPartBytes. */
export async function smallPart(zip: ZipPackage, name: string, signal?: AbortSignal): Promise<Readable> {
  const size = zip.declaredSize(name);
  if (size > READ_LIMITS.smallPartBytes) {
    throw unreadable('over-limit', `${name} unpacks to ${size} bytes; at most ${READ_LIMITS.smallPartBytes}`);
  }
  return zip.text(name, signal === undefined ? {} : { signal });
}

async function relationships(
  zip: ZipPackage,
  relsPart: string,
  sourceFolder: string,
  signal: AbortSignal | undefined,
): Promise<Relationship[] | null> {
  if (!zip.has(relsPart)) return null;
  const found: Relationship[] = [];
  await parseXmlPart(
    await smallPart(zip, relsPart, signal),
    relsPart,
    {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const external = attributes.TargetMode === 'External';
        const target = attributes.Target ?? '';
        found.push({
          id: attributes.Id ?? '',
          type: attributes.Type ?? '',
          target: external ? target : (partName(sourceFolder, target) ?? ''),
          external,
        });
      },
    },
    signal,
  );
  return found;
}

/**
 * A relationship's target as a part name: relative to the source's folder, or absolute from the
 * package root. null when it climbs out of the package: such a part does not exist.
 */
export function partName(sourceFolder: string, target: string): string | null {
  const path = decodeTarget(target.split('#')[0] ?? '');
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(sourceFolder, path);
  const normal = posix.normalize(joined);
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) return null;
  return normal;
}

function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
