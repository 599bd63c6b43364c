/** Type declarations for the part of fontkit (pdfkit's font parser) that the quote PDF uses; fontkit ships none. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
