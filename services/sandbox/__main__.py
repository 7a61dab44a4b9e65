"""`python -m services.sandbox`"""

from servicekit.serve import serve_service
from services.sandbox.app import create_app
from services.sandbox.settings import SandboxSettings


def main() -> None:
    serve_service("sandbox", SandboxSettings(), create_app)


if __name__ == "__main__":
    main()
