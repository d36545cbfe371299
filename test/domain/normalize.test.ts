import { foldForSearch, searchTextOf } from '../../src/domain/normalize';
import { idProblem } from '../../src/domain/ids';

describe('Search text', () => {
  test('folding removes case, accents and punctuation', () => {
    expect(foldForSearch('Asociación Nacional de Productores de Autobuses, Camiones y Tractocamiones')).toBe(
      'asociacion nacional de productores de autobuses camiones y tractocamiones',
    );
    expect(foldForSearch('ANPACT')).toBe(foldForSearch('anpact'));
    expect(foldForSearch('Gebrüder  Weiss')).toBe('gebruder weiss');
  });

  test('search text keeps names apart and drops repeats', () => {
    expect(searchTextOf('anpact', 'ANPACT', ['Anpact', 'Asociación'])).toBe('|anpact|asociacion|');
  });
});

describe('Ids', () => {
  test('each kind has its own id rule', () => {
    expect(idProblem('Country', 'MX')).toBeNull();
    expect(idProblem('Country', 'mx')).toMatch(/not a valid Country id/);
    expect(idProblem('Region', 'MX-COA')).toBeNull();
    expect(idProblem('Region', 'MX-COA-ramos-arizpe')).toBeNull();
    expect(idProblem('Company', 'Freightliner')).toMatch(/freightliner/);
    expect(idProblem('Company', 'daimler-truck')).toBeNull();
  });
});
