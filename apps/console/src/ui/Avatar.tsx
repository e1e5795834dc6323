const PALETTE = ['#3e63dd', '#0d74ce', '#12a594', '#2b9a66', '#e54666', '#d6409f', '#8e4ec6', '#f76b15', '#a18072', '#6e56cf'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** First character of a CJK name, initials of a Latin one. */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  const words = trimmed.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (words.length >= 2) return (words[0][0] + words[1][0]).toUpperCase();
  return Array.from(trimmed)[0].toUpperCase();
}

export function Avatar({ name, seed, size = 32 }: { name: string; seed: string; size?: number }) {
  return (
    <span
      className="avatar"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.42), background: PALETTE[hash(seed) % PALETTE.length] }}
      aria-hidden="true"
    >
      {initialsOf(name)}
    </span>
  );
}
