from virage.core.testing.matrix import Route, everyone

ROUTES = [
    # the public, vendor-neutral catalog
    Route("catalog:list", everyone(200)),
]
