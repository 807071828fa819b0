/** Mails are Dutch first, then English: the same message for whoever reads it. */
export function passwordResetMail(name: string, link: string) {
  return {
    subject: 'Nieuw wachtwoord voor Groeipad / New password for Groeipad',
    body: [
      `Dag ${name},`,
      '',
      'Je vroeg een nieuw wachtwoord voor Groeipad.',
      `Open deze link binnen het uur en kies een nieuw wachtwoord: ${link}`,
      'Vroeg je dit niet? Dan mag je deze mail negeren.',
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      'You asked for a new Groeipad password.',
      `Open this link within the hour and choose a new password: ${link}`,
      'Did not ask for this? You can ignore this mail.',
    ].join('\n'),
  };
}

export function invitationMail(name: string, organisation: string, link: string) {
  return {
    subject: `Welkom bij Groeipad (${organisation}) / Welcome to Groeipad`,
    body: [
      `Dag ${name},`,
      '',
      `Je hebt een account bij Groeipad van ${organisation}.`,
      `Open deze link en kies je wachtwoord: ${link}`,
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      `You have a Groeipad account at ${organisation}.`,
      `Open this link and choose your password: ${link}`,
    ].join('\n'),
  };
}
