import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';

export type MediationFile = components['schemas']['MediationFileResource'];
export type FileSummary = components['schemas']['MediationFilesWorkListResponse']['files'][number];
export type FileAction = MediationFile['allowedActions'][number];
export type FileActionName = FileAction['action'];
export type ProposedMediator = components['schemas']['MediationFilesProposeResponse'][number];
export type Session = components['schemas']['MediationWorkListSessionsResponse'][number];
export type MediationDocument = components['schemas']['MediationWorkListDocumentsResponse'][number];
export type OutcomeResult = components['schemas']['MediationFilesOutcomeResponse'];

/** Every query of the centre starts with this prefix, so a step refreshes all of them (lists, the file, its sessions). */
const ROOT = '/api/mediation';
export const fileKey = (id: string) => [ROOT, 'files', id] as const;

/** 我的调解: the caller's files in progress (nearest time limit first) and how many await assignment. */
/** What 我的调解 can be narrowed to (?due=soon: the time limit ends within 3 days or has passed). */
export type WorkListDue = 'soon';

export function useWorkList(due?: WorkListDue) {
  return useQuery({
    queryKey: [ROOT, 'work-list', due ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/mediation/work-list', { params: { query: due ? { due } : {} } })),
  });
}

/** 待分配: referred files (the coordinator's and the head's list; a mediator sees the pool). */
export function useReferrals() {
  return useQuery({
    queryKey: [ROOT, 'files', 'list', 'referred'],
    queryFn: () => unwrap(api.GET('/api/mediation/files', { params: { query: { state: 'referred', limit: 100 } } })),
  });
}

export function useFile(id: string) {
  return useQuery({ queryKey: fileKey(id), queryFn: () => unwrap(api.GET('/api/mediation/files/{id}', { params: { path: { id } } })), staleTime: 0 });
}

export function useProposal(id: string | null) {
  return useQuery({
    queryKey: [ROOT, 'files', id, 'proposal'],
    queryFn: () => unwrap(api.GET('/api/mediation/files/{id}/assignment-proposal', { params: { path: { id: id! } } })),
    enabled: id !== null,
    staleTime: 0,
  });
}

export function useSessions(id: string) {
  return useQuery({
    queryKey: [...fileKey(id), 'sessions'],
    queryFn: () => unwrap(api.GET('/api/mediation/files/{id}/sessions', { params: { path: { id } } })),
  });
}

export function useFileDocuments(id: string) {
  return useQuery({
    queryKey: [...fileKey(id), 'documents'],
    queryFn: () => unwrap(api.GET('/api/mediation/files/{id}/documents', { params: { path: { id } } })),
  });
}

/** After any step: the centre's lists and the file are read again (and the linked case, whose state a step may move). */
export function useMediationChanged() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: [ROOT] });
    void qc.invalidateQueries({ queryKey: ['/api/cases'] });
    void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY });
  };
}

/** Downloads a mediation document's .docx through the typed client (with the access token). */
export async function downloadMediationDocument(doc: { id: string; title: string; number: string }): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/mediation/documents/{documentId}/download', { params: { path: { documentId: doc.id } }, parseAs: 'blob' }),
  );
  const url = URL.createObjectURL(blob as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${doc.title}（${doc.number}）.docx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
