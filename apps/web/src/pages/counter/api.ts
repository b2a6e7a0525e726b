import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@generated/api-types';
import { api, unwrap } from '../../api/client';
import { MY_FIGURES_KEY } from '../../api/queries';
import type { RegisterBody } from './registration';

type Registered = components['schemas']['ApplicationsRegister201Response'];
export type Receipt = Registered['receipt'];

/** The registration's answer as the console uses it (field names read here only: the API's may still change). */
export interface Registration {
  caseId: string;
  caseNumber: string;
  /** Shown once, on the receipt: the API keeps only a hash of it. */
  queryCode: string;
  acceptanceDue: string;
  receipt: Receipt;
  /** The API answered an earlier submission of this form again (Idempotency-Key), no second case was created. */
  replayed: boolean;
}

export async function registerApplication(body: RegisterBody, idempotencyKey: string): Promise<Registration> {
  const call = api.POST('/api/applications', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } });
  const replayed = call.then((r) => r.response.headers.get('idempotent-replayed') === 'true');
  const r = await unwrap(call);
  return {
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    queryCode: r.queryCode,
    acceptanceDue: r.acceptanceDue,
    receipt: r.receipt,
    replayed: await replayed,
  };
}

/** A row of the township's own applications (GET /api/applications), with what the clerk may do to it (`allowedActions`). */
export type ApplicationRow = components['schemas']['ApplicationsListResponse']['items'][number];

export const APPLICATIONS_KEY = ['/api/applications'] as const;

/** The stages the list can be narrowed to (?state=, from a home figure), with their names. */
export const APPLICATION_STAGE_FILTERS = { registered: '待受理审查', correction_requested: '待补正' } as const;
export type ApplicationStageFilter = keyof typeof APPLICATION_STAGE_FILTERS;
export const isStageFilter = (s: string | null): s is ApplicationStageFilter => !!s && Object.hasOwn(APPLICATION_STAGE_FILTERS, s);

/** The township's own applications, newest first, 20 at a time ("加载更多"), optionally at one stage. */
export function useTownshipApplications(state?: ApplicationStageFilter) {
  return useInfiniteQuery({
    queryKey: [...APPLICATIONS_KEY, state ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const p = await unwrap(
        api.GET('/api/applications', {
          params: { query: { limit: 20, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      );
      return { items: p.items, nextCursor: p.nextCursor };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** 收到补正材料 (ARL 31): the acceptance review starts again from the day the correction arrived. */
export function useCorrectionReceived() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, version, receivedOn }: { caseId: string; version: number; receivedOn: string }) =>
      unwrap(api.POST('/api/cases/{id}/correction-received', { params: { path: { id: caseId } }, body: { version, receivedOn } })).then(
        (r) => ({
          caseNumber: r.caseNumber,
          acceptanceDue: r.acceptanceDue,
        }),
      ),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: MY_FIGURES_KEY }); // the home figures count the list's stages
      return qc.invalidateQueries({ queryKey: APPLICATIONS_KEY });
    },
  });
}

export type ConsultationBody = components['schemas']['RecordConsultationDto'];
export type Consultation = components['schemas']['ConsultationsRecord201Response'];

export const CONSULTATIONS_KEY = ['/api/consultations'] as const;

export function useConsultations() {
  return useInfiniteQuery({
    queryKey: CONSULTATIONS_KEY,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/consultations', { params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRecordConsultation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsultationBody) => unwrap(api.POST('/api/consultations', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: CONSULTATIONS_KEY }),
  });
}
