from tests.security.live import installation, installation_on_suite_database  # noqa: F401
