// Where Electron's binary is, when it is installed: the launcher's own lookup (main/launch), which
// reads the package's record of the path instead of requiring the package (that would download it).
export { installedElectron } from '../../main/launch/electronPackage';
