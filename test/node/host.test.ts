import { describe, expect, it } from 'vitest';
import { exportAllUrl, normaliseHost } from '../../app/host';

describe('normaliseHost', () => {
  it.each([
    ['ru.altkraft.com', 'https://ru.altkraft.com'],
    ['https://ru.altkraft.com', 'https://ru.altkraft.com'],
    ['https://ru.altkraft.com/', 'https://ru.altkraft.com'],
    ['https://ru.altkraft.com/api/v1.1/', 'https://ru.altkraft.com'],
    ['https://ru.altkraft.com/api/v1.1/promocodes/export_all', 'https://ru.altkraft.com'],
    ['https://ru.altkraft.com/api/v1.1/promocodes/export_all?token=x#top', 'https://ru.altkraft.com'],
    ['  ru.altkraft.com  ', 'https://ru.altkraft.com'],
    ['\thttps://ru.altkraft.com/\n', 'https://ru.altkraft.com'],
    ['HTTPS://RU.ALTKRAFT.COM/API/V1.1/', 'https://ru.altkraft.com'],
    ['Ru.AltKraft.Com', 'https://ru.altkraft.com'],
    ['ru.altkraft.com.', 'https://ru.altkraft.com'],
    ['altcraft.corp.example:8443', 'https://altcraft.corp.example:8443'],
    [
      'https://altcraft.corp.example:8443/api/v1.1/promocodes/export_all',
      'https://altcraft.corp.example:8443',
    ],
    ['https://ru.altkraft.com:443/', 'https://ru.altkraft.com'],
    ['altcraft', 'https://altcraft'],
    ['10.0.0.5', 'https://10.0.0.5'],
    ['https://пример.рф/api/v1.1/', 'https://xn--e1afmkfd.xn--p1ai'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/api/v1.1/promocodes/export_all', 'http://127.0.0.1:8787'],
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.5.6.7', 'http://127.5.6.7'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['localhost:8787', 'http://localhost:8787'],
    ['http://LOCALHOST', 'http://localhost'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['https://localhost:8443', 'https://localhost:8443'],
    ['https://[2001:db8::1]/api/', 'https://[2001:db8::1]'],
  ])('reads %j as %s', (input, host) => {
    expect(normaliseHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    ['http://ru.altkraft.com', 'https-required'],
    ['HTTP://ru.altkraft.com/api/v1.1/', 'https-required'],
    ['http://10.0.0.5:8080', 'https-required'],
    ['http://128.0.0.1', 'https-required'],
    ['http://localhost.example.com', 'https-required'],
    ['ftp://ru.altkraft.com', 'invalid'],
    ['ru altkraft.com', 'invalid'],
    ['https://', 'invalid'],
    ['https://user:secret@ru.altkraft.com', 'invalid'],
    ['https//ru.altkraft.com', 'invalid'],
    ['ru..altkraft.com', 'invalid'],
    ['-bad-.example.com', 'invalid'],
    ['ru.altkraft.com,evil.example', 'invalid'],
    ['https://ru.altkraft.com:99999', 'invalid'],
    ['https://999.1.1.1', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
  ])('refuses %j as %s', (input, reason) => {
    expect(normaliseHost(input)).toEqual({ ok: false, reason });
  });
});

describe('exportAllUrl', () => {
  it('puts the export_all path under the host', () => {
    expect(exportAllUrl('https://ru.altkraft.com')).toBe(
      'https://ru.altkraft.com/api/v1.1/promocodes/export_all',
    );
  });

  it('does not double a trailing slash', () => {
    expect(exportAllUrl('http://127.0.0.1:8787/')).toBe(
      'http://127.0.0.1:8787/api/v1.1/promocodes/export_all',
    );
  });
});
