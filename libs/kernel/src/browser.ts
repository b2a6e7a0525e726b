// The part of the kernel the web console uses (apps/web aliases @fuyi/kernel here): plain TypeScript with no Node
// API, checked by apps/web/tsconfig.json, which has the DOM and no Node types. The server keeps importing index.ts.
export * from './iso-date';
export * from './roles';
export * from './id-number';
