/** Mails are Dutch first, then English (like server/modules/auth/mails.ts). Dates are calendar days, shown as such. */
const day = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

export function mentorInvitationMail(input: {
  mentorName: string;
  organisationName: string;
  participantName: string;
  validFrom: string;
  validUntil: string;
  link: string;
}) {
  const { mentorName, organisationName, participantName, validFrom, validUntil, link } = input;
  return {
    // The server log keeps recipient and subject: no participant's name in the subject.
    subject: `Scores geven voor je stagiair (${organisationName}) / Rating your intern`,
    body: [
      `Dag ${mentorName},`,
      '',
      `Je begeleidt ${participantName} tijdens de stage. ${organisationName} vraagt je om te zeggen hoe het gaat.`,
      'Je geeft scores op een paar competenties. Dat duurt een paar minuten. Je hebt geen wachtwoord nodig.',
      `De link werkt van ${day(validFrom, 'nl-BE')} tot en met ${day(validUntil, 'nl-BE')}:`,
      link,
      'Deel deze link niet met anderen.',
      '',
      '---',
      '',
      `Hello ${mentorName},`,
      '',
      `You are the internship mentor of ${participantName}. ${organisationName} asks you how it is going.`,
      'You give scores on a few competencies. It takes a few minutes. You do not need a password.',
      `The link works from ${day(validFrom, 'en-GB')} up to and including ${day(validUntil, 'en-GB')}:`,
      link,
      'Do not share this link with others.',
    ].join('\n'),
  };
}
