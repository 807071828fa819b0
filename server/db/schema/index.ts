export * from './audit';
export * from './auth';
export * from './organisations';
export * from './participants';
export { appRole } from './tenancy';
export * from './workplace';
