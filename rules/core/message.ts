/** Every message a rule produces exists in Japanese and English. */
export type Message = { readonly ja: string; readonly en: string };

export const msg = (ja: string, en: string): Message => ({ ja, en });
