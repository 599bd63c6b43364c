/** Type declarations for the parts of mjml and html-to-text that Rapport uses (neither ships its own). */
declare module 'mjml' {
  interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }
  interface MjmlResult {
    html: string;
    errors: MjmlError[];
  }
  interface MjmlOptions {
    validationLevel?: 'strict' | 'soft' | 'skip';
    minify?: boolean;
    beautify?: boolean;
    keepComments?: boolean;
    fonts?: Record<string, string>;
  }
  export default function mjml2html(source: string, options?: MjmlOptions): Promise<MjmlResult>;
}

declare module 'html-to-text' {
  export function convert(html: string, options?: Record<string, unknown>): string;
}
