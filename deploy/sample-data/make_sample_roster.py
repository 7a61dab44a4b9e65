"""Generate `roster.bojonegoro.sample.json`: a SAMPLE roster for Kabupaten Bojonegoro.

    .venv/bin/python deploy/sample-data/make_sample_roster.py [--check]

Deterministic: the same area data always gives the same file (`--check` fails when the
committed file differs). Officers and numbers are fictitious. Area codes come from
idn-area-data (ODbL): "Indonesian area data: idn-area-data, ODbL".

Numbering scheme (D = district number 01..28, 00 for the regency; B = Bhabin number
within the district 01..99, 00 for the Polsek/Polres line):
- line phone_number_id: "103522" + DD + "0" + BB + "0000" (15 digits)
    Kapolres line 103522000000000, Polsek Ngraho (35.22.01) 103522010000000,
    first Bhabin of Ngraho 103522010010000
- line display number: "628533522" + DD + BB (13 digits)
    Kapolres 6285335220000, Polsek Ngraho 6285335220100, Bhabin 01 of Ngraho 6285335220101
- officer wa_id: "62811000" + kind + DD + BB with kind 0 Kapolres, 1 Kapolsek, 2 Bhabin
    Kapolres 6281100000000, Kapolsek Ngraho 6281100010100, Bhabin 01-03 6281100020103
- officer_id: "kapolres-35.22", "kapolsek-35.22.01", "bhabin-35.22.01-03"

Bhabins: each district's villages in code order are dealt out in groups of 3, 2, 4, 3,
2, 4, ... villages; the villages in UNCOVERED (among them Sukorejo of Kec. Tambakrejo) get
no Bhabin, so their Kapolsek is the first tier. Kec. Ngraho (35.22.01) is fully covered.
The first Bhabin of every district has his own line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from contracts.areas import ATTRIBUTION  # noqa: E402
from contracts.hierarchy import Tier  # noqa: E402
from contracts.lines import Line  # noqa: E402
from contracts.roster import Officer, Roster  # noqa: E402
from services.router.domain.directory import Directory  # noqa: E402

REGENCY_CODE = "35.22"
OUTPUT = Path(__file__).resolve().parent / "roster.bojonegoro.sample.json"
NOTE = (
    "SAMPLE DATA: fictitious officers and numbers, not the real Polres Bojonegoro roster. "
    f"Area codes and names: {ATTRIBUTION} (see deploy/sample-data/NOTICE.md)."
)
GROUP_SIZES = (3, 2, 4)
# Villages left without a Bhabin (their Kapolsek handles them first).
UNCOVERED = (
    "35.22.02.2009",  # Sukorejo, Kec. Tambakrejo
    "35.22.06.2004",  # Sumberarum, Kec. Dander
    "35.22.12.2010",  # Sambongrejo, Kec. Sumberrejo
    "35.22.19.2003",  # Purworejo, Kec. Padangan
    "35.22.27.2002",  # Miyono, Kec. Sekar
)

FIRST_NAMES = (
    "Agus", "Bambang", "Cahyo", "Dedi", "Eko", "Fajar", "Gunawan", "Hadi", "Imam", "Joko",
    "Kurniawan", "Lukman", "Mulyono", "Nanang", "Purnomo", "Rahmat", "Slamet", "Teguh",
    "Wahyu", "Yudi", "Andik", "Bayu", "Dwi", "Heru", "Iwan", "Sugeng", "Tri", "Wawan",
)  # fmt: skip
LAST_NAMES = (
    "Santoso", "Prasetyo", "Wibowo", "Susanto", "Hidayat", "Setiawan", "Nugroho", "Saputro",
    "Purwanto", "Kusuma", "Widodo", "Hartono", "Sutrisno", "Maulana", "Firmansyah",
    "Pratama", "Suryadi", "Wijaya", "Riyanto", "Hermawan", "Utomo",
)  # fmt: skip
BHABIN_RANKS = ("Aiptu", "Aipda", "Bripka", "Brigpol")


def _name(n: int) -> str:
    first = FIRST_NAMES[n % len(FIRST_NAMES)]
    last = LAST_NAMES[(n * 7 + n // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last}"


def line_id(district: int, bhabin: int) -> str:
    return f"103522{district:02d}0{bhabin:02d}0000"


def line_display(district: int, bhabin: int) -> str:
    return f"628533522{district:02d}{bhabin:02d}"


def officer_wa_id(kind: int, district: int, bhabin: int) -> str:
    return f"62811000{kind}{district:02d}{bhabin:02d}"


def build_roster(directory: Directory) -> Roster:
    regency_name = directory.regency_name(REGENCY_CODE) or "Kabupaten Bojonegoro"
    officers: list[Officer] = [
        Officer(
            officer_id=f"kapolres-{REGENCY_CODE}",
            name=_name(0),
            rank="AKBP",
            tier=Tier.KAPOLRES,
            wa_id=officer_wa_id(0, 0, 0),
            area_codes=(REGENCY_CODE,),
        )
    ]
    lines: list[Line] = [
        Line(
            phone_number_id=line_id(0, 0),
            display_phone_number=line_display(0, 0),
            tier=Tier.KAPOLRES,
            area_codes=(REGENCY_CODE,),
            label=f"Polres {regency_name.removeprefix('Kabupaten ')} (contoh)",
        )
    ]
    person = 1
    for district in sorted(directory.districts_in(REGENCY_CODE), key=lambda d: d.code):
        number = int(district.code.rsplit(".", 1)[1])
        officers.append(
            Officer(
                officer_id=f"kapolsek-{district.code}",
                name=_name(person),
                rank="AKP" if number % 3 else "Iptu",
                tier=Tier.KAPOLSEK,
                wa_id=officer_wa_id(1, number, 0),
                area_codes=(district.code,),
            )
        )
        person += 1
        lines.append(
            Line(
                phone_number_id=line_id(number, 0),
                display_phone_number=line_display(number, 0),
                tier=Tier.KAPOLSEK,
                area_codes=(district.code,),
                label=f"Polsek {district.name} (contoh)",
            )
        )
        villages = [
            v.code
            for v in sorted(directory.villages_in(district.code), key=lambda v: v.code)
            if v.code not in UNCOVERED
        ]
        groups: list[list[str]] = []
        i = 0
        while i < len(villages):
            size = GROUP_SIZES[len(groups) % len(GROUP_SIZES)]
            groups.append(villages[i : i + size])
            i += size
        if len(groups) > 1 and len(groups[-1]) == 1:  # nobody serves a single village alone
            if len(groups[-2]) >= 3:
                groups[-1].insert(0, groups[-2].pop())
            else:
                groups[-2].extend(groups.pop())
        for b, group in enumerate(groups, start=1):
            officers.append(
                Officer(
                    officer_id=f"bhabin-{district.code}-{b:02d}",
                    name=_name(person),
                    rank=BHABIN_RANKS[person % len(BHABIN_RANKS)],
                    tier=Tier.BHABIN,
                    wa_id=officer_wa_id(2, number, b),
                    area_codes=tuple(group),
                )
            )
            person += 1
            if b == 1:
                names = ", ".join(directory.village(c).name for c in group)  # type: ignore[union-attr]
                lines.append(
                    Line(
                        phone_number_id=line_id(number, b),
                        display_phone_number=line_display(number, b),
                        tier=Tier.BHABIN,
                        area_codes=tuple(group),
                        label=f"Bhabinkamtibmas {names} (contoh)",
                    )
                )
    return Roster(
        regency_code=REGENCY_CODE,
        sample=True,
        note=NOTE,
        polres_name="Polres Bojonegoro",
        lines=tuple(lines),
        officers=tuple(officers),
    )


def render(roster: Roster) -> str:
    return json.dumps(roster.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=None, help="idn-area folder (default: settings)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the file is outdated")
    args = parser.parse_args(argv)
    directory = Directory.load(args.data_dir, regency_codes=[REGENCY_CODE])
    text = render(build_roster(directory))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is outdated: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
