export * from './audit';
export * from './auth';
export * from './organisations';
export { appRole } from './tenancy';
export * from './workplace';
