/**
 * The mail to a participant's coaches when someone broke the glass: who, when and why, and where to look. Only the
 * participant's first name and nothing of the compartment's contents: a mail may be read over someone's shoulder.
 * Dutch first, then English (like server/modules/auth/mails.ts).
 */
const moment = (at: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(at);

export function breakGlassMail(input: {
  coachName: string;
  actorName: string;
  participantFirstName: string;
  at: Date;
  until: Date;
  reason: string;
  link: string;
}) {
  const { coachName, actorName, participantFirstName, at, until, reason, link } = input;
  return {
    // The server log keeps recipient and subject: no name in the subject.
    subject: 'Iemand opende een actieplan via de noodprocedure / Someone opened an action plan in an emergency',
    body: [
      `Dag ${coachName},`,
      '',
      `${actorName} opende op ${moment(at, 'nl-BE')} het actieplan en de instrumenten van ${participantFirstName}.`,
      'Dat gebeurde via de noodprocedure. Deze persoon is geen coach van de deelnemer.',
      `De toegang loopt tot ${moment(until, 'nl-BE')}.`,
      `De reden: ${reason}`,
      'Wie wat bekeek, zie je in het toegangslogboek:',
      link,
      '',
      '---',
      '',
      `Hello ${coachName},`,
      '',
      `${actorName} opened the action plan and instruments of ${participantFirstName} on ${moment(at, 'en-GB')}.`,
      'This was done through the emergency procedure. This person is not a coach of the participant.',
      `The access lasts until ${moment(until, 'en-GB')}.`,
      `The reason: ${reason}`,
      'Who looked at what is in the access log:',
      link,
    ].join('\n'),
  };
}
