const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

// Primer's maxLength counts code points, so lengths and cuts here do too: a surrogate pair is never split.
export function codePointLength(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

export function truncateCodePoints(text: string, maxCodePoints: number): string {
  let end = 0;
  let count = 0;
  for (const codePoint of text) {
    if (count === maxCodePoints) return text.slice(0, end);
    end += codePoint.length;
    count += 1;
  }
  return text;
}
