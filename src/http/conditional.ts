/** Conditional GET (RFC 9110 13.1.2): whether an If-None-Match header names the current entity tag. */

/** A weak entity tag (`W/"..."`): the same tag means the same content, not the same bytes. */
export const weakEtag = (hash: string) => `W/"${hash}"`;

/** True when the client's copy is current, so a 304 without a body answers; weak comparison, as GET asks. */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === current);
}
