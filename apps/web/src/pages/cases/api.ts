import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, operations } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';
import { saveBlob } from '../../api/save-blob';

export type CaseResource = components['schemas']['CaseResource'];
export type AllowedAction = CaseResource['allowedActions'][number];
export type ActionName = AllowedAction['action'];
export type QueueItem = components['schemas']['WorkViewsMyQueueResponse']['items'][number];
export type CaseClock = components['schemas']['ApplicationsClocksOfResponse'][number];
export type TimelineEntry = components['schemas']['WorkViewsTimelineResponse']['items'][number];
export type CaseDocument = components['schemas']['DocumentsListResponse'][number];
export type DocumentType = components['schemas']['DocumentsDocumentTypesResponse'][number];
export type IssueDocument = components['schemas']['IssueDocumentDto'];

export const MY_QUEUE_KEY = ['/api/work/my-queue'] as const;
/** The same prefix as the intake pages' (pages/intake/api.ts), so a change anywhere refreshes every view of the case. */
export const caseKey = (id: string) => ['/api/cases', id] as const;
const resourceKey = (id: string) => [...caseKey(id), 'resource'] as const;

export type QueueFlag = NonNullable<NonNullable<operations['workViews_myQueue']['parameters']['query']>['flag']>;

/** 我的案件: the caller's open cases, nearest due date first (the API's order), 50 at a time; a flag narrows it. */
export function useMyQueue(flag?: QueueFlag) {
  return useInfiniteQuery({
    queryKey: [...MY_QUEUE_KEY, flag ?? null],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/work/my-queue', {
          params: { query: { limit: 50, ...(flag ? { flag } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: resourceKey(id),
    queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

export function useCaseClocks(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'clocks'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/clocks', { params: { path: { id } } })),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'timeline'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/timeline', { params: { path: { id }, query: { limit: 200 } } })),
  });
}

export function useDocuments(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'documents'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/documents', { params: { path: { id } } })),
  });
}

export function useDocumentTypes(id: string, version: number) {
  return useQuery({
    queryKey: [...caseKey(id), 'document-types', version],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/document-types', { params: { path: { id } } })),
  });
}

/**
 * After a change: the answer is the case as it now is (put it in the cache, no re-read); what the step moved around it
 * (clocks, timeline, documents one may issue, the queue) is read again.
 */
export function useCaseChanged(id: string) {
  const qc = useQueryClient();
  return (next?: CaseResource) => {
    if (next) qc.setQueryData(resourceKey(id), next);
    void qc.invalidateQueries({ queryKey: caseKey(id), predicate: (q) => q.queryKey[2] !== 'resource' });
    void qc.invalidateQueries({ queryKey: MY_QUEUE_KEY });
    void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY });
  };
}

export function useIssueDocument(id: string) {
  const changed = useCaseChanged(id);
  return useMutation({
    mutationFn: (body: IssueDocument) => unwrap(api.POST('/api/cases/{id}/documents', { params: { path: { id } }, body })),
    onSuccess: () => changed(),
  });
}

/** Downloads a document's .docx through the typed client (with the access token), then hands it to the browser. */
export async function downloadDocument(doc: { id: string; title: string; number: string }): Promise<void> {
  const blob = await unwrap(api.GET('/api/documents/{documentId}/download', { params: { path: { documentId: doc.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${doc.title}（${doc.number}）.docx`);
}

export type CaseFile = components['schemas']['FilesListOfCaseResponse'][number];
export type DocumentVersion = components['schemas']['FilesDocumentVersionsResponse'][number];

/** The closed case's whole file (zip with its 卷内目录). */
export async function downloadCasePackage(c: { id: string; caseNumber: string }): Promise<void> {
  const blob = await unwrap(api.GET('/api/cases/{id}/package', { params: { path: { id: c.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${c.caseNumber}案卷.zip`);
}

/** An issued document's signed scan or corrected file, as its next version. */
export function useUploadDocumentVersion(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (u: { documentId: string; reason: 'signed' | 'corrected'; file: File }) => {
      const form = new FormData();
      form.append('reason', u.reason);
      form.append('file', u.file, u.file.name);
      return unwrap(
        api.POST('/api/cases/{id}/documents/{documentId}/versions', {
          params: { path: { id: caseId, documentId: u.documentId } },
          body: {} as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['/api/cases', caseId] }),
  });
}
