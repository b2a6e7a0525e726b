import { arr, date, instant, int, obj, oneOfStr, str, uuid, type ResponseRegistry, type S } from '../schema';
import { ALLOWED_MIME_TYPES, FILE_KINDS, FILE_OWNER_TYPES } from '@fuyi/files';

/** One material of the case file (证据目录 row): what it is, who handed it in and when, and its fingerprint. */
const storedFile: S = obj({
  id: uuid,
  ownerType: oneOfStr(...FILE_OWNER_TYPES),
  ownerId: uuid,
  kind: oneOfStr(...FILE_KINDS),
  kindLabel: str,
  filename: str,
  mime: str,
  size: int,
  sha256: str,
  submittedBy: str,
  receivedOn: date,
  scanState: oneOfStr('not-scanned', 'clean', 'quarantined'),
  uploadedAt: instant,
});

/** A material as stored: one of the types allowed by content (libs/files content-type.ts). */
const binary: S = { type: 'string', format: 'binary', 'x-media': ALLOWED_MIME_TYPES } as S;

export const FILES_RESPONSES: ResponseRegistry = {
  files_uploadToCase: { 201: storedFile },
  files_listOfCase: { 200: arr(storedFile) },
  files_uploadToMediationFile: { 201: storedFile },
  files_listOfMediationFile: { 200: arr(storedFile) },
  files_download: { 200: binary, 206: binary },
};
