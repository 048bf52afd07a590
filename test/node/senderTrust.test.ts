import { describe, expect, it } from 'vitest';
import { factsOfElectronCall, isAppPageUrl, isAppSender } from '../../main/shell/senderTrust';

// The one rule for whom the app answers, run with stand-ins for Electron's senders (its binary
// cannot run here): the shapes are the ones IpcMainInvokeEvent gives, down to a destroyed web
// contents throwing when asked anything but isDestroyed().

const BUILT_PAGE = 'app://promo-exporter/index.html';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
}

function frame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, detached: false };
}

function contents(destroyed = false) {
  return { isDestroyed: () => destroyed };
}

/** A call as ipcMain hands it over; a destroyed sender's frame throws when read, as Electron's does. */
function call(sender: { isDestroyed(): boolean }, senderFrame: FakeFrame | null) {
  const event = { sender };
  Object.defineProperty(event, 'senderFrame', {
    get: () => {
      if (sender.isDestroyed()) throw new Error('Object has been destroyed');
      return senderFrame;
    },
  });
  return event as unknown as Parameters<typeof factsOfElectronCall>[0];
}

function trusted(
  event: Parameters<typeof factsOfElectronCall>[0],
  appPage: object | null,
  pageUrl = BUILT_PAGE,
) {
  return isAppSender(factsOfElectronCall(event, appPage), pageUrl);
}

describe('an IPC sender', () => {
  const appPage = contents();

  it("is trusted when it is the app's page in the main frame of the app's window", () => {
    expect(trusted(call(appPage, frame(BUILT_PAGE)), appPage)).toBe(true);
  });

  it('is trusted with a fragment or query on the page address', () => {
    expect(trusted(call(appPage, frame(`${BUILT_PAGE}#codes`)), appPage)).toBe(true);
  });

  it('is refused from another window, even showing the same page', () => {
    expect(trusted(call(contents(), frame(BUILT_PAGE)), appPage)).toBe(false);
  });

  it("is refused before the app's window is open", () => {
    expect(trusted(call(appPage, frame(BUILT_PAGE)), null)).toBe(false);
  });

  it("is refused from a subframe, even one showing the app's page", () => {
    const top = frame(BUILT_PAGE);
    expect(trusted(call(appPage, frame(BUILT_PAGE, top)), appPage)).toBe(false);
    expect(trusted(call(appPage, frame('https://example.com/ad.html', top)), appPage)).toBe(false);
  });

  it('is refused from any file:// page, the built page’s own file included', () => {
    expect(trusted(call(appPage, frame('file:///home/anna/Downloads/index.html')), appPage)).toBe(false);
    expect(trusted(call(appPage, frame('file:///tmp/evil.html')), appPage)).toBe(false);
    expect(
      trusted(
        call(appPage, frame('file:///opt/Promo%20Exporter/resources/app.asar/out/renderer/index.html')),
        appPage,
      ),
    ).toBe(false);
  });

  it('is refused from another host on the app’s own scheme', () => {
    expect(trusted(call(appPage, frame('app://promo-exporter.evil/index.html')), appPage)).toBe(false);
    expect(trusted(call(appPage, frame('app://evil/index.html')), appPage)).toBe(false);
  });

  it('is refused once the window has navigated to another page', () => {
    expect(trusted(call(appPage, frame('https://example.com/')), appPage)).toBe(false);
    expect(trusted(call(appPage, frame('data:text/html,<script>1</script>')), appPage)).toBe(false);
  });

  it('is refused when its frame has navigated away since it sent (a detached frame)', () => {
    expect(trusted(call(appPage, { ...frame(BUILT_PAGE), detached: true }), appPage)).toBe(false);
  });

  it('is refused when Electron no longer knows its frame (senderFrame is null)', () => {
    expect(trusted(call(appPage, null), appPage)).toBe(false);
  });

  it('is refused when its web contents is destroyed, without touching the destroyed object', () => {
    const gone = contents(true);
    expect(() => factsOfElectronCall(call(gone, frame(BUILT_PAGE)), gone)).not.toThrow();
    expect(trusted(call(gone, frame(BUILT_PAGE)), gone)).toBe(false);
  });
});

describe("the app's page address", () => {
  it('is the development server by origin under npm run dev', () => {
    expect(isAppPageUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppPageUrl('http://localhost:5173/index.html?x=1', 'http://localhost:5173/')).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppPageUrl('https://localhost:5173/', 'http://localhost:5173/')).toBe(false);
  });

  it('is a custom protocol by scheme and host, never by two opaque origins being equal', () => {
    expect(isAppPageUrl('app://promo-exporter/index.html', 'app://promo-exporter/index.html')).toBe(true);
    expect(isAppPageUrl('app://promo-exporter/other.html', 'app://promo-exporter/')).toBe(true);
    expect(isAppPageUrl('app://someone-else/index.html', 'app://promo-exporter/')).toBe(false);
    expect(isAppPageUrl('evil://promo-exporter/index.html', 'app://promo-exporter/')).toBe(false);
    expect(isAppPageUrl('data:text/html,hi', 'app://promo-exporter/')).toBe(false);
  });

  it('is never a file, not even the very file named as the page', () => {
    const file = 'file:///opt/Promo%20Exporter/resources/app.asar/out/renderer/index.html';
    expect(isAppPageUrl(file, file)).toBe(false);
    expect(isAppPageUrl('file:///tmp/evil.html', 'file:///tmp/evil.html')).toBe(false);
  });

  it('is refused when either address does not parse', () => {
    expect(isAppPageUrl('not a url', BUILT_PAGE)).toBe(false);
    expect(isAppPageUrl(BUILT_PAGE, '')).toBe(false);
  });
});
