import { NAMES } from './contact-names';

/** Locale, the names its speakers get, and where they live (city with its IANA time zone). */
export interface Region {
  locale: string;
  names: { first: readonly string[]; last: readonly string[] };
  weight: number;
  cities: ReadonlyArray<readonly [city: string, timezone: string]>;
}
export const REGIONS: readonly Region[] = [
  {
    locale: 'en',
    names: NAMES.en,
    weight: 26,
    cities: [
      ['New York', 'America/New_York'],
      ['Chicago', 'America/Chicago'],
      ['Denver', 'America/Denver'],
      ['Seattle', 'America/Los_Angeles'],
      ['Austin', 'America/Chicago'],
      ['Boston', 'America/New_York'],
    ],
  },
  {
    locale: 'en-GB',
    names: NAMES.en,
    weight: 8,
    cities: [
      ['London', 'Europe/London'],
      ['Manchester', 'Europe/London'],
      ['Edinburgh', 'Europe/London'],
      ['Dublin', 'Europe/Dublin'],
    ],
  },
  {
    locale: 'fr',
    names: NAMES.fr,
    weight: 14,
    cities: [
      ['Paris', 'Europe/Paris'],
      ['Lyon', 'Europe/Paris'],
      ['Nantes', 'Europe/Paris'],
      ['Lille', 'Europe/Paris'],
      ['Bruxelles', 'Europe/Brussels'],
      ['Genève', 'Europe/Zurich'],
    ],
  },
  {
    locale: 'fr-CA',
    names: NAMES.fr,
    weight: 5,
    cities: [
      ['Montréal', 'America/Toronto'],
      ['Québec', 'America/Toronto'],
      ['Gatineau', 'America/Toronto'],
    ],
  },
  {
    locale: 'de',
    names: NAMES.de,
    weight: 12,
    cities: [
      ['Berlin', 'Europe/Berlin'],
      ['Hamburg', 'Europe/Berlin'],
      ['München', 'Europe/Berlin'],
      ['Köln', 'Europe/Berlin'],
      ['Wien', 'Europe/Vienna'],
      ['Zürich', 'Europe/Zurich'],
    ],
  },
  {
    locale: 'es',
    names: NAMES.es,
    weight: 10,
    cities: [
      ['Madrid', 'Europe/Madrid'],
      ['Barcelona', 'Europe/Madrid'],
      ['Valencia', 'Europe/Madrid'],
      ['Sevilla', 'Europe/Madrid'],
    ],
  },
  {
    locale: 'es-MX',
    names: NAMES.es,
    weight: 6,
    cities: [
      ['Ciudad de México', 'America/Mexico_City'],
      ['Guadalajara', 'America/Mexico_City'],
      ['Monterrey', 'America/Monterrey'],
    ],
  },
  {
    locale: 'it',
    names: NAMES.it,
    weight: 7,
    cities: [
      ['Roma', 'Europe/Rome'],
      ['Milano', 'Europe/Rome'],
      ['Torino', 'Europe/Rome'],
      ['Bologna', 'Europe/Rome'],
    ],
  },
  {
    locale: 'pt-BR',
    names: NAMES.pt,
    weight: 7,
    cities: [
      ['São Paulo', 'America/Sao_Paulo'],
      ['Rio de Janeiro', 'America/Sao_Paulo'],
      ['Belo Horizonte', 'America/Sao_Paulo'],
    ],
  },
  {
    locale: 'nl',
    names: NAMES.nl,
    weight: 5,
    cities: [
      ['Amsterdam', 'Europe/Amsterdam'],
      ['Rotterdam', 'Europe/Amsterdam'],
      ['Utrecht', 'Europe/Amsterdam'],
    ],
  },
];
