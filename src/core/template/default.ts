/**
 * The built-in template used when none is named (templates/quarterly.yaml).
 * A module of its own, with no imports, so that the command line's entry
 * point can show it in --help without loading the template schema.
 */
export const DEFAULT_TEMPLATE = 'quarterly';
