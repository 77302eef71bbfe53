/** Types for the untyped `fcs` 0.0.7 package, used only as an independent reader in tests. */
declare module 'fcs' {
  interface FcsReadOptions {
    dataFormat?: 'asNumber' | 'asString' | 'asBoth' | 'asNone';
    groupBy?: 'byEvent' | 'byParam';
    /** -1 = all events (0 means the default 1000). */
    eventsToRead?: number;
  }
  class FCS {
    constructor(options?: FcsReadOptions, buffer?: Buffer);
    readonly header: Readonly<Record<string, number | string>>;
    readonly text: Readonly<Record<string, string>>;
    readonly meta: Readonly<Record<string, unknown>>;
    /** byEvent: one row of numbers per event. */
    readonly dataAsNumbers: number[][] | null;
  }
  export default FCS;
}
