"""`python -m services.ingest`: the webhook receiver on INGEST_HOST:INGEST_PORT."""

from servicekit.serve import serve_service
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings


def main() -> None:
    serve_service("ingest", IngestSettings(), create_app)


if __name__ == "__main__":
    main()
