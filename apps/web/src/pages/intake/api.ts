import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';

type QueueItem = components['schemas']['ApplicationsIntakeQueueResponse']['items'][number];
type Detail = components['schemas']['ApplicationsDetailResponse'];
type Review = components['schemas']['ApplicationsAcceptanceReviewResponse'];
export type ReviewDecision = components['schemas']['ReviewDecisionDto'];
export type Clock = components['schemas']['ApplicationsClocksOfResponse'][number];
export type LateApplication = NonNullable<QueueItem['lateApplication']>;

/** A row of the district intake queue (field names read here only: the API's may still change). */
export interface IntakeRow {
  caseId: string;
  caseNumber: string;
  township: string;
  receiptAt: string;
  acceptanceDue: string;
  respondent: string;
  applicants: string;
  stateLabel: string;
  lateApplication: LateApplication | null;
}

const toRow = (i: QueueItem): IntakeRow => ({
  caseId: i.caseId,
  caseNumber: i.caseNumber,
  township: i.township,
  receiptAt: i.receiptAt,
  acceptanceDue: i.acceptanceDue,
  respondent: i.respondent,
  applicants: i.applicants,
  stateLabel: i.stateLabel,
  lateApplication: i.lateApplication,
});

export const INTAKE_KEY = ['/api/intake-queue'] as const;

/** 区级收件队列: every township's new applications, oldest first (the API's order), 50 at a time. */
export function useIntakeQueue() {
  return useInfiniteQuery({
    queryKey: INTAKE_KEY,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const p = await unwrap(
        api.GET('/api/intake-queue', { params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      );
      return { items: p.items.map(toRow), nextCursor: p.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** What the review page shows: the case as registered and the acceptance-review facts (ARL 20/21/30). */
export interface CaseForReview {
  caseId: string;
  caseNumber: string;
  state: string;
  stateLabel: string;
  version: number;
  detail: Detail;
  review: Review;
}

export const caseKey = (caseId: string) => ['/api/cases', caseId] as const;

export function useCaseForReview(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'acceptance-review'],
    queryFn: async (): Promise<CaseForReview> => {
      const [detail, review] = await Promise.all([
        unwrap(api.GET('/api/cases/{id}', { params: { path: { id: caseId } } })),
        unwrap(api.GET('/api/cases/{id}/acceptance-review', { params: { path: { id: caseId } } })),
      ]);
      return {
        caseId: review.caseId,
        caseNumber: review.caseNumber,
        state: review.state,
        stateLabel: review.stateLabel,
        version: review.version,
        detail,
        review,
      };
    },
    staleTime: 0,
  });
}

export function useClocks(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'clocks'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/clocks', { params: { path: { id: caseId } } })),
    enabled,
  });
}

export interface Decided {
  caseNumber: string;
  state: string;
  version: number;
}

export function useDecide(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewDecision) =>
      unwrap(api.POST('/api/cases/{id}/acceptance-review', { params: { path: { id: caseId } }, body })).then((r): Decided => ({
        caseNumber: r.caseNumber,
        state: r.state,
        version: r.version,
      })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: INTAKE_KEY });
      void qc.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
}

/** Clock rules as the office names them, with the article each comes from. */
export const CLOCK_LABELS: Record<string, string> = {
  'acceptance-review': '受理审查（第三十条）',
  'correction-notice': '补正通知（第三十一条）',
  'applicant-correction': '申请人补正（第三十一条）',
  'copy-to-respondent': '发送答复通知（第四十八条）',
  'simplified-copy': '发送答复通知·简易程序（第五十四条）',
  decision: '作出行政复议决定（第六十二条）',
  'decision-simplified': '作出行政复议决定·简易程序（第六十二条）',
  application: '申请期限（第二十条）',
};
