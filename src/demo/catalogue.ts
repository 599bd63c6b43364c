/** Reference data the demo generator draws from: names, places, products, campaigns. */

export interface CountryProfile {
  code: string;
  /** How the country is usually written; `variants` are the dirty spellings seen in real data. */
  name: string;
  variants: string[];
  weight: number;
  /** Income level relative to the United States. */
  incomeFactor: number;
  dial: string;
  /** National mobile number shapes: `#` is any digit. */
  mobiles: string[];
  /** Grouping of the national number in a typed, international form. */
  groups: number[];
  /** The national trunk prefix people type in front of a local number. */
  trunk: string;
  domains: string[];
  cities: { name: string; region: string; weight: number; variants?: string[] }[];
  postcode: string;
  streets: string[];
  firstFemale: string[];
  firstMale: string[];
  last: string[];
}

const englishFemale = ['Emma', 'Olivia', 'Sophia', 'Ava', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Emily', 'Elizabeth', 'Abigail', 'Sarah', 'Jessica', 'Jennifer', 'Laura', 'Hannah', 'Grace', 'Chloe', 'Lucy', 'Katherine', 'Rebecca', 'Rachel', 'Megan', 'Victoria', 'Natalie', 'Samantha', 'Alexandra', 'Margaret', 'Susan', 'Linda'];
const englishMale = ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Andrew', 'Joshua', 'Benjamin', 'Samuel', 'Alexander', 'Nicholas', 'Jonathan', 'Edward', 'Patrick', 'Peter', 'Henry', 'Jacob', 'Ethan', 'Oliver', 'Harry', 'George'];
const englishLast = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Patel', 'Nguyen', 'Kim', 'Garcia', 'Rodriguez', 'Martinez', 'Lopez', 'Chen', 'Singh', "O'Brien"];

export const countries: CountryProfile[] = [
  {
    code: 'US', name: 'United States', variants: ['USA', 'US', 'U.S.', 'united states'], weight: 35, incomeFactor: 1, dial: '1', trunk: '1',
    mobiles: ['212#######', '415#######', '312#######', '617#######', '206#######', '512#######', '303#######', '404#######', '305#######', '503#######', '646#######', '702#######'],
    groups: [3, 3, 4], domains: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com', 'aol.com'],
    cities: [
      { name: 'New York', region: 'NY', weight: 20, variants: ['NYC', 'new york', 'New York City'] }, { name: 'San Francisco', region: 'CA', weight: 8, variants: ['SF', 'San Fransisco'] },
      { name: 'Chicago', region: 'IL', weight: 10 }, { name: 'Boston', region: 'MA', weight: 6 }, { name: 'Seattle', region: 'WA', weight: 6 }, { name: 'Austin', region: 'TX', weight: 6 },
      { name: 'Denver', region: 'CO', weight: 5 }, { name: 'Atlanta', region: 'GA', weight: 6 }, { name: 'Miami', region: 'FL', weight: 6 }, { name: 'Portland', region: 'OR', weight: 4 }, { name: 'Las Vegas', region: 'NV', weight: 4 },
    ],
    postcode: '#####', streets: ['Main St', 'Oak Ave', 'Maple Dr', 'Park Ave', 'Cedar Ln', 'Elm St', 'Washington Blvd', 'Lakeview Rd', 'Pine St', '2nd Ave'],
    firstFemale: englishFemale, firstMale: englishMale, last: englishLast,
  },
  {
    code: 'GB', name: 'United Kingdom', variants: ['UK', 'England', 'Great Britain'], weight: 15, incomeFactor: 0.8, dial: '44', trunk: '0',
    mobiles: ['74########', '75########', '77########', '78########', '79########'], groups: [4, 6],
    domains: ['gmail.com', 'hotmail.co.uk', 'btinternet.com', 'outlook.com', 'yahoo.co.uk', 'sky.com'],
    cities: [{ name: 'London', region: 'England', weight: 30 }, { name: 'Manchester', region: 'England', weight: 8 }, { name: 'Birmingham', region: 'England', weight: 8 }, { name: 'Leeds', region: 'England', weight: 5 }, { name: 'Glasgow', region: 'Scotland', weight: 5 }, { name: 'Edinburgh', region: 'Scotland', weight: 5 }, { name: 'Bristol', region: 'England', weight: 5 }, { name: 'Cardiff', region: 'Wales', weight: 3 }],
    postcode: 'SW# #AB', streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Manor Road', 'Park Road', 'Queens Road'],
    firstFemale: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lily', 'Freya', 'Charlotte', 'Poppy', 'Evie', 'Jessica', 'Sarah', 'Lucy', 'Hannah', 'Katie', 'Eleanor'],
    firstMale: ['Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Thomas', 'Oscar', 'William', 'James', 'Alfie', 'Henry', 'Joshua', 'Daniel', 'Samuel', 'Callum', 'Liam'],
    last: ['Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'Campbell', 'MacDonald'],
  },
  {
    code: 'DE', name: 'Germany', variants: ['Deutschland', 'DE', 'germany'], weight: 12, incomeFactor: 0.75, dial: '49', trunk: '0',
    mobiles: ['151########', '152########', '157########', '170#######', '171#######', '172#######', '176########', '177########', '178########', '179#######'], groups: [3, 99],
    domains: ['gmail.com', 'web.de', 'gmx.de', 't-online.de', 'gmx.net', 'outlook.de'],
    cities: [{ name: 'Berlin', region: 'Berlin', weight: 20 }, { name: 'Hamburg', region: 'Hamburg', weight: 10 }, { name: 'München', region: 'Bayern', weight: 10, variants: ['Munich', 'Muenchen'] }, { name: 'Köln', region: 'Nordrhein-Westfalen', weight: 8, variants: ['Cologne', 'Koeln'] }, { name: 'Frankfurt am Main', region: 'Hessen', weight: 6, variants: ['Frankfurt'] }, { name: 'Stuttgart', region: 'Baden-Württemberg', weight: 5 }, { name: 'Leipzig', region: 'Sachsen', weight: 4 }, { name: 'Düsseldorf', region: 'Nordrhein-Westfalen', weight: 4 }],
    postcode: '#####', streets: ['Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Bergstraße', 'Lindenstraße', 'Dorfstraße', 'Kirchweg'],
    firstFemale: ['Anna', 'Lena', 'Julia', 'Laura', 'Sarah', 'Lea', 'Katharina', 'Sophie', 'Marie', 'Johanna', 'Hannah', 'Sabine', 'Petra', 'Claudia', 'Jana', 'Franziska', 'Birgit'],
    firstMale: ['Lukas', 'Jonas', 'Leon', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Stefan', 'Michael', 'Thomas', 'Andreas', 'Jürgen', 'Florian', 'Sebastian', 'Matthias', 'Markus', 'Jan', 'Niklas'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann'],
  },
  {
    code: 'FR', name: 'France', variants: ['FR', 'france', 'République française'], weight: 10, incomeFactor: 0.7, dial: '33', trunk: '0',
    mobiles: ['6########', '7########'], groups: [1, 2, 2, 2, 2],
    domains: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'hotmail.fr', 'sfr.fr'],
    cities: [{ name: 'Paris', region: 'Île-de-France', weight: 25 }, { name: 'Lyon', region: 'Auvergne-Rhône-Alpes', weight: 8 }, { name: 'Marseille', region: "Provence-Alpes-Côte d'Azur", weight: 8 }, { name: 'Toulouse', region: 'Occitanie', weight: 6 }, { name: 'Bordeaux', region: 'Nouvelle-Aquitaine', weight: 5 }, { name: 'Lille', region: 'Hauts-de-France', weight: 5 }, { name: 'Nantes', region: 'Pays de la Loire', weight: 4 }],
    postcode: '#####', streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue de la République', 'Boulevard Voltaire', 'Rue Pasteur', 'Rue du Moulin', 'Place de la Mairie'],
    firstFemale: ['Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Marie', 'Claire', 'Élise', 'Mathilde', 'Nathalie', 'Isabelle', 'Céline', 'Aurélie'],
    firstMale: ['Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Thomas', 'Nicolas', 'Julien', 'Antoine', 'Pierre', 'Mathieu', 'François', 'Olivier', 'Laurent', 'Sébastien'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier'],
  },
  {
    code: 'CA', name: 'Canada', variants: ['CA', 'canada'], weight: 8, incomeFactor: 0.85, dial: '1', trunk: '1',
    mobiles: ['416#######', '647#######', '604#######', '514#######', '403#######', '613#######'], groups: [3, 3, 4],
    domains: ['gmail.com', 'hotmail.com', 'rogers.com', 'shaw.ca', 'yahoo.ca', 'outlook.com'],
    cities: [{ name: 'Toronto', region: 'ON', weight: 20 }, { name: 'Vancouver', region: 'BC', weight: 10 }, { name: 'Montréal', region: 'QC', weight: 10, variants: ['Montreal'] }, { name: 'Calgary', region: 'AB', weight: 6 }, { name: 'Ottawa', region: 'ON', weight: 5 }],
    postcode: 'M#A #B#', streets: ['Yonge St', 'King St W', 'Queen St E', 'Bay St', 'Main St', 'Maple Ave', 'Rue Sainte-Catherine'],
    firstFemale: englishFemale, firstMale: englishMale, last: [...englishLast, 'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier'],
  },
  {
    code: 'AU', name: 'Australia', variants: ['AU', 'australia', 'Aus'], weight: 6, incomeFactor: 0.85, dial: '61', trunk: '0',
    mobiles: ['4########'], groups: [3, 3, 3],
    domains: ['gmail.com', 'bigpond.com', 'outlook.com', 'hotmail.com', 'yahoo.com.au', 'icloud.com'],
    cities: [{ name: 'Sydney', region: 'NSW', weight: 20 }, { name: 'Melbourne', region: 'VIC', weight: 18 }, { name: 'Brisbane', region: 'QLD', weight: 8 }, { name: 'Perth', region: 'WA', weight: 7 }, { name: 'Adelaide', region: 'SA', weight: 5 }],
    postcode: '####', streets: ['George St', 'Pitt St', 'Collins St', 'Bourke St', 'Beach Rd', 'Station St', 'Victoria Pde'],
    firstFemale: englishFemale, firstMale: englishMale, last: englishLast,
  },
  {
    code: 'NL', name: 'Netherlands', variants: ['NL', 'Holland', 'The Netherlands', 'Nederland'], weight: 5, incomeFactor: 0.8, dial: '31', trunk: '0',
    mobiles: ['6########'], groups: [1, 8],
    domains: ['gmail.com', 'ziggo.nl', 'kpnmail.nl', 'hotmail.nl', 'outlook.com', 'xs4all.nl'],
    cities: [{ name: 'Amsterdam', region: 'Noord-Holland', weight: 15 }, { name: 'Rotterdam', region: 'Zuid-Holland', weight: 10 }, { name: 'Utrecht', region: 'Utrecht', weight: 7 }, { name: 'Den Haag', region: 'Zuid-Holland', weight: 7, variants: ['The Hague', "'s-Gravenhage"] }, { name: 'Eindhoven', region: 'Noord-Brabant', weight: 5 }],
    postcode: '#### AB', streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenweg', 'Prinsengracht', 'Schoolstraat'],
    firstFemale: ['Emma', 'Julia', 'Sophie', 'Lotte', 'Anouk', 'Fleur', 'Sanne', 'Eva', 'Lisa', 'Femke'],
    firstMale: ['Daan', 'Sem', 'Lucas', 'Bram', 'Thijs', 'Jesse', 'Ruben', 'Lars', 'Jeroen', 'Pieter'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks'],
  },
  {
    code: 'ES', name: 'Spain', variants: ['España', 'ES', 'spain'], weight: 5, incomeFactor: 0.55, dial: '34', trunk: '',
    mobiles: ['6########'], groups: [3, 3, 3],
    domains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net', 'outlook.es'],
    cities: [{ name: 'Madrid', region: 'Comunidad de Madrid', weight: 20 }, { name: 'Barcelona', region: 'Cataluña', weight: 18 }, { name: 'Valencia', region: 'Comunidad Valenciana', weight: 7 }, { name: 'Sevilla', region: 'Andalucía', weight: 6, variants: ['Seville'] }, { name: 'Bilbao', region: 'País Vasco', weight: 4 }],
    postcode: '#####', streets: ['Calle Mayor', 'Calle Real', 'Avenida de la Constitución', 'Calle del Sol', 'Plaza de España', 'Gran Vía'],
    firstFemale: ['Lucía', 'María', 'Paula', 'Laura', 'Marta', 'Sara', 'Carmen', 'Ana', 'Elena', 'Cristina'],
    firstMale: ['Hugo', 'Daniel', 'Pablo', 'Alejandro', 'Javier', 'David', 'Carlos', 'Sergio', 'Manuel', 'Jorge'],
    last: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno'],
  },
  {
    code: 'IT', name: 'Italy', variants: ['Italia', 'IT', 'italy'], weight: 4, incomeFactor: 0.6, dial: '39', trunk: '',
    mobiles: ['3#########'], groups: [3, 3, 4],
    domains: ['gmail.com', 'libero.it', 'hotmail.it', 'virgilio.it', 'alice.it', 'yahoo.it'],
    cities: [{ name: 'Roma', region: 'Lazio', weight: 18, variants: ['Rome'] }, { name: 'Milano', region: 'Lombardia', weight: 18, variants: ['Milan'] }, { name: 'Napoli', region: 'Campania', weight: 8, variants: ['Naples'] }, { name: 'Torino', region: 'Piemonte', weight: 7, variants: ['Turin'] }, { name: 'Firenze', region: 'Toscana', weight: 5, variants: ['Florence'] }, { name: 'Bologna', region: 'Emilia-Romagna', weight: 5 }],
    postcode: '#####', streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Mazzini', 'Via Dante', 'Piazza del Popolo'],
    firstFemale: ['Giulia', 'Sofia', 'Aurora', 'Alice', 'Chiara', 'Francesca', 'Martina', 'Valentina', 'Elena', 'Federica'],
    firstMale: ['Leonardo', 'Francesco', 'Alessandro', 'Lorenzo', 'Matteo', 'Andrea', 'Marco', 'Luca', 'Giuseppe', 'Davide'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa'],
  },
];

/** Short forms people give instead of their full first name (duplicates show up this way). */
export const nicknames: Record<string, string> = {
  Robert: 'Bob', William: 'Bill', Richard: 'Dick', Michael: 'Mike', James: 'Jim', John: 'Johnny', Joseph: 'Joe', Thomas: 'Tom', Charles: 'Charlie', Christopher: 'Chris',
  Daniel: 'Dan', Matthew: 'Matt', Anthony: 'Tony', Andrew: 'Andy', Joshua: 'Josh', Benjamin: 'Ben', Samuel: 'Sam', Alexander: 'Alex', Nicholas: 'Nick', Jonathan: 'Jon',
  Edward: 'Ed', Patrick: 'Pat', Peter: 'Pete', Henry: 'Harry', Jacob: 'Jake', Elizabeth: 'Liz', Jennifer: 'Jen', Jessica: 'Jess', Katherine: 'Kate', Rebecca: 'Becky',
  Victoria: 'Vicky', Samantha: 'Sam', Alexandra: 'Alex', Margaret: 'Maggie', Susan: 'Sue', Abigail: 'Abby', Natalie: 'Nat', Oliver: 'Ollie', Maximilian: 'Max',
  Katharina: 'Kathi', Franziska: 'Franzi', Sebastian: 'Basti', Alessandro: 'Ale', Francesco: 'Franco', Giuseppe: 'Peppe', Alejandro: 'Álex', Manuel: 'Manolo',
  Nicolas: 'Nico', Mathieu: 'Matt', Lorenzo: 'Enzo', Leonardo: 'Leo', Gabriel: 'Gabi', Eleanor: 'Ellie', Charlotte: 'Lottie', Callum: 'Cal',
};

export interface ProductDef {
  sku: string;
  name: string;
  category: string;
  price: number;
  /** Relative popularity. */
  weight: number;
  /** Sells mostly in November and December. */
  giftable?: boolean;
}

const productLines: [category: string, items: [name: string, price: number, weight: number, giftable?: boolean][]][] = [
  ['Coffee', [['House Blend Beans 1 kg', 24.9, 30], ['Single Origin Ethiopia 250 g', 12.5, 18], ['Espresso Roast 500 g', 15.9, 22], ['Decaf Colombia 250 g', 11.9, 6], ['Cold Brew Pack', 19.5, 7], ['Monthly Coffee Subscription', 29, 12]]],
  ['Tea', [['Earl Grey Loose Leaf', 9.9, 10], ['Sencha Green Tea', 11.5, 7], ['Chai Spice Blend', 8.9, 8], ['Rooibos Vanilla', 7.9, 5], ['Tea Sampler Box', 34, 4, true]]],
  ['Equipment', [['Pour-Over Dripper', 29, 6], ['Burr Grinder', 149, 3], ['French Press 1 l', 39, 5], ['Gooseneck Kettle', 79, 3], ['Espresso Machine Pro', 649, 0.6], ['Milk Frother', 49, 3], ['Digital Scale', 35, 3]]],
  ['Accessories', [['Paper Filters (100)', 5.5, 14], ['Ceramic Mug', 16, 8, true], ['Travel Tumbler', 27, 6, true], ['Cleaning Tablets', 12, 5], ['Coffee Canister', 22, 4]]],
  ['Gifts', [['Holiday Gift Set', 59, 3, true], ['Gift Card 25', 25, 2, true], ['Gift Card 50', 50, 2, true], ['Tasting Flight Box', 45, 3, true]]],
  ['Workshops', [['Home Barista Workshop', 89, 1.5], ['Latte Art Class', 69, 1.2], ['Cupping Session', 39, 1]]],
];

export const products: ProductDef[] = productLines.flatMap(([category, items], c) =>
  items.map(([name, price, weight, giftable], i) => ({ sku: `${category.slice(0, 3).toUpperCase()}-${String(100 + c * 20 + i)}`, name, category, price, weight, giftable })),
);

export const companyWords = {
  first: ['Blue', 'North', 'Bright', 'Green', 'Silver', 'Summit', 'Urban', 'Red', 'Golden', 'River', 'Oak', 'Harbor', 'Nova', 'Pioneer', 'Cedar', 'Atlas', 'Copper', 'Maple', 'Lighthouse', 'Sunrise'],
  second: ['Bean', 'Leaf', 'Works', 'Studio', 'Labs', 'Kitchen', 'Roasters', 'Hospitality', 'Consulting', 'Design', 'Logistics', 'Systems', 'Media', 'Foods', 'Cafe', 'Hotels', 'Partners', 'Digital', 'Events', 'Office'],
  suffix: ['Inc.', 'LLC', 'Ltd', 'GmbH', 'SAS', 'B.V.', 'S.L.', 'S.r.l.', 'Co.', ''],
  industries: ['Hospitality', 'Software', 'Retail', 'Consulting', 'Media', 'Logistics', 'Food & Beverage', 'Healthcare', 'Education', 'Real Estate'],
};

export const titles = ['Office Manager', 'CEO', 'Founder', 'Head of Operations', 'Purchasing Manager', 'Café Owner', 'Executive Assistant', 'Facilities Coordinator', 'Head Barista', 'Procurement Lead', 'Event Planner', 'CTO', 'Marketing Manager'];
export const sources = ['website', 'website', 'website', 'referral', 'instagram', 'google ads', 'trade fair', 'newsletter', 'marketplace'];

export const campaignThemes = [
  { name: 'Spring Roast Launch', month: 2 },
  { name: 'Mother’s Day Gifts', month: 4 },
  { name: 'Summer Cold Brew', month: 5 },
  { name: 'Back to Work Bundle', month: 8 },
  { name: 'Autumn Harvest Coffees', month: 9 },
  { name: 'Black Friday', month: 10 },
  { name: 'Holiday Gift Guide', month: 11 },
  { name: 'New Year Subscription Offer', month: 0 },
];
export const campaignChannels = ['email', 'email', 'email', 'sms', 'social', 'ads'];

export const interactionTemplates: Record<'email' | 'call' | 'meeting' | 'note', readonly (readonly [subject: string, direction: 'in' | 'out' | null])[]> = {
  email: [['Question about my order', 'in'], ['Shipping update', 'out'], ['Wholesale price list', 'out'], ['Grinder not working', 'in'], ['Thank you for your order', 'out'], ['Subscription pause request', 'in']],
  call: [['Follow-up call', 'out'], ['Called about delivery delay', 'in'], ['Discussed office coffee plan', 'out'], ['Return request', 'in']],
  meeting: [['Tasting at the roastery', null], ['Office coffee setup review', null], ['Quarterly account review', null]],
  note: [['Prefers lighter roasts', null], ['Allergic to nuts: no flavoured blends', null], ['Pays by invoice', null], ['Asked to be called only in the morning', null]],
};

/** Months weighted for seasonal buying: a holiday peak, a summer dip. */
export const monthWeights = [0.9, 0.75, 0.85, 0.85, 0.9, 0.8, 0.7, 0.75, 0.95, 1.05, 1.45, 1.9];
