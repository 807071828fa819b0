/** Managers' counts of the sensitive compartment, in Dutch (B1). */
export const sensitiveCountsNl = {
  nav: 'Gevoelige gegevens in cijfers',
  title: 'Gevoelige gegevens in cijfers',
  noNames:
    'Je ziet hier alleen aantallen. Namen en inhoud van actieplannen en instrumenten zie je nooit. Zo blijven ze privé.',
  withPap: 'Deelnemers met een actieplan',
  breakGlass: 'Keren dat iemand opende via de noodprocedure (laatste 90 dagen)',
  domains: {
    title: 'Levensdomeinen per status',
    caption: 'Aantal levensdomeinen per status',
    domain: 'Levensdomein',
    empty: 'Er zijn nog geen levensdomeinen ingevuld.',
  },
  statuses: {
    not_discussed: 'Nog niet besproken',
    no_concern: 'Geen zorg',
    attention: 'Aandacht nodig',
    hindering: 'Staat in de weg',
  },
  instruments: {
    title: 'Resultaten per instrument',
    caption: 'Aantal resultaten per instrument',
    name: 'Instrument',
    total: 'Totaal',
    lastYear: 'Laatste 12 maanden',
    empty: 'Er zijn nog geen resultaten.',
  },
};
