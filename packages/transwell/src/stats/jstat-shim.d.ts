// jstat 1.9.6 ships no types; only the parts tamkit uses are declared. It is CommonJS: import the
// default export (the named import throws in Node ESM).
declare module 'jstat' {
  interface JStatStatic {
    tukey: {
      /** Studentized range CDF P(Q <= q) for `nmeans` means and `df` error degrees of freedom. */
      cdf(q: number, nmeans: number, df: number): number;
      /** Studentized range quantile. */
      inv(p: number, nmeans: number, df: number): number;
    };
    studentt: { inv(p: number, df: number): number };
    chisquare: { cdf(x: number, df: number): number };
    gammaln(x: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
