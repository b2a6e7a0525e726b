/**
 * One row per case with the dates and outcome every figure is defined on (Asia/Shanghai days). Plain SQL, no framework:
 * the figures (figures.ts) are conditions over these columns, so a count and its drill-down list are the same condition.
 *
 * - received_on: the counter's stamped receipt (ARL 30: the clock starts there, not at data entry);
 * - accepted_on: acceptance, incl. deemed acceptance (ARL 30) on the last day of the review period;
 * - refused_on: the 不予受理 decision (last `refuse` event) of a case that stayed refused;
 * - closed_on / close_kind: 审结 = an accepted case concluded by an approved decision (ARL 61-72, the day of approval),
 *   a termination (ARL 41; ground 1 = approved withdrawal) or a sealed 调解书 (ARL 73);
 * - decision_type: the decision's type (ARL 63-72, ARL 33 dismissal) of a case closed by decision.
 */
export const CLOSED_STATES = ['decided', 'served', 'terminated', 'mediated', 'archived'] as const;

const closed = `c.state IN (${CLOSED_STATES.map((s) => `'${s}'`).join(', ')})`;

export const CASE_FACTS_SQL = `
  SELECT c.id, c.case_number, c.state, c.procedure, c.category, c.township_id, c.respondent_department_id,
         (c.receipt_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on,
         c.accepted_on,
         ref.on AS refused_on,
         CASE WHEN ${closed} THEN coalesce(c.closure->>'on', c.decision->>'decidedOn')::date END AS closed_on,
         CASE WHEN NOT ${closed} THEN NULL
              WHEN c.closure->>'kind' = 'mediated' THEN 'mediated'
              WHEN c.closure->>'kind' = 'terminated' AND c.closure->>'ground' = '1' THEN 'withdrawn'
              WHEN c.closure->>'kind' = 'terminated' THEN 'terminated'
              ELSE 'decision' END AS close_kind,
         CASE WHEN ${closed} AND c.closure IS NULL THEN c.decision->>'type' END AS decision_type
    FROM cases c
    LEFT JOIN LATERAL (SELECT (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS on FROM case_events e
                        WHERE e.case_id = c.id AND e.type = 'refuse' ORDER BY e.id DESC LIMIT 1) ref ON c.state = 'refused'`;

/**
 * The same columns read from the roll-up's per-case facts (migration StatisticsRollup, kept by triggers in the writing
 * transaction): indexed by day, so a drill-down reads the cases of its period instead of computing every case's facts.
 */
export const STORED_CASE_FACTS_SQL = `
  SELECT s.case_id AS id, c.case_number, c.state, s.category, NULLIF(s.procedure_key, 'undetermined') AS procedure,
         NULLIF(s.township_key, 'district')::int AS township_id, s.respondent_department_id, s.received_on, s.accepted_on, s.refused_on,
         s.closed_on, s.close_kind, s.decision_type
    FROM stat_case_facts s JOIN cases c ON c.id = s.case_id`;
