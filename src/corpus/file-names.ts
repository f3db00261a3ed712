// Generated articles are named like the seeds ("000_44a1ae32fa99ce26.txt": a number, "_", 16 hex digits): the
// index, zero-padded to five digits so names sort in generation order, and a hash of the text, so two different
// texts never share a name and the same text always gets the same one.

export function articleFileName(index: number, text: string): string {
  return `${String(index).padStart(5, '0')}_${hash64(text)}.txt`;
}

/**
 * 16 hex digits from two 32-bit FNV-1a passes over the UTF-16 code units with different offset bases. Not
 * cryptographic; only has to be stable and spread well, and be fast over 30 MB of text.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
