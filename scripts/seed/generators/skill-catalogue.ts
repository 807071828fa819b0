/**
 * Technical tasks for the ILUO matrix, per work domain: five groups of eight, as a team would list them on the
 * wall chart. Forty per team, the size the benchmark's matrix is measured at.
 */
// biome-ignore format: one group per line reads as a table
export const skillCatalogue: Record<string, Record<string, readonly string[]>> = {
  renovatie: {
    Afbraak: ['Tegels uitbreken', 'Plafond afbreken', 'Puin sorteren', 'Container laden', 'Binnenmuur slopen', 'Stof afschermen', 'Vloerbekleding verwijderen', 'Nagels en schroeven uittrekken'],
    Schilderen: ['Afplakken', 'Plamuren', 'Schuren', 'Grondverf zetten', 'Muur rollen', 'Randen afwerken met de borstel', 'Deuren lakken', 'Borstels en rollers reinigen'],
    'Vloeren en tegels': ['Ondergrond egaliseren', 'Tegels snijden', 'Tegellijm aanbrengen', 'Tegels leggen', 'Voegen', 'Plinten plaatsen', 'Laminaat leggen', 'Waterpas werken'],
    Timmerwerk: ['Meten en aftekenen', 'Zagen met de cirkelzaag', 'Boren en schroeven', 'Gipsplaat plaatsen', 'Deur afhangen', 'Kast monteren', 'Isolatie plaatsen', 'Regelwerk plaatsen'],
    Werf: ['Ladder veilig plaatsen', 'Rolsteiger opbouwen', 'Werf afbakenen', 'Werkpostfiche lezen', 'Gereedschap nakijken', 'Werf opruimen', 'Materiaallijst invullen', 'Bestelwagen laden'],
  },
  groen: {
    Maaien: ['Grasmaaier bedienen', 'Zitmaaier bedienen', 'Bosmaaier gebruiken', 'Graskanten afsteken', 'Bladblazer gebruiken', 'Maaisel afvoeren', 'Maaimes wisselen', 'Machine reinigen'],
    Snoeien: ['Haag scheren', 'Heesters snoeien', 'Fruitbomen snoeien', 'Hakselaar bedienen', 'Kettingzaag bedienen', 'Takken afvoeren', 'Snoeischaar slijpen', 'Klimplanten opbinden'],
    Planten: ['Plantgat graven', 'Vaste planten zetten', 'Bomen aanplanten', 'Bollen planten', 'Gazon inzaaien', 'Graszoden leggen', 'Water geven', 'Mulch aanbrengen'],
    Onderhoud: ['Onkruid wieden', 'Borders schoffelen', 'Bladeren ruimen', 'Paden vegen', 'Zwerfvuil prikken', 'Dakgoot leegmaken', 'Vijver reinigen', 'Bemesten'],
    'Machines en veiligheid': ['Aanhangwagen koppelen', 'Lading vastsjorren', 'Brandstof bijvullen', 'Gehoorbescherming dragen', 'Signalisatie plaatsen', 'Werken langs de weg', 'Machines stallen', 'Olie peilen'],
  },
  industrie: {
    Verpakken: ['Dozen plooien', 'Producten tellen', 'Sealen', 'Etiketteren', 'Kwaliteitscontrole', 'Palet stapelen', 'Palet wikkelen', 'Verzendlijst nakijken'],
    Assemblage: ['Onderdelen sorteren', 'Schroeven met de accuschroevendraaier', 'Monteren volgens werkinstructie', 'Lijmen', 'Kabels op maat knippen', 'Stekkers monteren', 'Eindcontrole', 'Fouten melden'],
    Machines: ['Persmachine bedienen', 'Kolomboor bedienen', 'Snijmachine instellen', 'Machine opstarten', 'Machine stilleggen bij storing', 'Puntlassen', 'Lijmpistool gebruiken', 'Machine reinigen'],
    Magazijn: ['Palettruck gebruiken', 'Heftruck rijden', 'Stock tellen', 'Orders picken', 'Goederen ontvangen', 'Handscanner gebruiken', 'Rekken aanvullen', 'Leeggoed sorteren'],
    'Orde en veiligheid': ['Werkpost opruimen', 'Beschermkledij dragen', 'Noodstop gebruiken', 'Afval sorteren', 'Gevaarlijke stoffen herkennen', 'EHBO-koffer vinden', 'Veegmachine bedienen', 'Brandblusser gebruiken'],
  },
  administratie: {
    'Post en archief': ['Post sorteren', 'Post frankeren', 'Documenten scannen', 'Archiveren', 'Kopiëren en inbinden', 'Papier vernietigen', 'Pakjes registreren', 'Brieven plooien'],
    Computer: ['Inloggen met wachtwoord', 'E-mail beantwoorden', 'Tekst typen', 'Gegevens invoeren', 'Bestanden opslaan', 'Rekenblad invullen', 'Printen', 'Agenda bijhouden'],
    Onthaal: ['Telefoon opnemen', 'Boodschap noteren', 'Bezoekers ontvangen', 'Doorverwijzen', 'Afspraken inplannen', 'Klachten doorgeven', 'Sleutels uitlenen', 'Vergaderzaal klaarzetten'],
    Mailing: ['Adressen afdrukken', 'Etiketten kleven', 'Enveloppen vullen', 'Mailing tellen', 'Drukwerk sorteren', 'Folders plooien', 'Mailing afgeven bij de post', 'Retourpost verwerken'],
    Boekhouding: ['Bonnetjes ordenen', 'Facturen inscannen', 'Kas tellen', 'Bestelling plaatsen', 'Kantoormateriaal aanvullen', 'Uren registreren', 'Gegevens controleren', 'Privacyregels volgen'],
  },
  schoonmaak: {
    Basis: ['Vegen', 'Dweilen', 'Stofzuigen', 'Stof afnemen', 'Vuilbakken legen', 'Ramen wassen', 'Spiegels reinigen', 'Deurklinken ontsmetten'],
    Sanitair: ['Toiletten reinigen', 'Lavabo’s reinigen', 'Douches ontkalken', 'Sanitair aanvullen', 'Kleurcodes gebruiken', 'Handschoenen gebruiken', 'Urinoirs reinigen', 'Vloer sanitair dweilen'],
    Machines: ['Schrobzuigmachine bedienen', 'Boenmachine bedienen', 'Hogedrukreiniger gebruiken', 'Stofzuiger onderhouden', 'Waterzuiger gebruiken', 'Tapijtreiniger gebruiken', 'Stoomreiniger gebruiken', 'Machine opladen'],
    Producten: ['Product doseren', 'Producten herkennen', 'Gevaarpictogrammen lezen', 'Producten veilig bewaren', 'Emmersysteem gebruiken', 'Microvezeldoeken gebruiken', 'Wasgoed sorteren', 'Wasmachine bedienen'],
    Organisatie: ['Werkschema volgen', 'Checklist aftekenen', 'Sleutels beheren', 'Alarm bedienen', 'Klant groeten', 'Schade melden', 'Poetskar klaarzetten', 'Gebouw afsluiten'],
  },
  kringwinkel: {
    Sorteren: ['Kleding sorteren', 'Boeken sorteren', 'Speelgoed nakijken', 'Huisraad sorteren', 'Elektro testen', 'Meubels beoordelen', 'Afval scheiden', 'Herbruikbaar herkennen'],
    Winkel: ['Rekken vullen', 'Prijzen kleven', 'Etalage inrichten', 'Klanten helpen', 'Kassa bedienen', 'Kassa afsluiten', 'Winkel opruimen', 'Paskamers ordenen'],
    Ophaling: ['Ophaalronde plannen', 'Meubels demonteren', 'Veilig tillen', 'Vrachtwagen laden', 'Ritblad invullen', 'Klant aan huis aanspreken', 'Verhuisriemen gebruiken', 'Bestelwagen besturen'],
    Herstelling: ['Fiets herstellen', 'Meubel opknappen', 'Toestel herstellen', 'Kleding herstellen', 'Schuren en schilderen', 'Lijmen en klemmen', 'Onderdelen bestellen', 'Herstelfiche invullen'],
    Magazijn: ['Stock rouleren', 'Palettruck gebruiken', 'Rekken ordenen', 'Containers wisselen', 'Wegen op de weegbrug', 'Registreren op de computer', 'Leveringen ontvangen', 'Magazijn vegen'],
  },
  keuken: {
    Voorbereiding: ['Groenten wassen', 'Groenten snijden', 'Aardappelen schillen', 'Vlees portioneren', 'Saus maken', 'Soep maken', 'Recept volgen', 'Werkplek klaarzetten'],
    Koken: ['Kookketel bedienen', 'Oven bedienen', 'Friteuse bedienen', 'Bakken en braden', 'Kerntemperatuur meten', 'Dieetmaaltijden bereiden', 'Allergenen herkennen', 'Smaak controleren'],
    Bediening: ['Tafel dekken', 'Bestelling opnemen', 'Borden uitserveren', 'Afruimen', 'Kassa bedienen', 'Klanten groeten', 'Buffet aanvullen', 'Koffie zetten'],
    Afwas: ['Afwasmachine bedienen', 'Potten en pannen afwassen', 'Vaat sorteren', 'Keuken poetsen', 'Dampkap reinigen', 'Koelcel ordenen', 'Keukenafval sorteren', 'Linnen wegbrengen'],
    Hygiëne: ['Handen wassen', 'HACCP-lijst invullen', 'Temperatuur koelkast noteren', 'Etiketteren met datum', 'Eerst in, eerst uit', 'Levering controleren', 'Keukenkledij dragen', 'Snijplanken per kleur gebruiken'],
  },
};
