// Which page counts as the app's own: the built index.html loaded from disk, or the development
// server's address in `npm run dev`. IPC from any other page is refused.

export function isAppPageUrl(url: string, pageUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(pageUrl);
    if (expected.protocol === 'file:')
      return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}
