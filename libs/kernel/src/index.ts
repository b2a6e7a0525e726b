export * from './domain-error';
export * from './iso-date';
export * from './roles';
export * from './id-number';
export * from './personal-data';
export * from './chinese-numeral';
export * from './keyset-cursor';
export * from './state-machine';
