import type { PDFFont } from 'pdf-lib';

// The standard PDF fonts speak WinAnsi: Latin-1 plus a few signs. Anything else becomes "?" instead of failing.
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export const printable = (text: string) =>
  [...text.normalize('NFC')]
    .map((ch) => (ch === '\n' || ch === '\t' ? ' ' : ch.charCodeAt(0) < 256 || winAnsiExtras.has(ch) ? ch : '?'))
    .join('');

/** Words into lines no wider than `width` at this font and size. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  return line ? [...lines, line] : lines.length ? lines : [''];
}
