/** One line of a message for the inbox list (`Conversation.lastMessagePreview`). */
export function previewOf(body: string, max = 120): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
