import { fileTypeFromBuffer } from 'file-type/core';

/** How many leading bytes are read to tell the type: enough for a .docx/.xlsx's first zip entries. */
export const SNIFF_BYTES = 64 * 1024;

export interface AllowedType {
  mime: string;
  ext: string;
}

/** Issue 18 item 1: allowed by content (magic bytes), never by the name the client sent. */
const ALLOWED: Record<string, AllowedType> = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  jpg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  ofd: { mime: 'application/ofd', ext: 'ofd' },
};

export const ALLOWED_MIME_TYPES: readonly string[] = Object.values(ALLOWED).map((t) => t.mime);

/**
 * GB/T 33190 OFD is a zip container whose entry point is OFD.xml at the root; file-type only says "zip". Writers put
 * OFD.xml first, so the first local file header's name is read (zip: name at offset 30, length at 26).
 */
function isOfd(head: Uint8Array): boolean {
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 3 || head[3] !== 4) return false;
  const nameLength = head[26] | (head[27] << 8);
  return Buffer.from(head.subarray(30, 30 + nameLength)).toString('latin1') === 'OFD.xml';
}

/** The allowed type of a file from its first bytes, or null (refused with 415). */
export async function sniffAllowedType(head: Uint8Array): Promise<AllowedType | null> {
  if (isOfd(head)) return ALLOWED.ofd;
  const found = await fileTypeFromBuffer(head).catch(() => undefined);
  return (found && ALLOWED[found.ext]) || null;
}
