/**
 * The longest record (one CSV row, one NDJSON line, one element of a JSON array) a reader accepts, in
 * characters. A real contact or order is a few kilobytes; past this the file is broken or hostile, and
 * the reader stops buffering at once instead of holding (and re-reading) tens of megabytes.
 */
export const maxRecordChars = 8 * 1024 * 1024;
