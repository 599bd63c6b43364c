import { normaliseName } from './normalise.js';

/**
 * Cities known by several names (their exonyms in English, French, German, Dutch, Italian, Spanish
 * and the local name), each list under one canonical name. Names are written as normaliseName leaves
 * them: lowercase letters only, accents dropped ("Brüssel" -> "brussel").
 */
const CITY_NAMES: Record<string, string[]> = {
  brussels: ['bruxelles', 'brussel', 'brussels', 'bruessel', 'bruselas', 'bruxelas', 'bruksela'],
  antwerp: ['antwerpen', 'anvers', 'amberes', 'anversa'],
  ghent: ['gent', 'gand', 'gante'],
  bruges: ['brugge', 'brujas'],
  liege: ['luik', 'luettich', 'luttich', 'lieja'],
  leuven: ['louvain', 'lowen', 'loewen', 'lovaina'],
  mechelen: ['malines', 'mecheln'],
  mons: ['bergen'],
  namur: ['namen'],
  munich: ['munchen', 'muenchen', 'monaco di baviera', 'monachium', 'munique'],
  cologne: ['koln', 'koeln', 'colonia', 'keulen'],
  nuremberg: ['nurnberg', 'nuernberg', 'norimberga'],
  aachen: ['aixlachapelle', 'aquisgran', 'aken', 'aquisgrana'],
  frankfurt: ['frankfurtammain', 'francfort', 'francoforte', 'francfortdelmeno'],
  hanover: ['hannover', 'hanovre'],
  vienna: ['wien', 'vienne', 'viena', 'wenen'],
  zurich: ['zuerich', 'zurigo'],
  geneva: ['geneve', 'genf', 'ginevra', 'ginebra', 'genebra'],
  basel: ['bale', 'basilea', 'basle'],
  bern: ['berne', 'berna'],
  lucerne: ['luzern', 'lucerna'],
  florence: ['firenze', 'florenz', 'florencia'],
  milan: ['milano', 'mailand', 'milaan'],
  rome: ['roma', 'rom'],
  venice: ['venezia', 'venedig', 'venise', 'venecia', 'venetie'],
  naples: ['napoli', 'neapel', 'napels', 'napoles'],
  turin: ['torino', 'turim'],
  genoa: ['genova', 'genua', 'genes'],
  lisbon: ['lisboa', 'lissabon', 'lisbonne', 'lisbona'],
  seville: ['sevilla', 'siviglia'],
  saragossa: ['zaragoza'],
  prague: ['praha', 'prag', 'praga'],
  warsaw: ['warszawa', 'warschau', 'varsovie', 'varsovia', 'varsavia'],
  krakow: ['cracow', 'krakau', 'cracovie', 'cracovia'],
  copenhagen: ['kobenhavn', 'kopenhagen', 'copenhague', 'copenaghen'],
  gothenburg: ['goteborg', 'goeteborg'],
  the_hague: ['thehague', 'denhaag', 'sgravenhage', 'lahaye', 'denhag', 'laia'],
  athens: ['athina', 'athen', 'athenes', 'atenas', 'atene'],
  moscow: ['moskva', 'moskau', 'moscou', 'mosca', 'moscu'],
  bucharest: ['bucuresti', 'bukarest', 'bucarest'],
  belgrade: ['beograd', 'belgrad', 'belgrado'],
  luxembourg: ['luxemburg', 'lussemburgo', 'luxemburgo', 'letzebuerg'],
  strasbourg: ['strassburg', 'strasburgo', 'estrasburgo'],
  dunkirk: ['dunkerque', 'duinkerke', 'duenkirchen'],
  lille: ['rijsel'],
  london: ['londres', 'londra', 'londen'],
  edinburgh: ['edimbourg', 'edimburgo'],
  dublin: ['baileathacliath', 'dublino'],
  istanbul: ['constantinople', 'istambul', 'estambul'],
  beijing: ['peking', 'pekin', 'pechino'],
  mexico_city: ['mexicocity', 'ciudaddemexico', 'cdmx', 'mexicodf'],
};

/** Normalised name -> canonical name. */
const CANONICAL = new Map<string, string>();
for (const [canonical, names] of Object.entries(CITY_NAMES)) {
  const key = canonical.replace(/_/g, '');
  CANONICAL.set(key, key);
  for (const name of names) CANONICAL.set(normaliseName(name), key);
}

/** A city name in one form whatever the language it is written in: "Bruxelles", "Brüssel" and "Brussels" -> "brussels". */
export function canonicalCity(city: string): string {
  const name = normaliseName(city);
  return CANONICAL.get(name) ?? name;
}
