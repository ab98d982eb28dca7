"""Speed of the place finder: gazetteer load time, and find_places on 500-word texts written for the purpose.

    .venv/bin/python benchmarks/places_speed.py [--texts 200]

Prints the load time (automaton included) and the time per 500-word text (best of five rounds, so other load on the
machine weighs less). The texts are made from invented sentences, shuffled with a fixed seed.
"""
from __future__ import annotations

import argparse
import random
import time

SENTENCES = (
    "Russian drones struck an energy facility near Kyiv overnight, the regional governor said on Telegram.",
    "Two people were killed and five injured when a missile hit a residential building in the southern city of "
    "Odesa, officials said.",
    "Shelling in the Kharkiv region damaged a school and a church, according to the prosecutor's office.",
    "Ukrainian forces repelled attacks on the Pokrovsk direction, the General Staff said in its morning update.",
    "A guided bomb fell on the outskirts of Zaporizhzhia, wounding a woman and her son.",
    "The mayor said power had been restored to most homes in Mykolaiv and the surrounding villages.",
    "Air defence units shot down 40 of the 52 drones launched from the Kursk and Belgorod regions.",
    "Fighting continued around Bakhmut and in the Donbas, where Russian units pressed towards Kramatorsk.",
    "The ministry said the talks would resume next week, while aid convoys waited at the border with Poland.",
    "Residents of Kherson were told to stay in shelters as artillery fire intensified along the Dnipro.",
    "A grain terminal in the Black Sea port of Pivdennyi was damaged, the port authority reported.",
    "Officials in Sumy said a drone had hit a bus, killing the driver and injuring three passengers.",
    "Explosions were also heard in Sevastopol, where the fleet headquarters had been struck before.",
    "The village of Oleksandrivka in the Kherson region came under fire three times on Tuesday.",
    "Economists expect inflation to ease slowly as the harvest improves and exports recover this autumn.",
    "The president thanked partners for the new air defence systems and asked for more ammunition.",
)


def make_texts(count: int, *, words: int = 500, seed: int = 7) -> list[str]:
    """``count`` texts of about ``words`` words each, from shuffled invented sentences."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(s.split()) for s in chosen) < words:
            chosen.append(rng.choice(SENTENCES))
        texts.append(" ".join(chosen))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=200, help="how many 500-word texts a round")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    from warledger.extract.places import find_places
    from warledger.gazetteer.lookup import Gazetteer

    Gazetteer.default()
    print(f"gazetteer load with automaton: {time.perf_counter() - started:.2f} s")
    texts = make_texts(args.texts)
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        found = sum(len(find_places(text)) for text in texts)
        rounds.append((time.perf_counter() - started) / len(texts))
    print(f"find_places: {1000 * min(rounds):.3f} ms per 500-word text (best of 5 rounds of {len(texts)}; "
          f"{found / len(texts):.1f} places a text)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
