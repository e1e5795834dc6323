/** English strings of the guard warnings shown when a quick reply or an article is saved. */
export const guardSavedEn = {
  title: 'Saved. It breaks guard rules where agents will use it:',
  titleBlock: 'Saved, but agents cannot send it as it is: it breaks a blocking rule.',
  field: '{{field}}:',
  dismiss: 'Dismiss',
};
