/** One line of a message for the inbox list. */
export const previewOf = (body: string, max = 120) => {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
