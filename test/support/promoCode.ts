// A promo code for a test to write down by hand: its text, and only the dates the test cares about.
import type { PromoCode } from '../../app/promoCode';

export function promoCode(text: string, dates: Partial<Omit<PromoCode, 'code'>> = {}): PromoCode {
  return { code: text, attached: null, activated: null, expireDate: null, expired: null, ...dates };
}
