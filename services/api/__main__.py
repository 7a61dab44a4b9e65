"""`python -m services.api`"""

from servicekit.serve import serve_service
from services.api.app import create_app
from services.api.settings import ApiSettings


def main() -> None:
    serve_service("api", ApiSettings(), create_app)


if __name__ == "__main__":
    main()
