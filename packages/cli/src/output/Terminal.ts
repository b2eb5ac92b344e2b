import { styleText } from 'node:util';

/** Where the CLI writes: process streams in the executable, captured streams in tests. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
}

type Style = Parameters<typeof styleText>[0];

export class Progress {
  private text: string;
  private readonly started = Date.now();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly stream: OutputStream, initial: string) {
    this.text = initial;
    if (stream.isTTY) {
      this.timer = setInterval(() => this.render(), 1000);
      this.timer.unref();
      this.render();
    } else {
      stream.write(`${initial}\n`);
    }
  }

  update(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (this.stream.isTTY) {
      this.render();
    } else {
      this.stream.write(`${text}\n`);
    }
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.stream.write('\r\x1b[2K');
    }
  }

  private render(): void {
    const seconds = Math.round((Date.now() - this.started) / 1000);
    this.stream.write(`\r\x1b[2K${this.text} (${seconds}s)`);
  }
}

/**
 * Human output: results on stdout (tables, checklists), progress and notes on stderr so a pipe
 * gets only results. Colours only on a terminal and never with NO_COLOR (Node's styleText
 * checks the stream and the environment).
 */
export class Terminal {
  constructor(readonly stdout: OutputStream, readonly stderr: OutputStream) {}

  private style(format: Style, text: string, stream: OutputStream): string {
    if (!stream.isTTY) {
      return text;
    }
    return styleText(format, text, {
      stream: stream as NodeJS.WriteStream,
    });
  }

  print(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  note(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  ok(text: string): void {
    this.print(`${this.style('green', '✓', this.stdout)} ${text}`);
  }

  bad(text: string): void {
    this.print(`${this.style('red', '✗', this.stdout)} ${text}`);
  }

  pending(text: string): void {
    this.print(`${this.style('yellow', '…', this.stdout)} ${text}`);
  }

  dim(text: string): string {
    return this.style('dim', text, this.stdout);
  }

  bold(text: string): string {
    return this.style('bold', text, this.stdout);
  }

  error(text: string): void {
    this.stderr.write(`${this.style('red', 'error:', this.stderr)} ${text}\n`);
  }

  /** Columns padded to the widest cell; an empty list prints `empty` instead. */
  table<T>(columns: Column<T>[], rows: T[], empty = 'Nothing found.'): void {
    if (rows.length === 0) {
      this.print(empty);
      return;
    }
    const cells = rows.map(row => columns.map(column => column.value(row)));
    const widths = columns.map((column, i) =>
      Math.max(column.header.length, ...cells.map(cell => cell[i].length)),
    );
    const line = (values: string[]) =>
      values
        .map((value, i) =>
          i === values.length - 1 ? value : value.padEnd(widths[i]),
        )
        .join('  ')
        .trimEnd();
    this.print(this.bold(line(columns.map(column => column.header))));
    for (const cell of cells) {
      this.print(line(cell));
    }
  }

  /**
   * A progress line on stderr for work that takes more than a moment: on a terminal it is
   * rewritten in place with the elapsed seconds; elsewhere each new state is printed once.
   */
  progress(initial: string): Progress {
    return new Progress(this.stderr, initial);
  }
}
