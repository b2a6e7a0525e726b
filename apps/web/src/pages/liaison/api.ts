import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';

export type LiaisonView = components['schemas']['LiaisonViewGetResponse'];
export type Cluster = components['schemas']['GroupDisputesGetResponse'];
export type ClusterMember = Cluster['members'][number];
export type RiskNotice = components['schemas']['RiskNoticesGetResponse'];
export type NoticeAction = RiskNotice['allowedActions'][number];
export type Letter = components['schemas']['LettersGetResponse'];
export type LetterAction = Letter['allowedActions'][number];
export type Lawsuit = components['schemas']['LawsuitsGetResponse'];
export type LiaisonDocument = RiskNotice['documents'][number];
export type NoticeDraft = components['schemas']['RiskNoticeDto'];

/** Every liaison query starts with one of these prefixes, so a step refreshes the view and the record. */
const ROOTS = ['/api/liaison', '/api/group-disputes'] as const;

/** The desk's filters (a liaison officer's home figures open it with one): ?due=overdue|thisWeek or ?waiting=officer. */
export type LiaisonViewFilter = { due?: 'overdue' | 'thisWeek'; waiting?: 'officer' };

export function useLiaisonView(filter: LiaisonViewFilter = {}) {
  return useQuery({
    queryKey: ['/api/liaison', 'view', filter],
    queryFn: () => unwrap(api.GET('/api/liaison/view', { params: { query: { limit: 100, ...filter } } })),
  });
}

export function useCluster(id: string) {
  return useQuery({ queryKey: ['/api/group-disputes', id], queryFn: () => unwrap(api.GET('/api/group-disputes/{id}', { params: { path: { id } } })), staleTime: 0 });
}

export function useRiskNotices() {
  return useQuery({ queryKey: ['/api/liaison', 'risk-notices'], queryFn: () => unwrap(api.GET('/api/liaison/risk-notices', { params: { query: { limit: 100 } } })) });
}

export function useRiskNotice(id: string) {
  return useQuery({ queryKey: ['/api/liaison', 'risk-notices', id], queryFn: () => unwrap(api.GET('/api/liaison/risk-notices/{id}', { params: { path: { id } } })), staleTime: 0 });
}

export function useLetters() {
  return useQuery({ queryKey: ['/api/liaison', 'letters'], queryFn: () => unwrap(api.GET('/api/liaison/letters', { params: { query: { limit: 100 } } })) });
}

export function useLetter(id: string) {
  return useQuery({ queryKey: ['/api/liaison', 'letters', id], queryFn: () => unwrap(api.GET('/api/liaison/letters/{id}', { params: { path: { id } } })), staleTime: 0 });
}

export function useLawsuit(id: string) {
  return useQuery({ queryKey: ['/api/liaison', 'lawsuits', id], queryFn: () => unwrap(api.GET('/api/liaison/lawsuits/{id}', { params: { path: { id } } })) });
}

export function useLiaisonChanged() {
  const qc = useQueryClient();
  return () => {
    for (const r of ROOTS) void qc.invalidateQueries({ queryKey: [r] });
    void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY });
  };
}

/** Downloads a risk notice's or letter's .docx through the typed client (with the access token). */
export async function downloadLiaisonDocument(doc: { id: string; title: string; number: string }): Promise<void> {
  const blob = await unwrap(api.GET('/api/liaison/documents/{documentId}/download', { params: { path: { documentId: doc.id } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${doc.title}（${doc.number}）.docx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
