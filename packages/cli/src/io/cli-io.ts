/** Where a command writes: injectable so commands can be tested in-process. */
export interface CliIo {
  /** Writes to standard output (results, --json documents). */
  out(text: string): void;
  /** Writes to standard error (errors, warnings, progress). */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars, colour). */
  readonly isTty: boolean;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/** The process's real streams. */
export function processIo(): CliIo {
  return {
    out: (text) => {
      process.stdout.write(text);
    },
    err: (text) => {
      process.stderr.write(text);
    },
    isTty: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** An in-memory CliIo for tests: everything written is collected. */
export function memoryIo(cwd: string = process.cwd()): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    isTty: false,
    cwd,
    out(text: string): void {
      io.stdout += text;
    },
    err(text: string): void {
      io.stderr += text;
    },
  };
  return io;
}
