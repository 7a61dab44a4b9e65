"""Admin CLI of the officer directory.

    python -m services.api.directory import FILE [--replace]

Publishes a roster file's Polres, lines and officers to the directory topics (only what
differs; `--replace` also removes the lines and officers the file does not name). Every
service applies the change at once, without a restart. Reads KAFKA_BOOTSTRAP_SERVERS,
MATUR_TOPIC_PREFIX and MATUR_AREA_DATA_DIR like the services.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from contracts.areas import AreaDataError
from contracts.roster import RosterError
from servicekit.directory_feed import DirectoryTopicsMissing
from servicekit.logging_setup import configure_logging
from servicekit.settings import repo_path
from services.api.directory.importer import import_roster_file
from services.api.settings import ApiSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.api.directory")
    sub = parser.add_subparsers(dest="command", required=True)
    p_import = sub.add_parser("import", help="publish a roster file to the directory topics")
    p_import.add_argument("file", type=Path, help="roster JSON (see contracts/roster.py)")
    p_import.add_argument(
        "--replace", action="store_true",
        help="also remove the lines and officers the file does not name",
    )
    args = parser.parse_args(argv)
    settings = ApiSettings()
    configure_logging("directory", settings.log_format, settings.log_level)
    try:
        result = asyncio.run(import_roster_file(
            settings.kafka_bootstrap_servers, settings.topic_prefix, args.file,
            repo_path(settings.area_data_dir), args.replace,
        ))
    except (RosterError, AreaDataError, DirectoryTopicsMissing, ValueError) as exc:
        print(f"not imported: {exc}", file=sys.stderr)
        return 2
    print(f"imported {args.file}: {result.written} written, {result.removed} removed, "
          f"{result.unchanged} unchanged", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
