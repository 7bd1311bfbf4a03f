/**
 * A small model of a VT100 screen behind a tty, enough to see where text lands: printable
 * characters, `\n` (carriage return and line feed, as the tty's ONLCR setting makes it; it scrolls
 * within the scrolling region), `\r`, save and restore cursor (`ESC 7`,
 * `ESC 8`), the scrolling region (`ESC [t;b r`, `ESC [r`), cursor position (`ESC [r;c H`), cursor
 * up (`ESC [n A`) and erase line (`ESC [2K`, `ESC [K`).
 */
export class Terminal {
  readonly screen: string[][];
  private row = 0;
  private col = 0;
  private top = 0;
  private bottom: number;
  private saved: [number, number] = [0, 0];

  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    this.screen = Array.from({ length: rows }, () => Array<string>(columns).fill(" "));
    this.bottom = rows - 1;
  }

  /** The screen as lines, trailing blanks trimmed. */
  lines(): string[] {
    return this.screen.map((cells) => cells.join("").trimEnd());
  }

  write(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      if (ch === "\x1b") {
        const csi = /^\[(\d*)(?:;(\d*))?([A-Za-z])/.exec(text.slice(i + 1));
        if (text[i + 1] === "7") this.saved = [this.row, this.col];
        else if (text[i + 1] === "8") [this.row, this.col] = this.saved;
        else if (!csi) throw new Error(`terminal: unsupported escape ${JSON.stringify(text.slice(i, i + 8))}`);
        if (!csi) {
          i += 1;
          continue;
        }
        const [all, a, b, command] = csi;
        this.csi(command!, a ? Number(a) : null, b ? Number(b) : null);
        i += all.length;
      } else if (ch === "\n") {
        this.col = 0;
        this.lineFeed();
      } else if (ch === "\r") this.col = 0;
      else {
        if (this.col >= this.columns) {
          this.col = 0;
          this.lineFeed();
        }
        this.screen[this.row]![this.col] = ch;
        this.col += 1;
      }
    }
  }

  private lineFeed(): void {
    if (this.row === this.bottom) {
      this.screen.splice(this.top, 1);
      this.screen.splice(this.bottom, 0, Array<string>(this.columns).fill(" "));
    } else if (this.row < this.rows - 1) this.row += 1;
  }

  private csi(command: string, a: number | null, b: number | null): void {
    if (command === "r") {
      this.top = (a ?? 1) - 1;
      this.bottom = (b ?? this.rows) - 1;
      [this.row, this.col] = [0, 0];
    } else if (command === "H") [this.row, this.col] = [(a ?? 1) - 1, (b ?? 1) - 1];
    else if (command === "A") this.row = Math.max(this.top, this.row - (a ?? 1));
    else if (command === "K") {
      const from = a === 2 ? 0 : this.col;
      for (let c = from; c < this.columns; c += 1) this.screen[this.row]![c] = " ";
    } else throw new Error(`terminal: unsupported CSI ${command}`);
  }
}
