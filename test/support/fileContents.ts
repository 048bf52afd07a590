// Every file under a folder as text, and the inside of each zip (an .xlsx) as well: where the
// leak tests look for a token that must not be there.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every file under a folder, unzipped where it is a zip (an .xlsx), as text. */
export async function contentsUnder(dir: string): Promise<{ file: string; text: string }[]> {
  const found: { file: string; text: string }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    found.push({ file, text: bytes.toString('latin1') });
    if (bytes.subarray(0, 2).toString() === 'PK') {
      const script =
        'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint("".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()))';
      const { stdout } = await run('python3', ['-c', script, file], { maxBuffer: 256 * 1024 * 1024 });
      found.push({ file: `${file} (unzipped)`, text: stdout });
    }
  }
  return found;
}
