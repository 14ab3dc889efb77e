import { corporateNumberFromBase } from '../src/domain/membership/corporate-number.js';
import { searchTextFor } from '../src/domain/roster/search-text.js';
import type { SyntheticCompany } from '../src/persistence/repositories/bench-seed.repository.js';

/** Deterministic synthetic companies with valid 法人番号 check digits. */
export const syntheticCompanies = (count: number): SyntheticCompany[] =>
  Array.from({ length: count }, (_, i) => {
    const base = String(100_000_000_000 + i * 7919).padStart(12, '0').slice(-12);
    const name = `株式会社ベンチ製作所${i}`;
    const nameKana = `ベンチセイサクショ${i}`;
    return {
      corporateNumber: corporateNumberFromBase(base),
      name,
      nameKana,
      prefecture: String((i % 47) + 1).padStart(2, '0'),
      searchText: searchTextFor([name, nameKana]),
    };
  });
