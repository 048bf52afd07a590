// A streaming JSON tokenizer over bytes: it is fed an answer's chunks as they arrive, wherever they cut
// (inside a string, an escape, a UTF-8 character, a number, a literal), and tells a handler what it
// finds. It holds nothing but its state and one bounded buffer for the string or number being read,
// so a body of any size, a flood of whitespace or a nesting bomb costs no more memory than that.
// Strict JSON (RFC 8259), as JSON.parse reads it, except that a string's bytes must be valid UTF-8
// and a `\u` escape must not leave half a surrogate pair: both are reported as `lossy` (characters
// that cannot be read), never silently replaced.

/** Longest string or number kept whole, in bytes; what is longer is reported as overflowing. */
export const TOKEN_BYTES = 128 * 1024;
/** Containers nested deeper than this are refused (Altcraft's answers nest four deep). */
export const MAX_DEPTH = 512;

/** Flags given with a string or number. */
export const TOKEN_OVERFLOW = 1;
export const TOKEN_NON_ASCII = 2;

/** What the tokenizer reports; `bytes[0, length)` is only valid during the call. */
export interface JsonHandler {
  objectStart(depth: number): void;
  objectEnd(depth: number): void;
  arrayStart(depth: number): void;
  arrayEnd(depth: number): void;
  key(bytes: Uint8Array, length: number, flags: number, depth: number): void;
  string(bytes: Uint8Array, length: number, flags: number, depth: number): void;
  number(bytes: Uint8Array, length: number, flags: number, depth: number): void;
  literal(value: boolean | null, depth: number): void;
}

/** Why the text is not JSON, or is not whole. */
export type JsonProblem =
  | { kind: 'syntax'; at: number; why: string }
  | { kind: 'too-deep'; at: number }
  | { kind: 'cut-off' }
  | { kind: 'empty' };

// States.
const VALUE = 0; // a value must come
const VALUE_OR_END = 1; // just after `[`
const KEY = 2; // a key must come (after `,` in an object)
const KEY_OR_END = 3; // just after `{`
const COLON = 4;
const AFTER = 5; // after a value: `,`, a closing bracket, or (at the top) the end
const STRING = 6;
const ESCAPE = 7;
const UNICODE = 8; // inside \uXXXX
const NUMBER = 9;
const LITERAL = 10;
const DONE = 11;
const FAILED = 12;

// Number sub-states: what the last byte allows next.
const N_SIGN = 0; // after '-': a digit
const N_ZERO = 1; // a leading 0: '.', 'e' or the end
const N_INT = 2;
const N_DOT = 3; // after '.': a digit
const N_FRAC = 4;
const N_E = 5; // after 'e': sign or digit
const N_E_SIGN = 6; // a digit
const N_EXP = 7;

const IN_OBJECT = 1;
const IN_ARRAY = 2;

const LITERALS: readonly (readonly number[])[] = [
  [...'true'].map((c) => c.charCodeAt(0)),
  [...'false'].map((c) => c.charCodeAt(0)),
  [...'null'].map((c) => c.charCodeAt(0)),
];
const LITERAL_VALUES = [true, false, null] as const;

const BOM = [0xef, 0xbb, 0xbf];

const ESCAPED: Record<number, number> = {
  0x22: 0x22, // "
  0x5c: 0x5c, // \
  0x2f: 0x2f, // /
  0x62: 0x08, // b
  0x66: 0x0c, // f
  0x6e: 0x0a, // n
  0x72: 0x0d, // r
  0x74: 0x09, // t
};

export class JsonTokenizer {
  /** Bytes fed so far. */
  offset = 0;
  /** Some string held bytes that are not UTF-8, or half a surrogate pair. */
  lossy = false;
  problem: JsonProblem | null = null;

  private state = VALUE;
  private depth = 0;
  private readonly stack = new Uint8Array(MAX_DEPTH + 1);
  private started = false;
  private bomAt = 0;
  private readonly token = new Uint8Array(TOKEN_BYTES);
  private length = 0;
  private flags = 0;
  private stringIsKey = false;
  private numberState = N_SIGN;
  private literal = 0;
  private literalAt = 0;
  private unicode = 0;
  private unicodeDigits = 0;
  private highSurrogate = 0;
  /** UTF-8 continuation bytes still expected, and the range the next one must fall in. */
  private utf8Needed = 0;
  private utf8Low = 0x80;
  private utf8High = 0xbf;

  constructor(private readonly handler: JsonHandler) {}

  /** Whether the top-level value is complete (only whitespace may follow). */
  get complete(): boolean {
    return this.state === DONE;
  }

  get failed(): boolean {
    return this.state === FAILED;
  }

  /** Feeds the next chunk; stops at the first problem (then `problem` says what). */
  write(chunk: Uint8Array): void {
    if (this.state === FAILED) return;
    let i = 0;
    const n = chunk.length;
    const token = this.token;
    while (i < n) {
      const state = this.state;
      if (state === STRING) {
        if (this.utf8Needed > 0) {
          const c = chunk[i] as number;
          if (c >= 0x80) {
            this.utf8Byte(c);
            i++;
            continue;
          }
          this.badUtf8(); // cut short by an ASCII byte, which is read as itself below
        }
        if (this.highSurrogate !== 0 && chunk[i] !== 0x5c) this.loneSurrogate();
        // The hot loop: plain ASCII up to the closing quote.
        let length = this.length;
        let c = 0;
        while (i < n) {
          c = chunk[i] as number;
          if (c === 0x22 || c === 0x5c || c < 0x20 || c >= 0x80) break;
          if (length < TOKEN_BYTES) token[length++] = c;
          else this.flags |= TOKEN_OVERFLOW;
          i++;
        }
        this.length = length;
        if (i === n) break;
        i++;
        if (c === 0x22) this.endString();
        else if (c === 0x5c) this.state = ESCAPE;
        else if (c >= 0x80) this.utf8Byte(c);
        else this.fail(i - 1, 'a control character inside a string');
        continue;
      }

      const c = chunk[i] as number;
      switch (state) {
        case VALUE:
        case VALUE_OR_END:
        case AFTER:
        case KEY:
        case KEY_OR_END:
        case COLON:
        case DONE: {
          if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
            i++;
            // Whitespace floods: skip the run in one tight loop.
            while (i < n) {
              const w = chunk[i] as number;
              if (w !== 0x20 && w !== 0x0a && w !== 0x0d && w !== 0x09) break;
              i++;
            }
            continue;
          }
          if (this.bomAt < 3 && this.offset + i === this.bomAt && c === BOM[this.bomAt]) {
            // A byte-order mark is legal before UTF-8 text but not in JSON: skipped, as text decoders do.
            this.bomAt += 1;
            i++;
            continue;
          }
          this.structural(c, i);
          i++;
          continue;
        }
        case ESCAPE: {
          i++;
          if (c === 0x75 /* u */) {
            this.state = UNICODE;
            this.unicode = 0;
            this.unicodeDigits = 0;
            continue;
          }
          const escaped = ESCAPED[c];
          if (escaped === undefined) {
            this.fail(i - 1, 'an unknown escape in a string');
            continue;
          }
          if (this.highSurrogate !== 0) this.loneSurrogate();
          this.put(escaped);
          this.state = STRING;
          continue;
        }
        case UNICODE: {
          i++;
          const digit = hexValue(c);
          if (digit < 0) {
            this.fail(i - 1, 'a \\u escape without four hex digits');
            continue;
          }
          this.unicode = this.unicode * 16 + digit;
          if (++this.unicodeDigits === 4) {
            this.state = STRING;
            this.unicodeUnit(this.unicode);
          }
          continue;
        }
        case NUMBER: {
          if (this.numberByte(c, i)) i++;
          continue;
        }
        case LITERAL: {
          const expected = LITERALS[this.literal] as readonly number[];
          if (c !== expected[this.literalAt]) {
            this.fail(i, 'a misspelt true, false or null');
            continue;
          }
          i++;
          if (++this.literalAt === expected.length) {
            this.handler.literal(LITERAL_VALUES[this.literal] as boolean | null, this.depth);
            this.afterValue();
          }
          continue;
        }
        default:
          return; // FAILED
      }
    }
    this.offset += n;
  }

  /** The body ended: completes a number at the top, or reports what is missing. */
  end(): void {
    if (this.state === FAILED) return;
    if (this.state === NUMBER && this.depth === 0) {
      if (this.numberComplete()) this.emitNumber();
      else this.fail(0, 'a number without its digits');
      if ((this.state as number) === FAILED) return;
    }
    if (this.state === DONE) return;
    this.problem = this.started ? { kind: 'cut-off' } : { kind: 'empty' };
    this.state = FAILED;
  }

  private structural(c: number, at: number): void {
    const state = this.state;
    if (state === DONE) return this.fail(at, 'more text after the end');
    if (state === COLON) {
      if (c === 0x3a) this.state = VALUE;
      else this.fail(at, 'a key without its colon');
      return;
    }
    if (state === AFTER) {
      const inside = this.stack[this.depth];
      if (c === 0x2c /* , */) {
        this.state = inside === IN_OBJECT ? KEY : VALUE;
      } else if (c === 0x7d /* } */ && inside === IN_OBJECT) {
        this.close();
        this.handler.objectEnd(this.depth);
        this.afterValue();
      } else if (c === 0x5d /* ] */ && inside === IN_ARRAY) {
        this.close();
        this.handler.arrayEnd(this.depth);
        this.afterValue();
      } else {
        this.fail(at, 'a missing comma or bracket');
      }
      return;
    }
    if (state === KEY || state === KEY_OR_END) {
      if (c === 0x22) {
        this.startString(true);
      } else if (c === 0x7d && state === KEY_OR_END) {
        this.close();
        this.handler.objectEnd(this.depth);
        this.afterValue();
      } else {
        this.fail(at, 'an object key that is not a string');
      }
      return;
    }
    // VALUE or VALUE_OR_END
    this.started = true;
    if (c === 0x5d && state === VALUE_OR_END) {
      this.close();
      this.handler.arrayEnd(this.depth);
      this.afterValue();
      return;
    }
    if (c === 0x22) return this.startString(false);
    if (c === 0x7b || c === 0x5b) {
      if (this.depth >= MAX_DEPTH) {
        this.problem = { kind: 'too-deep', at: this.offset + at };
        this.state = FAILED;
        return;
      }
      const object = c === 0x7b;
      if (object) this.handler.objectStart(this.depth);
      else this.handler.arrayStart(this.depth);
      this.depth += 1;
      this.stack[this.depth] = object ? IN_OBJECT : IN_ARRAY;
      this.state = object ? KEY_OR_END : VALUE_OR_END;
      return;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.state = NUMBER;
      this.length = 0;
      this.flags = 0;
      this.numberState = N_SIGN;
      this.numberByte(c, at);
      return;
    }
    const literal = c === 0x74 ? 0 : c === 0x66 ? 1 : c === 0x6e ? 2 : -1;
    if (literal < 0) return this.fail(at, 'something that is not a JSON value');
    this.state = LITERAL;
    this.literal = literal;
    this.literalAt = 1;
  }

  private close(): void {
    this.depth -= 1;
  }

  /** After a complete value: more of its container, or the end at the top. */
  private afterValue(): void {
    if (this.state === FAILED) return;
    this.state = this.depth === 0 ? DONE : AFTER;
  }

  private startString(isKey: boolean): void {
    this.state = STRING;
    this.stringIsKey = isKey;
    this.length = 0;
    this.flags = 0;
  }

  private endString(): void {
    if (this.stringIsKey) {
      this.handler.key(this.token, this.length, this.flags, this.depth);
      this.state = COLON;
    } else {
      this.handler.string(this.token, this.length, this.flags, this.depth);
      this.afterValue();
    }
  }

  private put(byte: number): void {
    if (this.length < TOKEN_BYTES) this.token[this.length++] = byte;
    else this.flags |= TOKEN_OVERFLOW;
  }

  /** A byte of a multi-byte UTF-8 character, checked as it comes (no overlongs, no surrogates). */
  private utf8Byte(c: number): void {
    this.flags |= TOKEN_NON_ASCII;
    if (this.utf8Needed > 0) {
      if (c < this.utf8Low || c > this.utf8High) {
        this.badUtf8();
        return this.utf8Byte(c); // the byte may start a character of its own
      }
      this.put(c);
      this.utf8Needed -= 1;
      this.utf8Low = 0x80;
      this.utf8High = 0xbf;
      return;
    }
    if (c >= 0xc2 && c <= 0xdf) this.expect(1, 0x80, 0xbf);
    else if (c === 0xe0) this.expect(2, 0xa0, 0xbf);
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) this.expect(2, 0x80, 0xbf);
    else if (c === 0xed) this.expect(2, 0x80, 0x9f);
    else if (c === 0xf0) this.expect(3, 0x90, 0xbf);
    else if (c >= 0xf1 && c <= 0xf3) this.expect(3, 0x80, 0xbf);
    else if (c === 0xf4) this.expect(3, 0x80, 0x8f);
    else {
      this.lossy = true;
      this.put(0xef);
      this.put(0xbf);
      this.put(0xbd);
      return;
    }
    this.put(c);
  }

  private expect(needed: number, low: number, high: number): void {
    this.utf8Needed = needed;
    this.utf8Low = low;
    this.utf8High = high;
  }

  /** A character cut short: what was kept of it stays, marked lossy; the answer will be refused. */
  private badUtf8(): void {
    this.lossy = true;
    this.utf8Needed = 0;
    this.utf8Low = 0x80;
    this.utf8High = 0xbf;
  }

  private unicodeUnit(unit: number): void {
    this.flags |= unit >= 0x80 ? TOKEN_NON_ASCII : 0;
    if (this.highSurrogate !== 0) {
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        const point = 0x10000 + ((this.highSurrogate - 0xd800) << 10) + (unit - 0xdc00);
        this.highSurrogate = 0;
        this.put(0xf0 | (point >> 18));
        this.put(0x80 | ((point >> 12) & 0x3f));
        this.put(0x80 | ((point >> 6) & 0x3f));
        this.put(0x80 | (point & 0x3f));
        return;
      }
      this.loneSurrogate();
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      this.highSurrogate = unit;
      return;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      this.loneSurrogate();
      return;
    }
    if (unit < 0x80) this.put(unit);
    else if (unit < 0x800) {
      this.put(0xc0 | (unit >> 6));
      this.put(0x80 | (unit & 0x3f));
    } else {
      this.put(0xe0 | (unit >> 12));
      this.put(0x80 | ((unit >> 6) & 0x3f));
      this.put(0x80 | (unit & 0x3f));
    }
  }

  /** Half a surrogate pair has no UTF-8 form: kept as U+FFFD and the answer marked lossy. */
  private loneSurrogate(): void {
    this.highSurrogate = 0;
    this.lossy = true;
    this.flags |= TOKEN_NON_ASCII;
    this.put(0xef);
    this.put(0xbf);
    this.put(0xbd);
  }

  /** One byte of a number; false when the number ended before it (the byte is read again). */
  private numberByte(c: number, at: number): boolean {
    const digit = c >= 0x30 && c <= 0x39;
    let next = -1;
    switch (this.numberState) {
      case N_SIGN:
        if (this.length === 0 && c === 0x2d) next = N_SIGN;
        else if (c === 0x30) next = N_ZERO;
        else if (digit) next = N_INT;
        break;
      case N_ZERO:
        if (c === 0x2e) next = N_DOT;
        else if (c === 0x65 || c === 0x45) next = N_E;
        break;
      case N_INT:
        if (digit) next = N_INT;
        else if (c === 0x2e) next = N_DOT;
        else if (c === 0x65 || c === 0x45) next = N_E;
        break;
      case N_DOT:
        if (digit) next = N_FRAC;
        break;
      case N_FRAC:
        if (digit) next = N_FRAC;
        else if (c === 0x65 || c === 0x45) next = N_E;
        break;
      case N_E:
        if (c === 0x2b || c === 0x2d) next = N_E_SIGN;
        else if (digit) next = N_EXP;
        break;
      case N_E_SIGN:
        if (digit) next = N_EXP;
        break;
      case N_EXP:
        if (digit) next = N_EXP;
        break;
    }
    if (next >= 0) {
      this.numberState = next;
      this.put(c);
      return true;
    }
    if (!this.numberComplete()) {
      this.fail(at, 'a number cut short');
      return false;
    }
    this.emitNumber();
    return false;
  }

  private numberComplete(): boolean {
    const state = this.numberState;
    return state === N_ZERO || state === N_INT || state === N_FRAC || state === N_EXP;
  }

  private emitNumber(): void {
    this.handler.number(this.token, this.length, this.flags, this.depth);
    this.afterValue();
  }

  private fail(at: number, why: string): void {
    this.problem = { kind: 'syntax', at: this.offset + at, why };
    this.state = FAILED;
  }
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
