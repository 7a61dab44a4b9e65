"""`python -m services.notifier`"""

from servicekit.logging_setup import configure_logging, register_secret
from servicekit.serve import serve
from services.notifier.app import create_app
from services.notifier.settings import NotifierSettings


def main() -> None:
    settings = NotifierSettings()
    register_secret(settings.access_token.get_secret_value())
    configure_logging("notifier", settings.log_format, settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    main()
