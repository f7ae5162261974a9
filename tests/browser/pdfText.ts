import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The pages of a PDF, the text on each and each page's size in points (pdf.js, the reader
 * Firefox uses), for checking a printed report.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string[]; sizesPt: [number, number][] }> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  const sizesPt: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    sizesPt.push([x1 - x0, y1 - y0]);
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text, sizesPt };
}
