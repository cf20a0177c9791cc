/** What a Chinese message must not hold: an English sentence (two English words in a row, outside quotes), or a data path. */

/** Text with its quoted parts (“…”, "…", '…') taken out: values and file names are quoted as they are. */
export function unquoted(text: string): string {
  return text.replace(/“[^”]*”/g, '“”').replace(/"[^"]*"/g, '""');
}

/** Two English words in a row outside quotes (`expected a`, `is not`), or undefined. */
export function englishRun(text: string): string | undefined {
  return /[A-Za-z]{2,}\s+[a-z]{2,}/.exec(unquoted(text))?.[0];
}

/** A data path (`plans[0].measures[1]`), or undefined. */
export function dataPath(text: string): string | undefined {
  return /\w+\[\d+\]\.\w+/.exec(text)?.[0] ?? /\w+\[\d+\]/.exec(unquoted(text))?.[0];
}
