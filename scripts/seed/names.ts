import type { Random } from './random';

/**
 * Invented people, named the way people in Flanders are named: mostly Flemish, and the many families with roots
 * in Morocco, Turkey, Congo, Southern and Eastern Europe, Syria, Afghanistan and the Horn of Africa.
 * A small curated list rather than a faker library: its data is stable across versions (the generator must give
 * the same names for the same seed forever), and it holds the mix of origins a social workplace in Gent or
 * Antwerpen has, which a generic nl_BE locale does not.
 */
// biome-ignore format: word lists read better packed than one word per line
const origins: readonly { weight: number; first: readonly string[]; last: readonly string[] }[] = [
  {
    weight: 48,
    first: [
      'Jan', 'Pieter', 'Koen', 'Bart', 'Wim', 'Tom', 'Dirk', 'Luc', 'Geert', 'Kris', 'Stijn', 'Jens', 'Wout', 'Robbe',
      'Seppe', 'Thibault', 'Ruben', 'Jonas', 'Glenn', 'Kevin', 'Dries', 'Bram', 'Frederik', 'Marc', 'Patrick', 'Rudi',
      'An', 'Els', 'Katrien', 'Sofie', 'Lien', 'Nele', 'Griet', 'Hilde', 'Ilse', 'Veerle', 'Leen', 'Kim', 'Sarah',
      'Lotte', 'Femke', 'Jolien', 'Marieke', 'Annelies', 'Tine', 'Evi', 'Ellen', 'Inge', 'Martine', 'Nathalie',
    ],
    last: [
      'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
      'Dubois', 'Hermans', 'Aerts', 'Van den Broeck', 'Vermeulen', 'Pauwels', 'De Clercq', 'Vandenberghe', 'Lambrecht',
      'Verstraete', 'Desmet', 'Coppens', 'Van Damme', 'Martens', 'Smets', 'Declercq', 'Van de Velde', 'De Backer',
      'Vercauteren', 'Bogaert', 'Cools', 'Verhoeven', 'Michiels', 'Van Acker', 'Segers', 'De Wilde', 'Verbeke',
      'Stevens', 'Dewaele', 'Van Hecke', 'Vlaeminck', 'De Vos', 'Baert', 'Lenaerts', 'Hendrickx', 'Thys', 'Moens',
    ],
  },
  {
    weight: 14,
    first: [
      'Mohamed', 'Youssef', 'Ayoub', 'Bilal', 'Hamza', 'Karim', 'Mehdi', 'Nordin', 'Rachid', 'Said', 'Soufiane',
      'Ilias', 'Fatima', 'Khadija', 'Nadia', 'Samira', 'Imane', 'Salma', 'Hafsa', 'Naima', 'Latifa', 'Meryem',
    ],
    last: [
      'El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Ouali', 'Azzouzi', 'Boukhari', 'El Khattabi', 'Haddouchi',
      'Amrani', 'Chaouki', 'Ait Lahcen', 'Belhaj', 'Ziani', 'Mansouri', 'Tahiri',
    ],
  },
  {
    weight: 8,
    first: [
      'Emre', 'Mehmet', 'Burak', 'Murat', 'Hakan', 'Serkan', 'Yusuf', 'Ahmet', 'Ayşe', 'Elif', 'Zeynep', 'Özlem',
      'Emine', 'Hatice', 'Büşra', 'Merve',
    ],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç', 'Kurt'],
  },
  {
    weight: 7,
    first: [
      'Patrick', 'Jean-Pierre', 'Christian', 'Junior', 'Blaise', 'Cédric', 'Gloire', 'Grace', 'Divine', 'Esther',
      'Josiane', 'Nadège', 'Ornella', 'Sylvie',
    ],
    last: ['Mbuyi', 'Kabongo', 'Lukusa', 'Mukendi', 'Tshibangu', 'Ilunga', 'Kalonji', 'Mutombo', 'Nkulu', 'Mbala'],
  },
  {
    weight: 7,
    first: [
      'Piotr', 'Tomasz', 'Krzysztof', 'Marek', 'Andrei', 'Ionuț', 'Mihai', 'Dimitar', 'Georgi', 'Agnieszka',
      'Katarzyna', 'Magdalena', 'Ioana', 'Elena', 'Mariya', 'Desislava',
    ],
    last: [
      'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Petrov', 'Ivanova',
      'Georgiev', 'Dimitrova',
    ],
  },
  {
    weight: 8,
    first: [
      'Ahmad', 'Omar', 'Khaled', 'Rami', 'Tarek', 'Mustafa', 'Hussein', 'Farid', 'Jamal', 'Zainab', 'Rania', 'Leila',
      'Maryam', 'Nour', 'Habiba', 'Shabnam',
    ],
    last: [
      'Al Hassan', 'Haddad', 'Khalil', 'Nasser', 'Saleh', 'Darwish', 'Hamidi', 'Rahimi', 'Ahmadi', 'Karimi', 'Sultani',
      'Nazari',
    ],
  },
  {
    weight: 4,
    first: ['Yonas', 'Dawit', 'Tesfaye', 'Abdi', 'Mahad', 'Hamdi', 'Senait', 'Helen', 'Hodan', 'Ayaan'],
    last: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Kidane', 'Warsame', 'Abdullahi', 'Osman', 'Farah'],
  },
  {
    weight: 4,
    first: ['Giuseppe', 'Salvatore', 'Antonio', 'Manuel', 'João', 'Rosa', 'Maria', 'Giulia', 'Ana', 'Carla'],
    last: ['Russo', 'Esposito', 'Romano', 'Lombardi', 'Costa', 'Ferreira', 'Da Silva', 'Santos', 'Pereira'],
  },
];

export interface PersonName {
  firstName: string;
  lastName: string;
}

export function personName(random: Random): PersonName {
  const origin = random.weighted(origins.map((o) => [o, o.weight] as const));
  return { firstName: random.pick(origin.first), lastName: random.pick(origin.last) };
}

/** Streets that exist in many Flemish towns, for invented addresses. */
// biome-ignore format: word lists read better packed than one word per line
const streets = [
  'Kerkstraat', 'Stationsstraat', 'Molenstraat', 'Schoolstraat', 'Dorpsstraat', 'Nieuwstraat', 'Kapelstraat',
  'Beekstraat', 'Veldstraat', 'Lindenlaan', 'Groenstraat', 'Hoogstraat', 'Bosstraat', 'Meersstraat', 'Brugstraat',
];

export function streetAddress(random: Random, postcode: string, city: string): string {
  return `${random.pick(streets)} ${random.int(1, 180)}, ${postcode} ${city}`;
}

export function mobilePhone(random: Random): string {
  const two = () => String(random.int(0, 99)).padStart(2, '0');
  return `04${random.int(60, 99)} ${two()} ${two()} ${two()}`;
}
