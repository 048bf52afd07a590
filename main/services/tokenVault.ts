// API tokens live only in the operating system's keychain (keytar): one fixed service name, one
// account per connection. Nothing else in the app ever stores a token.
import { AppError } from '../../app/appError';

export const KEYCHAIN_SERVICE = 'Promo Exporter';

/** The part of keytar the vault needs. keytar is passed in (composeServices), never imported here:
 *  it is a native library, and the command line loads it only for the commands that need it. */
export interface SecretStore {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface TokenVault {
  save(connectionId: string, token: string): Promise<void>;
  /** The token, or an AppError 'token-missing' when the keychain has none for this connection. */
  read(connectionId: string): Promise<string>;
  has(connectionId: string): Promise<boolean>;
  forget(connectionId: string): Promise<void>;
}

export function createTokenVault(store: SecretStore, service = KEYCHAIN_SERVICE): TokenVault {
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw keychainError(error);
    }
  };
  return {
    save: (connectionId, token) => guarded(() => store.setPassword(service, connectionId, token)),
    async read(connectionId) {
      const token = await guarded(() => store.getPassword(service, connectionId));
      if (token === null || token === '') {
        throw new AppError({
          code: 'token-missing',
          message: 'The API token for this connection is missing from the keychain. Add it again.',
        });
      }
      return token;
    },
    has: async (connectionId) => (await guarded(() => store.getPassword(service, connectionId))) !== null,
    forget: async (connectionId) => {
      await guarded(() => store.deletePassword(service, connectionId));
    },
  };
}

/** keytar reports the keychain's failures as bare strings or Errors; name the ones people can fix. */
function keychainError(error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  // Linux: no Secret Service registered, no session bus, or none that can be started.
  if (/org\.freedesktop\.secrets|secret service|d-?bus|libsecret|could not connect/i.test(text)) {
    return new AppError(
      {
        code: 'keychain-unavailable',
        message:
          'The system keychain is not available, so the token was not read or saved (it is never kept anywhere else). On Linux, install and start a Secret Service such as GNOME Keyring (package gnome-keyring) or KWallet, then try again.',
        detail: text,
      },
      { cause: error },
    );
  }
  if (/locked|cancel|denied|user interaction/i.test(text)) {
    return new AppError(
      {
        code: 'keychain-unavailable',
        message: 'The system keychain is locked or refused access. Unlock it and try again.',
        detail: text,
      },
      { cause: error },
    );
  }
  return new AppError(
    {
      code: 'keychain-unavailable',
      message:
        'The system keychain could not be used, so the token was not read or saved. Try again; if it keeps failing, restart the computer or ask your administrator.',
      detail: text,
    },
    { cause: error },
  );
}
