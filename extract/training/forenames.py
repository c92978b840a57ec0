"""Regenerate `extract/data/forenames.txt`, the forename lexicon the list readers use.

Two permissively licensed sources, lower-cased and merged:
- Faker's person providers (MIT licence), every locale written in a Latin script;
- names-dataset (Apache 2.0 licence): the most common forenames in the countries whose
  names UK public bodies' papers print most (`TOP` per country and gender).
Both are needed only to regenerate the file: pip install faker names-dataset, then
    python -m extract.training.forenames
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "forenames.txt"
TOP = {"GB": 5000, "IE": 2000, "US": 2000, "IN": 1000, "PK": 1000, "BD": 500, "NG": 1000, "PL": 500,
       "IT": 500, "PT": 500, "ES": 500, "FR": 500, "DE": 500, "TR": 500, "GR": 300, "CN": 300}


def _latin(name: str) -> bool:
    return bool(name) and all(c.isalpha() or c in "-'" for c in name) and all(ord(c) < 0x250 for c in name)


def faker_forenames() -> set[str]:
    import faker.providers.person as people

    names: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(provider, attr, ())
            if isinstance(value, (list, tuple, dict, set, frozenset)):
                names.update(n for n in value if isinstance(n, str))
    return {n.lower() for n in names if _latin(n)}


def dataset_forenames() -> set[str]:
    from names_dataset import NameDataset

    dataset = NameDataset(load_last_names=False)
    names: set[str] = set()
    for country, n in TOP.items():
        for by_gender in dataset.get_top_names(n=n, country_alpha2=country).values():
            for listed in by_gender.values():
                names.update(x.lower() for x in listed if _latin(x))
    return names


def main() -> None:
    names = sorted(faker_forenames() | dataset_forenames())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("# forenames from Faker (MIT) and names-dataset (Apache 2.0); "
                   "regenerate with python -m extract.training.forenames\n" + "\n".join(names) + "\n",
                   encoding="utf-8")
    print(f"wrote {len(names)} forenames to {OUT}")


if __name__ == "__main__":
    main()
