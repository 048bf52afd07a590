// `node --import ./register.mjs out/main/index.js`: the built main bundle, with `electron` resolved
// to the stand-in beside this file (electron.mjs) instead of Electron's own module.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
