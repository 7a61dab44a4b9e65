"""`python -m services.router`"""

from servicekit.logging_setup import configure_logging
from servicekit.serve import serve
from services.router.app import create_app
from services.router.settings import RouterSettings


def main() -> None:
    settings = RouterSettings()
    configure_logging("router", settings.log_format, settings.log_level)
    serve(create_app(), settings.host, settings.port)


if __name__ == "__main__":
    main()
