import type { privacyNl } from './messages.nl';

export const privacyEn: typeof privacyNl = {
  nav: 'Privacy and retention',
  section: {
    title: 'Privacy',
    intro: 'The participant may ask for all the data Groeipad keeps about them. This is the right of access (GDPR).',
    export: 'Export data (GDPR)',
    erase: 'Erase participant (anonymise)',
    eraseNotExited: 'You can erase only after the exit. First add the step "Exit" to the path. Then you can erase.',
    anonymisedTitle: 'This participant has been erased',
    anonymisedText:
      'On {{date}} the name, contact details, texts and the sensitive part were erased. Only the figures for statistics remain.',
  },
  reason: {
    label: 'Reason',
    exportHint:
      'Which request does this answer? For example: "Request from the participant by e-mail of 3 December". At least 10 characters.',
    eraseHint:
      'Why do you erase? For example: "Request from the participant at the meeting of 3 December". At least 10 characters.',
    runHint: 'For example: "Retention period over, December check". At least 10 characters.',
  },
  export: {
    title: 'Export data',
    intro:
      'You make one file with everything Groeipad keeps about {{name}}. The sensitive part too. Groeipad records the export in the audit log.',
    format: 'Kind of file',
    json: 'JSON',
    jsonHint: 'To move the data to another system.',
    pdf: 'PDF',
    pdfHint: 'To read or print.',
    submit: 'Export',
    done: 'The file {{fileName}} is ready. Your browser keeps it with your downloads.',
    careful: 'Keep the file safe. Give it only to the participant.',
  },
  anonymise: {
    title: 'Erase {{name}}?',
    intro: 'Erasing is for ever. You cannot undo it.',
    goneTitle: 'This disappears',
    gone: {
      identity: 'The name, address, e-mail and phone number. Of the date of birth only the year stays.',
      login: "The participant's login.",
      texts: 'All notes and texts about the participant.',
      people: "Stakeholders, consents and mentors' links.",
      sensitive: 'The sensitive part: the PAP, the tests and the attachments.',
    },
    keptTitle: 'This stays, for statistics',
    kept: {
      path: 'The dates and steps of the path, the kind of programme and the exit.',
      scores: 'The scores and levels, without a name.',
      audit: 'The audit log shows that someone erased, who and when. Not what was erased.',
    },
    confirm: 'Type the full name to confirm',
    confirmHint: 'Type: {{name}}',
    submit: 'Erase for good',
    serverSays: "The server's explanation: {{message}}",
    done: 'The participant has been erased.',
  },
  retention: {
    title: 'Privacy and retention period',
    intro:
      'Groeipad keeps data no longer than needed. After the exit a retention period runs. Then Groeipad erases the participant. The name and all personal data disappear. The figures for statistics remain.',
    settingTitle: 'Retention period',
    choice: 'Erase automatically',
    off: 'Do not erase automatically',
    on: 'Erase a number of months after the exit',
    months: 'Number of months after the exit',
    monthsRange: 'Choose a whole number between {{min}} and {{max}}.',
    monthsHint: 'Between {{min}} and {{max}} months. 60 months is 5 years.',
    example: 'Someone who exits today is erased on {{date}}.',
    exampleOff: 'No one is erased automatically. You can still erase a participant yourself, in the dossier.',
    nightly:
      'Every night Groeipad erases whoever is due. Do not want to wait? If someone is in the list below, the button "Erase now" erases them at once.',
    saved: 'The retention period is saved.',
    dueTitle: 'Due for erasure',
    dueCaption: 'Participants whose retention period is over',
    dueEmpty: 'No one is due.',
    dueOff: 'The retention period is off. No one is due.',
    name: 'Name',
    exitDate: 'Exit',
    dueSince: 'Due since',
    runAll: 'Erase now',
    runTitle: 'Erase participants now?',
    runIntro_one: 'You erase {{count}} participant. That is for ever.',
    runIntro_other: 'You erase {{count}} participants. That is for ever.',
    runSubmit: 'Erase',
    runDone_one: '{{count}} participant has been erased.',
    runDone_other: '{{count}} participants have been erased.',
  },
  fieldErrors: {
    confirm_mismatch: 'This name is not the same. Type the name as shown above.',
  },
};
