// Makes every icon size electron-builder needs from build/icon.svg: `node build/make-icons.mjs`.
// Chromium (the one `npm test` uses: /usr/bin/chromium or CHROMIUM_PATH) draws the SVG at each size
// and this script writes PNG, ICO and ICNS itself, so no image tool is needed. The outputs are
// committed, so packaging never runs this.
/* global document, Image -- the names rasterize() uses inside the page */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { chromium } from 'playwright';

const BUILD = new URL('./', import.meta.url);

// macOS draws the whole 1024 canvas (Apple's grid keeps a margin round the tile); Windows and Linux
// show the tile nearly edge to edge, as their own icons do.
const MAC_VIEWBOX = '0 0 1024 1024';
const TILE_VIEWBOX = '80 80 864 864';

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
// Windows picks from these for the title bar, taskbar, Start menu, Explorer and the installer.
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS entry types and the pixel size each holds (the @2x types are Retina variants).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

async function main() {
  const svg = await readFile(new URL('icon.svg', BUILD), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const draw = async (viewBox, size) => rasterize(page, withView(svg, viewBox, size), size);

    const tile = new Map();
    for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, 1024]))
      tile.set(size, await draw(TILE_VIEWBOX, size));
    const mac = new Map();
    for (const [, size] of ICNS_TYPES) if (!mac.has(size)) mac.set(size, await draw(MAC_VIEWBOX, size));

    await mkdir(new URL('icons/', BUILD), { recursive: true });
    for (const size of LINUX_SIZES) {
      await writeFile(new URL(`icons/${size}x${size}.png`, BUILD), encodePng(size, tile.get(size)));
    }
    await writeFile(new URL('icon.png', BUILD), encodePng(1024, tile.get(1024)));
    await writeFile(new URL('icon.ico', BUILD), encodeIco(ICO_SIZES.map((size) => [size, tile.get(size)])));
    await writeFile(
      new URL('icon.icns', BUILD),
      encodeIcns(ICNS_TYPES.map(([type, size]) => [type, encodePng(size, mac.get(size))])),
    );
    console.log('Wrote build/icon.png, build/icon.ico, build/icon.icns and build/icons/*.png');
  } finally {
    await browser.close();
  }
}

function withView(svg, viewBox, size) {
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\bwidth="[^"]*"/, `width="${size}"`)
      .replace(/\bheight="[^"]*"/, `height="${size}"`)
      .replace(/\bviewBox="[^"]*"/, `viewBox="${viewBox}"`),
  );
}

/** Straight (not premultiplied) RGBA pixels of the SVG drawn at size × size. */
async function rasterize(page, svg, size) {
  const base64 = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const bytes = context.getImageData(0, 0, size, size).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { svg, size },
  );
  return Buffer.from(base64, 'base64');
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(filterRows(size, rgba), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type, data) {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Each row with the PNG filter that leaves the smallest sum of bytes, the usual heuristic. */
function filterRows(size, rgba) {
  const stride = size * 4;
  const out = Buffer.alloc((stride + 1) * size);
  const zero = Buffer.alloc(stride);
  for (let y = 0; y < size; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const up = y === 0 ? zero : rgba.subarray((y - 1) * stride, y * stride);
    let best = null;
    for (let filter = 0; filter <= 4; filter++) {
      const line = Buffer.alloc(stride);
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? row[i - 4] : 0;
        const upLeft = i >= 4 ? up[i - 4] : 0;
        const predicted = [0, left, up[i], (left + up[i]) >> 1, paeth(left, up[i], upLeft)][filter];
        line[i] = (row[i] - predicted) & 0xff;
        cost += line[i] < 128 ? line[i] : 256 - line[i];
      }
      if (best === null || cost < best.cost) best = { filter, line, cost };
    }
    out[y * (stride + 1)] = best.filter;
    best.line.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// ICO: the 256 entry as PNG and the smaller ones as 32-bit bitmaps, the layout of Windows' own
// icons, which every icon reader (resource editors, NSIS, Explorer) accepts.
function encodeIco(images) {
  const blobs = images.map(([size, rgba]) => (size >= 256 ? encodePng(size, rgba) : icoBitmap(size, rgba)));
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(([size], i) => {
    const entry = 6 + 16 * i;
    directory[entry] = size >= 256 ? 0 : size; // 0 means 256
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(blobs[i].length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += blobs[i].length;
  });
  return Buffer.concat([directory, ...blobs]);
}

function icoBitmap(size, rgba) {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bitmaps are stored bottom-up
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels.set([rgba[from + 2], rgba[from + 1], rgba[from], rgba[from + 3]], to); // BGRA
      if (rgba[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function encodeIcns(entries) {
  const blobs = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + blobs.reduce((sum, blob) => sum + blob.length, 0), 4);
  return Buffer.concat([head, ...blobs]);
}

await main();
