import { arr, date, instant, int, nul, obj, oneOfStr, str, uuid, type ResponseRegistry, type S } from '../schema';
import { DOCUMENT_VERSION_REASONS } from '@fuyi/documents';
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

/** One version of an issued document (issue 18 item 6): 1 as issued (.docx), 2… uploaded (signed scan, corrected file). */
const documentVersion: S = obj({
  version: int,
  reason: oneOfStr('issued', ...DOCUMENT_VERSION_REASONS),
  reasonLabel: str,
  fileId: nul(uuid),
  filename: str,
  mime: str,
  size: int,
  sha256: str,
  note: nul(str),
  by: uuid,
  byName: nul(str),
  at: instant,
});

/** The case file as one zip: its files in procedural order and the 卷内目录 (.docx, .xlsx). */
const zip: S = { type: 'string', format: 'binary', 'x-media': 'application/zip' } as S;

export const FILES_RESPONSES: ResponseRegistry = {
  files_uploadDocumentVersion: { 201: documentVersion },
  files_documentVersions: { 200: arr(documentVersion) },
  files_downloadDocumentVersion: { 200: binary, 206: binary },
  files_casePackage: { 200: zip },
  files_uploadToCase: { 201: storedFile },
  files_listOfCase: { 200: arr(storedFile) },
  files_uploadToMediationFile: { 201: storedFile },
  files_listOfMediationFile: { 200: arr(storedFile) },
  files_uploadToRiskNotice: { 201: storedFile },
  files_listOfRiskNotice: { 200: arr(storedFile) },
  files_uploadToLetter: { 201: storedFile },
  files_listOfLetter: { 200: arr(storedFile) },
  files_download: { 200: binary, 206: binary },
};
