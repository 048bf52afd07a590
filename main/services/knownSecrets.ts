// The token values this process has seen, so the redactor can cut them out of any log line even
// where no field name gives them away (an error message that echoes a request, a server's text).
// The shell fills it by wrapping the keychain: every token read from or saved to it is known.
import type { SecretStore } from './tokenVault';

export interface KnownSecrets {
  add(secret: string): void;
  /** Every known secret, longest first, so a token that contains another is cut out whole. */
  values(): readonly string[];
}

export function createKnownSecrets(): KnownSecrets {
  const secrets = new Set<string>();
  let sorted: string[] = [];
  return {
    add(secret) {
      // The vault stores what the IPC schema trimmed; a log may show what the person typed.
      for (const form of [secret, secret.trim()]) {
        if (form === '' || secrets.has(form)) continue;
        secrets.add(form);
        sorted = [...secrets].sort((a, b) => b.length - a.length);
      }
    },
    values: () => sorted,
  };
}

/** The keychain, unchanged, except that every token passing through it becomes known. */
export function rememberingSecretStore(store: SecretStore, secrets: KnownSecrets): SecretStore {
  return {
    async getPassword(service, account) {
      const token = await store.getPassword(service, account);
      if (token !== null) secrets.add(token);
      return token;
    },
    async setPassword(service, account, password) {
      secrets.add(password); // before the call: a failing keychain may still put it in its error
      await store.setPassword(service, account, password);
    },
    deletePassword: (service, account) => store.deletePassword(service, account),
  };
}
