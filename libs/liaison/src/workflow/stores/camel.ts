type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/**
 * A row whose snake_case columns the SQL renames to camelCase (`response_days AS "responseDays"`), typed from the
 * generated schema: `Camel<RowOf<'liaison_risk_notices', 'response_days'>>` is `{ responseDays: number }`.
 */
export type Camel<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };
