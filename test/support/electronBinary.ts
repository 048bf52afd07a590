// Where Electron's binary is, when it is installed. Requiring the electron package would try to
// download it on the spot, so this reads the package's own record of the path instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_DIR = new URL('../../node_modules/electron/', import.meta.url).pathname;

export function installedElectron(): string | null {
  const pathFile = join(PACKAGE_DIR, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const root = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(PACKAGE_DIR, 'dist');
  const binary = join(root, relative);
  return existsSync(binary) ? binary : null;
}
