from virage.core.testing.matrix import Route, everyone

ROUTES = [
    Route("healthz", everyone(200)),
    Route("readyz", everyone(200)),
    Route("set_language", everyone(405), note="POST only"),
    Route("core:landing", everyone(200)),
]
