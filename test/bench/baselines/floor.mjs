// Bench variant, the floor: the least work any exporter of these codes must do, in one plain script
// with no libraries: fetch the whole answer, one JSON.parse, one sheet's XML (inline codes, status
// words, dates as Excel serials) and zlib's deflate into a file. No zip container, no styles, no
// Summary, no checks: a real exporter does more, so beating this takes overlapping the work.
// Usage: node floor.mjs <simulator url> <loyalty id> <target> (plain JavaScript: no loader to start)
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createDeflateRaw } from 'node:zlib';

const [simUrl, loyaltyId, target] = process.argv.slice(2);
const response = await fetch(`${simUrl}/api/v1.1/promocodes/export_all`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ token: 'demo-token', loyalty_id: Number(loyaltyId), format: 'json' }),
});
const { data } = JSON.parse(await response.text());

const deflate = createDeflateRaw();
const file = createWriteStream(target);
deflate.pipe(file);
const serial = (text) => (text ? Date.parse(text) / 86_400_000 + 25_569 : null);
const escape = (text) =>
  /[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text;
const dateCell = (column, row, value) =>
  value === null ? '' : `<c r="${column}${row}" s="1"><v>${value}</v></c>`;

let xml = '<worksheet><sheetData>';
for (let i = 0; i < data.length; i++) {
  const code = data[i];
  const row = i + 2;
  const expired = typeof code.expired === 'string' ? serial(code.expired) : null;
  const status = code.activated ? 2 : code.expired ? 3 : code.attached ? 1 : 0;
  xml +=
    `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${escape(code.code)}</t></is></c>` +
    `<c r="B${row}" t="s"><v>${status}</v></c>` +
    dateCell('C', row, serial(code.attached)) +
    dateCell('D', row, serial(code.activated)) +
    dateCell('E', row, serial(code.expire_date)) +
    dateCell('F', row, expired) +
    '</row>';
  if (xml.length > 256 * 1024) {
    if (!deflate.write(xml)) await once(deflate, 'drain');
    xml = '';
  }
}
deflate.end(`${xml}</sheetData></worksheet>`);
await once(file, 'close');
