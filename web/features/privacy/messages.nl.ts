/** Privacy rights: the GDPR export, erasing a participant, the retention period (B1: short sentences). */
export const privacyNl = {
  nav: 'Privacy en bewaartermijn',
  section: {
    title: 'Privacy',
    intro:
      'De deelnemer mag alle gegevens opvragen die Groeipad over hem of haar bewaart. Dat heet het recht op inzage (AVG).',
    export: 'Gegevens exporteren (AVG)',
    erase: 'Deelnemer wissen (anonimiseren)',
    eraseNotExited:
      'Wissen kan pas na de uitstroom. Voeg eerst de stap "Uitstroom" toe bij het traject. Dan kun je wissen.',
    anonymisedTitle: 'Deze deelnemer is gewist',
    anonymisedText:
      'Op {{date}} zijn de naam, de contactgegevens, de teksten en het gevoelige deel gewist. Alleen de cijfers voor de statistiek blijven.',
  },
  reason: {
    label: 'Reden',
    exportHint:
      'Op welke vraag antwoord je? Bijvoorbeeld: "Vraag van de deelnemer per e-mail van 3 december". Minstens 10 tekens.',
    eraseHint:
      'Waarom wis je? Bijvoorbeeld: "Vraag van de deelnemer op het gesprek van 3 december". Minstens 10 tekens.',
    runHint: 'Bijvoorbeeld: "Bewaartermijn voorbij, controle van december". Minstens 10 tekens.',
  },
  export: {
    title: 'Gegevens exporteren',
    intro:
      'Je maakt één bestand met alles wat Groeipad over {{name}} bewaart. Ook het gevoelige deel. Groeipad noteert de export in het auditlog.',
    format: 'Soort bestand',
    json: 'JSON',
    jsonHint: 'Om de gegevens over te zetten naar een ander systeem.',
    pdf: 'PDF',
    pdfHint: 'Om te lezen of af te drukken.',
    submit: 'Exporteren',
    done: 'Het bestand {{fileName}} is klaar. Je browser bewaart het bij je downloads.',
    careful: 'Bewaar het bestand veilig. Geef het alleen aan de deelnemer.',
  },
  anonymise: {
    title: '{{name}} wissen?',
    intro: 'Wissen is voor altijd. Je kunt het niet ongedaan maken.',
    goneTitle: 'Dit verdwijnt',
    gone: {
      identity: 'De naam, het adres, de e-mail en het telefoonnummer. Van de geboortedatum blijft alleen het jaar.',
      login: 'De login van de deelnemer.',
      texts: 'Alle notities en teksten over de deelnemer.',
      people: 'Betrokkenen, toestemmingen en links van mentors.',
      sensitive: 'Het gevoelige deel: het PAP, de testen en de bijlagen.',
    },
    keptTitle: 'Dit blijft, voor de statistiek',
    kept: {
      path: 'De data en stappen van het traject, het soort traject en de uitstroom.',
      scores: 'De scores en niveaus, zonder naam.',
      audit: 'In het auditlog staat dat er gewist is, door wie en wanneer. Niet wat er gewist is.',
    },
    confirm: 'Typ de volledige naam om te bevestigen',
    confirmHint: 'Typ: {{name}}',
    submit: 'Definitief wissen',
    serverSays: 'Uitleg van de server: {{message}}',
    done: 'De deelnemer is gewist.',
  },
  retention: {
    title: 'Privacy en bewaartermijn',
    intro:
      'Groeipad bewaart gegevens niet langer dan nodig. Na de uitstroom loopt een bewaartermijn. Daarna wist Groeipad de deelnemer. De naam en alle persoonlijke gegevens verdwijnen. De cijfers voor de statistiek blijven.',
    settingTitle: 'Bewaartermijn',
    choice: 'Automatisch wissen',
    off: 'Niet automatisch wissen',
    on: 'Wissen na een aantal maanden na de uitstroom',
    months: 'Aantal maanden na de uitstroom',
    monthsRange: 'Kies een heel getal tussen {{min}} en {{max}}.',
    monthsHint: 'Tussen {{min}} en {{max}} maanden. 60 maanden is 5 jaar.',
    example: 'Wie vandaag uitstroomt, wordt gewist op {{date}}.',
    exampleOff: 'Niemand wordt automatisch gewist. Je kunt een deelnemer wel zelf wissen, in het dossier.',
    nightly:
      'Elke nacht wist Groeipad wie aan de beurt is. Wil je niet wachten? Staat er iemand in de lijst hieronder, dan wis je die meteen met de knop "Nu wissen".',
    saved: 'De bewaartermijn is opgeslagen.',
    dueTitle: 'Aan de beurt om gewist te worden',
    dueCaption: 'Deelnemers van wie de bewaartermijn voorbij is',
    dueEmpty: 'Niemand is aan de beurt.',
    dueOff: 'De bewaartermijn staat uit. Niemand is aan de beurt.',
    name: 'Naam',
    exitDate: 'Uitstroom',
    dueSince: 'Te wissen sinds',
    runAll: 'Nu wissen',
    runTitle: 'Deelnemers nu wissen?',
    runIntro_one: 'Je wist {{count}} deelnemer. Dat is voor altijd.',
    runIntro_other: 'Je wist {{count}} deelnemers. Dat is voor altijd.',
    runSubmit: 'Wissen',
    runDone_one: '{{count}} deelnemer is gewist.',
    runDone_other: '{{count}} deelnemers zijn gewist.',
  },
  fieldErrors: {
    confirm_mismatch: 'Deze naam is niet dezelfde. Typ de naam zoals hierboven.',
  },
};
