import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../main/shell/externalLinks';

describe('links the app may open in the system browser', () => {
  it.each([
    'https://guides.altcraft.com/',
    'https://altcraft.com/ru/pricing?x=1#y',
    'https://DOCS.altcraft.com/a',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://altcraft.com/'],
    ['another host', 'https://example.com/'],
    ['a look-alike host', 'https://altcraft.com.evil.example/'],
    ['a subdomain not listed', 'https://evil.altcraft.com/'],
    ['credentials disguising the host', 'https://altcraft.com@evil.example/'],
    ['credentials on an allowed host', 'https://user:pw@altcraft.com/'],
    ['another port', 'https://altcraft.com:8443/'],
    ['a file', 'file:///etc/passwd'],
    ['a script', 'javascript:alert(1)'],
    ['inline data', 'data:text/html,<script>alert(1)</script>'],
    ['another program', 'ms-settings:privacy'],
    ['a mail link', 'mailto:someone@altcraft.com'],
    ['a relative path', '/guides'],
    ['not an address', 'altcraft.com'],
    ['nothing', ''],
  ])('refuses %s', (_, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
