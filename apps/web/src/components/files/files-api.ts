import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../api/save-blob';

/** One material as every owner's list answers it (libs/files FileView). */
export type StoredFile = components['schemas']['FilesListOfCaseResponse'][number];
export type FileKind = StoredFile['kind'];

/** Whose materials (issue 18 item 1): a case, a mediation file, a risk notice or a letter. */
export type FilesOwnerType = 'case' | 'mediation-file' | 'risk-notice' | 'letter';
export interface FilesOwner {
  type: FilesOwnerType;
  id: string;
}

/** Each owner's own list and upload routes (the same multipart form everywhere: kind, submittedBy, receivedOn, file). */
const ROUTES: Record<
  FilesOwnerType,
  { list: (id: string) => Promise<StoredFile[]>; upload: (id: string, form: FormData) => Promise<StoredFile> }
> = {
  case: {
    list: (id) => unwrap(api.GET('/api/cases/{id}/files', { params: { path: { id } } })),
    upload: (id, form) =>
      unwrap(api.POST('/api/cases/{id}/files', { params: { path: { id } }, body: {} as never, bodySerializer: () => form })),
  },
  'mediation-file': {
    list: (id) => unwrap(api.GET('/api/mediation/files/{id}/materials', { params: { path: { id } } })),
    upload: (id, form) =>
      unwrap(api.POST('/api/mediation/files/{id}/materials', { params: { path: { id } }, body: {} as never, bodySerializer: () => form })),
  },
  'risk-notice': {
    list: (id) => unwrap(api.GET('/api/liaison/risk-notices/{id}/files', { params: { path: { id } } })),
    upload: (id, form) =>
      unwrap(api.POST('/api/liaison/risk-notices/{id}/files', { params: { path: { id } }, body: {} as never, bodySerializer: () => form })),
  },
  letter: {
    list: (id) => unwrap(api.GET('/api/liaison/letters/{id}/files', { params: { path: { id } } })),
    upload: (id, form) =>
      unwrap(api.POST('/api/liaison/letters/{id}/files', { params: { path: { id } }, body: {} as never, bodySerializer: () => form })),
  },
};

export const ownerFilesKey = (owner: FilesOwner) => ['/api/files', owner.type, owner.id] as const;

/** The owner's materials, by received date. */
export function useOwnerFiles(owner: FilesOwner) {
  return useQuery({ queryKey: ownerFilesKey(owner), queryFn: () => ROUTES[owner.type].list(owner.id) });
}

export interface FileUpload {
  kind: FileKind;
  submittedBy: string;
  receivedOn: string;
  file: File;
}

/** Multipart, fields first and the file last (the api reads the file part as a stream); `alsoRefresh`: e.g. the case (its risks). */
export function useUploadOwnerFile(owner: FilesOwner, alsoRefresh: readonly QueryKey[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: FileUpload) => {
      const form = new FormData();
      form.append('kind', u.kind);
      form.append('submittedBy', u.submittedBy);
      form.append('receivedOn', u.receivedOn);
      form.append('file', u.file, u.file.name);
      return ROUTES[owner.type].upload(owner.id, form);
    },
    onSuccess: () => Promise.all([ownerFilesKey(owner), ...alsoRefresh].map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export async function downloadFile(file: { id: string; filename: string }): Promise<void> {
  const blob = await unwrap(api.GET('/api/files/{fileId}/download', { params: { path: { fileId: file.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, file.filename);
}

/** The types the browser shows itself (the api serves only these `inline`): PDF in its viewer, JPEG and PNG in an <img>. */
export const PREVIEWABLE = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const previewable = (f: Pick<StoredFile, 'mime' | 'scanState'>) =>
  (PREVIEWABLE as readonly string[]).includes(f.mime) && f.scanState !== 'quarantined';

/**
 * A material's bytes for the preview, fetched with the caller's token (`disposition=inline`: audited as a preview) and
 * handed back as an object URL of its own type; the caller revokes it.
 */
export async function previewUrl(file: Pick<StoredFile, 'id' | 'mime'>): Promise<string> {
  const blob = await unwrap(
    api.GET('/api/files/{fileId}/download', { params: { path: { fileId: file.id }, query: { disposition: 'inline' } }, parseAs: 'blob' }),
  );
  return URL.createObjectURL(new Blob([blob as Blob], { type: file.mime }));
}
