"""`python -m services.api`"""

from servicekit.logging_setup import configure_logging
from servicekit.serve import serve
from services.api.app import create_app
from services.api.settings import ApiSettings


def main() -> None:
    settings = ApiSettings()
    configure_logging("api", settings.log_format, settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    main()
