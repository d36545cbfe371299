/**
 * Words the generator builds names from. HS chapters and the headings named here follow the
 * Harmonized System's own headings (short English titles); everything else is made up.
 */

/** HS chapters, automotive first: a scale takes the first n. */
export const HS_CHAPTERS: readonly (readonly [code: string, name: string])[] = [
  ['87', 'Vehicles other than railway rolling stock'],
  ['84', 'Machinery and mechanical appliances'],
  ['85', 'Electrical machinery and equipment'],
  ['40', 'Rubber and articles thereof'],
  ['73', 'Articles of iron or steel'],
  ['39', 'Plastics and articles thereof'],
  ['72', 'Iron and steel'],
  ['76', 'Aluminium and articles thereof'],
  ['94', 'Furniture, bedding and lighting'],
  ['90', 'Optical, measuring and medical instruments'],
  ['70', 'Glass and glassware'],
  ['83', 'Miscellaneous articles of base metal'],
  ['27', 'Mineral fuels and oils'],
  ['28', 'Inorganic chemicals'],
  ['29', 'Organic chemicals'],
  ['30', 'Pharmaceutical products'],
  ['32', 'Tanning and dyeing extracts, paints and varnishes'],
  ['34', 'Soaps, lubricants and waxes'],
  ['38', 'Miscellaneous chemical products'],
  ['44', 'Wood and articles of wood'],
  ['48', 'Paper and paperboard'],
  ['56', 'Wadding, felt and cordage'],
  ['59', 'Coated and laminated textile fabrics'],
  ['68', 'Articles of stone, plaster and cement'],
  ['69', 'Ceramic products'],
  ['71', 'Precious stones and metals'],
  ['74', 'Copper and articles thereof'],
  ['79', 'Zinc and articles thereof'],
  ['82', 'Tools and cutlery of base metal'],
  ['86', 'Railway locomotives and rolling stock'],
  ['88', 'Aircraft and spacecraft'],
  ['89', 'Ships and boats'],
  ['95', 'Toys, games and sports equipment'],
  ['02', 'Meat and edible offal'],
  ['07', 'Edible vegetables'],
  ['08', 'Edible fruit and nuts'],
  ['10', 'Cereals'],
  ['22', 'Beverages and spirits'],
  ['52', 'Cotton'],
  ['61', 'Apparel, knitted or crocheted'],
  ['62', 'Apparel, not knitted'],
  ['64', 'Footwear'],
];

/** Headings with their HS titles; other chapters get numbered headings. */
export const HS_HEADINGS: Readonly<Record<string, readonly (readonly [code: string, name: string])[]>> = {
  '87': [
    ['8704', 'Motor vehicles for the transport of goods'],
    ['8701', 'Tractors'],
    ['8702', 'Motor vehicles for the transport of ten or more persons'],
    ['8708', 'Parts and accessories of motor vehicles'],
    ['8716', 'Trailers and semi-trailers'],
    ['8706', 'Chassis fitted with engines'],
    ['8707', 'Bodies for motor vehicles'],
    ['8705', 'Special purpose motor vehicles'],
    ['8703', 'Motor cars for the transport of persons'],
    ['8709', 'Works trucks'],
    ['8711', 'Motorcycles'],
    ['8714', 'Parts of motorcycles and cycles'],
  ],
  '84': [
    ['8408', 'Compression-ignition (diesel) engines'],
    ['8409', 'Parts of engines'],
    ['8483', 'Transmission shafts, gears and gearboxes'],
    ['8413', 'Pumps for liquids'],
    ['8414', 'Air pumps, compressors and fans'],
    ['8421', 'Filtering and purifying machinery'],
    ['8482', 'Ball and roller bearings'],
    ['8481', 'Taps, cocks and valves'],
    ['8415', 'Air conditioning machines'],
    ['8429', 'Bulldozers, graders and excavators'],
    ['8407', 'Spark-ignition engines'],
    ['8471', 'Automatic data-processing machines'],
  ],
  '85': [
    ['8544', 'Insulated wire and cable'],
    ['8507', 'Electric accumulators'],
    ['8512', 'Electrical lighting and signalling equipment for vehicles'],
    ['8511', 'Electrical ignition and starting equipment'],
    ['8536', 'Switches, connectors and fuses'],
    ['8501', 'Electric motors and generators'],
    ['8504', 'Transformers and converters'],
  ],
  '40': [
    ['4011', 'New pneumatic tyres of rubber'],
    ['4016', 'Other articles of vulcanised rubber'],
    ['4009', 'Tubes, pipes and hoses of rubber'],
    ['4010', 'Conveyor and transmission belts'],
  ],
  '73': [
    ['7318', 'Screws, bolts, nuts and washers'],
    ['7320', 'Springs of iron or steel'],
    ['7326', 'Other articles of iron or steel'],
    ['7308', 'Structures of iron or steel'],
  ],
};

/** Subheadings with their titles; other headings get numbered subheadings. */
export const HS_SUBHEADINGS: Readonly<Record<string, readonly (readonly [code: string, name: string])[]>> = {
  '8704': [
    ['870423', 'Diesel goods vehicles over 20 tonnes'],
    ['870422', 'Diesel goods vehicles of 5 to 20 tonnes'],
    ['870421', 'Diesel goods vehicles up to 5 tonnes'],
    ['870432', 'Spark-ignition goods vehicles over 5 tonnes'],
    ['870490', 'Other goods vehicles'],
  ],
  '8701': [
    ['870121', 'Road tractors for semi-trailers, diesel only'],
    ['870122', 'Road tractors for semi-trailers, diesel hybrid'],
    ['870124', 'Road tractors for semi-trailers, electric only'],
    ['870191', 'Other tractors up to 18 kW'],
  ],
  '8702': [
    ['870210', 'Diesel buses'],
    ['870240', 'Electric buses'],
    ['870220', 'Diesel hybrid buses'],
  ],
  '8708': [
    ['870830', 'Brakes and servo-brakes'],
    ['870840', 'Gear boxes'],
    ['870850', 'Drive axles'],
    ['870899', 'Other parts of motor vehicles'],
    ['870870', 'Road wheels'],
  ],
};

/** Countries that companies, agencies and regions cluster in, most first (ISO 3166-1 alpha-2). */
export const MAJOR_COUNTRIES: readonly string[] = [
  'MX', 'US', 'CA', 'DE', 'JP', 'CN', 'KR', 'BR', 'IN', 'FR', 'IT', 'ES', 'GB', 'SE', 'NL', 'CZ', 'PL', 'TR',
  'TH', 'AR', 'CO', 'CL', 'PE', 'AT', 'BE', 'CH', 'FI', 'HU', 'SK', 'RO', 'PT', 'ZA', 'AU', 'ID', 'VN', 'MY',
  'TW', 'IL', 'GT', 'CR',
]; // prettier-ignore

/** Where companies have their headquarters: weights for MAJOR_COUNTRIES (the rest share what is left). */
export const HEADQUARTERS_WEIGHTS: Readonly<Record<string, number>> = {
  MX: 32, US: 26, CA: 5, DE: 6, JP: 5, CN: 5, KR: 3, BR: 2, IN: 2, FR: 1.5, IT: 1.5, ES: 1.5, GB: 1, SE: 1,
}; // prettier-ignore

/** Export destinations and how much trade they draw (the US first, as for Mexico's trucks). */
export const DESTINATION_WEIGHTS: Readonly<Record<string, number>> = {
  US: 60, CA: 12, MX: 10, DE: 4, CN: 3, BR: 2, CO: 2, GT: 1.5, CL: 1.5, PE: 1.2, AR: 1.2, JP: 1, KR: 1, GB: 1,
  FR: 0.8, ES: 0.8, IT: 0.6, NL: 0.6, AU: 0.6, CR: 0.5, IN: 0.5, TR: 0.4, ZA: 0.4, TH: 0.3, VN: 0.3, PL: 0.3,
}; // prettier-ignore

export const SYLLABLES: readonly string[] = [
  'al', 'an', 'ar', 'ba', 'be', 'bel', 'bra', 'ca', 'car', 'ce', 'co', 'cor', 'da', 'del', 'do', 'dor', 'e',
  'el', 'en', 'fa', 'fer', 'ga', 'gar', 'ha', 'hel', 'i', 'is', 'ka', 'ken', 'kor', 'la', 'lan', 'le', 'li',
  'lo', 'lu', 'ma', 'mar', 'me', 'mi', 'mon', 'na', 'ne', 'no', 'nor', 'o', 'or', 'pa', 'pe', 'por', 'ra',
  'ran', 're', 'ri', 'ro', 'sa', 'san', 'se', 'sol', 'ta', 'tan', 'te', 'ter', 'to', 'tor', 'u', 'va', 've',
  'vi', 'vor', 'za', 'zen',
]; // prettier-ignore

export const COMPANY_WORDS: Readonly<Record<string, readonly string[]>> = {
  manufacturer: ['Motors', 'Trucks', 'Vehicle Works', 'Automotive', 'Bus and Coach', 'Heavy Vehicles', 'Truck Works'],
  supplier: ['Components', 'Forge', 'Castings', 'Electric', 'Plastics', 'Axles', 'Seating', 'Harness', 'Brakes', 'Drivetrain', 'Glass', 'Springs'],
  logistics: ['Logistics', 'Freight', 'Transport Services'],
  carrier: ['Carriers', 'Trucking', 'Haulage'],
  brand: ['Brands', 'Mobility'],
  other: ['Holdings', 'Group', 'Industries'],
}; // prettier-ignore

export const LEGAL_FORMS: Readonly<Record<string, string>> = {
  MX: 'S.A. de C.V.', US: 'Inc.', CA: 'Ltd.', DE: 'GmbH', JP: 'K.K.', CN: 'Co., Ltd.', KR: 'Co., Ltd.',
  BR: 'Ltda.', FR: 'SAS', IT: 'S.p.A.', ES: 'S.A.', GB: 'Ltd', SE: 'AB', NL: 'B.V.',
}; // prettier-ignore

export const FIRST_NAMES: readonly string[] = [
  'María', 'José', 'Juan', 'Guadalupe', 'Luis', 'Ana', 'Carlos', 'Sofía', 'Jorge', 'Fernanda', 'Miguel',
  'Laura', 'Alejandro', 'Daniela', 'Ricardo', 'Patricia', 'Eduardo', 'Gabriela', 'Roberto', 'Mariana',
  'James', 'Mary', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Susan', 'William', 'Karen', 'Thomas',
  'Emily', 'Daniel', 'Sarah', 'Mark', 'Anna', 'Kenji', 'Yuki', 'Hans', 'Petra', 'Wei', 'Min-jun', 'Lucas',
  'Camila', 'Andrés', 'Valentina', 'Héctor', 'Claudia', 'Olivier', 'Chloé',
]; // prettier-ignore

export const LAST_NAMES: readonly string[] = [
  'Hernández', 'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Cruz',
  'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Gutiérrez', 'Ruiz',
  'Mendoza', 'Aguilar', 'Ortiz', 'Castillo', 'Romero', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones',
  'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'Müller',
  'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Tanaka', 'Suzuki', 'Sato', 'Kim', 'Lee', 'Park', 'Chen',
  'Wang', 'Li', 'Zhang', 'Silva', 'Santos', 'Oliveira', 'Dubois', 'Rossi',
]; // prettier-ignore

export const COMPANY_ROLES: readonly string[] = [
  'chief executive officer', 'chief financial officer', 'chief operating officer', 'plant manager',
  'director of exports', 'director of purchasing', 'head of government affairs', 'board member',
  'general counsel', 'sales director',
]; // prettier-ignore

export const ASSOCIATION_ROLES: readonly string[] = ['president', 'executive director', 'vice president', 'board member', 'spokesperson']; // prettier-ignore

export const AGENCY_ROLES: readonly string[] = ['director general', 'chief statistician', 'undersecretary', 'spokesperson']; // prettier-ignore
