"""`python -m services.ingest`: the webhook receiver on INGEST_HOST:INGEST_PORT."""

from servicekit.logging_setup import configure_logging
from servicekit.serve import serve
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings


def main() -> None:
    settings = IngestSettings()
    configure_logging("ingest", settings.log_format, settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    main()
