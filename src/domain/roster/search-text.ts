// Search normalisation shared by what we store (roster_entries.search_text) and what we look for, so a query
// matches whatever width or script the name was typed in: NFKC (full/half width), lower case, katakana → hiragana,
// whitespace removed.

const KATAKANA = /[\u30A1-\u30F6]/g;

export const normaliseForSearch = (input: string): string =>
  input
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');

/** What is stored for an establishment's listing: establishment name, its reading, company name and its reading. */
export const searchTextFor = (parts: readonly (string | null | undefined)[]): string =>
  parts.filter((p): p is string => !!p).map(normaliseForSearch).join(' ');
