// One loyalty program of one connection, as a map key, wherever codes or downloads are kept by
// program. The loyalty ID is all digits, so the last NUL always splits a key the same way, whatever
// a connection ID holds.

export function programKey(connectionId: string, loyaltyId: number): string {
  return `${connectionId}\u0000${loyaltyId}`;
}
