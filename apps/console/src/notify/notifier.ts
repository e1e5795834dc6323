export interface DeskNotice {
  /** What happened: a new chat for me, a warning, a breach, a customer waiting toward the platform's limit. */
  kind: 'assigned' | 'warning' | 'breached' | 'nudge';
  title: string;
  body: string;
  conversationId: string;
}

let audio: AudioContext | null = null;

/** A short tone, higher for what is more urgent (two for a breach). Made here: no sound file to load. */
export function chime(kind: DeskNotice['kind']): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    const tones = kind === 'breached' ? [880, 660] : kind === 'warning' ? [740] : kind === 'nudge' ? [620, 620] : [520];
    tones.forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = frequency;
      const start = ctx.currentTime + i * 0.18;
      gain.gain.setValueAtTime(0.12, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.17);
    });
  } catch {
    // No audio (autoplay policy before any gesture, or no device): the desktop notification still tells.
  }
}

/** A desktop notification (when allowed) and a tone; clicking it brings the desk forward on that chat. */
export function notify(notice: DeskNotice, open: (conversationId: string) => void): void {
  chime(notice.kind);
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const n = new Notification(notice.title, { body: notice.body, tag: `${notice.kind}:${notice.conversationId}` });
  n.onclick = () => {
    window.focus();
    open(notice.conversationId);
    n.close();
  };
}
