"""`python -m services.notifier`"""

from servicekit.logging_setup import register_secret
from servicekit.serve import serve_service
from services.notifier.app import create_app
from services.notifier.settings import NotifierSettings


def main() -> None:
    settings = NotifierSettings()
    register_secret(settings.access_token.get_secret_value())
    serve_service("notifier", settings, create_app)


if __name__ == "__main__":
    main()
