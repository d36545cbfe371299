/** The URI without credentials it may carry (`bolt://user:secret@host`), for logs and messages. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}
