/** Text kept in a note with the title of the column it came from: `配合单位：区科委`, `Partners: Customs`. */
export function labelledNote(title: string, text: string): string {
  const sep = /[\u3000-\u9fff\uff00-\uffef]$/.test(title) ? '：' : ': ';
  return `${title}${sep}${text}`;
}

/** A list cut after three items: `I-1, I-2, I-3...`. */
export function shortList(items: string[], sep: string): string {
  return items.length > 3 ? `${items.slice(0, 3).join(sep)}${sep === '、' ? '……' : '...'}` : items.join(sep);
}
