/** The tamkit release, recorded in every report and JSON result. */
export const VERSION = '0.1.0';
