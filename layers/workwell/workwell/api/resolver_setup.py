"""Common set-up of every function's resolver. Each handler still writes
`app = APIGatewayRestResolver(enable_validation=True)` literally, for OpenAPIMerge discovery."""

from __future__ import annotations

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.middlewares import NextMiddleware

from workwell.api.errors import NO_STORE, install_error_handlers


def _no_store(app: APIGatewayRestResolver, next_middleware: NextMiddleware) -> Response[object]:
    # Every answer is personal or tenant-private: no cache may keep it.
    response = next_middleware(app)
    response.headers.update(NO_STORE)
    return response


def configure_resolver(app: APIGatewayRestResolver) -> None:
    install_error_handlers(app)
    app.use(middlewares=[_no_store])
