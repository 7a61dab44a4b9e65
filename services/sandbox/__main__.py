"""`python -m services.sandbox`"""

from servicekit.logging_setup import configure_logging
from servicekit.serve import serve
from services.sandbox.app import create_app
from services.sandbox.settings import SandboxSettings


def main() -> None:
    settings = SandboxSettings()
    configure_logging("sandbox", settings.log_format, settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    main()
