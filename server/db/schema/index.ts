export * from './activation-codes';
export * from './audit';
export * from './auth';
export * from './lists';
export * from './organisations';
export * from './participants';
export { appRole } from './tenancy';
export * from './workplace';
