// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = require('../../package.json').version;
export const GENERATOR = `plan-report ${VERSION}`;
